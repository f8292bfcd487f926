using System.Text.RegularExpressions;

namespace Calculus.Examples.Support;

/// <summary>The tables of a markdown text with the number of cells of their header and of each row, as GitHub's renderer
/// splits them: on every | that is not escaped as \|, even inside a code span.</summary>
internal static partial class MarkdownTables
{
    public sealed record Table(int Header, IReadOnlyList<int> Rows);

    public static IEnumerable<Table> Of(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        int? header = null;
        var rows = new List<int>();
        foreach (string raw in markdown.Split('\n').Append(""))
        {
            string line = raw.Trim();
            if (!line.StartsWith('|'))
            {
                if (header is { } h)
                {
                    yield return new Table(h, [.. rows.Skip(1)]); // the first row is the |---| separator
                }

                header = null;
                rows = [];
                continue;
            }

            int cells = Separator().Split(line.Trim('|')).Length;
            if (header is null)
            {
                header = cells;
            }
            else
            {
                rows.Add(cells);
            }
        }
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex Separator();
}
