using System.Globalization;

namespace Calculus.Cli;

/// <summary>Reading and writing doubles: invariant culture, shortest round-trip, and the IEEE specials by name.</summary>
internal static class Numbers
{
    /// <summary>The shortest text that parses back to exactly v: "0.1", "1E-05", "NaN", "Infinity", "-Infinity".</summary>
    public static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses a double; accepts "NaN", "Infinity", "-Infinity" and, case-insensitively, "nan", "inf", "-inf",
    /// "+inf", "infinity".</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        bool negative = text.StartsWith("-");
        var body = text.TrimStart("+-");
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        value = double.NaN;
        return false;
    }

    /// <summary>Parses a double or throws a <see cref="UsageException"/> naming where the text came from.</summary>
    public static double Parse(ReadOnlySpan<char> text, string where) =>
        TryParse(text, out double v) ? v : throw new UsageException($"{where}: cannot read '{text.ToString()}' as a number");
}
