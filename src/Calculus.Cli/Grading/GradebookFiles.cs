using System.Text;
using Calculus.Verification.Reports;

namespace Calculus.Cli.Grading;

/// <summary>The gradebook as gradebook.csv and gradebook.md: one row per submission in the order of their names, the
/// word of each item (fail, core, stable, accurate, partial, not-implemented, error, not-run), its points, the total
/// and the note.</summary>
internal static class GradebookFiles
{
    /// <summary>CSV (RFC 4180: a field holding a comma, a quote or a line break is quoted, a quote doubled): the header
    /// name, then each item's word, then each item's points ("1d points"), then total, max and note.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="items">The items graded, in the sheet's order.</param>
    /// <returns>The CSV text, lines ending in "\n".</returns>
    public static string Csv(IReadOnlyList<GradebookRow> rows, IReadOnlyList<string> items)
    {
        var sb = new StringBuilder();
        Line(sb, ["name", .. items, .. items.Select(i => $"{i} points"), "total", "max", "note"]);
        foreach (var row in rows)
        {
            Line(sb, [row.Name, .. row.Items.Select(i => i.Word), .. row.Items.Select(i => Rubric.Format(i.Points)), Rubric.Format(row.Total), Rubric.Format(row.MaxTotal), row.Note ?? ""]);
        }

        return sb.ToString();
    }

    /// <summary>A markdown table: a row per submission, a column per item with its word and points ("stable 1.5"), the
    /// total out of the most, and the note.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="items">The items graded.</param>
    /// <param name="seed">The seed every submission ran with.</param>
    /// <param name="rubric">The rubric.</param>
    /// <returns>The markdown.</returns>
    public static string Markdown(IReadOnlyList<GradebookRow> rows, IReadOnlyList<string> items, ulong seed, Rubric rubric)
    {
        var sb = new StringBuilder();
        sb.Append("# Gradebook\n\n");
        sb.Append($"{rows.Count} submissions, every one run with seed {seed} (the same cases for all: the grades are comparable); points from {VerifyReports.Cell(rubric.Source)}.\n\n");
        sb.Append("| name | ").Append(string.Join(" | ", items)).Append(" | total | note |\n");
        sb.Append("|---|").Append(string.Concat(items.Select(_ => "---|"))).Append("---|---|\n");
        foreach (var row in rows)
        {
            sb.Append("| ").Append(VerifyReports.Cell(row.Name)).Append(" | ")
                .Append(string.Join(" | ", row.Items.Select(i => $"{i.Word} {Rubric.Format(i.Points)}")))
                .Append(" | ").Append($"{Rubric.Format(row.Total)} / {Rubric.Format(row.MaxTotal)}")
                .Append(" | ").Append(VerifyReports.Cell(row.Note ?? "")).Append(" |\n");
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, IEnumerable<string> fields) =>
        sb.Append(string.Join(",", fields.Select(Field))).Append('\n');

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
