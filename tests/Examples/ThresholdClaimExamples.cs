using System.Globalization;
using System.Text.RegularExpressions;

namespace Calculus.Examples;

/// <summary>Every threshold an activation's <see cref="ScalarFunction.SaturatesInDouble"/> states in words is checked at
/// the digits it prints: the claim holds at the printed threshold, and fails one unit of the last printed digit
/// before it (so the printed figure is the threshold, not a loose bound). The report prints these texts, and a student
/// who types the printed number into <c>calculus eval</c> must see what the text says.</summary>
public sealed partial class ThresholdClaimExamples
{
    private const double SmallestNormal = 2.2250738585072014E-308;

    public static TheoryData<string> Activations => [.. Catalog.Activations.Select(a => a.Name)];

    [Theory]
    [MemberData(nameof(Activations))]
    public void EveryThresholdInWords_HoldsAtThePrintedDigits_AndNotOneDigitEarlier(string name)
    {
        var a = Catalog.FindActivation(name);
        string text = a.SaturatesInDouble;
        int checkedClaims = 0;

        foreach (Match m in RoundsToOne().Matches(text))
        {
            var (t, unit) = Threshold(m.Groups["t"].Value);
            Assert.True(a.Value(t) == 1, $"{name}({t}) = {a.Value(t):R}, the text says it rounds to 1");
            Assert.True(a.Value(t - unit) < 1, $"{name}({t - unit}) = 1 already: the threshold is below the printed {t}");
            if (m.Groups["pm"].Success)
            {
                Assert.True(a.Value(-t) == -1, $"{name}({-t}) = {a.Value(-t):R}, the text says it rounds to -1");
            }

            checkedClaims++;
        }

        foreach (Match m in NaiveForm().Matches(text))
        {
            // The naive σ = 1/(1 + e^(−x)): 1 + e^(−x) rounds to 1 once e^(−x) < 2^-53.
            static double Naive(double x) => 1 / (1 + Math.Exp(-x));
            var (t, unit) = Threshold(m.Groups["t"].Value);
            Assert.True(Naive(t) == 1 && Naive(t - unit) < 1, $"the naive form's threshold is not {t}");
            checkedClaims++;
        }

        foreach (Match m in Tail().Matches(text))
        {
            var (t, unit) = Threshold(m.Groups["t"].Value);
            double inward = m.Groups["op"].Value == "≤" ? t + unit : t - unit; // one printed digit before the threshold
            bool zero = m.Groups["what"].Value == "0";
            double at = a.Value(t);
            double before = a.Value(inward);
            if (zero)
            {
                Assert.True(at == 0, $"{name}({t}) = {at:R}, the text says 0");
                Assert.True(before > 0, $"{name}({inward}) = 0 already: the threshold is before the printed {t}");
            }
            else
            {
                Assert.True(at > 0 && at < SmallestNormal, $"{name}({t}) = {at:R}, the text says subnormal");
                Assert.True(before >= SmallestNormal, $"{name}({inward}) = {before:R} is subnormal already");
            }

            if (m.Groups["abs"].Success)
            {
                Assert.True(a.Value(-t) == at, $"{name}({-t}) differs from {name}({t})");
            }

            checkedClaims++;
        }

        foreach (Match m in OneNearZero().Matches(text))
        {
            double t = Math.Pow(2, -int.Parse(m.Groups["k"].Value, CultureInfo.InvariantCulture));
            Assert.True(a.Value(t) == 1 && a.Value(-t) == 1, $"{name}(±{t}) is not 1");
            Assert.True(a.Value(Math.BitIncrement(t)) < 1, $"{name} is 1 beyond {t}: the threshold is not 2^-{m.Groups["k"].Value}");
            checkedClaims++;
        }

        // Every figure of the text belongs to a claim checked above: a new threshold in words needs its check here.
        int figures = Figure().Count(text);
        Assert.True(figures == checkedClaims, $"{name}: '{text}' states {figures} thresholds, {checkedClaims} were checked");
    }

    [Fact]
    public void TheCheckCatchesTheThresholdsOnceStatedInTheReport()
    {
        // The report once said "tanh rounds to ±1 from |x| ≥ 19.0615" and "σ is 0 from x ≤ −745.13"; both are false at
        // the printed digits, which is what the theory above asserts for the current texts.
        Assert.True(Tanh.Value(19.0615) < 1);
        Assert.True(Sigmoid.Value(-745.13) > 0);
    }


    /// <summary>The printed threshold and one unit of its last digit ("37.43" → 37.43, 0.01).</summary>
    private static (double Value, double Unit) Threshold(string printed)
    {
        string plain = printed.Replace('−', '-');
        int decimals = plain.Contains('.', StringComparison.Ordinal) ? plain.Length - plain.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        return (double.Parse(plain, CultureInfo.InvariantCulture), Math.Pow(10, -decimals));
    }

    [GeneratedRegex(@"rounds to (?<pm>±)?1 from (\|x\||x) ≥ (?<t>[−-]?\d+\.\d+)")]
    private static partial Regex RoundsToOne();

    [GeneratedRegex(@"\((?<t>\d+\.\d+) for the naive form\)")]
    private static partial Regex NaiveForm();

    [GeneratedRegex(@"(?<what>subnormal|0) from (?<abs>\|x\|)?x? ?(?<op>[≤≥]) (?<t>[−-]?\d+\.\d+)")]
    private static partial Regex Tail();

    [GeneratedRegex(@"1 for \|x\| ≤ 2\^-(?<k>\d+)")]
    private static partial Regex OneNearZero();

    /// <summary>A stated threshold: a decimal figure, or a power of two.</summary>
    [GeneratedRegex(@"\d+\.\d+|2\^-\d+")]
    private static partial Regex Figure();
}
