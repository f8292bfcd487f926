using Calculus.Cli.Tests.Support;
using Calculus.Verification.Protocol;
using Calculus.Verification.Sheet;

namespace Calculus.Cli.Tests.Verify;

/// <summary>A right program that is slow per point is asked in batches it answers within the timeout
/// (<see cref="BatchSizer"/>): once, every batch had up to 4,096 points, and a program taking 50 ms a point failed with
/// "no answer within 10 s".</summary>
public sealed class SlowSubjectTests
{
    [Fact]
    public void ASubjectTakingAMillisecondAPoint_AnswersEveryBatchWithinTheTimeout()
    {
        // 3,000 points at 1 ms each (at least) against a 1 s timeout: one batch would take 3 s (a timeout and a restart,
        // then the points asked alone). The first 16 points go alone and time the subject; the others go in batches of
        // a quarter of a second, at most 250 points each.
        using var folder = new TempFolder();
        string subject = SubjectCommands.PythonScript(folder, "slow.py", """
            import json, math, sys, time
            for line in sys.stdin:
                r = json.loads(line)
                v = []
                for x in r["x"]:
                    time.sleep(0.001)
                    v.append(math.tanh(x))
                print(json.dumps({"value": v}), flush=True)
            """);
        using var sheet = ProcessSheet.Start(subject, TimeSpan.FromSeconds(1));
        long before = sheet.RequestsSent;
        double[] xs = [.. Enumerable.Range(0, 3000).Select(k => (k - 1500) / 100.0)];
        var answer = sheet.Scalar(new ScalarQuery("tanh", false, xs));
        Assert.True(answer.Kind == AnswerKind.Value, answer.Message);
        Assert.Equal(xs.Select(Math.Tanh), answer.Value!);
        Assert.Equal(0, sheet.Restarts);
        Assert.True(sheet.RequestsSent - before >= 1 + ((3000 - BatchSizer.FirstBatch + 249) / 250), $"{sheet.RequestsSent - before} requests");
    }
}
