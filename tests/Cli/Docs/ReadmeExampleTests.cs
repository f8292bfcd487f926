using System.Text;
using System.Text.RegularExpressions;
using Calculus.Cli.Tests.Commands;
using Calculus.Cli.Tests.Support;
using Calculus.Cli.Tests.Verify;

namespace Calculus.Cli.Tests.Docs;

/// <summary>Every <c>$ calculus …</c> example of README.md and docs/cli.md, run for real and compared with the output
/// the document shows: a documented example is a test. Each runs as a child process in a temporary folder of its own, which takes what
/// it writes (report and train write into ./artifacts/) and is deleted after it. Times, rates and absolute paths are masked (they differ per run and machine),
/// runs of spaces are one space (table columns widen with the times), and the JSON of <c>network</c> is compared
/// without whitespace (the documents print it compactly).</summary>
public sealed partial class ReadmeExampleTests
{
    /// <summary>The documents whose examples are tests, with the fewest examples each is known to hold (so that a
    /// change of format that hides them from <see cref="ReadExamples"/> fails instead of testing nothing).</summary>
    private static readonly (string File, int AtLeast)[] Documents = [("README.md", 1), ("docs/cli.md", 18)];

    public static TheoryData<string, int, string> Examples
    {
        get
        {
            var data = new TheoryData<string, int, string>();
            foreach (var (file, _) in Documents)
            {
                foreach (var example in ReadExamples(file))
                {
                    data.Add(file, example.Line, example.Command);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task DocumentedExample_PrintsWhatTheDocumentShows(string file, int line, string command)
    {
        var example = ReadExamples(file).Single(e => e.Line == line);
        if (command.Contains("python3", StringComparison.Ordinal) && SubjectCommands.Python is null)
        {
            Assert.Skip("python3 is not on the PATH");
        }

        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        var (code, actual) = await Execute(command, folder.Path);
        Assert.True(code == example.ExitCode, $"{file} line {line}: exit {code}, expected {example.ExitCode}\n{actual}");
        bool json = command.EndsWith("| calculus network", StringComparison.Ordinal);
        string expected = Normalize(example.Output, json);
        string got = Normalize(actual, json);
        if (!json && expected.Split('\n').Contains(Elision))
        {
            Assert.True(MatchesWithElisions(expected.Split('\n'), got.Split('\n')), $"{file} line {line}: the output does not match\n--- {file}:\n{expected}\n--- run:\n{got}");
        }
        else
        {
            Assert.Equal(expected, got);
        }
    }

    /// <summary>An output line of a document that stands for any number of output lines (the report prints 20
    /// checks; docs/cli.md shows some of them).</summary>
    private const string Elision = "…";

    /// <summary>Whether the shown lines, split at the elisions, appear in the actual lines in order: the first piece at
    /// the start, the last at the end, each piece as consecutive lines.</summary>
    private static bool MatchesWithElisions(string[] shown, string[] actual)
    {
        var pieces = new List<List<string>> { new() };
        foreach (string l in shown)
        {
            if (l == Elision)
            {
                pieces.Add([]);
            }
            else
            {
                pieces[^1].Add(l);
            }
        }

        if (!actual.AsSpan().StartsWith(pieces[0].ToArray()) || !actual.AsSpan().EndsWith(pieces[^1].ToArray()))
        {
            return false;
        }

        int at = pieces[0].Count;
        foreach (var piece in pieces.Skip(1).SkipLast(1))
        {
            int found = Enumerable.Range(at, Math.Max(0, actual.Length - at - piece.Count + 1)).FirstOrDefault(k => actual.AsSpan(k, piece.Count).SequenceEqual(piece.ToArray()), -1);
            if (found < 0)
            {
                return false;
            }

            at = found + piece.Count;
        }

        return at <= actual.Length - pieces[^1].Count;
    }

    [Fact]
    public void Elisions_MatchAnyLinesBetween_AndNothingOutOfOrder()
    {
        string[] actual = ["a", "b", "c", "d", "e"];
        Assert.True(MatchesWithElisions(["a", Elision, "c", Elision, "e"], actual));
        Assert.True(MatchesWithElisions(["a", "b", Elision, "e"], actual));
        Assert.False(MatchesWithElisions(["a", Elision, "d", Elision, "c", "e"], actual));
        Assert.False(MatchesWithElisions(["b", Elision, "e"], actual));
        Assert.False(MatchesWithElisions(["a", Elision, "x", Elision, "e"], actual));
    }

    [Fact]
    public void EveryDocument_HasItsExamples()
    {
        foreach (var (file, atLeast) in Documents)
        {
            int found = ReadExamples(file).Count;
            Assert.True(found >= atLeast, $"{file}: {found} `$ calculus` examples found, at least {atLeast} expected");
        }
    }

    private sealed record Example(int Line, string Command, string Output, int ExitCode);

    /// <summary>The examples: a line "$ COMMAND" in a fenced block, then its output up to the next "$ " line or the end
    /// of the block; an output line ending in "(exit code N)" is the error line of a run that exits N.</summary>
    private static List<Example> ReadExamples(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(SubjectCommands.Root, file));
        var examples = new List<Example>();
        bool fenced = false;
        for (int k = 0; k < lines.Length; k++)
        {
            if (lines[k].StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced || !lines[k].StartsWith("$ ", StringComparison.Ordinal) || !lines[k].Contains("calculus ", StringComparison.Ordinal))
            {
                continue;
            }

            var output = new List<string>();
            int exit = 0;
            int j = k + 1;
            for (; j < lines.Length && !lines[j].StartsWith("$ ", StringComparison.Ordinal) && !lines[j].StartsWith("```", StringComparison.Ordinal); j++)
            {
                var m = ExitCodeNote().Match(lines[j]);
                output.Add(m.Success ? lines[j][..m.Index] : lines[j]);
                exit = m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : exit;
            }

            examples.Add(new Example(k + 1, lines[k][2..], string.Join('\n', output), exit));
            k = j - 1;
        }

        return examples;
    }

    /// <summary>Runs a pipeline of <c>echo 'TEXT'</c> or <c>printf 'TEXT'</c>, one <c>calculus</c> run as a child process
    /// in <paramref name="workingDirectory"/>, and <c>tail -N</c>; relative paths of the repository in the arguments are
    /// made absolute.</summary>
    private static async Task<(int Code, string Output)> Execute(string pipeline, string workingDirectory)
    {
        string stdin = "";
        string output = "";
        int code = 0;
        foreach (var stage in SplitPipeline(pipeline))
        {
            var words = Words(stage);
            switch (words[0])
            {
                case "echo":
                    stdin = words[1] + "\n";
                    break;
                case "printf":
                    stdin = words[1].Replace("\\n", "\n", StringComparison.Ordinal);
                    break;
                case "calculus":
                    string root = SubjectCommands.Root + Path.DirectorySeparatorChar;
                    var args = words.Skip(1).Select(w => w.Replace("templates/", root + "templates/", StringComparison.Ordinal)).ToArray();
                    var r = await CliRunner.RunProcessAsync(stdin, workingDirectory, args);
                    code = r.ExitCode;
                    // verify's progress lines on standard error (a CI log's; a terminal's are erased when the run ends) are
                    // not part of what the document shows.
                    string error = string.Join('\n', r.Error.Split('\n').Where(l => !ProgressLine().IsMatch(l)));
                    output = AbsolutePath().Replace(r.Output + error, "/…/artifacts/").Replace(root, "", StringComparison.Ordinal);
                    break;
                case "tail":
                    int n = int.Parse(words[1].TrimStart('-'), System.Globalization.CultureInfo.InvariantCulture);
                    output = string.Join('\n', output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(n));
                    break;
                default:
                    throw new InvalidOperationException($"documented example: cannot run '{words[0]}'");
            }
        }

        return (code, output);
    }

    private static IEnumerable<string> SplitPipeline(string pipeline)
    {
        var stage = new StringBuilder();
        char quote = '\0';
        foreach (char c in pipeline)
        {
            quote = quote == '\0' && c is '\'' or '"' ? c : quote == c ? '\0' : quote;
            if (c == '|' && quote == '\0')
            {
                yield return stage.ToString().Trim();
                stage.Clear();
            }
            else
            {
                stage.Append(c);
            }
        }

        yield return stage.ToString().Trim();
    }

    /// <summary>Shell words: split at spaces outside quotes, quotes removed.</summary>
    private static List<string> Words(string stage)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char quote = '\0';
        bool any = false;
        foreach (char c in stage)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                any = true;
            }
            else if (c == ' ')
            {
                if (any || word.Length > 0)
                {
                    words.Add(word.ToString());
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
            }
        }

        if (any || word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static string Normalize(string text, bool json)
    {
        string masked = Duration().Replace(text, "#");
        masked = Rate().Replace(masked, "# per");
        masked = Requests().Replace(masked, "# requests");
        return json
            ? Regex.Replace(masked, @"\s+", "")
            : string.Join('\n', masked.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));
    }

    /// <summary>A progress line of verify: "[ 3/17] 1d    FAIL …".</summary>
    [GeneratedRegex(@"^\[ *\d+/\d+\] ")]
    private static partial Regex ProgressLine();

    [GeneratedRegex(@"\s*\(exit code (\d+)\)\s*$")]
    private static partial Regex ExitCodeNote();

    /// <summary>A time: "28.0 ms", "1.4 s", "0.91 s".</summary>
    [GeneratedRegex(@"\b\d+(\.\d+)? ?(ms|s)\b")]
    private static partial Regex Duration();

    /// <summary>A rate: "(3267 per second)".</summary>
    [GeneratedRegex(@"\b\d+(\.\d+)? per\b")]
    private static partial Regex Rate();

    /// <summary>A count of requests: "2140 requests". Scalar batches follow the subject's speed (BatchSizer), so a slow
    /// moment of the machine can split one batch more.</summary>
    [GeneratedRegex(@"\b\d+ requests\b")]
    private static partial Regex Requests();

    /// <summary>An absolute path up to an artifacts folder, which the documents write as "/…/artifacts/".</summary>
    [GeneratedRegex(@"/\S*?/artifacts/")]
    private static partial Regex AbsolutePath();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex Spaces();
}
