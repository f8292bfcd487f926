using Calculus.Losses;
namespace Calculus.Properties;

/// <summary>Sheet 3b and 3c: softplus, the hinge h, the smooth hinge h* and the logistic loss l.</summary>
public sealed class Sheet3LossProperties
{
    public static TheoryData<string> Battery3b() => BatteryTheory.Checks("3b");

    /// <summary>The battery's checks of item 3b whose oracle is independent of the reference (src/Calculus.Verification).</summary>
    [Theory]
    [MemberData(nameof(Battery3b))]
    public void Sheet3b_Battery(string check) => BatteryTheory.Check(check);

    public static TheoryData<string> Battery3c() => BatteryTheory.Checks("3c");

    /// <summary>The battery's checks of item 3c whose oracle is independent of the reference (src/Calculus.Verification).</summary>
    [Theory]
    [MemberData(nameof(Battery3c))]
    public void Sheet3c_Battery(string check) => BatteryTheory.Check(check);

    private static readonly Gen<double> Margins = Gen.Frequency((3, Generators.Finite), (2, Generators.Band(-40, 40)), (1, Generators.Band(0.9, 1.1)));

    [ScalarProperty]
    public Property Sheet3b_Softplus_AboveMaxByAtMostLn2_AndByAtMostExpMinusAbs() =>
        Prop.ForAll(Arb.From(Margins), t =>
        {
            // Exactly: 0 < softplus(t) − max(0, t) = log1p(e^(−|t|)) ≤ min(ln 2, e^(−|t|)). In double the difference is
            // positive while e^(−|t|) ≥ ulp(max)/2, i.e. for |t| ≤ 30 here; everywhere it is ≥ 0 and within the bounds
            // up to one ulp of softplus (the subtraction) and 2 ulp of the bound.
            double gap = Softplus.Value(t) - Math.Max(0, t);
            double slack = Tolerances.Epsilon * (Math.Abs(Softplus.Value(t)) + (2 * Math.Exp(-Math.Abs(t))));
            bool strict = Math.Abs(t) > 30 || gap > 0;
            return (strict && gap >= 0 && gap <= Math.Log(2) + slack && gap <= Math.Exp(-Math.Abs(t)) + slack)
                .Label($"t = {R(t)}: softplus − max(0, t) = {R(gap)}, e^(−|t|) = {R(Math.Exp(-Math.Abs(t)))}");
        });

    [ScalarProperty]
    public Property Sheet3b_SmoothHinge_ReachesLn2_AtOneOnly() =>
        Prop.ForAll(Arb.From(Generators.LogUniform(1e-6, 10)), d =>
            (SmoothHinge.Value(1) - Hinge.Value(1) == Math.Log(2) && SmoothHinge.Value(1 + d) - Hinge.Value(1 + d) < Math.Log(2)
                && SmoothHinge.Value(1 - d) - Hinge.Value(1 - d) < Math.Log(2))
            .Label($"d = {R(d)}: gap at 1 = {R(SmoothHinge.Value(1))}, at 1 ± d = {R(SmoothHinge.Value(1 + d) - Hinge.Value(1 + d))}, {R(SmoothHinge.Value(1 - d) - Hinge.Value(1 - d))}"));

    public static TheoryData<string> SmoothLosses() => ["softplus", "logistic", "smooth-hinge"];

    private static (Func<double, double> F, Func<double, double> D, bool Decreasing) Loss(string name) => name switch
    {
        "softplus" => (Softplus.Value, Softplus.Derivative, false),
        "logistic" => (LogisticLoss.Value, LogisticLoss.Derivative, true),
        _ => (SmoothHinge.Value, SmoothHinge.Derivative, true),
    };

    [Theory]
    [MemberData(nameof(SmoothLosses))]
    public void Sheet3c_SmoothLosses_ConvexMonotoneAndDerivativeInUnitInterval(string name)
    {
        var (f, d, decreasing) = Loss(name);
        PropertySettings.Check(Prop.ForAll(Arb.From(Generators.Band(-40, 40).Two()), t =>
        {
            var (s, u) = (Math.Min(t.Item1, t.Item2), Math.Max(t.Item1, t.Item2));
            // Midpoint convexity with the rounding of three values and the midpoint: 4ε·(|f(s)| + |f(u)|).
            double mid = f((s + u) / 2);
            double chord = (f(s) + f(u)) / 2;
            bool convex = mid <= chord + (4 * Tolerances.Epsilon * (Math.Abs(f(s)) + Math.Abs(f(u))));
            bool monotone = decreasing ? f(s) >= f(u) : f(s) <= f(u);
            double ds = d(s);
            bool unit = decreasing ? ds >= -1 && ds <= 0 : ds >= 0 && ds <= 1;
            return (convex && monotone && unit).Label($"{name}: f({R(s)}) = {R(f(s))}, f({R(u)}) = {R(f(u))}, f(mid) = {R(mid)}, f'(s) = {R(ds)}");
        }), PropertySettings.ScalarCases);
    }

    [ScalarProperty]
    public Property Sheet3c_LossDerivatives_MatchComplexStep() =>
        Specs.DerivativeMatchesComplexStep("h*' = complex step", SmoothHinge.OfComplex, SmoothHinge.Derivative, Generators.ComplexStepBand(600))
            .And(Specs.DerivativeMatchesComplexStep("l' = complex step", LogisticLoss.OfComplex, LogisticLoss.Derivative, Generators.ComplexStepBand(600)));
}
