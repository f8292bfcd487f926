namespace Calculus.Cli.Tests.Grade;

/// <summary>A submission whose time budget runs out: its items are not-run, earn nothing, and the note says why; the
/// class is still graded and grade exits 0.</summary>
public sealed class GradeBudgetTests
{
    private static readonly string[] Items = ["1a", "1d", "2a"];

    [Fact]
    public void ABudgetSpent_LeavesTheItemsNotRun_WithTheReasonInTheNote()
    {
        // 1 ms: starting python3 alone takes longer, so no check of any submission begins.
        using var quick = GradeClass.Quick();
        var run = quick.Grade("--budget", "0.001");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var gradebook = quick.Gradebook();
        foreach (string name in new[] { "right", "planted", "empty" })
        {
            var row = gradebook[name];
            Assert.All(Items, item => Assert.Equal("not-run", row[item]));
            Assert.Equal("0", row["total"]);
            Assert.StartsWith("not run: the time budget of 0.001 s (--budget) was spent after ", row["note"], StringComparison.Ordinal);
            Assert.Contains($"{name}: 3 not-run; 0 / 3 points", run.Output, StringComparison.Ordinal);
        }

        Assert.StartsWith("\"cannot start: ", gradebook["missing"]["note"], StringComparison.Ordinal);
    }
}
