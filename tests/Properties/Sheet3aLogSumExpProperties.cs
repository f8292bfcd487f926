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

    /// <summary>max a ≤ LSE(a) ≤ max a + ln n over the whole range, entries up to 1e300 and ±∞ (the battery's check, for
    /// students, stays on the core domain where a naive form is right); LSE(a) = max a where that is infinite.</summary>
    [VectorProperty]
    public Property Sheet3a_Lse_BetweenMaxAndMaxPlusLnN_OverTheWholeRange() =>
        Prop.ForAll(Arb.From(Generators.LseVector), a =>
        {
            double lse = LogSumExp.Value(a);
            double max = a.Max();
            bool holds = double.IsInfinity(max) ? lse == max
                : lse >= max && lse <= max + Math.Log(a.Length) + LseTolerance(a.Length, lse);
            return holds.Label($"a = {Show(a)}: LSE = {R(lse)}, max = {R(max)}, ln n = {R(Math.Log(a.Length))}");
        });

    /// <summary>IEEE limits: a +∞ entry anywhere gives +∞, whatever else the vector holds (−∞ included).</summary>
    [VectorProperty]
    public Property Sheet3a_Lse_AnyPlusInfinity_GivesPlusInfinity() =>
        Prop.ForAll(Arb.From(Inserted(Generators.LseVector, Gen.Constant(double.PositiveInfinity))), a =>
            (LogSumExp.Value(a) == double.PositiveInfinity).Label($"a = {Show(a)}: LSE = {R(LogSumExp.Value(a))}"));

    public static TheoryData<int> Lengths() => [.. Enumerable.Range(1, 8)];

    /// <summary>IEEE limits: −∞ only gives −∞ (ln 0), and the excess over the maximum is ln n, the limit as the n equal
    /// entries fall together; within 4 ulp of Math.Log (the library's log1p of n − 1, 3 ulp, against Math.Log's 1). Every
    /// length the generators draw.</summary>
    [Theory]
    [MemberData(nameof(Lengths))]
    public void Sheet3a_Lse_AllMinusInfinity_GivesMinusInfinity_AndExcessLnN(int n)
    {
        var a = Enumerable.Repeat(double.NegativeInfinity, n).ToArray();
        Assert.Equal(double.NegativeInfinity, LogSumExp.Value(a));
        Assert.True(Ulps.Between(LogSumExp.Excess(a), Math.Log(n)) <= 4, $"n = {n}: excess = {R(LogSumExp.Excess(a))}, ln n = {R(Math.Log(n))}");
    }

    /// <summary>−∞ entries drop out (e^(−∞) = 0): appended ones leave LSE's bits unchanged (every other entry stays in its
    /// running sum of eight, which adds exact zeros); inserted anywhere they move the others to other sums, which
    /// sum in another order, so there within <see cref="LseTolerance"/> as for a permutation (equal where infinite).</summary>
    [VectorProperty]
    public Property Sheet3a_Lse_MinusInfinityEntries_DropOut() =>
        Prop.ForAll(Arb.From(Generators.LseVector.SelectMany(a => Gen.Choose(1, 4).SelectMany(k =>
            Inserted(Gen.Constant(a), Gen.Constant(double.NegativeInfinity), k).Select(inserted => (A: a, K: k, Inserted: inserted))))), t =>
        {
            double lse = LogSumExp.Value(t.A);
            double appended = LogSumExp.Value([.. t.A, .. Enumerable.Repeat(double.NegativeInfinity, t.K)]);
            double inserted = LogSumExp.Value(t.Inserted);
            bool close = double.IsInfinity(lse) ? inserted == lse : Math.Abs(inserted - lse) <= LseTolerance(t.Inserted.Length, lse);
            return (BitConverter.DoubleToInt64Bits(appended) == BitConverter.DoubleToInt64Bits(lse) && close)
                .Label($"a = {Show(t.A)}: LSE = {R(lse)}; {t.K} × −∞ appended: {R(appended)}; inserted, {Show(t.Inserted)}: {R(inserted)}");
        });

    /// <summary>IEEE: a NaN entry anywhere gives NaN, for LSE and its excess, whatever else the vector holds (±∞ included).</summary>
    [VectorProperty]
    public Property Sheet3a_Lse_AnyNaN_GivesNaN() =>
        Prop.ForAll(Arb.From(Inserted(Generators.LseVector, Gen.Constant(double.NaN))), a =>
            (double.IsNaN(LogSumExp.Value(a)) && double.IsNaN(LogSumExp.Excess(a)))
                .Label($"a = {Show(a)}: LSE = {R(LogSumExp.Value(a))}, excess = {R(LogSumExp.Excess(a))}"));

    /// <summary>Each vector with <paramref name="count"/> values of <paramref name="values"/> inserted at random places.</summary>
    private static Gen<double[]> Inserted(Gen<double[]> vectors, Gen<double> values, int count = 1) =>
        from a in vectors
        from extra in values.ArrayOf(count)
        from order in Gen.Shuffle(Enumerable.Range(0, a.Length + count).ToArray())
        select order.Select(k => k < a.Length ? a[k] : extra[k - a.Length]).ToArray();

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
            bool holds = double.IsInfinity(x) ? x == y : Math.Abs(x - y) <= LseTolerance(a.Length, x);
            return holds.Label($"a = {Show(a)}, permuted {Show(p)}: {R(x)} against {R(y)}");
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
