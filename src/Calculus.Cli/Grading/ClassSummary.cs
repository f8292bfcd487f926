using System.Text;
using Calculus.Verification.Reports;

namespace Calculus.Cli.Grading;

/// <summary>summary.md: over the class, how many submissions reached each word per item (drawn in summary.png,
/// <see cref="SummaryPicture"/>), and the diagnoses of failed checks that recur: each distinct diagnosis of an item with the number of submissions whose run named it, most
/// frequent first.</summary>
internal static class ClassSummary
{
    /// <summary>The words of the table's columns, highest level first (the picture stacks them in this order).</summary>
    internal static readonly string[] Words = ["accurate", "stable", "core", "partial", "fail", "not-implemented", "error", "not-run"];

    /// <summary>The markdown.</summary>
    /// <param name="rows">The gradebook's rows.</param>
    /// <param name="items">The items graded.</param>
    /// <returns>The markdown.</returns>
    public static string Markdown(IReadOnlyList<GradebookRow> rows, IReadOnlyList<string> items)
    {
        var sb = new StringBuilder();
        sb.Append("# Class summary\n\n");
        sb.Append($"{rows.Count} submissions. How many reached each level, per item:\n\n");
        sb.Append("| item | ").Append(string.Join(" | ", Words)).Append(" |\n");
        sb.Append("|---|").Append(string.Concat(Words.Select(_ => "---:|"))).Append('\n');
        foreach (string item in items)
        {
            var words = rows.Select(r => r.Items.Single(i => i.Item == item).Word).ToList();
            sb.Append("| ").Append(item).Append(" | ").Append(string.Join(" | ", Words.Select(w => words.Count(x => x == w)))).Append(" |\n");
        }

        sb.Append("\n![The level each item reached, as stacked bars](summary.png)\n");

        var diagnoses = Diagnoses(rows);
        sb.Append("\n## Diagnoses across the class\n\n");
        if (diagnoses.Count == 0)
        {
            sb.Append("No failed check named a mistake.\n");
            return sb.ToString();
        }

        sb.Append("Each mistake a failed check named, with the submissions that made it, most frequent first:\n\n");
        sb.Append("| item | diagnosis | submissions | who |\n|---|---|---:|---|\n");
        foreach (var d in diagnoses)
        {
            sb.Append($"| {d.Item} | {VerifyReports.Cell(d.Diagnosis)} | {d.Names.Count} | {VerifyReports.Cell(string.Join(", ", d.Names))} |\n");
        }

        return sb.ToString();
    }

    /// <summary>Each (item, diagnosis) with the names of the submissions that got it, most submissions first, then by
    /// item and text.</summary>
    /// <param name="rows">The gradebook's rows.</param>
    /// <returns>The diagnoses.</returns>
    public static IReadOnlyList<(string Item, string Diagnosis, IReadOnlyList<string> Names)> Diagnoses(IReadOnlyList<GradebookRow> rows) =>
    [
        .. rows.SelectMany(r => r.Items.SelectMany(i => i.Diagnoses.Select(d => (i.Item, Diagnosis: d, r.Name))))
            .GroupBy(x => (x.Item, x.Diagnosis))
            .Select(g => (g.Key.Item, g.Key.Diagnosis, (IReadOnlyList<string>)[.. g.Select(x => x.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
            .OrderByDescending(d => d.Item3.Count).ThenBy(d => d.Item, StringComparer.Ordinal).ThenBy(d => d.Diagnosis, StringComparer.Ordinal),
    ];
}
