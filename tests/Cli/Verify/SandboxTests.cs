using System.Diagnostics;
using Calculus.Cli.Tests.Support;
using Calculus.Verification.Protocol;
using Calculus.Verification.Sheet;

namespace Calculus.Cli.Tests.Verify;

/// <summary><c>verify --sandbox</c>: each limit, met by a test subject that tries to pass it (tests/Subjects' Escapes)
/// inside the sandbox only, fails the request with a reason naming it, the subject ends, and nothing it started is left
/// running. One request each, through <see cref="ProcessSheet"/>: the escape is tried once, and bounded by itself.</summary>
public sealed class SandboxTests
{
    /// <summary>verify's default --timeout; the escapes end within seconds (spin: the CPU limit below, on 2 cores).</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A run budget of 3 s: RLIMIT_CPU 3 s, so that spin ends in 1.5 to 3 s of wall time on this 2-core machine.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    /// <summary>How long a killed process may take to disappear.</summary>
    private static readonly TimeSpan Reaping = TimeSpan.FromSeconds(10);

    [FullRunTheory]
    [InlineData("alloc", "alloc: OutOfMemoryException after")] // RLIMIT_AS 2 GiB: measured, after 576 MiB of 64 MiB blocks
    [InlineData("spin", "(code 152: SIGXCPU, the sandbox's CPU time limit of 3 s (RLIMIT_CPU))")]
    [InlineData("bigfile", "(code 153: SIGXFSZ, a file beyond the sandbox's file size limit of 64 MiB (RLIMIT_FSIZE))")]
    [InlineData("fds", "Too many open files")] // RLIMIT_NOFILE 256: measured, after 197 files besides the runtime's
    public void Sandbox_ASubjectPastALimit_FailsTheRequest_NamingIt_AndLeavesNothing(string mode, string reason)
    {
        var (message, _) = Escape(mode);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sandbox_ForkBomb_LeavesNoChildRunning()
    {
        // 1,000 children "sleep 60" at most (as root all start: Linux exempts root from RLIMIT_NPROC); the process
        // group's kill ends them when the subject stops.
        var (message, _) = Escape("forkbomb");
        Assert.StartsWith("the subject answered an error: forkbomb: ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sandbox_ForkBomb_IsStoppedByTheProcessLimit()
    {
        if (Environment.UserName == "root")
        {
            Assert.Skip("running as root: Linux does not hold root to RLIMIT_NPROC (the note of --sandbox says so)");
        }

        var (message, _) = Escape("forkbomb");
        Assert.Contains("Resource temporarily unavailable", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sandbox_Net_HasNoNetwork()
    {
        using (var probe = SandboxOrSkip())
        {
            if (!probe.NetworkIsolated)
            {
                Assert.Skip(probe.Note ?? "no network namespace");
            }
        }

        var (message, _) = Escape("net");
        Assert.Equal("the subject answered an error: net: SocketException: Network is unreachable", message);
    }

    [Fact]
    public void Sandbox_Write_LandsInTheScratchFolder_DeletedAfterwards()
    {
        var (message, scratch) = Escape("write");
        Assert.Equal($"the subject answered an error: write: wrote {Path.Combine(scratch, "escaped.txt")}", message);
        Assert.False(File.Exists(Path.Combine(Environment.CurrentDirectory, "escaped.txt")));
        Assert.False(Directory.Exists(scratch));
    }

    [Fact]
    public void Sandbox_Resolve_MakesTheCommandsRelativePathsAbsolute()
    {
        string dir = SubjectCommands.Root;
        Assert.Equal($"python3 '{dir}/templates/python/solution.py' --x 1", Sandbox.Resolve("python3 templates/python/solution.py --x 1", dir));
        Assert.Equal($"'{dir}/scripts' missing.py", Sandbox.Resolve("./scripts missing.py", dir));
        Assert.Equal("README.md x", Sandbox.Resolve("README.md x", dir)); // the first word is a program unless it holds a /
        Assert.Equal($"cat '{dir}/README.md' \"README.md\" $HOME A=README.md", Sandbox.Resolve("cat README.md \"README.md\" $HOME A=README.md", dir));
    }

    [Fact]
    public void Verify_Sandbox_TheReferencePasses_AndTheReplayKeepsIt()
    {
        if (!Sandbox.Supported)
        {
            Assert.Skip("--sandbox needs Linux with prlimit");
        }

        using var run = VerifyRun.Of(SubjectCommands.Serve(), "--only", "1d,3a", "--cases", "40", "--seed", "3", "--sandbox");
        Assert.True(run.Result.ExitCode == 0, run.Result.Output + run.Result.Error);
        Assert.Equal("stable", run.ItemLevel("1d"));
        Assert.Contains(" --sandbox\n", run.Result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    /// <summary>One request for tanh to the subject MODE in a sandbox: the answer's message and the scratch folder;
    /// asserts that no process of the subject is alive once the sheet and the sandbox are disposed.</summary>
    private static (string Message, string Scratch) Escape(string mode)
    {
        string mark = $"{SubjectGuard.Variable}={Guid.NewGuid():N}";
        try
        {
            string message, scratch;
            using (var sandbox = SandboxOrSkip())
            {
                scratch = sandbox.Scratch;
                using var sheet = ProcessSheet.Start($"{mark} {SubjectCommands.Test(mode, "tanh")}", Timeout, sandbox);
                var answer = sheet.Scalar(new ScalarQuery("tanh", false, [0.5]));
                Assert.Equal(AnswerKind.Error, answer.Kind);
                message = answer.Message!;
            }

            var clock = Stopwatch.StartNew();
            while (SubjectGuard.Alive(mark) > 0 && clock.Elapsed < Reaping)
            {
                Thread.Sleep(100);
            }

            Assert.True(SubjectGuard.Alive(mark) == 0, $"{SubjectGuard.Alive(mark)} processes of {mode} left running");
            return (message, scratch);
        }
        finally
        {
            SubjectGuard.Kill(mark);
        }
    }

    private static Sandbox SandboxOrSkip()
    {
        if (!Sandbox.Supported)
        {
            Assert.Skip("--sandbox needs Linux with prlimit and setsid");
        }

        return Sandbox.Create(Budget);
    }
}
