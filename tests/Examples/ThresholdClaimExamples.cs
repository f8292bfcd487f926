using System.Globalization;
using System.Text.RegularExpressions;
using Calculus.Activations;
using Calculus.Functions;

namespace Calculus.Examples;

/// <summary>Every claim an activation's <see cref="ScalarFunction.SaturatesInDouble"/> states in words is checked: a
/// threshold at the digits it prints (the claim holds at the printed threshold, and fails one unit of the last printed
/// digit before it, so the printed figure is the threshold, not a loose bound), and the claims without a figure ("never
/// saturates", "exactly 0 for every x ≤ 0", "clips to ±c", "periodic", "values in [−1, 1]") over every binade of the
/// doubles. The report prints these texts, and a student who types the printed number into <c>calculus eval</c> must see
/// what the text says.</summary>
public sealed partial class ThresholdClaimExamples
{
    private const double SmallestNormal = 2.2250738585072014E-308;

    /// <summary>The catalog, and PLU with α = 0 (a hard clip, the one text <see cref="Catalog.CreatePlu"/>
    /// writes differently).</summary>
    private static readonly Dictionary<string, Func<ScalarFunction>> Subjects = Catalog.Activations
        .Select(a => KeyValuePair.Create(a.Name, (Func<ScalarFunction>)(() => Catalog.FindActivation(a.Name))))
        .Append(KeyValuePair.Create("plu α=0 c=1", (Func<ScalarFunction>)(() => Catalog.CreatePlu(0, 1))))
        .Append(KeyValuePair.Create("plu α=0 c=0.25", (Func<ScalarFunction>)(() => Catalog.CreatePlu(0, 0.25))))
        .ToDictionary();

    public static TheoryData<string> Activations => [.. Subjects.Keys];

    [Theory]
    [MemberData(nameof(Activations))]
    public void EveryClaimInWords_Holds_AndEveryThresholdNotOneDigitEarlier(string name)
    {
        var a = Subjects[name]();
        string text = a.SaturatesInDouble;
        var checkedClaims = new List<Match>();

        foreach (Match m in RoundsToOne().Matches(text))
        {
            var (t, unit) = Threshold(m.Groups["t"].Value);
            Assert.True(a.Value(t) == 1, $"{name}({t}) = {a.Value(t):R}, the text says it rounds to 1");
            Assert.True(a.Value(t - unit) < 1, $"{name}({t - unit}) = 1 already: the threshold is below the printed {t}");
            if (m.Groups["pm"].Success)
            {
                Assert.True(a.Value(-t) == -1, $"{name}({-t}) = {a.Value(-t):R}, the text says it rounds to -1");
            }

            checkedClaims.Add(m);
        }

        foreach (Match m in NaiveForm().Matches(text))
        {
            // The naive σ = 1/(1 + e^(−x)): 1 + e^(−x) rounds to 1 once e^(−x) < 2^-53.
            static double Naive(double x) => 1 / (1 + Math.Exp(-x));
            var (t, unit) = Threshold(m.Groups["t"].Value);
            Assert.True(Naive(t) == 1 && Naive(t - unit) < 1, $"the naive form's threshold is not {t}");
            checkedClaims.Add(m);
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

            checkedClaims.Add(m);
        }

        foreach (Match m in OneNearZero().Matches(text))
        {
            double t = Math.Pow(2, -int.Parse(m.Groups["k"].Value, CultureInfo.InvariantCulture));
            Assert.True(a.Value(t) == 1 && a.Value(-t) == 1, $"{name}(±{t}) is not 1");
            Assert.True(a.Value(Math.BitIncrement(t)) < 1, $"{name} is 1 beyond {t}: the threshold is not 2^-{m.Groups["k"].Value}");
            checkedClaims.Add(m);
        }

        checkedClaims.AddRange(WordClaims(a, text));

        // Every clause of the text, and every figure in it, belongs to a claim checked here: a new claim in words needs
        // its check here.
        bool Covered(int index) => checkedClaims.Any(m => index >= m.Index && index < m.Index + m.Length);
        Assert.True(checkedClaims.Count > 0, $"{name}: no claim of '{text}' was checked");
        int start = 0;
        foreach (string clause in text.Split("; "))
        {
            Assert.True(Enumerable.Range(start, clause.Length).Any(Covered), $"{name}: '{clause}' states a claim no check reads");
            start += clause.Length + 2;
        }

        var loose = Figure().Matches(text).Where(f => !Covered(f.Index)).Select(f => f.Value).ToList();
        Assert.True(loose.Count == 0, $"{name}: '{text}' states thresholds no check reads: {string.Join(", ", loose)}");
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
