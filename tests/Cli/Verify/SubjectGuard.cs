using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Calculus.Cli.Tests.Commands;

namespace Calculus.Cli.Tests.Verify;

/// <summary>Runs <c>calculus verify</c> in-process within a time limit, every subject process it starts marked by an
/// environment variable with a fresh id (an assignment before the command, which must therefore be a simple command; the
/// subject and its children inherit it): when the run ends, or the limit passes, every marked process still alive is
/// killed, and a run past its limit fails the test. Finds processes through /proc (Linux, where the tests run in CI);
/// elsewhere only verify's own clean-up applies.</summary>
internal static class SubjectGuard
{
    /// <summary>The environment variable that marks a run's subjects.</summary>
    public const string Variable = "CALCULUS_TEST_RUN";

    /// <summary>The default limit of one run. The longest run in these tests takes about 10 s on an idle 2-core machine
    /// (two 4 s timeouts of a subject that hangs); 30 times that survives a loaded machine, and a run that takes longer
    /// hangs.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>How long, after its limit, a run gets to end once its subjects are killed: each request then fails at
    /// once (the subject exited), and a restart that cannot answer σ(0) ends the run.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);

    /// <summary><c>calculus verify --exec COMMAND OPTIONS…</c> within <see cref="Limit"/>, its subjects killed when it
    /// ends.</summary>
    /// <param name="command">The subject's command.</param>
    /// <param name="options">The other arguments.</param>
    /// <returns>The exit code and the captured streams.</returns>
    /// <exception cref="TimeoutException">The run did not end within the limit.</exception>
    public static CliRunner.Result Verify(string command, params string[] options) => Verify(Limit, command, options);

    /// <summary><c>calculus verify --exec COMMAND OPTIONS…</c> within <paramref name="limit"/>, its subjects killed when
    /// it ends or the limit passes.</summary>
    /// <param name="limit">How long the run may take.</param>
    /// <param name="command">The subject's command.</param>
    /// <param name="options">The other arguments.</param>
    /// <returns>The exit code and the captured streams.</returns>
    /// <exception cref="TimeoutException">The run did not end within the limit.</exception>
    public static CliRunner.Result Verify(TimeSpan limit, string command, params string[] options)
    {
        string mark = $"{Variable}={Guid.NewGuid():N}";
        var run = Task.Run(() => CliRunner.Run("", ["verify", "--exec", $"{mark} {command}", .. options]));
        bool ended = false;
        try
        {
            ended = run.Wait(limit);
        }
        finally
        {
            var clock = Stopwatch.StartNew();
            do
            {
                Kill(mark);
            }
            while (!((IAsyncResult)run).AsyncWaitHandle.WaitOne(TimeSpan.FromMilliseconds(100)) && clock.Elapsed < Drain);
        }

        return ended ? run.Result : throw new TimeoutException($"calculus verify --exec \"{command}\" did not end within {limit.TotalSeconds} s; its subjects were killed");
    }

    /// <summary>Kills every process whose environment holds <paramref name="mark"/>, with its children.</summary>
    /// <returns>How many were found.</returns>
    public static int Kill(string mark)
    {
        if (!Directory.Exists("/proc"))
        {
            return 0;
        }

        byte[] needle = Encoding.UTF8.GetBytes(mark + "\0");
        int found = 0;
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid) || !Holds(Path.Combine(dir, "environ"), needle))
            {
                continue;
            }

            found++;
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception)
            {
                // it ended meanwhile
            }
        }

        return found;
    }

    /// <summary>How many processes whose environment holds <paramref name="mark"/> are alive (zombies, whose
    /// environment is gone, are not), without touching them.</summary>
    /// <returns>The count.</returns>
    public static int Alive(string mark)
    {
        byte[] needle = Encoding.UTF8.GetBytes(mark + "\0");
        return Directory.Exists("/proc")
            ? Directory.EnumerateDirectories("/proc").Count(dir => int.TryParse(Path.GetFileName(dir), out _) && Holds(Path.Combine(dir, "environ"), needle))
            : 0;
    }

    private static bool Holds(string environ, byte[] needle)
    {
        try
        {
            return File.ReadAllBytes(environ).AsSpan().IndexOf(needle) >= 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // another user's process, or one that ended
        }
    }
}
