using Calculus.Checking;
using Calculus.Functions;
using Calculus.Verification.Generation;
using Calculus.Verification.Sheet;
using FsCheck;
using FsCheck.Fluent;

namespace Calculus.Verification.Checks;

/// <summary>The checks every scalar function of the sheet gets, driven by its descriptor (<see cref="ScalarFunction"/>): values and
/// derivatives against the reference, the derivative against the slope of the subject's own values, kinks, range,
/// parity and monotony (core); the whole double range (stable); ulp distances (accurate).</summary>
internal static class ScalarChecks
{
    /// <summary>Cases per scalar check (as the properties' 1,000).</summary>
    public const int Cases = 1000;

    /// <summary>Every check of one function.</summary>
    /// <param name="spec">The function.</param>
    /// <returns>The checks, core first.</returns>
    public static IEnumerable<Check> For(ScalarFunction spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string f = spec.Name;
        var core = ScalarDomains.Cases(spec, ScalarDomains.Core);
        var coreSmooth = ScalarDomains.AwayFromKinks(spec, ScalarDomains.Core);
        bool InCore(ScalarCase c) => Math.Abs(c.X) <= ScalarDomains.CoreBound;
        bool Smooth(ScalarCase c) => InCore(c) && Generators.PushOffKinks(ScalarDomains.Resolve(spec, c).Kinks, c.X) == c.X;

        yield return Make(spec, "value matches the reference (|x| ≤ 20)", Tier.Core, false, core, InCore, (c, ctx) => Value(spec, c, ctx, derivative: false));
        yield return Make(spec, "derivative matches the reference (|x| ≤ 20, off kinks)", Tier.Core, false, coreSmooth, Smooth, (c, ctx) => Value(spec, c, ctx, derivative: true));
        yield return Make(spec, "derivative matches the slope of your own values (central differences)", Tier.Core, true, coreSmooth, Smooth, (c, ctx) => Slope(spec, c, ctx));
        if (spec.Kinks.Count > 0)
        {
            yield return KinkCheck(spec);
        }

        yield return Make(spec, $"values lie in the range {spec.Range} (|x| ≤ 20)", Tier.Core, true, core, InCore, (c, ctx) => InRange(spec, c, ctx));
        if (spec.Parity != Parity.None)
        {
            yield return Make(spec, $"{(spec.Parity == Parity.Odd ? "odd" : "even")}: f(−x) = {(spec.Parity == Parity.Odd ? "−" : "")}f(x), f'(−x) = {(spec.Parity == Parity.Odd ? "" : "−")}f'(x)",
                Tier.Core, true, coreSmooth, Smooth, (c, ctx) => Symmetric(spec, c, ctx));
        }

        if (spec.Direction() != 0)
        {
            string direction = spec.Direction() > 0 ? "increasing" : "decreasing";
            var pairs = ScalarDomains.Cases(spec, ScalarDomains.Core).Zip(ScalarDomains.Core, (c, y) => (Case: c, Y: y));
            yield return new PropertyCheck<(ScalarCase Case, double Y)>(spec.Item, [f], $"{(spec.IsStrictlyMonotone() ? "" : "non-strictly ")}{direction}", Tier.Core, Cases, true,
                pairs, _ => [], t => Pair(t.Case, t.Y), (t, ctx) => Monotone(spec, t.Case, t.Y, ctx));
        }

        var whole = ScalarDomains.Cases(spec, ScalarDomains.Whole(spec.LimitsAtInfinity));
        yield return Make(spec, "value over the whole double range: finite where the true value is, and within tolerance", Tier.Stable, false, whole, _ => true,
            (c, ctx) => Value(spec, c, ctx, derivative: false));
        yield return Make(spec, "derivative over the whole double range: finite where the true value is, and within tolerance", Tier.Stable, false, whole, _ => true,
            (c, ctx) => ScalarDomains.Resolve(spec, c).KinkAt(ctx.Precision.Round(c.X)) is { } kink ? AtKink(spec, c, kink, ctx) : Value(spec, c, ctx, derivative: true));
        yield return Make(spec, "NaN in, NaN out: f(NaN) and f'(NaN) are NaN", Tier.Stable, false,
            ScalarDomains.Cases(spec, Gen.Constant(double.NaN)), c => double.IsNaN(c.X), (c, ctx) => NaNOut(spec, c, ctx));
        var accurate = ScalarDomains.Cases(spec, AccurateDomain(spec));
        yield return Make(spec, "value: worst distance from the reference in ulp", Tier.Accurate, false, accurate, _ => true, (c, ctx) => Ulps(spec, c, ctx, derivative: false));
        yield return Make(spec, "derivative: worst distance from the reference in ulp (off kinks)", Tier.Accurate, false,
            ScalarDomains.AwayFromKinks(spec, AccurateDomain(spec)), _ => true, (c, ctx) => Ulps(spec, c, ctx, derivative: true));
    }

    /// <summary>The accurate tier's domain: the whole range, except that a periodic function (one without limits at ±∞:
    /// sin) and its derivative are measured for |x| ≤ 2^20 only: a platform's Math.Sin and Math.Cos, which students call,
    /// are not within a few ulp of the correctly rounded value for huge arguments on every platform (docs/protocol.md),
    /// so an ulp distance there would measure the platform's argument reduction, not the student's formula.</summary>
    private static Gen<double> AccurateDomain(ScalarFunction spec) =>
        spec.LimitsAtInfinity ? ScalarDomains.Whole(true) : Generators.Finite.Where(x => Math.Abs(x) <= 1 << 20);

    private static PropertyCheck<ScalarCase> Make(
        ScalarFunction spec, string name, Tier tier, bool independent, Gen<ScalarCase> cases, Func<ScalarCase, bool> keep, Func<ScalarCase, CheckContext, CaseOutcome> evaluate) =>
        new(spec.Item, [spec.Name], name, tier, Cases, independent, cases, ScalarDomains.Shrink(keep), c => c.ToString(), evaluate);

    /// <summary>f(x) or f'(x) of the subject against the reference's, within <see cref="Compare.Tolerance"/>.</summary>
    internal static CaseOutcome Value(ScalarFunction spec, ScalarCase c, CheckContext ctx, bool derivative)
    {
        var s = ScalarDomains.Resolve(spec, c);
        double got = Ask.Scalar(ctx.Subject, s, derivative, c.X);
        double expected = Ask.Scalar(ctx.Reference, s, derivative, c.X);
        double slope = derivative ? NetworkErrorBounds.SecondDerivative(s.Derivative, c.X) : s.Derivative(c.X);
        return Compare.Values(() => $"{spec.Name}{(derivative ? "'" : "")}({Show.R(c.X)})", expected, got, Compare.Tolerance(ctx.Model, expected, slope, c.X));
    }

    /// <summary>f'(x) against the central-difference slope of the subject's own f, with the subject's values assumed
    /// within their tolerance (the noise the oracle allows for). The stencils start at the coarsest step whose reach stays
    /// clear of every kink: PLU's two kinks ±c are only 2c ≥ 2e-3 apart, so a point between them cannot always keep
    /// <see cref="Generators.KinkMargin"/> from both (x = −0.000966 at c = 0.001 was 3.4e-5 from −c, and a stencil across
    /// the kink failed the naive PLU); a point within the finest reach of a kink is inconclusive.</summary>
    private static CaseOutcome Slope(ScalarFunction spec, ScalarCase c, CheckContext ctx)
    {
        var s = ScalarDomains.Resolve(spec, c);
        double clear = s.Kinks.Select(k => Math.Abs(c.X - k.At)).DefaultIfEmpty(double.PositiveInfinity).Min();
        int level = Enumerable.Range(0, Tolerances.StepLevels).Where(l => GradientCheck.Reach(l) < clear).DefaultIfEmpty(-1).First();
        if (level < 0)
        {
            return CaseOutcome.Inconclusive($"x = {Show.R(c.X)} lies within the finest stencil's reach ({Show.R(GradientCheck.Reach(Tolerances.StepLevels - 1))}) of a kink");
        }

        double analytic = Ask.Scalar(ctx.Subject, s, true, c.X);
        double noise = Compare.Tolerance(ctx.Model, s.Value(c.X), s.Derivative(c.X), c.X);
        double analyticError = Compare.Tolerance(ctx.Model, s.Derivative(c.X), NetworkErrorBounds.SecondDerivative(s.Derivative, c.X), c.X);
        var r = GradientCheck.FiniteDifference(t => Ask.Scalar(ctx.Subject, s, false, t), analytic, c.X, noise, analyticError, level);
        return CaseOutcome.From(r, $"{spec.Name}'({Show.R(c.X)}) against the slope of your {spec.Name}");
    }

    /// <summary>At each kink: f' lies between the one-sided slopes (any such value is a right subgradient), and the
    /// one-sided quotients of the subject's own values are those slopes.</summary>
    private static PropertyCheck<(ScalarCase Case, double Step)> KinkCheck(ScalarFunction spec)
    {
        // The pieces next to a kink are linear, so a one-sided quotient (f(k ± t) − f(k))/t is the slope up to the
        // error of the two values and the rounding of k ± t: 2·(value tolerance)/t + ε|k|/t·|slope|. t ∈ [1e-5, 1e-3]
        // stays below half the distance between PLU's kinks (2c ≥ 2e-3).
        var gen = ScalarDomains.Cases(spec, Gen.Constant(0.0)).Zip(Generators.LogUniform(1e-5, 1e-3, bothSigns: false), (c, t) => (c, t));
        string kinks = string.Join(", ", spec.Kinks.Select(k => Show.R(k.At)));
        return new PropertyCheck<(ScalarCase Case, double Step)>(spec.Item, [spec.Name],
            $"at each kink ({kinks}{(spec.Parameters.Count > 0 ? " for the defaults; they move with the parameters" : "")}) the derivative lies between the one-sided slopes of your values",
            Tier.Core, Cases, true, gen, _ => [], t => $"{t.Case}, one-sided step {Show.R(t.Step)}", (t, ctx) =>
            {
                var s = ScalarDomains.Resolve(spec, t.Case);
                return Compare.All([.. s.Kinks.Select(k => (Func<CaseOutcome>)(() => OneSided(spec, t.Case with { X = k.At }, k, t.Step, ctx)))]);
            });
    }

    private static CaseOutcome OneSided(ScalarFunction spec, ScalarCase c, Kink kink, double step, CheckContext ctx)
    {
        var s = ScalarDomains.Resolve(spec, c);
        double[] values = Ask.Scalars(ctx.Subject, s, false, [kink.At - step, kink.At, kink.At + step]);
        double Noise(double x) => Compare.Tolerance(ctx.Model, s.Value(x), 1, x);
        double tolerance = ((Noise(kink.At - step) + (2 * Noise(kink.At)) + Noise(kink.At + step)) / step)
            + (ctx.Model.Epsilon * Math.Abs(kink.At) / step);
        double left = (values[1] - values[0]) / step, right = (values[2] - values[1]) / step;
        return Compare.All(
            () => Compare.Values(() => $"the left slope of your {spec.Name} at {Show.R(kink.At)} (step {Show.R(step)})", kink.LeftSlope, left, tolerance),
            () => Compare.Values(() => $"the right slope of your {spec.Name} at {Show.R(kink.At)} (step {Show.R(step)})", kink.RightSlope, right, tolerance),
            () => AtKink(spec, c, kink, ctx));
    }

    /// <summary>f' at a kink: any value between the one-sided slopes (ReLU'(0) = 0 and = 1 are both right).</summary>
    private static CaseOutcome AtKink(ScalarFunction spec, ScalarCase c, Kink kink, CheckContext ctx)
    {
        var s = ScalarDomains.Resolve(spec, c);
        double got = Ask.Scalar(ctx.Subject, s, true, kink.At);
        double lo = Math.Min(kink.LeftSlope, kink.RightSlope), hi = Math.Max(kink.LeftSlope, kink.RightSlope);
        double tolerance = ctx.Model.Of(hi);
        return got >= lo - tolerance && got <= hi + tolerance
            ? CaseOutcome.Pass
            : CaseOutcome.Fail($"{spec.Name}'({Show.R(kink.At)}) at the kink must lie in [{Show.R(lo)}, {Show.R(hi)}]", Expectation.Between(lo, hi), got, tolerance);
    }

    /// <summary>f(x) lies in the range; an open end may be reached by rounding only where the true value is within the
    /// value's tolerance of it, and an end may be overshot by no more than that tolerance.</summary>
    private static CaseOutcome InRange(ScalarFunction spec, ScalarCase c, CheckContext ctx)
    {
        var s = ScalarDomains.Resolve(spec, c);
        double got = Ask.Scalar(ctx.Subject, s, false, c.X);
        double exact = s.Value(c.X);
        double tolerance = Compare.Tolerance(ctx.Model, exact, s.Derivative(c.X), c.X);
        var r = s.Range;
        bool inside = r.Contains(got)
            || (got == r.Lower && Math.Abs(exact - r.Lower) <= tolerance)
            || (got == r.Upper && Math.Abs(exact - r.Upper) <= tolerance)
            || (got < r.Lower && r.Lower - got <= tolerance)
            || (got > r.Upper && got - r.Upper <= tolerance);
        return inside ? CaseOutcome.Pass : CaseOutcome.Fail($"{spec.Name}({Show.R(c.X)}) must lie in {r}", new Expectation(r), got, tolerance);
    }

    private static CaseOutcome Symmetric(ScalarFunction spec, ScalarCase c, CheckContext ctx)
    {
        var s = ScalarDomains.Resolve(spec, c);
        double sign = spec.Parity == Parity.Odd ? -1 : 1;
        double[] values = Ask.Scalars(ctx.Subject, s, false, [c.X, -c.X]);
        double[] slopes = Ask.Scalars(ctx.Subject, s, true, [c.X, -c.X]);
        double valueTolerance = 2 * Compare.Tolerance(ctx.Model, s.Value(c.X), s.Derivative(c.X), c.X);
        double slopeTolerance = 2 * Compare.Tolerance(ctx.Model, s.Derivative(c.X), NetworkErrorBounds.SecondDerivative(s.Derivative, c.X), c.X);
        return Compare.All(
            () => Compare.Values(() => $"{spec.Name}(−x) against {(sign < 0 ? "−" : "")}{spec.Name}(x) at x = {Show.R(c.X)}", sign * values[0], values[1], valueTolerance),
            () => Compare.Values(() => $"{spec.Name}'(−x) against {(sign < 0 ? "" : "−")}{spec.Name}'(x) at x = {Show.R(c.X)}", -sign * slopes[0], slopes[1], slopeTolerance));
    }

    /// <summary>"x₁ = 15.58 &lt; x₂ = 15.62", with the parameters: the pair of an order claim, in order (y names the label
    /// elsewhere).</summary>
    private static string Pair(ScalarCase c, double other) =>
        c.Describe($"x₁ = {Show.R(Math.Min(c.X, other))} < x₂ = {Show.R(Math.Max(c.X, other))}");

    /// <summary>x₁ &lt; x₂ gives f(x₁) ≤ f(x₂) (increasing) or ≥ (decreasing), up to the two values' tolerances; strictly
    /// where the true rise exceeds them.</summary>
    private static CaseOutcome Monotone(ScalarFunction spec, ScalarCase c, double other, CheckContext ctx)
    {
        var s = ScalarDomains.Resolve(spec, c);
        double x = Math.Min(c.X, other), y = Math.Max(c.X, other);
        double[] v = Ask.Scalars(ctx.Subject, s, false, [x, y]);
        double tolerance = Compare.Tolerance(ctx.Model, s.Value(x), s.Derivative(x), x) + Compare.Tolerance(ctx.Model, s.Value(y), s.Derivative(y), y);
        double rise = spec.Direction() * (v[1] - v[0]);
        double trueRise = spec.Direction() * (s.Value(y) - s.Value(x));
        bool holds = rise >= -tolerance && (!spec.IsStrictlyMonotone() || trueRise <= tolerance || rise > 0);
        return holds ? CaseOutcome.Pass
            : CaseOutcome.Fail($"{spec.Name} must be {(spec.Direction() > 0 ? "increasing" : "decreasing")}: f({Show.R(x)}) = {Show.R(v[0])}, f({Show.R(y)}) = {Show.R(v[1])}; f(x₂) − f(x₁)",
                spec.Direction() > 0 ? Expectation.Above(0) : Expectation.Below(0), v[1] - v[0], tolerance);
    }

    /// <summary>f(NaN) and f'(NaN) are NaN: a value that is not a number has no image (not 0, as max(0, NaN) gives in
    /// Python, and not an error).</summary>
    private static CaseOutcome NaNOut(ScalarFunction spec, ScalarCase c, CheckContext ctx)
    {
        var s = ScalarDomains.Resolve(spec, c);
        CaseOutcome At(bool derivative)
        {
            double got = Ask.Scalar(ctx.Subject, s, derivative, double.NaN);
            return double.IsNaN(got) ? CaseOutcome.Pass
                : CaseOutcome.Fail($"{spec.Name}{(derivative ? "'" : "")}(NaN) is {Show.R(got)}: NaN in must give NaN out");
        }

        return Compare.All(() => At(false), () => At(true));
    }

    private static CaseOutcome Ulps(ScalarFunction spec, ScalarCase c, CheckContext ctx, bool derivative)
    {
        var s = ScalarDomains.Resolve(spec, c);
        double got = Ask.Scalar(ctx.Subject, s, derivative, c.X);
        double expected = Ask.Scalar(ctx.Reference, s, derivative, c.X);
        return double.IsNaN(expected)
            ? CaseOutcome.Inconclusive($"{spec.Name}({Show.R(c.X)}) has no value (NaN)")
            : Compare.UlpDistance(() => $"{spec.Name}{(derivative ? "'" : "")}({Show.R(c.X)})", expected, got, ctx);
    }
}
