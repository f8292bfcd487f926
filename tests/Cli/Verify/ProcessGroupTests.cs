using System.Diagnostics;
using Calculus.Cli.Tests.Support;

namespace Calculus.Cli.Tests.Verify;

/// <summary>When a run ends, every process the subject started is gone: the subject runs in a process group of its own,
/// and the whole group is killed when the subject stops and when verify is ended by a signal. The test subject starts a
/// child "sleep 1000" that outlives it unless killed (once, verify exited 0 and left it running), and writes the child's
/// pid to a file; the child is not marked for <see cref="SubjectGuard"/>, so only verify's clean-up can end it.</summary>
public sealed class ProcessGroupTests
{
    /// <summary>How long a killed process may take to disappear: SIGKILL is immediate, its reaping is not.</summary>
    private static readonly TimeSpan Reaping = TimeSpan.FromSeconds(10);

    [Fact]
    public void Verify_WhenItEnds_LeavesNoChildOfTheSubjectRunning()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("process groups are Linux's here");
        }

        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        string pids = folder.File("children");
        try
        {
            var r = SubjectGuard.Verify(TimeSpan.FromMinutes(2), SubjectCommands.Test("fork", $"\"{pids}\""), "--only", "1d", "--cases", "40", "--seed", "1");
            Assert.True(r.ExitCode == 0, r.Output + r.Error);
            AssertGone(pids);
        }
        finally
        {
            KillSleepers(pids);
        }
    }

    [Fact]
    public void Verify_EndedBySigterm_LeavesNoChildOfTheSubjectRunning()
    {
        // verify as a process of its own, waiting on a subject that answers σ(0) and nothing more; SIGTERM ends it, and
        // the subject's group with it (in a session of its own, the subject no longer gets the terminal's signals).
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("process groups are Linux's here");
        }

        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        string pids = folder.File("children");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (string a in new[] { SubjectCommands.Dll("calculus.dll"), "verify", "--exec", $"{SubjectCommands.Test("fork", $"\"{pids}\"")} hang", "--only", "2a", "--timeout", "600" })
        {
            start.ArgumentList.Add(a);
        }

        using var verify = Process.Start(start)!;
        try
        {
            while (!verify.StandardOutput.ReadLine()!.StartsWith("verify: ", StringComparison.Ordinal))
            {
            }

            Assert.True(File.Exists(pids)); // σ(0) was answered, so the child was started
            using (var kill = Process.Start("kill", ["-TERM", verify.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            Assert.True(verify.WaitForExit(Reaping), "verify did not end on SIGTERM");
            AssertGone(pids);
        }
        finally
        {
            if (!verify.HasExited)
            {
                verify.Kill(entireProcessTree: true);
            }

            KillSleepers(pids);
        }
    }

    private static void AssertGone(string pids)
    {
        var children = File.ReadAllLines(pids).Select(int.Parse).ToList();
        Assert.NotEmpty(children);
        var clock = Stopwatch.StartNew();
        while (children.Any(Alive) && clock.Elapsed < Reaping)
        {
            Thread.Sleep(50);
        }

        Assert.All(children, pid => Assert.False(Alive(pid), $"the subject's child {pid} is still running"));
    }

    /// <summary>Whether the process runs: it exists and is not a zombie (an orphan killed but not yet reaped).</summary>
    private static bool Alive(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z' && Sleeper(pid);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool Sleeper(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline") == "sleep\01000\0";
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Kills the children that verify left (on a failure of these tests), so that none outlives its test.</summary>
    private static void KillSleepers(string pids)
    {
        if (!File.Exists(pids))
        {
            return;
        }

        foreach (int pid in File.ReadAllLines(pids).Select(int.Parse).Where(Alive))
        {
            try
            {
                using var p = Process.GetProcessById(pid);
                p.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
            }
        }
    }
}
