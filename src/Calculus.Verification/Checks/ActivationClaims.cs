using Calculus.Activations;
using Calculus.Checking;
using Calculus.Functions;
using Calculus.Verification.Generation;
using FsCheck;
using FsCheck.Fluent;

namespace Calculus.Verification.Checks;

/// <summary>The claims sheets 1d and 2 make about single activations, beyond what the catalog's table states: the
/// identities of the derivatives, dead ReLU units, leaky ReLU's gradient, PLU's identity piece, the sinusoid's period,
/// erf' as a scaled Gaussian. Each is checked on the subject's own values.</summary>
internal static class ActivationClaims
{
    /// <summary>The claims, one check each.</summary>
    public static IEnumerable<Check> All
    {
        get
        {
            var core = ScalarDomains.Core;
            yield return Claim("1d", ["sigmoid"], "σ'(x) = σ(x)(1 − σ(x)) (the sheet's identity, from your own σ)", core, InCore, (x, ctx) =>
            {
                // σ(1 − σ) from values within δσ: error |1 − 2σ|·δσ + δσ² + 2ε; plus σ''s own tolerance.
                double[] v = Ask.Scalars(ctx.Subject, "sigmoid", false, [x]);
                double d = Ask.Scalar(ctx.Subject, "sigmoid", true, x);
                double s = Sigmoid.Value(x);
                double ds = Compare.Tolerance(ctx.Model, s, Sigmoid.Derivative(x), x);
                double tolerance = Compare.Tolerance(ctx.Model, Sigmoid.Derivative(x), 0.1, x) + (Math.Abs(1 - (2 * s)) * ds) + (ds * ds) + (2 * ctx.Model.Epsilon);
                return Compare.Values(() => $"σ'({Show.R(x)}) against σ(1 − σ) of your σ", v[0] * (1 - v[0]), d, tolerance);
            });
            yield return Claim("2a", ["tanh"], "tanh'(x) = 1 − tanh²(x) (from your own tanh)", core, InCore, (x, ctx) =>
            {
                double t = Ask.Scalar(ctx.Subject, "tanh", false, x), d = Ask.Scalar(ctx.Subject, "tanh", true, x);
                double dt = Compare.Tolerance(ctx.Model, Tanh.Value(x), Tanh.Derivative(x), x);
                double tolerance = Compare.Tolerance(ctx.Model, Tanh.Derivative(x), 2, x) + (2 * Math.Abs(Tanh.Value(x)) * dt) + (dt * dt) + (2 * ctx.Model.Epsilon);
                return Compare.Values(() => $"tanh'({Show.R(x)}) against 1 − tanh² of your tanh", 1 - (t * t), d, tolerance);
            });
            yield return Claim("2b", ["erf", "gaussian"], "erf'(x) = (2/√π)·e^(−x²) (your erf' against your Gaussian)", core, InCore, (x, ctx) =>
            {
                double d = Ask.Scalar(ctx.Subject, "erf", true, x), g = Ask.Scalar(ctx.Subject, "gaussian", false, x);
                double tolerance = Compare.Tolerance(ctx.Model, Erf.Derivative(x), 2 * x * Erf.Derivative(x), x)
                    + (Erf.TwoOverSqrtPi * Compare.Tolerance(ctx.Model, Gaussian.Value(x), Gaussian.Derivative(x), x));
                return Compare.Values(() => $"erf'({Show.R(x)}) against (2/√π) times your gaussian", Erf.TwoOverSqrtPi * g, d, tolerance);
            });
            yield return Claim("2c", ["relu"], "dead units: ReLU(x) = 0 and ReLU'(x) = 0 for every x < 0", Generators.Finite.Select(x => -Math.Abs(x)).Where(x => x < 0), x => x < 0, (x, ctx) =>
            {
                // In single precision an x above −2^-150 rounds to −0, ReLU's kink, where any slope in [0, 1] is right.
                double v = Ask.Scalar(ctx.Subject, "relu", false, x), d = Ask.Scalar(ctx.Subject, "relu", true, x);
                double tolerance = ctx.Model.Of(0);
                return Compare.All(
                    () => Compare.Values(() => $"relu({Show.R(x)})", 0, v, tolerance),
                    () => ctx.Precision.Round(x) == 0 ? Between(() => $"relu'({Show.R(x)}), x a float −0", 0, 1, d, tolerance)
                        : Compare.Values(() => $"relu'({Show.R(x)})", 0, d, tolerance));
            });
            yield return Claim("2d", ["leaky-relu"], "the gradient is never 0: leaky'(x) is 0.01 for x < 0 and 1 for x > 0", Generators.Finite.Where(x => x != 0), x => x != 0, (x, ctx) =>
                ctx.Precision.Round(x) == 0 // in single precision |x| below 2^-150 rounds to ±0, the kink: any slope in [0.01, 1]
                    ? Between(() => $"leaky-relu'({Show.R(x)}), x a float ±0", LeakyRelu.Slope, 1, Ask.Scalar(ctx.Subject, "leaky-relu", true, x), ctx.Model.Of(1))
                    : Compare.Values(() => $"leaky-relu'({Show.R(x)})", x > 0 ? 1 : LeakyRelu.Slope, Ask.Scalar(ctx.Subject, "leaky-relu", true, x), ctx.Model.Of(1)));
            yield return new PropertyCheck<ScalarCase>("2e", ["plu"], "the identity on [−c, c], and a gradient of at least α everywhere", Tier.Core, ScalarChecks.Cases, true,
                ScalarDomains.Cases(Catalog.Plu, Generators.Finite), _ => [], c => c.ToString(), (c, ctx) =>
                {
                    var plu = c.Bound!;
                    double alpha = plu.Arguments[0], half = plu.Arguments[1]; // the catalog's order: α, c
                    double v = Ask.Scalar(ctx.Subject, plu, false, c.X), d = Ask.Scalar(ctx.Subject, plu, true, c.X);
                    return Compare.All(
                        () => Math.Abs(c.X) < half ? Compare.Values(() => $"plu({Show.R(c.X)}) inside [−c, c]", c.X, v, Compare.Tolerance(ctx.Model, c.X, 1, c.X)) : CaseOutcome.Pass,
                        () => d >= alpha - ctx.Model.Of(alpha) ? CaseOutcome.Pass
                            : CaseOutcome.Fail($"plu'({Show.R(c.X)}) must be at least α", Expectation.AtLeast(alpha), d, ctx.Model.Of(alpha)));
                });
            yield return Claim("2f", ["sin"], "periodic: sin(x + 2π) = sin(x) (|x| ≤ 1000)", Generators.Band(-1e3, 1e3), x => Math.Abs(x) <= 1e3, (x, ctx) =>
            {
                // x + 2π rounds by ε|x + 2π|/2, and 2π itself is 2.4e-16 off: |sin(x + 2π) − sin x| ≤ ε(|x| + 8) + the two values' tolerances.
                double[] v = Ask.Scalars(ctx.Subject, "sin", false, [x, x + (2 * Math.PI)]);
                double tolerance = (ctx.Model.Epsilon * (Math.Abs(x) + 8)) + (2 * Compare.Tolerance(ctx.Model, Math.Sin(x), Math.Cos(x), x));
                return Compare.Values(() => $"sin({Show.R(x)} + 2π) against sin({Show.R(x)})", v[0], v[1], tolerance);
            });
        }
    }

    /// <summary>A value that must lie in [lo, hi], up to the tolerance.</summary>
    private static CaseOutcome Between(Func<string> what, double lo, double hi, double got, double tolerance) =>
        got >= lo - tolerance && got <= hi + tolerance ? CaseOutcome.Pass
            : CaseOutcome.Fail($"{what()} must lie in [{Show.R(lo)}, {Show.R(hi)}]", Expectation.Between(lo, hi), got, tolerance);

    /// <summary>A claim over points x; shrinking stays inside <paramref name="keep"/>, the generator's constraint.</summary>
    private static PropertyCheck<double> Claim(string item, string[] functions, string name, Gen<double> xs, Func<double, bool> keep, Func<double, CheckContext, CaseOutcome> evaluate) =>
        new(item, functions, name, Tier.Core, ScalarChecks.Cases, true, xs, Generators.ShrinkDouble(keep), x => $"x = {Show.R(x)}", evaluate);

    private static bool InCore(double x) => Math.Abs(x) <= ScalarDomains.CoreBound;
}
