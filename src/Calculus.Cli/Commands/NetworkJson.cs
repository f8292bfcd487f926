using System.Text;
using System.Text.Json;
using Calculus.Cli.Common;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Cli.Commands;

/// <summary>The network a user gives as JSON: {"W", "b", "w", "x", "y"} and the optional names "activation", "loss".</summary>
internal sealed record NetworkInput(
    Matrix<double> W, Vector<double> B, Vector<double> Wout, Vector<double> X, double Y, string? Activation, string? Loss);

/// <summary>Reads the JSON of <c>network</c> and <c>gradcheck --input</c>, strictly: every key must be one of
/// <see cref="Fields"/> (a misspelled key is an error, not a default), each at most once; a number must be a JSON
/// number, finite as written (1e999 is an error, not ∞); the only strings read as numbers are "NaN", "Infinity" and
/// "-Infinity", the forms <c>network</c> writes for them (JSON has no NaN or ∞). Every error is one line naming the
/// key, and a syntax error says the line and column in words, never the parser's internals.</summary>
internal static partial class NetworkJson
{
    /// <summary>The keys of the input object, in the order the messages list them.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["W", "b", "w", "x", "y", "activation", "loss"];

    /// <summary>Words that mark a parser message as speaking of the parser rather than of the input.</summary>
    private static readonly string[] Internals = ["isFinalBlock", "reader", "mode", "payload", "0x", "Path", "LineNumber", "BytePosition", "$"];

    private const string Shape = "{\"W\": [[...], ...], \"b\": [...], \"w\": [...], \"x\": [...], \"y\": 1}";

    /// <summary>The network of the JSON text, or a <see cref="UsageException"/> saying what is wrong and where.</summary>
    public static NetworkInput Parse(string json)
    {
        json = json.TrimStart('\uFEFF'); // a byte order mark, as some editors and shells write it, is no part of the JSON
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new UsageException($"input is empty; expected a JSON object {Shape}");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new UsageException($"input is not valid JSON: {Describe(e, json)}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"input must be a JSON object {Shape}; got {Kind(root)}");
            }

            CheckKeys(root);
            var rows = Array(root, "W").Select((row, i) => Numbers(row, $"W[{i}]")).ToArray();
            if (rows.Length == 0 || rows[0].Length == 0)
            {
                throw new UsageException("field W must have at least one row of at least one number");
            }

            for (int i = 1; i < rows.Length; i++)
            {
                if (rows[i].Length != rows[0].Length)
                {
                    throw new UsageException($"field W: row {i} has {rows[i].Length} entries, but row 0 has {rows[0].Length}");
                }
            }

            int h = rows.Length, d = rows[0].Length;
            var b = Sized(root, "b", h, $"W has {h} rows");
            var wout = Sized(root, "w", h, $"W has {h} rows");
            var x = Sized(root, "x", d, $"W has {d} columns");
            double y = Number(Field(root, "y"), "y");
            return new NetworkInput(Matrix<double>.Build.DenseOfRowArrays(rows), b, wout, x, y, Name(root, "activation"), Name(root, "loss"));
        }
    }

    /// <summary>Every key known and given once: "activaton" is an error naming it, the nearest known key and all of them.</summary>
    private static void CheckKeys(JsonElement root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            string key = property.Name;
            if (!Fields.Contains(key, StringComparer.Ordinal))
            {
                string? near = Fields.FirstOrDefault(f => string.Equals(f, key, StringComparison.OrdinalIgnoreCase))
                    ?? Fields.Where(f => f.Length > 1 && Distance(f, key) <= 2).OrderBy(f => Distance(f, key)).FirstOrDefault();
                string hint = near is null ? "" : $" (did you mean \"{near}\"?)";
                throw new UsageException($"unknown key \"{Common.Numbers.Shorten(key)}\"{hint}; the keys are {string.Join(", ", Fields)}");
            }

            if (!seen.Add(key))
            {
                throw new UsageException($"key \"{key}\" is given twice");
            }
        }
    }

    /// <summary>The edit distance of two short strings (insertions, deletions, substitutions).</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    /// <summary>An optional name field: null when absent or null, the string otherwise.</summary>
    private static string? Name(JsonElement root, string field) =>
        !root.TryGetProperty(field, out var e) || e.ValueKind == JsonValueKind.Null ? null
        : e.ValueKind == JsonValueKind.String ? e.GetString()
        : throw new UsageException($"field {field} must be a name (a string); got {Kind(e)}");

    private static JsonElement Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var e) ? e : throw new UsageException($"field {name} is missing");

    private static JsonElement[] Array(JsonElement root, string name)
    {
        var e = Field(root, name);
        return e.ValueKind == JsonValueKind.Array ? [.. e.EnumerateArray()] : throw new UsageException($"field {name} must be an array; got {Kind(e)}");
    }

    private static Vector<double> Sized(JsonElement root, string name, int expected, string because)
    {
        var values = Numbers(Field(root, name), name);
        return values.Length == expected
            ? Vector<double>.Build.DenseOfArray(values)
            : throw new UsageException($"field {name} has length {values.Length}, but {because}, so it needs length {expected}");
    }

    private static double[] Numbers(JsonElement e, string where) =>
        e.ValueKind == JsonValueKind.Array
            ? [.. e.EnumerateArray().Select((v, k) => Number(v, $"{where}[{k}]"))]
            : throw new UsageException($"field {where} must be an array of numbers; got {Kind(e)}");

    /// <summary>A JSON number that is finite as written, or one of the strings "NaN", "Infinity", "-Infinity".</summary>
    private static double Number(JsonElement e, string where)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number:
                // System.Text.Json reads 1e999 as ∞ without a word: a number that overflows is refused here.
                return e.TryGetDouble(out double v) && double.IsFinite(v)
                    ? v
                    : throw new UsageException($"field {where}: {Common.Numbers.BeyondTheDoubles(e.GetRawText())} (write the string \"Infinity\" or \"-Infinity\" if ±∞ is meant)");
            case JsonValueKind.String:
                string text = e.GetString() ?? "";
                return text switch
                {
                    "NaN" => double.NaN,
                    "Infinity" => double.PositiveInfinity,
                    "-Infinity" => double.NegativeInfinity,
                    _ when Common.Numbers.TryParse(text, out double quoted) && double.IsFinite(quoted) =>
                        throw new UsageException($"field {where}: \"{Common.Numbers.Shorten(text)}\" is a string; write the number without quotes (the only strings read as numbers are \"NaN\", \"Infinity\" and \"-Infinity\")"),
                    _ => throw new UsageException($"field {where}: cannot read '{Common.Numbers.Shorten(text)}' as a number (numbers are written without quotes; the only strings read as numbers are \"NaN\", \"Infinity\" and \"-Infinity\")"),
                };
            default:
                throw new UsageException($"field {where} must be a number; got {Kind(e)}");
        }
    }

    /// <summary>The kind of a JSON value in words: "an array", "a string", "null", "true".</summary>
    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    /// <summary>A syntax error in one line: "line 2, column 7: 'N' is an invalid start of a value (NaN and ∞ are
    /// written as the strings …)". The position counts characters from 1; the reason is the parser's first sentence
    /// where it is plain, otherwise "unexpected 'c'", and never shows the parser's internals (its byte offsets, its
    /// "Path: $", "isFinalBlock" or reader options).</summary>
    internal static string Describe(JsonException e, string json)
    {
        var lines = json.Split('\n');
        int line = (int)Math.Clamp(e.LineNumber ?? 0, 0, lines.Length - 1);
        byte[] bytes = Encoding.UTF8.GetBytes(lines[line]);
        int column = Encoding.UTF8.GetString(bytes, 0, (int)Math.Clamp(e.BytePositionInLine ?? 0, 0, bytes.Length)).Length;
        string where = $"line {line + 1}, column {column + 1}";
        string rest = string.Join('\n', lines.Skip(line + 1).Prepend(lines[line][column..]));
        if (string.IsNullOrWhiteSpace(rest))
        {
            return $"{where}: the input ends before the JSON is complete (is a closing ], }} or \" missing?)";
        }

        string word = rest.TrimStart('-');
        if (word.StartsWith("NaN", StringComparison.Ordinal) || word.StartsWith("Infinity", StringComparison.Ordinal))
        {
            return $"{where}: NaN and Infinity are not JSON numbers; write them as the strings \"NaN\", \"Infinity\", \"-Infinity\"";
        }

        char c = rest[0];
        string shown = char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : c.ToString();
        string reason = e.Message.Split([" LineNumber:", " Path:"], StringSplitOptions.None)[0].Trim();
        reason = reason.Contains("trailing comma", StringComparison.Ordinal) ? $"a comma before '{shown}' (JSON allows no trailing comma)"
            : reason.Contains("maximum configured depth", StringComparison.Ordinal) ? "arrays or objects nested more than 64 deep"
            : TrailingHexByte().Replace(reason, $"'{shown}'");
        bool plain = reason.Length > 0
            && !Internals.Any(t => reason.Contains(t, StringComparison.Ordinal));
        return $"{where}: {(plain ? reason.TrimEnd('.') : $"unexpected '{shown}'")}";
    }

    [System.Text.RegularExpressions.GeneratedRegex("'0x[0-9A-Fa-f]{2}'")]
    private static partial System.Text.RegularExpressions.Regex TrailingHexByte();
}
