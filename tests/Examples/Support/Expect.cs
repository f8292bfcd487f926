using System.Globalization;

namespace Calculus.Examples.Support;

/// <summary>Assertions on doubles that say the expected value, the actual one and the distance.</summary>
internal static class Expect
{
    /// <summary>actual within maxUlp of expected; NaN only where NaN is expected; ±0 count as equal.</summary>
    public static void Ulps(double expected, double actual, int maxUlp = 1, string because = "")
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            Assert.True(double.IsNaN(expected) && double.IsNaN(actual),
                $"{because}: expected {R(expected)}, got {R(actual)}");
            return;
        }

        ulong distance = Ulp.Distance(expected, actual);
        Assert.True(distance <= (ulong)maxUlp,
            $"{because}: expected {R(expected)}, got {R(actual)}, {distance} ulp apart (allowed {maxUlp})");
    }

    /// <summary>|actual − expected| ≤ tolerance.</summary>
    public static void Near(double expected, double actual, double tolerance, string because = "")
    {
        double error = Math.Abs(actual - expected);
        Assert.True(error <= tolerance,
            $"{because}: expected {R(expected)}, got {R(actual)}, |error| {R(error)} > {R(tolerance)}");
    }

    public static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
