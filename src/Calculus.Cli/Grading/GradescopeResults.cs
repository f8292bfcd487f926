using System.Text;
using System.Text.Json;

namespace Calculus.Cli.Grading;

/// <summary>One submission's results.json in Gradescope's autograder format
/// (https://gradescope-autograders.readthedocs.io/en/latest/specs/, "Output format"): <c>{"score", "output", "tests":
/// [{"name", "score", "max_score", "status", "output", "visibility"}]}</c>, a test per item (the format has no
/// "max_score" of the whole: Gradescope sums the tests'). Gradescope
/// grades one submission per container and reads /autograder/results/results.json, so the file is per submission
/// (OUT/NAME/results.json); docs/grading.md shows the run_autograder that copies it there.</summary>
internal static class GradescopeResults
{
    /// <summary>Every test's visibility: shown to the student at once (Gradescope's values are visible, hidden,
    /// after_due_date and after_published).</summary>
    public const string Visibility = "visible";

    /// <summary>The JSON.</summary>
    /// <param name="row">The submission's row.</param>
    /// <param name="seed">The seed of the run.</param>
    /// <returns>Indented JSON.</returns>
    public static string Json(GradebookRow row, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(row);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("score", row.Total);
            w.WriteString("output", $"calculus verify, seed {seed}" + (row.Note is null ? "" : $": {row.Note}"));
            w.WriteStartArray("tests");
            foreach (var item in row.Items)
            {
                w.WriteStartObject();
                w.WriteString("name", item.Function.Length > 0 ? $"{item.Item}: {item.Function}" : item.Item);
                w.WriteNumber("score", item.Points);
                w.WriteNumber("max_score", item.MaxPoints);
                w.WriteString("status", Passed(item) ? "passed" : "failed");
                w.WriteString("output", Output(item));
                w.WriteString("visibility", Visibility);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>An item passes when it reached a level (core, stable, accurate) and earned its most points.</summary>
    private static bool Passed(ItemGrade item) => Rubric.Levels.Contains(item.Word) && item.Points >= item.MaxPoints;

    /// <summary>"level: fail; diagnosis: …; first failure: check: what at x = …" (the student's report in
    /// index.md has every check).</summary>
    private static string Output(ItemGrade item) =>
        $"level: {item.Word}" + (item.Diagnoses.Count > 0 ? $"; diagnosis: {string.Join("; ", item.Diagnoses)}" : "")
        + (item.FirstFailure is { } f ? $"; first failure: {f}" : "");
}
