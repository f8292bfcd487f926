using Calculus.Cli.Tests.Commands;

namespace Calculus.Cli.Tests.Verify;

/// <summary><c>verify --budget S</c>: the time budget of the whole run, the subject's start-up included.</summary>
public sealed class BudgetTests
{
    [Fact]
    public void Verify_ABudgetSpentBeforeTheFirstCheck_RunsNone_AndExits1()
    {
        // 1 ms: starting the subject (a .NET process) alone takes longer, so no check begins.
        using var run = VerifyRun.Of(SubjectCommands.Serve(), "--only", "2c", "--cases", "20", "--seed", "4", "--budget", "0.001");
        Assert.True(run.Result.ExitCode == 1, run.Result.Output + run.Result.Error);
        Assert.All(run.Checks, c => Assert.Equal("not-run", c.Check.GetProperty("verdict").GetString()));
        Assert.Equal("not-run", run.ItemLevel("2c"));
        Assert.Contains($"not run: {run.Checks.Count()} of {run.Checks.Count()} checks; the time budget of 0.001 s (--budget) was spent after ", run.Result.Output, StringComparison.Ordinal);
        Assert.Contains("1 items: 1 not-run;", run.Result.Output, StringComparison.Ordinal);
        Assert.Contains(" --budget 0.001", run.Result.Output, StringComparison.Ordinal); // in the replay line
    }

    [Theory]
    [InlineData("0", "calculus: --budget must lie in (0, 86400] seconds; got 0")]
    [InlineData("1e6", "calculus: --budget must lie in (0, 86400] seconds; got 1000000")]
    [InlineData("-5", "calculus: --budget must be finite and ≥ 0; got -5")]
    public void Verify_ABadBudget_IsAUsageError(string value, string expected) =>
        Assert.Equal(expected, CliRunner.AssertUsageError(CliRunner.Run("", "verify", "--exec", "exit 1", "--budget", value)));
}
