using Calculus.Checking;
using Calculus.Verification.Generation;
using MathNet.Numerics;

namespace Calculus.Verification.Checks;

/// <summary>How a subject's value is compared with the reference's: the tolerance of one value, the verdict, and the
/// ulp distance of the accurate tier.</summary>
/// <remarks>
/// <para>A value at an exact input x passes when |got − expected| ≤ <see cref="Tolerance"/>: the subject's allowance
/// (<see cref="ElementaryError.Of"/>: 4 ulp, the relative and absolute slack, and |x·f'(x)|·4ε for the rounding of the
/// argument inside it) plus the reference's own 4 ulp, plus 4 steps of the subnormal grid (2^-1074 each) where relative
/// bounds no longer hold. An infinite expected value (a limit, σ'(∞) aside) must be matched exactly; a NaN or ±∞ where
/// the true value is finite fails.</para>
/// </remarks>
internal static class Compare
{
    /// <summary>Four steps of the subnormal grid: the rounding of two subnormal results (ours and the subject's), twice.</summary>
    public const double SubnormalSlack = 4 * double.Epsilon;

    /// <summary>The tolerance of one value f(x), expected = f(x) by the reference, slope = f'(x).</summary>
    /// <param name="model">The subject's error model.</param>
    /// <param name="expected">The reference value.</param>
    /// <param name="slope">f'(x) (its magnitude carries the rounding of x inside the subject).</param>
    /// <param name="x">The argument.</param>
    /// <returns>The tolerance.</returns>
    public static double Tolerance(ElementaryError model, double expected, double slope, double x)
    {
        ArgumentNullException.ThrowIfNull(model);
        double t = model.Of(expected, slope, x) + (Tolerances.FunctionUlps * Tolerances.Epsilon * Math.Abs(expected)) + SubnormalSlack;
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
    public static double Ulps(double a, double b) =>
        a == b || (double.IsNaN(a) && double.IsNaN(b)) ? 0
        : double.IsNaN(a) || double.IsNaN(b) || double.IsInfinity(a) || double.IsInfinity(b) ? double.PositiveInfinity
        : Precision.NumbersBetween(a, b);

    /// <summary>The accurate tier's outcome: the ulp distance as the measure; a failure when it exceeds the limit.</summary>
    /// <param name="what">What was compared.</param>
    /// <param name="expected">The reference value.</param>
    /// <param name="got">The subject's value.</param>
    /// <param name="maxUlp">The limit, or null (then it only reports).</param>
    /// <returns>The outcome.</returns>
    public static CaseOutcome UlpDistance(Func<string> what, double expected, double got, double? maxUlp)
    {
        ArgumentNullException.ThrowIfNull(what);
        double ulps = Ulps(expected, got);
        return maxUlp is { } limit && ulps > limit
            ? new CaseOutcome(CheckVerdict.Fail, $"{what()} is {Show.R(ulps)} ulp from the reference (--max-ulp {Show.R(limit)})", Expectation.Of(expected), got, new Slack(limit, SlackUnit.Ulp), ulps)
            : CaseOutcome.Pass with { Measure = ulps };
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
