using Calculus.Functions;
using Calculus.Verification.Generation;

namespace Calculus.Verification.Checks;

/// <summary>What a failed case expected of a number: one value, or a range it must lie in (a bound, an interval, the
/// sign of a difference).</summary>
/// <param name="Range">The values that pass, before the tolerance; a single value is the closed interval [v, v].</param>
internal sealed record Expectation(Interval Range)
{
    /// <summary>The single value expected, or null for a range.</summary>
    public double? Value => Range.Lower.Equals(Range.Upper) && Range.LowerClosed && Range.UpperClosed ? Range.Lower : null;

    /// <summary>The value v.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The expectation.</returns>
    public static Expectation Of(double value) => new(Interval.Closed(value, value));

    /// <summary>Any value in [lower, upper].</summary>
    /// <param name="lower">The lower end.</param>
    /// <param name="upper">The upper end.</param>
    /// <returns>The expectation.</returns>
    public static Expectation Between(double lower, double upper) => new(Interval.Closed(lower, upper));

    /// <summary>At most the bound.</summary>
    /// <param name="bound">The bound.</param>
    /// <returns>The expectation.</returns>
    public static Expectation AtMost(double bound) => new(new Interval(double.NegativeInfinity, bound, false, true));

    /// <summary>At least the bound.</summary>
    /// <param name="bound">The bound.</param>
    /// <returns>The expectation.</returns>
    public static Expectation AtLeast(double bound) => new(new Interval(bound, double.PositiveInfinity, true, false));

    /// <summary>Greater than the bound.</summary>
    /// <param name="bound">The bound.</param>
    /// <returns>The expectation.</returns>
    public static Expectation Above(double bound) => new(new Interval(bound, double.PositiveInfinity, false, false));

    /// <summary>Less than the bound.</summary>
    /// <param name="bound">The bound.</param>
    /// <returns>The expectation.</returns>
    public static Expectation Below(double bound) => new(new Interval(double.NegativeInfinity, bound, false, false));

    /// <summary>The expectation as a reader sees it: "0.25", "[0, 0.6931471805599453]", "(0, 1)", "≥ 0.1" or "&gt; 0";
    /// every number round-trip.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var r = Range;
        if (Value is { } v)
        {
            return Show.R(v);
        }

        bool lowerInfinite = double.IsNegativeInfinity(r.Lower), upperInfinite = double.IsPositiveInfinity(r.Upper);
        return (lowerInfinite, upperInfinite) switch
        {
            (true, false) => $"{(r.UpperClosed ? "≤" : "<")} {Show.R(r.Upper)}",
            (false, true) => $"{(r.LowerClosed ? "≥" : ">")} {Show.R(r.Lower)}",
            (false, false) => $"{(r.LowerClosed ? '[' : '(')}{Show.R(r.Lower)}, {Show.R(r.Upper)}{(r.UpperClosed ? ']' : ')')}",
            _ => "any number",
        };
    }
}
