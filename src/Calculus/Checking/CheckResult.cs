using System.Globalization;

namespace Calculus.Checking;

/// <summary>The three verdicts of a check.</summary>
public enum Verdict
{
    /// <summary>The analytic value is within the tolerance of a trustworthy oracle.</summary>
    Pass,

    /// <summary>The analytic value is beyond the tolerance of a trustworthy oracle (or not finite where the oracle is).</summary>
    Fail,

    /// <summary>The oracle could not decide (not smooth across its stencil, a kink within reach, a value that is not
    /// finite, a truncation estimate too large to judge by): never counted as a failure.</summary>
    Inconclusive,
}

/// <summary>One comparison of an analytic derivative with a numeric oracle.</summary>
/// <param name="Oracle">Which oracle produced <paramref name="Numeric"/>.</param>
/// <param name="Analytic">The derivative under test.</param>
/// <param name="Numeric">The oracle's value; NaN when the oracle was not consulted.</param>
/// <param name="Tolerance">The bound |analytic − numeric| must meet (see <see cref="Tolerances"/>).</param>
/// <param name="Problem">Why the oracle cannot decide here (e.g. not smooth across the stencil), or null.</param>
public sealed record CheckResult(Oracle Oracle, double Analytic, double Numeric, double Tolerance, string? Problem = null)
{
    /// <summary>A result whose oracle could not decide, for the given reason.</summary>
    /// <param name="oracle">The oracle.</param>
    /// <param name="analytic">The value under test.</param>
    /// <param name="reason">Why no verdict is possible.</param>
    /// <returns>An inconclusive result.</returns>
    public static CheckResult Inconclusive(Oracle oracle, double analytic, string reason) =>
        new(oracle, analytic, double.NaN, double.NaN, reason);

    /// <summary>|analytic − numeric|.</summary>
    public double AbsoluteError => Math.Abs(Analytic - Numeric);

    /// <summary>|analytic − numeric| / max(|analytic|, |numeric|, tolerance): relative to the larger value, or to the
    /// comparison's own error scale where both values are smaller than it (a 0 against 7e-15 is then a small fraction
    /// of its tolerance, not a relative error of 1); 0 when all three are 0.</summary>
    public double RelativeError
    {
        get
        {
            double scale = Math.Max(Math.Max(Math.Abs(Analytic), Math.Abs(Numeric)), double.IsFinite(Tolerance) ? Tolerance : 0);
            return scale == 0 ? AbsoluteError : AbsoluteError / scale;
        }
    }

    /// <summary>Inconclusive when the oracle cannot decide; otherwise pass when the error is finite and within the
    /// tolerance, fail when not (NaN, and ±∞ on either side, whose tolerance would be ∞ too, never pass).</summary>
    public Verdict Verdict =>
        Problem is not null ? Verdict.Inconclusive
        : double.IsFinite(AbsoluteError) && AbsoluteError <= Tolerance ? Verdict.Pass
        : Verdict.Fail;

    /// <summary>True when the verdict is <see cref="Verdict.Pass"/>.</summary>
    public bool Passed => Verdict == Verdict.Pass;

    /// <summary>True when the verdict is <see cref="Verdict.Fail"/>.</summary>
    public bool Failed => Verdict == Verdict.Fail;

    /// <summary>Every number of the comparison, round-trip formatted, for a failure message.</summary>
    /// <returns>The comparison as one line.</returns>
    public override string ToString() => double.IsNaN(Numeric) && Problem is not null
        ? $"inconclusive [{Oracle.Description()}] analytic {R(Analytic)}; {Problem}"
        : $"{Word(Verdict)} [{Oracle.Description()}] analytic {R(Analytic)}, numeric {R(Numeric)}, |error| {R(AbsoluteError)}, " +
          $"relative {R(RelativeError)}, tolerance {R(Tolerance)}{(Problem is null ? "" : $"; {Problem}")}";

    /// <summary>"pass", "FAIL" or "inconclusive".</summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>The word the reports print.</returns>
    public static string Word(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "pass",
        Verdict.Fail => "FAIL",
        _ => "inconclusive",
    };

    // The default format of a double is its shortest round-trip string (the same as "R").
    internal static string R(double v) => v.ToString(CultureInfo.InvariantCulture);
}
