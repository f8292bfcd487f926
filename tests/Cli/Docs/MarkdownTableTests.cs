using Calculus.Cli.Tests.Support;
using Calculus.Cli.Tests.Verify;

namespace Calculus.Cli.Tests.Docs;

/// <summary>Every markdown table of the repository renders as written: each row has its header's cell count and no
/// code span splits on a |, as a real parser (Markdig) reads them. The generated tables (the report's and verify's
/// index.md) are checked where those tests write them (<c>ReportCommandTests</c>, <c>VerifyCommandTests</c>).</summary>
public sealed class MarkdownTableTests
{
    private static readonly string[] Generated = ["bin", "obj", "artifacts", "TestResults", ".git"];

    public static TheoryData<string> CommittedMarkdown
    {
        get
        {
            string root = SubjectCommands.Root;
            var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f))
                .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => Generated.Contains(part)))
                .Order(StringComparer.Ordinal);
            return [.. files];
        }
    }

    [Theory]
    [MemberData(nameof(CommittedMarkdown))]
    public void EveryTable_HasItsHeadersCellCountInEveryRow(string file)
    {
        string markdown = File.ReadAllText(Path.Combine(SubjectCommands.Root, file));
        Assert.Empty(MarkdownTables.Defects(markdown, file));
    }

    [Fact]
    public void TheRepositoryHasMarkdownWithTables() =>
        Assert.Contains("README.md", CommittedMarkdown.Select(row => row.Data));

    [Theory]
    [InlineData("| a | b |\n|---|---|\n| max |error| 1e-13 | pass |\n", "line 3: 4 cells under a header of 2")]
    [InlineData("| a | b |\n|---|---|\n| tanh | `|x|` ≥ 19 |\n", "code span `|x|` holds an unescaped |")]
    [InlineData("| a | b |\n|---|---|\n| only one |\n", "line 3: 1 cells under a header of 2")]
    public void TheCheck_FindsTheDefectsTheReportOnceHad(string markdown, string defect) =>
        Assert.Contains(MarkdownTables.Defects(markdown, "t"), d => d.Contains(defect, StringComparison.Ordinal));

    [Theory]
    [InlineData("| a | b |\n|---|---|\n| max \\|error\\| 1e-13 | pass |\n")]
    [InlineData("| a | b |\n|---|---|\n| tanh | `\\|x\\|` ≥ 19 |\n")]
    [InlineData("| a | b |\n|---|---|\n| empty | |\n")]
    public void TheCheck_AcceptsEscapedBarsAndEmptyCells(string markdown) =>
        Assert.Empty(MarkdownTables.Defects(markdown, "t"));
}
