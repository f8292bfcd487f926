using System.Globalization;

namespace Calculus.Functions;

/// <summary>An interval of the extended real line with open or closed ends, e.g. (0, 1), [0, ∞), [−1, 1].</summary>
/// <remarks>An infinite end is always open in the mathematical sense: ∞ is not a real value of any function here.</remarks>
/// <param name="Lower">The lower end; may be −∞.</param>
/// <param name="Upper">The upper end; may be +∞.</param>
/// <param name="LowerClosed">Whether the lower end belongs to the interval.</param>
/// <param name="UpperClosed">Whether the upper end belongs to the interval.</param>
public sealed record Interval(double Lower, double Upper, bool LowerClosed, bool UpperClosed)
{
    /// <summary>(−∞, ∞).</summary>
    public static Interval RealLine => new(double.NegativeInfinity, double.PositiveInfinity, false, false);

    /// <summary>The closed interval [lower, upper].</summary>
    /// <param name="lower">The lower end.</param>
    /// <param name="upper">The upper end.</param>
    /// <returns>[lower, upper].</returns>
    public static Interval Closed(double lower, double upper) => new(lower, upper, true, true);

    /// <summary>The open interval (lower, upper).</summary>
    /// <param name="lower">The lower end.</param>
    /// <param name="upper">The upper end.</param>
    /// <returns>(lower, upper).</returns>
    public static Interval Open(double lower, double upper) => new(lower, upper, false, false);

    /// <summary>Whether v lies in the interval (ends included only where closed).</summary>
    /// <param name="v">The value.</param>
    /// <returns>True when v is in the interval; false for NaN.</returns>
    public bool Contains(double v) =>
        (LowerClosed ? v >= Lower : v > Lower) && (UpperClosed ? v <= Upper : v < Upper);

    /// <summary>The interval in the usual notation, e.g. "(0, 1]" or "(−∞, ∞)".</summary>
    /// <returns>The interval as text.</returns>
    public override string ToString() =>
        $"{(LowerClosed ? '[' : '(')}{Format(Lower)}, {Format(Upper)}{(UpperClosed ? ']' : ')')}";

    private static string Format(double v) => v switch
    {
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "−∞",
        _ => v.ToString(CultureInfo.InvariantCulture).Replace('-', '−'),
    };
}
