using System.Globalization;

namespace Calculus.Verification.Generation;

/// <summary>Numbers as every report prints them: the shortest round-trip form, invariant culture.</summary>
internal static class Show
{
    /// <summary>The shortest text that parses back to exactly v ("0.1", "1E-05", "NaN", "Infinity").</summary>
    /// <param name="v">The number.</param>
    /// <returns>The text.</returns>
    public static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>[a, b, c] with every entry round-trip.</summary>
    /// <param name="values">The entries.</param>
    /// <returns>The text.</returns>
    public static string Vector(IEnumerable<double> values) => $"[{string.Join(", ", values.Select(R))}]";

    /// <summary>[[a, b], [c, d]] row by row.</summary>
    /// <param name="rows">The rows.</param>
    /// <returns>The text.</returns>
    public static string Matrix(IEnumerable<double[]> rows) => $"[{string.Join(", ", rows.Select(Vector))}]";
}
