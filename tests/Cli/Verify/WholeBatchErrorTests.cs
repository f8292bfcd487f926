using System.Globalization;
using Calculus.Verification.Protocol;
using Calculus.Verification.Sheet;

namespace Calculus.Cli.Tests.Verify;

/// <summary>An error or a wrong shape answered for a whole batch: taken as every point's answer when the batch's halves
/// and a few of its points alone repeat it (<see cref="WholeBatchError"/>), instead of halving down to single points; a
/// point's own error still fails that point only.</summary>
public sealed class WholeBatchErrorTests
{
    [Fact]
    public void AnErrorForEveryRequest_IsEveryPointsAnswer_InAFewRequests()
    {
        // Halving 1,000 points down to single points took 1,999 requests; the test of the whole batch's error takes 10
        // more requests a batch. Two batches: the first BatchSizer.FirstBatch points alone (no answer timed yet), then
        // the 984 others in one (the shell answers 16 points in far less than the 2.5 s that would split them).
        using var sheet = ProcessSheet.Start("while read -r line; do echo '{\"error\": \"unknown function\"}'; done", TimeSpan.FromSeconds(10));
        long before = sheet.RequestsSent; // the probe σ(0)
        double[] xs = [.. Enumerable.Range(0, 1000).Select(k => k / 10.0)];
        var answer = sheet.Scalar(new ScalarQuery("tanh", false, xs));
        Assert.Equal(AnswerKind.Error, answer.Kind);
        Assert.Equal("the subject answered an error: unknown function", answer.Message);
        Assert.Equal(2 * (1 + 2 + WholeBatchError.SpotPoints), sheet.RequestsSent - before);
        foreach (double x in new[] { xs[0], xs[1], xs[^1] })
        {
            Assert.Equal(answer.Message, sheet.Scalar(new ScalarQuery("tanh", false, [x])).Message); // cached, not asked again
        }

        Assert.Equal(2 * (1 + 2 + WholeBatchError.SpotPoints), sheet.RequestsSent - before);
    }

    [Fact]
    public void AWrongShapeForEveryRequest_IsEveryPointsAnswer_AsIfAskedAlone_InAFewRequests()
    {
        // One value too many for every request: halving 1,000 points down to single points took 1,999 requests, and each
        // point's answer was the message of a point asked alone, which the test of the whole batch gives in 10 more
        // requests a batch (two batches, as above).
        using var sheet = ProcessSheet.Start(SubjectCommands.Test("long", "tanh"), TimeSpan.FromSeconds(10));
        long before = sheet.RequestsSent;
        double[] xs = [.. Enumerable.Range(0, 1000).Select(k => k / 10.0)];
        var answer = sheet.Scalar(new ScalarQuery("tanh", false, xs));
        Assert.Equal(AnswerKind.Error, answer.Kind);
        Assert.Equal("wrong shape: 1 input needs 1 value; got 2", answer.Message);
        Assert.Equal(2 * (1 + 2 + WholeBatchError.SpotPoints), sheet.RequestsSent - before);
        Assert.Equal(answer.Message, sheet.Scalar(new ScalarQuery("tanh", false, [xs[^1]])).Message); // cached
        Assert.Equal(2 * (1 + 2 + WholeBatchError.SpotPoints), sheet.RequestsSent - before);
    }

    [Fact]
    public void AWrongShapeOfBatchesOnly_IsHalvedAway_AndEveryPointKeepsItsValue()
    {
        // One value for any request: a wrong shape for a batch, a right answer for a point alone (a loop that returns after
        // its first point). The points alone answer values, so the halving goes on down to them, and none fails.
        using var sheet = ProcessSheet.Start("while read -r line; do echo '{\"value\": [0.5]}'; done", TimeSpan.FromSeconds(10));
        double[] xs = [.. Enumerable.Range(0, 100).Select(k => k / 10.0)];
        var answer = sheet.Scalar(new ScalarQuery("tanh", false, xs));
        Assert.Equal(AnswerKind.Value, answer.Kind);
        Assert.All(answer.Value!, v => Assert.Equal(0.5, v));
    }

    [Fact]
    public void AnErrorOfSomePointsOnly_FailsThosePoints_AndTheirNeighboursKeepTheirValues()
    {
        // Every batch with some |x| > 700 is answered "math range error", as a Python loop whose exception at one point
        // fails the batch: the stable checks' batches mix such points with ordinary ones.
        using var run = VerifyRun.Of(SubjectCommands.Test("error", "tanh 700"), "--only", "2a", "--cases", "200", "--seed", "1", "--precision", "double");
        Assert.True(run.Result.ExitCode == 0, run.Result.Output + run.Result.Error); // core: the core domain has |x| ≤ 20
        var value = run.Checks.Single(c => c.Check.GetProperty("tier").GetString() == "stable" && c.Check.GetProperty("name").GetString()!.StartsWith("value", StringComparison.Ordinal)).Check;
        Assert.Equal("fail", value.GetProperty("verdict").GetString());
        Assert.StartsWith("the subject answered an error: math range error", value.GetProperty("failure").GetString(), StringComparison.Ordinal);
        double x = double.Parse(value.GetProperty("counterexample").GetString()!["x = ".Length..], CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(x) > 700, $"the counterexample x = {x} was not answered with an error");
        Assert.True(value.GetProperty("passed").GetInt32() > 100, $"only {value.GetProperty("passed").GetInt32()} of 200 cases kept their values");
    }
}
