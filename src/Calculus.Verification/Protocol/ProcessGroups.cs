using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Calculus.Verification.Protocol;

/// <summary>The process groups of the subjects running (Linux, where each subject's shell leads a session of its own):
/// a group is killed, every process in it, when its subject stops, and every group left is killed when verify exits or is
/// ended by a signal (Ctrl-C, SIGTERM, SIGHUP, SIGQUIT), since a subject in a session of its own no longer receives the
/// terminal's signals. A process that makes a session of its own (a daemon) leaves the group and is not found; nor is
/// anything when verify is killed with SIGKILL.</summary>
internal static class ProcessGroups
{
    private const int SigKill = 9;

    private static readonly ConcurrentDictionary<int, byte> Live = new();
    private static readonly Lazy<PosixSignalRegistration[]> Handlers = new(Register);

    /// <summary>Records the group of a subject just started.</summary>
    /// <param name="group">The group's id: its leader's pid.</param>
    public static void Add(int group)
    {
        _ = Handlers.Value;
        Live[group] = 0;
    }

    /// <summary>Forgets a group whose subject has stopped.</summary>
    /// <param name="group">The group's id.</param>
    public static void Remove(int group) => Live.TryRemove(group, out _);

    /// <summary>Sends SIGKILL to every process of the group (none when it has none left). Also after the shell exited:
    /// Linux does not give its pid to a new process while the group it leads has a member, and once it has none the
    /// signal finds no group (a new process with that pid would have to make a group of its own in between).</summary>
    /// <param name="group">The group's id: the pid of a subject's shell, never verify's own group (verify started that
    /// shell, so its pid differs from every group id in use).</param>
    public static void Kill(int group)
    {
        if (group > 1 && OperatingSystem.IsLinux())
        {
            _ = SendSignal(-group, SigKill);
        }
    }

    private static void KillAll()
    {
        foreach (int group in Live.Keys)
        {
            Kill(group);
        }
    }

    private static PosixSignalRegistration[] Register()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        return OperatingSystem.IsLinux()
            ? [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT }
                .Select(signal => PosixSignalRegistration.Create(signal, _ => KillAll()))] // then the signal's default: verify ends
            : [];
    }

    /// <summary>kill(2): a negative pid signals the process group. Two ints, nothing to marshal: a plain DllImport, where
    /// LibraryImport would need unsafe code allowed in the whole assembly.</summary>
    [DllImport("libc", EntryPoint = "kill")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int pid, int signal);
}
