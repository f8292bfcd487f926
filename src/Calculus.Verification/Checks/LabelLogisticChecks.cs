using Calculus.Checking;
using Calculus.Losses;
using Calculus.Verification.Generation;
using FsCheck;
using FsCheck.Fluent;

namespace Calculus.Verification.Checks;

/// <summary>Sheet 1e: ℓ(a; y) = log(1 + e^(−ya)) and its derivative f_e(a) = −y·σ(−ya).</summary>
internal static class LabelLogisticChecks
{
    private const string Item = "1e", Function = "label-logistic";

    /// <summary>The labels of the core domain: ±1 mostly, and real y with 0.01 ≤ |y| ≤ 3.</summary>
    public static Gen<double> CoreLabel { get; } = Gen.Frequency((3, Generators.Label), (1, Generators.LogUniform(1e-2, 3)));

    /// <summary>Every check of item 1e.</summary>
    public static IEnumerable<Check> All
    {
        get
        {
            var core = ScalarDomains.Core.Zip(CoreLabel, (a, y) => (A: a, Y: y));
            var whole =
                from y in Generators.RealLabel
                from ya in Gen.Frequency((3, Generators.Finite), (2, Generators.Band(700, 800)), (2, Generators.Band(-800, -700)))
                let a = ya / y
                where double.IsFinite(a)
                select (A: a, Y: y);
            bool InCore((double A, double Y) t) => Math.Abs(t.A) <= ScalarDomains.CoreBound;
            yield return Make("ℓ(a; y) matches the reference (|a| ≤ 20)", Tier.Core, false, core, InCore, (t, ctx) => Value(t.A, t.Y, ctx, false));
            yield return Make("f_e(a) = −y·σ(−ya) matches the reference (|a| ≤ 20)", Tier.Core, false, core, InCore, (t, ctx) => Value(t.A, t.Y, ctx, true));
            yield return Make("f_e matches the slope of your own ℓ (central differences)", Tier.Core, true, core, InCore, (t, ctx) =>
            {
                double analytic = Ask.LabelLogistic(ctx.Subject, true, t.A, t.Y);
                double fe = LabelLogisticLoss.Derivative(t.A, t.Y);
                double noise = Compare.Tolerance(ctx.Model, LabelLogisticLoss.Value(t.A, t.Y), fe, t.A);
                double analyticError = Compare.Tolerance(ctx.Model, fe, Curvature(t.A, t.Y), t.A);
                var r = GradientCheck.FiniteDifference(a => Ask.LabelLogistic(ctx.Subject, false, a, t.Y), analytic, t.A, noise, analyticError);
                return CaseOutcome.From(r, $"f_e({Show.R(t.A)}) against the slope of your ℓ");
            });
            yield return Make("ℓ > 0, and f_e lies between −y and 0", Tier.Core, true, core, InCore, (t, ctx) =>
            {
                // ℓ > 0 holds in double only where the true ℓ exceeds its rounding: log(1 + e^(−39)) rounds to 0 in the
                // textbook form, an open end reached by rounding (as in the range checks), not a wrong formula.
                double v = Ask.LabelLogistic(ctx.Subject, false, t.A, t.Y), d = Ask.LabelLogistic(ctx.Subject, true, t.A, t.Y);
                double exact = LabelLogisticLoss.Value(t.A, t.Y);
                double valueTolerance = Compare.Tolerance(ctx.Model, exact, LabelLogisticLoss.Derivative(t.A, t.Y), t.A);
                double tolerance = ctx.Model.Of(t.Y);
                double lo = Math.Min(-t.Y, 0) - tolerance, hi = Math.Max(-t.Y, 0) + tolerance;
                bool positive = v > 0 || (v >= -valueTolerance && exact <= valueTolerance);
                return !positive ? CaseOutcome.Fail($"ℓ({Show.R(t.A)}; {Show.R(t.Y)}) must be > 0", Expectation.Above(0), v, valueTolerance)
                    : d < lo || d > hi ? CaseOutcome.Fail($"f_e({Show.R(t.A)}; {Show.R(t.Y)}) must lie between −y and 0", Expectation.Between(Math.Min(-t.Y, 0), Math.Max(-t.Y, 0)), d, tolerance)
                    : CaseOutcome.Pass;
            });
            yield return Make("ℓ over the whole double range (ya up to ±800 and beyond)", Tier.Stable, false, whole, _ => true, (t, ctx) => Value(t.A, t.Y, ctx, false));
            yield return Make("f_e over the whole double range: finite where the true value is (the sheet's literal form is NaN for ya ≤ −709.8)",
                Tier.Stable, false, whole, _ => true, (t, ctx) => Value(t.A, t.Y, ctx, true));
            yield return Make("ℓ: worst distance from the reference in ulp", Tier.Accurate, false, whole, _ => true, (t, ctx) => Ulps(t.A, t.Y, ctx, false));
            yield return Make("f_e: worst distance from the reference in ulp", Tier.Accurate, false, whole, _ => true, (t, ctx) => Ulps(t.A, t.Y, ctx, true));
        }
    }

    private static double Curvature(double a, double y) => NetworkErrorBounds.SecondDerivative(u => LabelLogisticLoss.Derivative(u, y), a);

    private static CaseOutcome Value(double a, double y, CheckContext ctx, bool derivative)
    {
        double got = Ask.LabelLogistic(ctx.Subject, derivative, a, y);
        double expected = Ask.LabelLogistic(ctx.Reference, derivative, a, y);
        double slope = derivative ? Curvature(a, y) : LabelLogisticLoss.Derivative(a, y);
        return Compare.Values(() => $"{(derivative ? "f_e" : "ℓ")}({Show.R(a)}; y = {Show.R(y)})", expected, got, Compare.Tolerance(ctx.Model, expected, slope, a));
    }

    private static CaseOutcome Ulps(double a, double y, CheckContext ctx, bool derivative) =>
        Compare.UlpDistance(() => $"{(derivative ? "f_e" : "ℓ")}({Show.R(a)}; y = {Show.R(y)})",
            Ask.LabelLogistic(ctx.Reference, derivative, a, y), Ask.LabelLogistic(ctx.Subject, derivative, a, y), ctx);

    private static PropertyCheck<(double A, double Y)> Make(
        string name, Tier tier, bool independent, Gen<(double A, double Y)> cases, Func<(double A, double Y), bool> keep, Func<(double A, double Y), CheckContext, CaseOutcome> evaluate) =>
        new(Item, [Function], name, tier, ScalarChecks.Cases, independent, cases,
            t => Generators.ShrinkDouble(_ => true)(t.A).Select(a => (a, t.Y)).Concat(t.Y is 1 or -1 ? [] : [(t.A, Math.Sign(t.Y) * 1.0)]).Where(keep),
            t => $"a = {Show.R(t.A)}, y = {Show.R(t.Y)}", evaluate);
}
