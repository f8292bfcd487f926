using Calculus.Verification.Generation;
using Calculus.Verification.Sheet;
using FsCheck;
using FsCheck.Fluent;

namespace Calculus.Verification.Checks;

/// <summary>Sheet 3a: LSE(a) = ln Σ e^(a_i) and its limit max a as the gap a** − a* → −∞.</summary>
internal static class LogSumExpChecks
{
    private const string Item = "3a", Function = "logsumexp";

    /// <summary>Cases per vector check (as the properties' 200).</summary>
    public const int Cases = 200;

    /// <summary>Vectors of the core domain: 1..8 entries in [−20, 20], ties now and then.</summary>
    public static Gen<double[]> Core { get; } =
        from n in Gen.Choose(1, 8)
        from v in Gen.Frequency((6, Generators.Band(-20, 20)), (1, Gen.Elements(0.0, 1.0, -1.0, 20.0, -20.0))).ArrayOf(n)
        select v;

    /// <summary>Vectors over the whole range: bands, magnitudes up to 1e300, the edge values, ±∞ entries (LSE has limits
    /// there: any +∞ gives +∞, −∞ entries drop out), and the vectors where the naive form overflows.</summary>
    public static Gen<double[]> Whole { get; } = Gen.Frequency(
        (8, from n in Gen.Choose(1, 8)
            from v in Gen.Frequency(
                (4, Generators.Band(-50, 50)), (3, Generators.LogUniform(1e-3, 1e300)), (1, Gen.Elements(Generators.EdgeValues)),
                (1, Gen.Elements(double.PositiveInfinity, double.NegativeInfinity))).ArrayOf(n)
            select v),
        (1, Gen.Elements<double[]>([1000, 1000], [-1000, -1000], [1e308, 1e308], [0, -40], [double.NegativeInfinity, 0], [800, -800, 0])));

    /// <summary>Every check of item 3a.</summary>
    public static IEnumerable<Check> All
    {
        get
        {
            bool InCore(double[] a) => a.Length > 0 && a.All(v => Math.Abs(v) <= ScalarDomains.CoreBound);
            yield return Make("LSE(a) matches the reference (|a_i| ≤ 20, n ≤ 8)", Tier.Core, false, Core, InCore, (a, ctx) => Value(a, ctx));
            yield return Make("max a ≤ LSE(a) ≤ max a + ln n", Tier.Core, true, Core, InCore, (a, ctx) =>
            {
                double lse = Ask.LogSumExp(ctx.Subject, a), max = a.Max(), tolerance = Tolerance(a, ctx);
                return lse >= max - tolerance && lse <= max + Math.Log(a.Length) + tolerance ? CaseOutcome.Pass
                    : CaseOutcome.Fail($"LSE must lie in [max a, max a + ln n] = [{Show.R(max)}, {Show.R(max + Math.Log(a.Length))}]",
                        Expectation.Between(max, max + Math.Log(a.Length)), lse, tolerance);
            });
            var gaps = Generators.Gap.Where(g => Math.Abs(g.Max) <= ScalarDomains.CoreBound);
            yield return new PropertyCheck<GapVector>(Item, [Function], "ln(1 + e^gap) ≤ LSE − max ≤ ln(1 + (n − 1)e^gap): LSE → max as the gap a** − a* → −∞",
                Tier.Core, Cases, true, gaps, _ => [], g => g.ToString(), (g, ctx) =>
                {
                    int n = g.Values.Length;
                    double excess = Ask.LogSumExp(ctx.Subject, g.Values) - g.Max;
                    double lower = Math.Log(1 + Math.Exp(g.Gap)), upper = Math.Log(1 + ((n - 1) * Math.Exp(g.Gap)));
                    double tolerance = Tolerance(g.Values, ctx) + (2 * ctx.Model.Epsilon * (lower + upper));
                    return excess >= lower - tolerance && excess <= upper + tolerance ? CaseOutcome.Pass
                        : CaseOutcome.Fail("LSE − max must lie between ln(1 + e^gap) and ln(1 + (n − 1)e^gap)", Expectation.Between(lower, upper), excess, tolerance);
                });
            var shifted = Core.Zip(Generators.Band(-20, 20), (a, c) => (A: a, C: c));
            yield return new PropertyCheck<(double[] A, double C)>(Item, [Function], "shift invariant: LSE(a + c) = LSE(a) + c", Tier.Core, Cases, true,
                shifted, t => ShrinkVector(t.A).Where(InCore).Select(a => (a, t.C)), t => $"a = {Show.Vector(t.A)}, c = {Show.R(t.C)}", (t, ctx) =>
                {
                    var moved = t.A.Select(v => v + t.C).ToArray();
                    double[] lse = Ask.Value(ctx.Subject.LogSumExp([t.A, moved]));
                    if (lse.Length != 2)
                    {
                        return CaseOutcome.Fail($"wrong shape: logsumexp of 2 vectors needs 2 values; got {lse.Length}");
                    }

                    // each a_i + c rounds by ε|a_i + c|/2, moving LSE by at most that
                    double tolerance = Tolerance(t.A, ctx) + Tolerance(moved, ctx) + (ctx.Model.Epsilon * moved.Max(Math.Abs));
                    return Compare.Values(() => $"LSE(a + {Show.R(t.C)}) against LSE(a) + {Show.R(t.C)}", lse[0] + t.C, lse[1], tolerance);
                });
            yield return Make("LSE over the whole double range: no overflow (LSE([1000, 1000]) = 1000 + ln 2), ±∞ entries as limits", Tier.Stable, false, Whole, a => a.Length > 0, (a, ctx) => Value(a, ctx));
            var withNaN = Core.Zip(Gen.Choose(0, 7), (a, k) => a.Select((v, i) => i == k % a.Length ? double.NaN : v).ToArray());
            yield return Make("NaN in, NaN out: LSE(a) is NaN when an entry is NaN", Tier.Stable, false, withNaN, a => a.Any(double.IsNaN), (a, ctx) =>
            {
                double lse = Ask.LogSumExp(ctx.Subject, a);
                return double.IsNaN(lse) ? CaseOutcome.Pass : CaseOutcome.Fail($"LSE({Show.Vector(a)}) is {Show.R(lse)}: NaN in must give NaN out");
            });
            yield return Make("LSE: worst distance from the reference in ulp", Tier.Accurate, false, Whole, a => a.Length > 0, (a, ctx) =>
                Compare.UlpDistance(() => $"LSE({Show.Vector(a)})", Ask.LogSumExp(ctx.Reference, a), Ask.LogSumExp(ctx.Subject, a), ctx));
        }
    }

    /// <summary>The tolerance of LSE(a): the value's own allowance, with the conditioning Σ|a_i|·p_i ≤ max|a_i| of
    /// the shift, and nε for the sum of n terms ≤ 1 inside the logarithm.</summary>
    private static double Tolerance(double[] a, CheckContext ctx)
    {
        double lse = Calculus.LogSumExp.Value(a);
        double largest = a.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        return Compare.Tolerance(ctx.Model, double.IsFinite(lse) ? lse : 0, 1, largest) + (a.Length * ctx.Model.Epsilon);
    }

    private static CaseOutcome Value(double[] a, CheckContext ctx) =>
        Compare.Values(() => $"LSE({Show.Vector(a)})", Ask.LogSumExp(ctx.Reference, a), Ask.LogSumExp(ctx.Subject, a), Tolerance(a, ctx));

    /// <summary>One entry fewer, or every entry rounded to two decimals.</summary>
    private static IEnumerable<double[]> ShrinkVector(double[] a)
    {
        for (int k = 0; a.Length > 1 && k < a.Length; k++)
        {
            yield return [.. a.Where((_, i) => i != k)];
        }

        var rounded = a.Select(v => double.IsFinite(v) ? Math.Round(v, 2) : v).ToArray();
        if (!rounded.SequenceEqual(a))
        {
            yield return rounded;
        }

        // every entry toward 0 as Generators.ShrinkDouble moves one: huge entries walk down to the overflow edge
        var root = a.Select(Generators.HalfExponent).ToArray();
        if (!root.SequenceEqual(a))
        {
            yield return root;
        }

        for (int k = 1; k <= 6; k++)
        {
            var smaller = a.Select(v => double.IsFinite(v) ? v * (1 - Math.ScaleB(1, -k)) : v).ToArray();
            if (!smaller.SequenceEqual(a))
            {
                yield return smaller;
            }
        }
    }

    private static PropertyCheck<double[]> Make(
        string name, Tier tier, bool independent, Gen<double[]> cases, Func<double[], bool> keep, Func<double[], CheckContext, CaseOutcome> evaluate) =>
        new(Item, [Function], name, tier, Cases, independent, cases, a => ShrinkVector(a).Where(keep), a => $"a = {Show.Vector(a)}", evaluate);
}
