using Calculus.Checking;
using Calculus.Verification.Generation;

namespace Calculus.Verification.Checks;

/// <summary>How a subject's value is compared with the reference's: the tolerance of one value, the verdict, and the
/// ulp distance of the accurate tier.</summary>
/// <remarks>
/// <para>A value at an exact input x passes when |got − expected| ≤ <see cref="Tolerance"/>: the subject's allowance
/// (<see cref="ElementaryError.Of"/>: 4 ulp, the relative and absolute slack, and |x·f'(x)|·4ε for the rounding of the
/// argument inside it, all in the ε of the model's precision) plus the reference's own 4 ulp of double, plus in single
/// precision the rounding of the reference's value to a float (ε/2), plus 4 steps of the model's subnormal grid
/// (2^-1074 or 2^-149 each) where relative bounds no longer hold. An infinite expected value (a limit, σ'(∞) aside) must be matched exactly; a NaN or ±∞ where
/// the true value is finite fails.</para>
/// </remarks>
internal static class Compare
{
    /// <summary>Four steps of the subnormal grid of double: the rounding of two subnormal results (ours and the
    /// subject's), twice.</summary>
    public const double SubnormalSlack = 4 * double.Epsilon;

    /// <summary>Four steps of the subnormal grid of the model's precision (<see cref="SubnormalSlack"/> in double).</summary>
    /// <param name="model">The subject's error model.</param>
    /// <returns>The slack.</returns>
    public static double Subnormal(ElementaryError model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return 4 * model.Precision.SubnormalStep();
    }

    /// <summary>The tolerance of one value f(x), expected = f(x) by the reference, slope = f'(x).</summary>
    /// <param name="model">The subject's error model.</param>
    /// <param name="expected">The reference value.</param>
    /// <param name="slope">f'(x) (its magnitude carries the rounding of x inside the subject).</param>
    /// <param name="x">The argument.</param>
    /// <returns>The tolerance.</returns>
    public static double Tolerance(ElementaryError model, double expected, double slope, double x)
    {
        ArgumentNullException.ThrowIfNull(model);
        double t = model.Of(expected, slope, x) + (((Tolerances.FunctionUlps * Tolerances.Epsilon) + model.Precision.InputRounding()) * Math.Abs(expected))
            + Subnormal(model);
        return double.IsNaN(t) ? double.PositiveInfinity : t;
    }

    /// <summary>The verdict on one value.</summary>
    /// <param name="what">What was compared, e.g. "sigmoid(0.5)".</param>
    /// <param name="expected">The reference value.</param>
    /// <param name="got">The subject's value.</param>
    /// <param name="tolerance">The tolerance.</param>
    /// <returns>Pass, fail, or inconclusive where the reference itself has no value (NaN).</returns>
    public static CaseOutcome Values(string what, double expected, double got, double tolerance) => Values(() => what, expected, got, tolerance);

    /// <summary>The verdict on one value, naming what was compared only when it does not pass (a passing case costs no
    /// formatting).</summary>
    /// <param name="what">What was compared.</param>
    /// <param name="expected">The reference value.</param>
    /// <param name="got">The subject's value.</param>
    /// <param name="tolerance">The tolerance.</param>
    /// <returns>Pass, fail, or inconclusive where the reference itself has no value (NaN).</returns>
    public static CaseOutcome Values(Func<string> what, double expected, double got, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(what);
        if (double.IsNaN(expected))
        {
            return CaseOutcome.Inconclusive($"{what()}: the reference value is NaN here (no limit)");
        }

        if (double.IsInfinity(expected))
        {
            return got == expected ? CaseOutcome.Pass : new CaseOutcome(CheckVerdict.Fail, $"{what()} is the limit {Show.R(expected)}", Expectation.Of(expected), got, Slack.Exact);
        }

        if (!double.IsFinite(got))
        {
            return CaseOutcome.Fail($"{what()} is {Show.R(got)} where the true value is finite", Expectation.Of(expected), got, tolerance);
        }

        return Math.Abs(got - expected) <= tolerance ? CaseOutcome.Pass : CaseOutcome.Fail(what(), Expectation.Of(expected), got, tolerance);
    }

    /// <summary>The number of doubles from a to b: 0 when equal (±0 included), ∞ when exactly one is NaN or they differ
    /// in infinity.</summary>
    /// <param name="a">One value.</param>
    /// <param name="b">The other.</param>
    /// <returns>The distance in ulp.</returns>
    public static double Ulps(double a, double b) => Ulps(a, b, Checking.Precision.Binary64);

    /// <summary>The number of values of the precision from a to b, each rounded to it first: 0 when equal (±0
    /// included), ∞ when exactly one is NaN or they differ in infinity.</summary>
    /// <param name="a">One value.</param>
    /// <param name="b">The other.</param>
    /// <param name="precision">The format whose values are counted.</param>
    /// <returns>The distance in ulp of that format.</returns>
    public static double Ulps(double a, double b, Checking.Precision precision)
    {
        a = precision.Round(a);
        b = precision.Round(b);
        return a == b || (double.IsNaN(a) && double.IsNaN(b)) ? 0
            : double.IsNaN(a) || double.IsNaN(b) || double.IsInfinity(a) || double.IsInfinity(b) ? double.PositiveInfinity
            : precision == Checking.Precision.Binary32 ? Math.Abs((double)Ordered((float)a) - Ordered((float)b))
            : MathNet.Numerics.Precision.NumbersBetween(a, b);
    }

    /// <summary>The float's position among all floats, in order (−0 and +0 both at 0).</summary>
    private static long Ordered(float f)
    {
        int bits = BitConverter.SingleToInt32Bits(f);
        return bits >= 0 ? bits : -(long)(bits & int.MaxValue);
    }

    /// <summary>How far the reference itself may be from the true value, in ulp of the precision judged: in double
    /// <see cref="Tolerances.FunctionUlps"/> (its functions are within 2 ulp, derivatives 4, of values computed with
    /// mpmath); in single 1, its double value rounded to a float (within 4 double ulp of the truth, it rounds to the
    /// correctly rounded float or to a neighbour).</summary>
    /// <param name="precision">The precision judged.</param>
    /// <returns>The reference's bound.</returns>
    public static double ReferenceUlps(Checking.Precision precision) => precision == Checking.Precision.Binary32 ? 1 : Tolerances.FunctionUlps;

    /// <summary>The accurate tier's outcome: the ulp distance (in the precision judged) from the reference as the
    /// measure, with the relative error; a failure only when the distance minus the reference's own bound
    /// (<see cref="ReferenceUlps"/>) exceeds the limit, so that the subject is surely more than the limit from the true
    /// value and a correctly rounded answer never fails.</summary>
    /// <param name="what">What was compared.</param>
    /// <param name="expected">The reference value.</param>
    /// <param name="got">The subject's value.</param>
    /// <param name="ctx">The run: its limit (<c>--max-ulp</c>, or null: then it only reports) and its precision.</param>
    /// <returns>The outcome.</returns>
    public static CaseOutcome UlpDistance(Func<string> what, double expected, double got, CheckContext ctx)
    {
        ArgumentNullException.ThrowIfNull(what);
        ArgumentNullException.ThrowIfNull(ctx);
        double ulps = Ulps(expected, got, ctx.Precision);
        double relative = expected == got || (double.IsNaN(expected) && double.IsNaN(got)) ? 0
            : double.IsFinite(expected) && double.IsFinite(got) ? Math.Abs(got - expected) / Math.Abs(expected) : double.PositiveInfinity;
        double reference = ReferenceUlps(ctx.Precision);
        return ctx.MaxUlp is { } limit && ulps - reference > limit
            ? new CaseOutcome(CheckVerdict.Fail, $"{what()} is {Show.R(ulps)} ulp from the reference, so at least {Show.R(ulps - reference)} from the true value (the reference is within {Show.R(reference)}; --max-ulp {Show.R(limit)})",
                Expectation.Of(expected), got, new Slack(limit + reference, SlackUnit.Ulp), ulps) { RelativeError = relative }
            : CaseOutcome.Pass with { Measure = ulps, RelativeError = relative };
    }

    /// <summary>The first outcome that is not a pass, or pass: combines the parts of one case.</summary>
    /// <param name="outcomes">The parts, evaluated lazily in order.</param>
    /// <returns>The combined outcome.</returns>
    public static CaseOutcome All(params Func<CaseOutcome>[] outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        CaseOutcome? undecided = null;
        foreach (var next in outcomes)
        {
            var o = next();
            if (o.Verdict == CheckVerdict.Fail || o.Verdict == CheckVerdict.NotImplemented)
            {
                return o;
            }

            undecided ??= o.Verdict == CheckVerdict.Inconclusive ? o : null;
        }

        return undecided ?? CaseOutcome.Pass;
    }
}
