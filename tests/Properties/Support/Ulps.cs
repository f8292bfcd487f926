namespace Calculus.Properties.Support;

/// <summary>Floating-point closeness through MathNet's <c>Precision</c>.</summary>
internal static class Ulps
{
    /// <summary>The number of doubles from a to b (0 when equal, ±0 included; max when either is NaN).</summary>
    public static ulong Between(double a, double b) =>
        a == b ? 0 : double.IsNaN(a) || double.IsNaN(b) ? ulong.MaxValue : MathNet.Numerics.Precision.NumbersBetween(a, b);

    /// <summary>|a − b| ≤ relative·max(|a|, |b|) + absolute.</summary>
    public static bool Close(double a, double b, double relative, double absolute = 0) =>
        a == b || Math.Abs(a - b) <= (relative * Math.Max(Math.Abs(a), Math.Abs(b))) + absolute;
}
