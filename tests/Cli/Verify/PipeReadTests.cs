using Calculus.Cli.Tests.Support;

namespace Calculus.Cli.Tests.Verify;

/// <summary>Answers whose lines end where a read of the pipe ends: each is read as soon as it has come. Verify once read a
/// subject's output through a StreamReader that, after a read that filled its 4,096-byte buffer, read the pipe again
/// and waited there, with a whole answer in hand, while the subject waited for the next request: the request's timeout
/// passed and the subject was restarted (one exchange in a few thousand; every exchange here).</summary>
public sealed class PipeReadTests
{
    [Fact]
    public void Verify_ASubjectWhoseAnswersAre4096BytesEach_IsAnsweredWithoutAWait()
    {
        // ReLU, each answer padded with spaces to a multiple of 4,096 bytes and written in one write.
        using var folder = new TempFolder();
        string subject = SubjectCommands.PythonScript(folder, "padded.py", """
            import json, sys
            for line in sys.stdin:
                r = json.loads(line)
                if r["fn"] == "relu":
                    v = [(x if x != x else 1.0 if x > 0 else 0.0) if r["derivative"] else max(x, 0.0) for x in r["x"]]
                    answer = json.dumps({"value": v})
                else:
                    answer = json.dumps({"error": "not implemented"})
                answer += " " * (-(len(answer) + 1) % 4096)
                sys.stdout.write(answer + "\n")
                sys.stdout.flush()
            """);
        using var run = VerifyRun.Of(subject, ["--only", "2c", "--cases", "100", "--seed", "1", "--timeout", "30"]);
        Assert.True(run.Result.ExitCode == 0, run.Result.Output + run.Result.Error);
        Assert.Equal("pass", run.ItemVerdict("2c"));
        Assert.Contains(", 0 restarts", run.Result.Output, StringComparison.Ordinal);
    }
}
