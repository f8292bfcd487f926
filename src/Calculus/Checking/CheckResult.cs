using System.Globalization;

namespace Calculus.Checking;

/// <summary>One comparison of an analytic derivative with a numeric oracle.</summary>
/// <param name="Oracle">Which oracle produced <paramref name="Numeric"/> (e.g. "central difference, 5-point").</param>
/// <param name="Analytic">The derivative under test.</param>
/// <param name="Numeric">The oracle's value.</param>
/// <param name="Tolerance">The bound |analytic − numeric| must meet (see <see cref="Tolerances"/>).</param>
/// <param name="Problem">Why the oracle itself cannot be trusted here (e.g. not smooth across the stencil), or null.</param>
public sealed record CheckResult(string Oracle, double Analytic, double Numeric, double Tolerance, string? Problem = null)
{
    /// <summary>|analytic − numeric|.</summary>
    public double AbsoluteError => Math.Abs(Analytic - Numeric);

    /// <summary>|analytic − numeric| / max(|analytic|, |numeric|); 0 when both are 0.</summary>
    public double RelativeError
    {
        get
        {
            double scale = Math.Max(Math.Abs(Analytic), Math.Abs(Numeric));
            return scale == 0 ? AbsoluteError : AbsoluteError / scale;
        }
    }

    /// <summary>True when the oracle is trustworthy and the error is finite and within the tolerance (false for NaN and
    /// for ±∞ on either side, whose tolerance would be ∞ too).</summary>
    public bool Passed => Problem is null && double.IsFinite(AbsoluteError) && AbsoluteError <= Tolerance;

    /// <summary>Every number of the comparison, round-trip formatted, for a failure message.</summary>
    /// <returns>The comparison as one line.</returns>
    public override string ToString() =>
        $"{(Passed ? "pass" : "FAIL")} [{Oracle}] analytic {R(Analytic)}, numeric {R(Numeric)}, |error| {R(AbsoluteError)}, " +
        $"relative {R(RelativeError)}, tolerance {R(Tolerance)}{(Problem is null ? "" : $"; {Problem}")}";

    // The default format of a double is its shortest round-trip string (the same as "R").
    internal static string R(double v) => v.ToString(CultureInfo.InvariantCulture);
}
