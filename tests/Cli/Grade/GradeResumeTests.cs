namespace Calculus.Cli.Tests.Grade;

/// <summary>Resuming: a second run keeps every submission's results of the same settings and writes the same gradebook;
/// --force runs them again; other settings (a seed) run them again; one at a time gives the gradebook of two at a time.</summary>
public sealed class GradeResumeTests
{
    [Fact]
    public void SecondRun_KeepsEverySubmission_ForceRunsAgain_JobsDoNotChangeTheGradebook()
    {
        using var quick = GradeClass.Quick();
        var first = quick.Grade("-j", "2");
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        string gradebook = File.ReadAllText(Path.Combine(quick.Out, "gradebook.csv"));
        var written = File.GetLastWriteTimeUtc(Path.Combine(quick.Out, "right", "verify.json"));

        var second = quick.Grade("-j", "2");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(4, second.Lines.Count(l => l.Contains("(kept: same settings)", StringComparison.Ordinal)));
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(quick.Out, "right", "verify.json")));
        Assert.Equal(gradebook, File.ReadAllText(Path.Combine(quick.Out, "gradebook.csv")));

        var forced = quick.Grade("-j", "1", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.DoesNotContain("kept", forced.Output, StringComparison.Ordinal);
        Assert.Equal(gradebook, File.ReadAllText(Path.Combine(quick.Out, "gradebook.csv")));
    }

    [Fact]
    public void OtherSettings_RunAgain_AndAChangedRubricNeedsNoRun()
    {
        using var quick = GradeClass.Quick();
        Assert.Equal(0, quick.Grade("--only", "1a").ExitCode);
        string rubric = Path.Combine(quick.Out, "..", "rubric.json");
        File.WriteAllText(rubric, """{"1a": {"core": 4, "stable": 5}}""");
        var rescored = quick.Grade("--only", "1a", "--rubric", rubric);
        Assert.Equal(4, rescored.Lines.Count(l => l.Contains("(kept: same settings)", StringComparison.Ordinal)));
        Assert.Equal("5", quick.Gradebook()["right"]["1a points"]);

        var reseeded = quick.Grade("--only", "1a", "--seed", "8");
        Assert.DoesNotContain("kept", reseeded.Output, StringComparison.Ordinal);
    }
}
