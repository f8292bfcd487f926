using System.Text.Json;
using Calculus.Cli.Grading;
using Calculus.Cli.Tests.Support;
using Calculus.Verification.Diagnosis;

namespace Calculus.Cli.Tests.Grade;

/// <summary><c>calculus grade</c> on a class of seven: each submission's row, level and points with the default rubric
/// (1a and 1d are worth 1.5 each at stable, 2a nothing: the sheet weighs exercise 1 only), the reason of one that cannot
/// start, the mistake two submissions share in the summary, and a report folder per submission.</summary>
[Collection(nameof(WholeClass))]
public sealed class GradeTests(WholeClassRun run)
{
    [Fact]
    public void Grade_EverySubmissionGraded_Exit0_SeedStated()
    {
        Assert.True(run.Result.ExitCode == 0, run.Result.Output + run.Result.Error);
        Assert.Contains("seed 7 for every submission (the same cases for all: the grades are comparable)", run.Result.Output, StringComparison.Ordinal);
        Assert.Equal(7, run.Class.Gradebook().Count);
    }

    [Theory]
    [InlineData("right", "stable", "stable", "stable", "3")]
    [InlineData("planted", "stable", "fail", "stable", "1.5")]
    [InlineData("planted-too", "stable", "fail", "stable", "1.5")]
    [InlineData("empty", "not-implemented", "not-implemented", "not-implemented", "0")]
    [InlineData("missing", "not-run", "not-run", "not-run", "0")]
    [InlineData("crash", "stable", "fail", "stable", "1.5")]
    [InlineData("hang", "stable", "fail", "stable", "1.5")]
    public void Gradebook_Row_LevelsAndPoints(string name, string a, string d, string tanh, string total)
    {
        var row = run.Class.Gradebook()[name];
        Assert.Equal((a, d, tanh), (row["1a"], row["1d"], row["2a"]));
        Assert.Equal(a == "stable" ? "1.5" : "0", row["1a points"]);
        Assert.Equal(d == "stable" ? "1.5" : "0", row["1d points"]);
        Assert.Equal("0", row["2a points"]);
        Assert.Equal((total, "3"), (row["total"], row["max"]));
    }

    [Fact]
    public void Gradebook_ASubmissionThatCannotStart_HasItsRowWithTheReason()
    {
        string note = run.Class.Gradebook()["missing"]["note"];
        Assert.StartsWith("\"cannot start:", note, StringComparison.Ordinal);
        Assert.Contains("before answering its first request", note, StringComparison.Ordinal);
        Assert.Equal("", run.Class.Gradebook()["right"]["note"]);
    }

    [Fact]
    public void Gradebook_Markdown_HasARowPerSubmission()
    {
        string md = File.ReadAllText(Path.Combine(run.Class.Out, "gradebook.md"));
        Assert.Contains("| right | stable 1.5 | stable 1.5 | stable 0 | 3 / 3 |", md, StringComparison.Ordinal);
        Assert.Contains("| planted | stable 1.5 | fail 0 | stable 0 | 1.5 / 3 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_CountsLevels_AndNamesTheMistakeTwoSubmissionsShare()
    {
        string md = File.ReadAllText(Path.Combine(run.Class.Out, "summary.md"));
        // 1d: right stable; planted, planted-too, crash, hang fail; empty not-implemented; missing not-run.
        Assert.Contains("| 1d | 0 | 1 | 0 | 0 | 4 | 1 | 0 | 1 |", md, StringComparison.Ordinal);
        string mistake = KnownMistakes.Find("sigmoid-1").Description;
        Assert.Contains($"| 1d | {mistake} | 2 | planted, planted-too |", md, StringComparison.Ordinal);

        // The picture of the table, linked from it: a PNG of its declared size.
        Assert.Contains("](summary.png)", md, StringComparison.Ordinal);
        byte[] png = File.ReadAllBytes(Path.Combine(run.Class.Out, "summary.png"));
        Assert.Equal(Png.Signature, png[..8]);
        Assert.Equal(SummaryPicture.Width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(SummaryPicture.Height, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void EverySubmission_HasItsReportFolder()
    {
        foreach (string name in run.Class.Gradebook().Keys)
        {
            foreach (string file in new[] { "verify.json", "junit.xml", "index.md", "results.json", "grade.json" })
            {
                Assert.True(File.Exists(Path.Combine(run.Class.Out, name, file)), $"{name}/{file}");
            }
        }

        using var missing = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Class.Out, "missing", "verify.json")));
        Assert.Equal(2, missing.RootElement.GetProperty("exit_code").GetInt32());
    }
}
