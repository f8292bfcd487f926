using System.Text.Json;
using System.Xml.Linq;
using Calculus.Checking;
using Calculus.Verification.Checks;
using Calculus.Verification.Reports;
using Calculus.Verification.Running;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Tests;

/// <summary>The run's time budget (<c>--budget</c>): once spent, the remaining checks are not run, never a pass nor a
/// failure, and every report says so.</summary>
public sealed class TimeBudgetTests
{
    /// <summary>A clock that moves only when told.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }

    /// <summary>Items 1d and 2c of the reference, the budget of 10 s spent (by the clock) once the first check is done.</summary>
    private static VerifyResult SpentAfterTheFirstCheck()
    {
        var clock = new ManualClock();
        var budget = new RunBudget(TimeSpan.FromSeconds(10), clock);
        var checks = Battery.For(["1d", "2c"]);
        var settings = new VerifySettings(checks, 3, 30, ElementaryError.Student(), null, Budget: budget);
        return BatteryRunner.Run(ReferenceSheet.Instance, settings, progress: (_, done, _) =>
        {
            if (done == 1)
            {
                clock.Advance(TimeSpan.FromSeconds(10));
            }
        });
    }

    [Fact]
    public void OnceTheBudgetIsSpent_TheRemainingChecksAreNotRun_AndNoItemPassesInFull()
    {
        var result = SpentAfterTheFirstCheck();
        Assert.Equal(CheckVerdict.Pass, result.Runs[0].Verdict);
        Assert.All(result.Runs.Skip(1), r => Assert.Equal(CheckVerdict.NotRun, r.Verdict));
        Assert.All(result.Runs.Skip(1), r => Assert.Equal("the time budget of 10 s (--budget) was spent after 10.0 s", r.NotRunReason));
        Assert.Equal(result.Runs.Count - 1, result.NotRun.Count());
        Assert.Equal(CheckVerdict.NotRun, result.VerdictOf("1d")); // one check passed, the others not run: not a pass
        Assert.Equal(CheckVerdict.NotRun, result.VerdictOf("2c"));
        Assert.Null(result.LevelOf("2c")); // nothing of it ran
        Assert.False(result.Failed); // not a failure either
        Assert.False(result.PassedInFull);
    }

    [Fact]
    public void WithBudgetLeft_EveryCheckRuns()
    {
        var budget = new RunBudget(TimeSpan.FromSeconds(10), new ManualClock());
        var result = BatteryRunner.Run(ReferenceSheet.Instance, new VerifySettings(Battery.For(["2c"]), 3, 30, ElementaryError.Student(), null, Budget: budget));
        Assert.Empty(result.NotRun);
        Assert.True(result.PassedInFull);
    }

    [Fact]
    public void ANotRunCheck_IsShownInEveryReport()
    {
        var result = SpentAfterTheFirstCheck();
        int notRun = result.NotRun.Count();
        const string Reason = "not run: the time budget of 10 s (--budget) was spent after 10.0 s";

        using var json = JsonDocument.Parse(VerifyReports.Json(result));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        var checks = items.SelectMany(i => i.GetProperty("checks").EnumerateArray()).ToList();
        Assert.Equal(notRun, checks.Count(c => c.GetProperty("verdict").GetString() == "not-run"));
        Assert.All(checks.Where(c => c.GetProperty("verdict").GetString() == "not-run"), c => Assert.Equal(Reason["not run: ".Length..], c.GetProperty("reason").GetString()));
        Assert.Equal(["not-run", "not-run"], items.Select(i => i.GetProperty("verdict").GetString()));
        Assert.Equal(["stable", "not-run"], items.Select(i => i.GetProperty("level").GetString()));

        var junit = XDocument.Parse(VerifyReports.JUnit(result));
        var skipped = junit.Descendants("skipped").Where(s => (string?)s.Attribute("message") == Reason).ToList();
        Assert.Equal(notRun, skipped.Count);
        Assert.Equal(notRun, junit.Descendants("testsuite").Sum(s => (int)s.Attribute("skipped")!));
        Assert.Empty(junit.Descendants("failure"));

        string console = VerifyReports.Console(result);
        Assert.Equal(notRun, console.Split('\n').Count(l => l.Trim() == Reason));
        Assert.Contains("1d    stable (not all run)", console, StringComparison.Ordinal);
        Assert.Contains("2c    not-run", console, StringComparison.Ordinal);

        string markdown = VerifyReports.Markdown(result, "subject");
        Assert.Equal(notRun, markdown.Split('\n').Count(l => l.Contains("| not-run |", StringComparison.Ordinal) && l.Contains(Reason, StringComparison.Ordinal)));
    }
}
