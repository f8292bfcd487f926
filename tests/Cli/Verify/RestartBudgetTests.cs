using Calculus.Cli.Tests.Support;

namespace Calculus.Cli.Tests.Verify;

/// <summary>A function that keeps crashing costs its own answers only: its class of its own, since its 60 restarts take
/// seconds, and test classes run in parallel.</summary>
public sealed class RestartBudgetTests
{
    [FullRunFact]
    public void Verify_FunctionsThatCrashOnEveryRequest_CostThemselvesOnly()
    {
        // A numpy solution whose affine, affine-partial and network answers its protocol loop cannot write: each answer is
        // a crash and a restart. Each function stops being asked after its own 20 failures, and the others keep their
        // answers (once, 50 restarts in a run stopped every function, and a right ReLU failed "not asked again"). Python,
        // for restarts that cost milliseconds.
        using var folder = new TempFolder();
        string subject = SubjectCommands.PythonScript(folder, "crashing.py", SubjectCommands.PythonSubjectScript("""
            if r["fn"] in ("affine", "affine-partial", "network"):
                sys.exit(3)
            if r["fn"] == "relu":
                v = [(x if x != x else 1.0 if x > 0 else 0.0) if r["derivative"] else max(x, 0.0) for x in r["x"]]
            """));
        using var run = VerifyRun.Of(subject, ["--only", "1a,1b,1f,2c", "--cases", "30", "--seed", "2"]);
        Assert.True(run.Result.ExitCode == 1, run.Result.Output + run.Result.Error);
        Assert.Equal("fail", run.ItemVerdict("1a"));
        Assert.Equal("fail", run.ItemVerdict("1f"));
        Assert.Equal("pass", run.ItemVerdict("2c"));
        Assert.Contains(run.Checks, c => c.Item == "1f" && c.Check.TryGetProperty("failure", out var f) && f.GetString()!.Contains("not asked again", StringComparison.Ordinal));
    }
}
