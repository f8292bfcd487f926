using System.Globalization;
using System.Text.Json;
using Calculus.Verification.Checks;

namespace Calculus.Cli.Grading;

/// <summary>What every submission's run does, the same for the whole class so that grades are comparable: one command
/// template, one seed (every submission answers the same cases), the same checks, case counts, timeout and budget.</summary>
/// <param name="Template">The command, with <c>{}</c> where a submission's folder goes.</param>
/// <param name="Seed">The seed of every run.</param>
/// <param name="Cases">Cases per check, or null for each check's default.</param>
/// <param name="Checks">The checks (all, or those of <c>--only</c>).</param>
/// <param name="TimeoutSeconds">Seconds to wait for each answer.</param>
/// <param name="BudgetSeconds">Seconds one submission's run may take, its start-up included.</param>
internal sealed record GradeSettings(string Template, ulong Seed, int? Cases, IReadOnlyList<Check> Checks, double TimeoutSeconds, double BudgetSeconds)
{
    /// <summary>The items graded, in the sheet's order.</summary>
    public IReadOnlyList<string> Items => [.. Battery.Items.Where(i => Checks.Any(c => c.Item == i))];

    /// <summary>The settings as the JSON of grade.json: a submission whose grade.json holds the same text was run with
    /// the same settings, and its results stand (<c>grade</c> resumes).</summary>
    /// <returns>Indented JSON.</returns>
    public string Json()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("template", Template);
            w.WriteNumber("seed", Seed);
            if (Cases is { } cases)
            {
                w.WriteNumber("cases", cases);
            }
            else
            {
                w.WriteNull("cases");
            }

            w.WriteString("checks", string.Join(",", Checks.Select(c => c.Id)));
            w.WriteString("timeout", TimeoutSeconds.ToString("R", CultureInfo.InvariantCulture));
            w.WriteString("budget", BudgetSeconds.ToString("R", CultureInfo.InvariantCulture));
            w.WriteString("tool", Verification.Reports.VerifyReports.ToolVersion);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The seed stored in a grade.json, or null when the file is missing or holds none.</summary>
    /// <param name="path">A grade.json.</param>
    /// <returns>The seed, or null.</returns>
    public static ulong? SeedIn(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.TryGetProperty("seed", out var s) && s.TryGetUInt64(out ulong seed) ? seed : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
