using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Calculus.Cli.Tests.Support;

/// <summary>The tables of a markdown text as a real parser (Markdig, pipe tables as on GitHub) reads them: the cells
/// each row really has, and the code spans inside cells that hold an unescaped |.</summary>
/// <remarks>Markdig pads a short row, and the header of a table with a longer row, with empty cells that have no
/// source text; those are not counted, so a row with an extra unescaped | shows as more cells than its header. GitHub
/// splits a cell on a | even inside a code span (only \| is kept), where Markdig keeps the code span whole; such code
/// spans are listed so that a test can reject them.</remarks>
internal static class MarkdownTables
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UsePreciseSourceLocation().Build();

    /// <summary>One table: its first source line (1-based), the header's cell count, each row's (line, cells), and
    /// the code spans in its cells with an unescaped |.</summary>
    public sealed record Table(int Line, int Header, IReadOnlyList<(int Line, int Cells)> Rows, IReadOnlyList<string> SplitCodeSpans)
    {
        /// <summary>What is wrong with the table as GitHub renders it, one line per defect; empty when nothing is.</summary>
        public IEnumerable<string> Defects =>
            Rows.Where(r => r.Cells != Header).Select(r => $"line {r.Line}: {r.Cells} cells under a header of {Header}")
                .Concat(SplitCodeSpans.Select(c => $"table at line {Line}: code span `{c}` holds an unescaped |, which GitHub splits"));
    }

    public static IEnumerable<Table> Of(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var table in document.Descendants<Markdig.Extensions.Tables.Table>())
        {
            var rows = table.OfType<TableRow>().ToList();
            var header = rows.FirstOrDefault(r => r.IsHeader) ?? rows[0];
            var body = rows.Where(r => r != header).Select(r => (r.Line + 1, RealCells(r))).ToList();
            var split = table.Descendants<CodeInline>().Select(c => c.Content)
                .Where(content => content.Replace("\\|", "", StringComparison.Ordinal).Contains('|', StringComparison.Ordinal))
                .ToList();
            yield return new Table(table.Line + 1, RealCells(header), body, split);
        }
    }

    /// <summary>The text of every cell of every table of the text, as Markdig splits the rows: each cell's source,
    /// trimmed, with \| read as |. The first row is the header.</summary>
    public static IEnumerable<IReadOnlyList<IReadOnlyList<string>>> Cells(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var table in document.Descendants<Markdig.Extensions.Tables.Table>())
        {
            yield return [.. table.OfType<TableRow>().Select(row => (IReadOnlyList<string>)[.. row.OfType<TableCell>()
                .Where(c => c.Count > 0 || !c.Span.IsEmpty)
                .Select(c => markdown.Substring(c.Span.Start, c.Span.Length).Trim().Replace("\\|", "|", StringComparison.Ordinal))])];
        }
    }

    /// <summary>Every defect of every table of the text, each prefixed with the text's name.</summary>
    public static IEnumerable<string> Defects(string markdown, string name) =>
        Of(markdown).SelectMany(t => t.Defects).Select(d => $"{name}: {d}");

    /// <summary>The cells with source text or content (Markdig's padding cells have neither).</summary>
    private static int RealCells(TableRow row) =>
        row.OfType<TableCell>().Count(c => c.Count > 0 || !c.Span.IsEmpty);
}
