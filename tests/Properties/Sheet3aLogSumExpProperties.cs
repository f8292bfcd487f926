namespace Calculus.Properties;

/// <summary>Sheet 3a: LSE(a) = ln Σ e^(a_i) approaches max a as the gap a** − a* → −∞.</summary>
/// <remarks>LSE's rounding: m + log1p(s) with s's terms within a few ulp; absolute error ≤ n·4ε·max(|LSE|, 1)
/// (<see cref="LseTolerance"/>).</remarks>
public sealed class Sheet3aLogSumExpProperties
{
    public static TheoryData<string> Battery3a() => BatteryTheory.Checks("3a");

    /// <summary>The battery's checks of item 3a whose oracle is independent of the reference (src/Calculus.Verification).</summary>
    [Theory]
    [MemberData(nameof(Battery3a))]
    public void Sheet3a_Battery(string check) => BatteryTheory.Check(check);

    private static double LseTolerance(int n, double value) => 4 * (n + 1) * Tolerances.Epsilon * Math.Max(Math.Abs(value), 1);

    private static string Show(double[] a) => $"[{string.Join(", ", a.Select(R))}]";

    /// <summary>max a ≤ LSE(a) ≤ max a + ln n over the whole range, entries up to 1e300 (the battery's check, for
    /// students, stays on the core domain where a naive form is right).</summary>
    [VectorProperty]
    public Property Sheet3a_Lse_BetweenMaxAndMaxPlusLnN_OverTheWholeRange() =>
        Prop.ForAll(Arb.From(Generators.LseVector), a =>
        {
            double lse = LogSumExp.Value(a);
            double max = a.Max();
            return (lse >= max && lse <= max + Math.Log(a.Length) + LseTolerance(a.Length, lse))
                .Label($"a = {Show(a)}: LSE = {R(lse)}, max = {R(max)}, ln n = {R(Math.Log(a.Length))}");
        });

    /// <summary>ln(1 + e^gap) ≤ LSE − max ≤ ln(1 + (n − 1)e^gap) ≤ (n − 1)e^gap for the library's direct excess
    /// (<see cref="LogSumExp.Excess(ReadOnlySpan{double})"/>, not part of the protocol), to 1e-13 relative.</summary>
    [VectorProperty]
    public Property Sheet3a_Excess_BoundedByGap() =>
        Prop.ForAll(Arb.From(Generators.Gap), g =>
        {
            // The a** term alone gives the lower bound, all n − 1 at a** the upper; the excess is within 1e-13 relative.
            int n = g.Values.Length;
            double excess = LogSumExp.Excess(g.Values);
            double lower = MathNet.Numerics.SpecialFunctions.Log1p(Math.Exp(g.Gap));
            double bound = MathNet.Numerics.SpecialFunctions.Log1p((n - 1) * Math.Exp(g.Gap)); // MathNet, independent of the library's log1p (3 ulp)
            double linear = (n - 1) * Math.Exp(g.Gap);
            return (excess >= lower * (1 - 1e-13) && excess <= (bound * (1 + 1e-13)) + double.Epsilon && bound <= linear * (1 + (8 * Tolerances.Epsilon)))
                .Label($"{g}: excess = {R(excess)}, ln(1 + e^gap) = {R(lower)}, ln(1 + (n−1)e^gap) = {R(bound)}, (n−1)e^gap = {R(linear)}");
        });

    [VectorProperty]
    public Property Sheet3a_Excess_DecreasesAsGapGrows_AndTendsToZero() =>
        Prop.ForAll(Arb.From(Generators.Gap.Zip(Generators.LogUniform(1e-3, 100, bothSigns: false))), t =>
        {
            // Moving every entry but the maximum further down by δ widens the gap: the excess cannot grow.
            var (g, delta) = t;
            var wider = g.Values.Select(v => v == g.Max ? v : v - delta).ToArray();
            double before = LogSumExp.Excess(g.Values), after = LogSumExp.Excess(wider);
            var far = g.Values.Select(v => v == g.Max ? v : v - 800).ToArray();
            double limit = LogSumExp.Excess(far);
            return (after <= before && limit <= (g.Values.Length - 1) * Math.Exp(g.Gap - 800) * 2)
                .Label($"{g}, δ = {R(delta)}: excess {R(before)} → {R(after)}; 800 further: {R(limit)}");
        });

    [VectorProperty]
    public Property Sheet3a_Lse_PermutationInvariant() =>
        Prop.ForAll(Arb.From(Generators.LseVector.SelectMany(a => Gen.Shuffle(a).Select(p => (a, p)))), t =>
        {
            var (a, p) = t;
            double x = LogSumExp.Value(a), y = LogSumExp.Value(p);
            return (Math.Abs(x - y) <= LseTolerance(a.Length, x)).Label($"a = {Show(a)}, permuted {Show(p)}: {R(x)} against {R(y)}");
        });

    [VectorProperty]
    public Property Sheet3a_ScaledLse_TendsToMax() =>
        Prop.ForAll(Arb.From(Generators.Gap.Zip(Generators.LogUniform(1, 1e6, bothSigns: false))), t =>
        {
            // max a ≤ LSE(t·a)/t ≤ max a + ln(n)/t: the smooth maximum sharpens to the maximum as t → ∞.
            var (g, scale) = t;
            double max = g.Values.Max();
            double smooth = LogSumExp.Value(g.Values.Select(v => v * scale).ToArray()) / scale;
            double tolerance = LseTolerance(g.Values.Length, smooth * scale) / scale + (Tolerances.Epsilon * Math.Abs(max) * 4);
            return (smooth >= max - tolerance && smooth <= max + (Math.Log(g.Values.Length) / scale) + tolerance)
                .Label($"{g}, t = {R(scale)}: LSE(t·a)/t = {R(smooth)}, max = {R(max)}, ln(n)/t = {R(Math.Log(g.Values.Length) / scale)}");
        });

    [VectorProperty]
    public Property Sheet3a_Lse_AgreesWithNaive_WhereNaiveIsFinite() =>
        Prop.ForAll(Arb.From(Generators.Band(-700, 700).ArrayOf().Where(a => a.Length > 0)), a =>
        {
            // The naive ln Σ e^(a_i) has no overflow for |a_i| ≤ 700; its sum rounds n times and each e^(a_i) within an
            // ulp: |error| ≤ (n + 2)ε·max(|LSE|, 1) for both, so 2(n + 2)ε·max(|LSE|, 1) in all.
            double naive = Math.Log(a.Sum(Math.Exp));
            double lse = LogSumExp.Value(a);
            double tolerance = 2 * (a.Length + 2) * Tolerances.Epsilon * Math.Max(Math.Abs(lse), 1);
            return (Math.Abs(naive - lse) <= tolerance).Label($"a = {Show(a)}: LSE = {R(lse)}, naive = {R(naive)}, tolerance {R(tolerance)}");
        });
}
