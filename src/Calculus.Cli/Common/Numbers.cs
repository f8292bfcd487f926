using System.Globalization;

namespace Calculus.Cli.Common;

/// <summary>Reading and writing doubles: invariant culture, shortest round-trip, and the IEEE specials by name.</summary>
internal static class Numbers
{
    /// <summary>The shortest text that parses back to exactly v: "0.1", "1E-05", "NaN", "Infinity", "-Infinity".</summary>
    public static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses a double; accepts "NaN", "Infinity", "-Infinity" and, case-insensitively, "nan", "inf", "-inf",
    /// "+inf", "infinity". A number written with digits that lies beyond the largest double (1e309, -1e309) is not
    /// read: it would silently become ±∞. One that lies below the smallest subnormal rounds to ±0, the nearest double.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value) => Read(text, out value) == Outcome.Number;

    /// <summary>Parses a double or throws a <see cref="UsageException"/> naming where the text came from, and saying
    /// so when the number overflows the doubles.</summary>
    public static double Parse(ReadOnlySpan<char> text, string where) => Read(text, out double v) switch
    {
        Outcome.Number => v,
        Outcome.Overflow => throw new UsageException($"{where}: {BeyondTheDoubles(text.ToString())} (write inf or -inf if ±∞ is meant)"),
        _ => throw new UsageException($"{where}: cannot read '{Shorten(text.ToString())}' as a number"),
    };

    /// <summary>The parser of a double-valued option (<c>--scale</c>, <c>--lr</c>): the same reading as
    /// <see cref="Parse"/>, so 1e309 is an error naming the option instead of a silent ∞.</summary>
    /// <param name="result">The option's tokens.</param>
    /// <returns>The number, or 0 with an error added to <paramref name="result"/>.</returns>
    public static double ParseOption(System.CommandLine.Parsing.ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        string name = (result.Parent as System.CommandLine.Parsing.OptionResult)?.Option.Name ?? result.Argument.Name;
        switch (Read(text, out double v))
        {
            case Outcome.Number:
                return v;
            case Outcome.Overflow:
                result.AddError($"{name}: {BeyondTheDoubles(text)}");
                return 0;
            default:
                result.AddError($"{name}: cannot read '{Shorten(text)}' as a number");
                return 0;
        }
    }

    /// <summary>Why a number written with digits is refused although it is well formed: "'1e309' lies beyond …".</summary>
    public static string BeyondTheDoubles(string text) =>
        $"'{Shorten(text.Trim())}' lies beyond the largest double, ±{Format(double.MaxValue)}";

    /// <summary>The text itself, or its first 37 characters and "..." when it is longer than 40.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : $"{text[..37]}...";

    private static bool HasDigit(ReadOnlySpan<char> text) => text.IndexOfAnyInRange('0', '9') >= 0;

    private enum Outcome
    {
        Number,
        Overflow,
        Unreadable,
    }

    private static Outcome Read(ReadOnlySpan<char> text, out double value)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            // .NET rounds 1e309 to ∞ without a word; digits that give ±∞ are an overflow, not a spelling of ∞.
            return double.IsInfinity(value) && HasDigit(text) ? Outcome.Overflow : Outcome.Number;
        }

        bool negative = text.StartsWith("-");
        var body = negative || text.StartsWith("+") ? text[1..] : text; // one sign at most: "--inf" is no number
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return Outcome.Number;
        }

        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return Outcome.Number;
        }

        value = double.NaN;
        return Outcome.Unreadable;
    }
}
