using System.Text.RegularExpressions;
using Calculus.Cli.Tests.Verify;

namespace Calculus.Cli.Tests.Docs;

/// <summary>The README's Layout table names every project folder, every folder of the library and every script, so a
/// new part of the repository (as <c>src/Calculus/Training</c> once was) cannot go unmentioned.</summary>
public sealed partial class ReadmeLayoutTests
{
    /// <summary>The folders whose every sub-folder has a Layout row.</summary>
    private static readonly string[] Listed = ["src", "src/Calculus", "tests", "bench", "templates"];

    public static TheoryData<string> Parts
    {
        get
        {
            string root = SubjectCommands.Root;
            IEnumerable<string> Folders(string under) => Directory.EnumerateDirectories(Path.Combine(root, under))
                .Select(d => Path.GetRelativePath(root, d).Replace('\\', '/'))
                .Where(d => !d.EndsWith("/bin", StringComparison.Ordinal) && !d.EndsWith("/obj", StringComparison.Ordinal));
            var parts = Listed.SelectMany(Folders)
                .Concat(Directory.EnumerateFiles(Path.Combine(root, "scripts")).Select(f => "scripts/" + Path.GetFileName(f)));
            return [.. parts.Order(StringComparer.Ordinal)];
        }
    }

    [Theory]
    [MemberData(nameof(Parts))]
    public void TheLayoutTable_NamesIt(string part) =>
        Assert.True(LayoutPaths().Contains(part), $"README.md's Layout table has no row for `{part}`");

    private static HashSet<string> LayoutPaths()
    {
        string readme = File.ReadAllText(Path.Combine(SubjectCommands.Root, "README.md"));
        int start = readme.IndexOf("## Layout", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no Layout section");
        int end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (string row in readme[start..(end < 0 ? readme.Length : end)].Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            string first = row.Split(" | ")[0];
            foreach (Match m in CodeSpan().Matches(first))
            {
                paths.Add(m.Groups[1].Value.TrimEnd('/'));
            }
        }

        return paths;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
