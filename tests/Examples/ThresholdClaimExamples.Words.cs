using System.Globalization;
using System.Text.RegularExpressions;
using Calculus.Examples.Support;
using Calculus.Functions;

namespace Calculus.Examples;

/// <summary>The claims in words without a printed threshold, each over every binade of the doubles.</summary>
public sealed partial class ThresholdClaimExamples
{
    /// <summary>ulp(1) = 2^-52.</summary>
    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>The period a "periodic" claim is checked with: sin's.</summary>
    private const double Period = 2 * Math.PI;

    [Fact]
    public void NeverSaturates_TheCheck_FindsEverySaturatingSide()
    {
        // The check of "never saturates" must be able to fail: every activation that saturates, on the side it does.
        foreach (var f in new[] { Catalog.Sigmoid, Catalog.Tanh, Catalog.Erf, Catalog.Gaussian, Catalog.CreatePlu(0, 1) })
        {
            Assert.True(Saturation(f, bothSides: false) is not null, $"{f.Name} saturates above, and the check did not see it");
        }

        Assert.True(Saturation(Catalog.Relu, bothSides: true) is not null, "ReLU is 0 below, and the check did not see it");
        Assert.Null(Saturation(Catalog.Relu, bothSides: false));
    }

    /// <summary>Checks every claim in words of the text without a printed threshold; returns the matches checked.</summary>
    private static List<Match> WordClaims(ScalarFunction f, string text)
    {
        var found = new List<Match>();
        foreach (Match m in NeverSaturates().Matches(text))
        {
            string? where = Saturation(f, bothSides: !m.Groups["above"].Success);
            Assert.True(where is null, $"{f.Name}: the text says '{m.Value}', but it saturates {where}");
            found.Add(m);
        }

        foreach (Match m in ExactlyZero().Matches(text))
        {
            double t = Parse(m.Groups["t"].Value);
            var below = Witnesses().Select(v => t - v).Concat([t, -0.0, double.NegativeInfinity]);
            Assert.All(below, x => Assert.True(f.Value(x) == 0, $"{f.Name}({Expect.R(x)}) = {Expect.R(f.Value(x))}, the text says exactly 0"));
            Assert.True(f.Value(Math.BitIncrement(t)) > 0, $"{f.Name} is 0 beyond {Expect.R(t)}: the threshold is not the printed {m.Groups["t"].Value}");
            found.Add(m);
        }

        foreach (Match m in Clips().Matches(text))
        {
            double c = Parse(m.Groups["c"].Value), t = Parse(m.Groups["t"].Value);
            foreach (double x in Witnesses().Where(v => v >= t).Prepend(t).Append(double.PositiveInfinity))
            {
                Assert.True(f.Value(x) == c && f.Value(-x) == -c, $"{f.Name}(±{Expect.R(x)}) = {Expect.R(f.Value(x))}, {Expect.R(f.Value(-x))}; the text says ±{c}");
                Assert.True(f.Derivative(x) == 0 && f.Derivative(-x) == 0, $"{f.Name}'(±{Expect.R(x)}) is not 0 where it clips");
            }

            double before = Math.BitDecrement(t);
            Assert.True(f.Value(before) < c && f.Value(-before) > -c, $"{f.Name} clips before {Expect.R(t)} already");
            found.Add(m);
        }

        foreach (Match m in ValuesIn().Matches(text))
        {
            double lo = Parse(m.Groups["lo"].Value), hi = Parse(m.Groups["hi"].Value);
            foreach (double x in Witnesses().SelectMany(v => new[] { v, -v }))
            {
                Assert.True(f.Value(x) >= lo && f.Value(x) <= hi, $"{f.Name}({Expect.R(x)}) = {Expect.R(f.Value(x))} not in [{lo}, {hi}]");
            }

            found.Add(m);
        }

        foreach (Match m in Periodic().Matches(text))
        {
            // t = fl(x + fl(2π)) is x + 2π to ε|t|/2 (the sum's rounding) + 2ε (|fl(2π) − 2π| ≤ ulp(2π)/2 = 2ε); f is
            // 1-Lipschitz, and each value is within an ulp (≤ ε, |f| ≤ 1): |f(t) − f(x)| ≤ ε(|t|/2 + 4).
            foreach (double x in Enumerable.Range(-800, 1601).Select(k => k / 8.0))
            {
                double t = x + Period;
                Assert.True(Math.Abs(f.Value(t) - f.Value(x)) <= Epsilon * ((Math.Abs(t) / 2) + 4), $"{f.Name}({Expect.R(t)}) ≠ {f.Name}({Expect.R(x)}): not 2π-periodic");
            }

            found.Add(m);
        }

        return found;
    }

    /// <summary>Where f saturates for |x| ≥ 1, in words: the first binade [2^k, 2^(k+1)), k = 0 … 1023 (on the negative
    /// side too when bothSides), where none of the witnesses 2^k·(1 + j/8), j = 0 … 7, has both a gradient above the
    /// catalog's δ (<see cref="Catalog.VanishingGradient"/>) and a value that changes at the next double
    /// outward; null when there is none.</summary>
    internal static string? Saturation(ScalarFunction f, bool bothSides)
    {
        foreach (int sign in bothSides ? new[] { 1, -1 } : [1])
        {
            for (int k = 0; k <= 1023; k++)
            {
                bool alive = Enumerable.Range(0, 8).Select(j => sign * Math.ScaleB(1 + (j / 8.0), k)).Any(x =>
                    Math.Abs(f.Derivative(x)) > Catalog.VanishingGradient
                    && f.Value(x) != f.Value(sign > 0 ? Math.BitIncrement(x) : Math.BitDecrement(x)));
                if (!alive)
                {
                    return $"from x = {(sign < 0 ? "−" : "")}2^{k}: |f'| ≤ {Catalog.VanishingGradient} or f constant at every witness";
                }
            }
        }

        return null;
    }

    /// <summary>Magnitudes of every binade: 2^k·(1 + j/8) for k = −1074 … 1023, j = 0 … 7 (subnormals rounded onto their
    /// grid), and the largest double.</summary>
    private static IEnumerable<double> Witnesses() =>
        Enumerable.Range(-1074, 2098).SelectMany(k => Enumerable.Range(0, 8).Select(j => Math.ScaleB(1 + (j / 8.0), k))).Append(double.MaxValue);

    private static double Parse(string printed) => double.Parse(printed.Replace('−', '-'), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"never saturates(?<above> above)?")]
    private static partial Regex NeverSaturates();

    [GeneratedRegex(@"exactly 0 for every x ≤ (?<t>[−-]?\d+(\.\d+)?)")]
    private static partial Regex ExactlyZero();

    [GeneratedRegex(@"clips to ±(?<c>\d+(\.\d+)?) for \|x\| ≥ (?<t>\d+(\.\d+)?)")]
    private static partial Regex Clips();

    [GeneratedRegex(@"values in \[(?<lo>[−-]?\d+), (?<hi>[−-]?\d+)\] for every finite x")]
    private static partial Regex ValuesIn();

    [GeneratedRegex(@"periodic")]
    private static partial Regex Periodic();
}
