using Calculus.Checking;
using Calculus.Losses;
using Calculus.Verification.Generation;
using FsCheck;
using FsCheck.Fluent;

namespace Calculus.Verification.Checks;

/// <summary>Sheets 3b and 3c: how the hinge, the smooth hinge h*, softplus, log-sum-exp and the logistic loss relate.
/// Each claim is checked on the subject's own values of the functions it names (not implemented when one is not).</summary>
/// <remarks>3c says the logistic loss is "shifted to the right" of the hinge; it is shifted to the left:
/// h*(t) = l(t − 1), so l lies below h* everywhere (README, "Where the sheet is imprecise").</remarks>
internal static class LossClaims
{
    /// <summary>Margins: a band over [−40, 40], magnitudes from 1e-6, and the elbow t = 1.</summary>
    public static Gen<double> Margins { get; } = Gen.Frequency(
        (5, Generators.Band(-40, 40)), (2, Generators.LogUniform(1e-6, 40)), (1, Gen.Elements(1.0, 0.0, -1.0, 40.0, -40.0)));

    /// <summary>Every claim of items 3b and 3c.</summary>
    public static IEnumerable<Check> All
    {
        get
        {
            yield return Claim("3b", ["hinge", "smooth-hinge"], "hinge(t) ≤ h*(t) ≤ hinge(t) + ln 2, with equality at t = 1", (t, ctx) =>
            {
                double h = Ask.Scalar(ctx.Subject, "hinge", false, t), s = Ask.Scalar(ctx.Subject, "smooth-hinge", false, t);
                double tolerance = Tol(ctx, SmoothHinge.Value(t), SmoothHinge.Derivative(t), t) + Tol(ctx, Hinge.Value(t), 1, t);
                double gap = s - h;
                return gap >= -tolerance && gap <= Math.Log(2) + tolerance ? CaseOutcome.Pass
                    : CaseOutcome.Fail($"h*(t) − hinge(t) must lie in [0, ln 2]; h* = {Show.R(s)}, hinge = {Show.R(h)}", Expectation.Between(0, Math.Log(2)), gap, tolerance);
            });
            yield return Claim("3b", ["hinge", "smooth-hinge"], "h*(t) − hinge(t) ≤ e^(−|1 − t|): h* approaches the hinge as |1 − t| grows", (t, ctx) =>
            {
                double h = Ask.Scalar(ctx.Subject, "hinge", false, t), s = Ask.Scalar(ctx.Subject, "smooth-hinge", false, t);
                double tolerance = Tol(ctx, SmoothHinge.Value(t), SmoothHinge.Derivative(t), t) + Tol(ctx, Hinge.Value(t), 1, t);
                double bound = Math.Exp(-Math.Abs(1 - t));
                return s - h <= bound * (1 + (4 * Tolerances.Epsilon)) + tolerance ? CaseOutcome.Pass
                    : CaseOutcome.Fail("h*(t) − hinge(t) must be at most e^(−|1 − t|)", Expectation.AtMost(bound), s - h, tolerance);
            });
            yield return Claim("3b", ["logsumexp", "softplus"], "ln(e⁰ + e^t) = softplus(t): the log-sum-exp form of max(0, t)", (t, ctx) =>
            {
                double lse = Ask.LogSumExp(ctx.Subject, [0, t]), sp = Ask.Scalar(ctx.Subject, "softplus", false, t);
                double tolerance = 2 * Tol(ctx, Softplus.Value(t), Softplus.Derivative(t), t) + (2 * ctx.Model.Epsilon);
                return Compare.Values(() => $"logsumexp([0, {Show.R(t)}]) against softplus({Show.R(t)})", sp, lse, tolerance);
            });
            yield return Claim("3c", ["smooth-hinge", "logistic"], "h*(t) = l(t − 1): the logistic loss is the smooth hinge shifted left by 1", (t, ctx) =>
            {
                double h = Ask.Scalar(ctx.Subject, "smooth-hinge", false, t), l = Ask.Scalar(ctx.Subject, "logistic", false, t - 1);
                // t − 1 rounds by ε|t − 1|/2, which moves l by |l'(t − 1)| times that.
                double tolerance = Tol(ctx, SmoothHinge.Value(t), SmoothHinge.Derivative(t), t) + Tol(ctx, LogisticLoss.Value(t - 1), LogisticLoss.Derivative(t - 1), t - 1)
                    + (Math.Abs(LogisticLoss.Derivative(t - 1)) * ctx.Model.Epsilon * Math.Abs(t - 1));
                return Compare.Values(() => $"h*({Show.R(t)}) against l({Show.R(t)} − 1)", l, h, tolerance);
            });
            yield return Claim("3c", ["smooth-hinge", "logistic"], "l(t) ≤ h*(t) everywhere", (t, ctx) =>
            {
                double h = Ask.Scalar(ctx.Subject, "smooth-hinge", false, t), l = Ask.Scalar(ctx.Subject, "logistic", false, t);
                double tolerance = Tol(ctx, SmoothHinge.Value(t), SmoothHinge.Derivative(t), t) + Tol(ctx, LogisticLoss.Value(t), LogisticLoss.Derivative(t), t);
                return l <= h + tolerance ? CaseOutcome.Pass : CaseOutcome.Fail("l(t) must not exceed h*(t)", Expectation.AtMost(h), l, tolerance);
            });
        }
    }

    private static double Tol(CheckContext ctx, double value, double slope, double t) => Compare.Tolerance(ctx.Model, value, slope, t);

    private static PropertyCheck<double> Claim(string item, string[] functions, string name, Func<double, CheckContext, CaseOutcome> evaluate) =>
        new(item, functions, name, Tier.Core, ScalarChecks.Cases, true, Margins, Generators.ShrinkDouble(t => Math.Abs(t) <= 40), t => $"t = {Show.R(t)}", evaluate);
}
