using Calculus.Cli.Tests.Commands;

namespace Calculus.Cli.Tests.Verify;

/// <summary>No subject process outlives its test: verify ends its own when the run ends, and the guard of the process
/// tests kills them when a run passes its time limit.</summary>
public sealed class SubjectGuardTests
{
    [Fact]
    public void Verify_WhenItEnds_LeavesNoSubjectRunning()
    {
        // Unguarded, to see verify's own clean-up: the subject never answers erf and is killed after each of its two
        // timeouts (a reply later than 1 s to any other request only adds a failure, so the outcome does not depend on
        // the machine's load).
        if (!Directory.Exists("/proc"))
        {
            Assert.Skip("the processes of a run are found through /proc");
        }

        string mark = $"CALCULUS_TEST_MARK={Guid.NewGuid():N}";
        var r = CliRunner.Run("", "verify", "--exec", $"{mark} {SubjectCommands.Test("hang", "erf")}", "--only", "2b", "--cases", "5", "--seed", "1", "--timeout", "1");
        int left = SubjectGuard.Kill(mark);
        Assert.True(r.ExitCode == 1, r.Output + r.Error);
        Assert.Equal(0, left);
    }

    [Fact]
    public void Verify_PastItsLimit_FailsTheTest_AndLeavesNoSubjectRunning()
    {
        // The subject never answers erf, and --timeout 600 would make verify wait for it ten minutes.
        if (!Directory.Exists("/proc"))
        {
            Assert.Skip("the processes of a run are found through /proc");
        }

        string mark = $"CALCULUS_TEST_MARK={Guid.NewGuid():N}";
        var e = Assert.Throws<TimeoutException>(() =>
            SubjectGuard.Verify(TimeSpan.FromSeconds(2), $"{mark} {SubjectCommands.Test("hang", "erf")}", "--only", "2b", "--timeout", "600"));
        Assert.Contains("did not end within 2 s; its subjects were killed", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, SubjectGuard.Kill(mark));
    }
}
