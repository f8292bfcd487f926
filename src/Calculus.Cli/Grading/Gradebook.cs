using System.Text.Json;
using Calculus.Cli.Common;

namespace Calculus.Cli.Grading;

/// <summary>The gradebook: one row per submission, read from its verify.json (a resumed submission's as well as a new
/// one's) and scored with the rubric.</summary>
internal static class Gradebook
{
    /// <summary>A submission's row, from its report folder.</summary>
    /// <param name="name">The submission's name.</param>
    /// <param name="folder">Its report folder (OUT/NAME), holding verify.json.</param>
    /// <param name="items">The items graded, in the sheet's order.</param>
    /// <param name="rubric">The rubric.</param>
    /// <returns>The row: an item the report does not hold is not-run.</returns>
    public static GradebookRow Row(string name, string folder, IReadOnlyList<string> items, Rubric rubric)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, SubmissionRunner.JsonFile)));
        var root = doc.RootElement;
        var reported = root.TryGetProperty("items", out var list)
            ? list.EnumerateArray().ToDictionary(i => i.GetProperty("item").GetString()!, i => i.Clone(), StringComparer.Ordinal)
            : [];
        var grades = items.Select(item => reported.TryGetValue(item, out var e) ? Grade(item, e, rubric) : new ItemGrade(item, "", "not-run", 0, rubric.MaxFor(item), [])).ToList();
        string? error = root.TryGetProperty("error", out var why) ? why.GetString() : null;
        bool fault = (root.TryGetProperty("exit_code", out var code) && code.GetInt32() == ExitCodes.CheckerFault) || grades.Any(g => g.Word == "error");
        string? notRun = reported.Values.SelectMany(Checks).Select(c => c.TryGetProperty("verdict", out var v) && v.GetString() == "not-run" && c.TryGetProperty("reason", out var r) ? r.GetString() : null).FirstOrDefault(r => r is not null);
        return new GradebookRow(name, grades, error ?? (notRun is null ? null : $"not run: {notRun}"), fault);
    }

    private static ItemGrade Grade(string item, JsonElement reported, Rubric rubric)
    {
        string level = reported.GetProperty("level").GetString()!;
        bool partial = reported.TryGetProperty("partial", out var p) && p.GetBoolean();
        string word = partial && Rubric.Levels.Contains(level) ? "partial" : level;
        var diagnoses = Checks(reported).Select(c => c.TryGetProperty("diagnosis", out var d) ? d.GetString() : null).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        string? first = Checks(reported).Where(c => c.TryGetProperty("verdict", out var v) && v.GetString() == "fail")
            .Select(c => $"{c.GetProperty("name").GetString()}: {(c.TryGetProperty("failure", out var f) ? f.GetString() : "failed")}{Numbers(c)}{(c.TryGetProperty("counterexample", out var x) ? $" at {x.GetString()}" : "")}")
            .FirstOrDefault();
        return new ItemGrade(item, reported.GetProperty("function").GetString() ?? "", word, rubric.PointsFor(item, word), rubric.MaxFor(item), diagnoses) { FirstFailure = first };
    }

    /// <summary>", expected E, got G" when the failure compared two numbers (verify.json writes them as numbers, or as
    /// the strings NaN and ±Infinity); empty otherwise.</summary>
    private static string Numbers(JsonElement check) =>
        check.TryGetProperty("expected", out var e) && e.ValueKind is JsonValueKind.Number or JsonValueKind.String
        && check.TryGetProperty("got", out var g) && g.ValueKind is JsonValueKind.Number or JsonValueKind.String
            ? $", expected {e}, got {g}" : "";

    private static IEnumerable<JsonElement> Checks(JsonElement item) =>
        item.TryGetProperty("checks", out var checks) ? checks.EnumerateArray() : [];
}
