using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Calculus.Verification.Protocol;

/// <summary><c>verify --sandbox</c> (Linux): the subject starts with resource limits set before its first instruction
/// (util-linux's <c>prlimit</c> sets them on itself and execs the shell), without network where an unprivileged user
/// namespace can be made (<c>unshare -rn</c>), and in a scratch folder of its own, deleted when the run ends. The chain
/// <c>setsid unshare -rn prlimit … -- /bin/sh -c CMD</c> execs in place, so the shell keeps the pid that leads its
/// session and process group (<see cref="ProcessGroups"/>). Not a security boundary: docs/protocol.md, "Sandbox".</summary>
internal sealed partial class Sandbox : IDisposable
{
    /// <summary>RLIMIT_AS, 2 GiB of address space: the .NET runtime sizes its reservation to the limit and starts under
    /// it (measured: <c>calculus serve</c> peaks at 2.0 GB virtual, 41 MB resident, under this limit); Python with numpy
    /// reserves a few hundred MB; a request of 4,096 points needs kilobytes. A quarter of an 8 GB laptop: a runaway
    /// allocation fails long before the machine swaps.</summary>
    public const long AddressSpaceBytes = 2L << 30;

    /// <summary>RLIMIT_FSIZE, 64 MiB per file: the protocol needs no file at all; this lets a debugging log of a whole
    /// run through (the default battery's 40,000-odd requests at 1 kB each) and stops a loop filling the disk.</summary>
    public const long FileSizeBytes = 64L << 20;

    /// <summary>RLIMIT_NOFILE, 256 descriptors: the .NET runtime holds 63 after start-up (measured), Python about 10; four
    /// times the runtime's, and far below the thousands a descriptor leak reaches.</summary>
    public const int OpenFiles = 256;

    /// <summary>RLIMIT_NPROC, 256 tasks (threads count): the .NET runtime runs 7 threads, numpy's BLAS one per core. The
    /// kernel counts it per user: in the sandbox's user namespace only the subject's own tasks count (so verify and the
    /// user's other processes are not touched); without one, all the user's tasks count, and a user with more than 256
    /// cannot start a thread in the subject: verify then says so (<see cref="Note"/>). Root is never held to it.</summary>
    public const int Processes = 256;

    /// <summary>Seconds between the soft CPU limit (SIGXCPU, which ends a process that does not catch it) and the hard
    /// one (SIGKILL).</summary>
    public const int CpuGraceSeconds = 1;

    private const string Prlimit = "/usr/bin/prlimit";
    private const string Unshare = "/usr/bin/unshare";
    private const int SigKill = 9, SigXcpu = 24, SigXfsz = 25;

    private Sandbox(int cpuSeconds, bool isolated, string? note)
    {
        CpuSeconds = cpuSeconds;
        NetworkIsolated = isolated;
        Note = note;
        Scratch = Directory.CreateTempSubdirectory("calculus-sandbox-").FullName;
    }

    /// <summary>Whether this system can sandbox: Linux with prlimit and setsid (util-linux).</summary>
    public static bool Supported => OperatingSystem.IsLinux() && File.Exists(Prlimit) && File.Exists(SubjectProcess.Setsid);

    /// <summary>RLIMIT_CPU of each subject process, in seconds: the run's budget, rounded up (a process on one core
    /// cannot need more; one on several cores reaches it sooner). Each restart and each child counts its own.</summary>
    public int CpuSeconds { get; }

    /// <summary>Whether the subject runs without network (in a network namespace of its own).</summary>
    public bool NetworkIsolated { get; }

    /// <summary>What the sandbox cannot do here, one line (no network isolation, root not held to RLIMIT_NPROC), or null.</summary>
    public string? Note { get; }

    /// <summary>The subject's working folder, HOME and TMPDIR: fresh, deleted by <see cref="Dispose"/>.</summary>
    public string Scratch { get; }

    /// <summary>Makes a sandbox for one run: probes <c>unshare -rn</c> once, and creates the scratch folder.</summary>
    /// <param name="budget">The run's time budget (the CPU limit).</param>
    /// <returns>The sandbox.</returns>
    /// <exception cref="PlatformNotSupportedException">Not Linux, or no prlimit.</exception>
    public static Sandbox Create(TimeSpan budget)
    {
        if (!Supported)
        {
            throw new PlatformNotSupportedException(OperatingSystem.IsLinux()
                ? $"--sandbox needs {Prlimit} and {SubjectProcess.Setsid} (util-linux)"
                : "--sandbox is Linux-only (it uses prlimit and unshare of util-linux)");
        }

        string? why = NetworkProbe();
        var notes = new List<string>();
        if (why is not null)
        {
            notes.Add($"the subject keeps its network access ({why})");
        }

        if (Environment.UserName == "root")
        {
            notes.Add("running as root, the subject is not held to the process limit (Linux exempts root from RLIMIT_NPROC)");
        }

        int cpu = (int)Math.Clamp(Math.Ceiling(budget.TotalSeconds), 1, int.MaxValue - CpuGraceSeconds);
        return new Sandbox(cpu, why is null, notes.Count == 0 ? null : $"--sandbox: {string.Join("; ", notes)}");
    }

    /// <summary>The start of the subject in the sandbox: the program and arguments that follow <c>setsid</c>, with
    /// the working folder and environment set.</summary>
    /// <param name="start">The start, whose arguments end with the shell and its <c>-c COMMAND</c> appended by the caller.</param>
    public void Apply(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (NetworkIsolated)
        {
            start.ArgumentList.Add(Unshare);
            start.ArgumentList.Add("-rn");
        }

        start.ArgumentList.Add(Prlimit);
        foreach (string limit in new[]
        {
            $"--cpu={CpuSeconds}:{CpuSeconds + CpuGraceSeconds}", $"--as={AddressSpaceBytes}", $"--nproc={Processes}",
            $"--fsize={FileSizeBytes}", $"--nofile={OpenFiles}", "--",
        })
        {
            start.ArgumentList.Add(limit);
        }

        start.WorkingDirectory = Scratch;
        foreach (string variable in new[] { "HOME", "TMPDIR", "TMP", "TEMP" })
        {
            start.Environment[variable] = Scratch;
        }
    }

    /// <summary>The command with its relative paths made absolute, so that it runs as given from the scratch folder: each
    /// word (split at blanks) that names an existing file or folder relative to <paramref name="directory"/> becomes its
    /// absolute path, single-quoted. The first word only when it holds a <c>/</c> (<c>python3</c> stays a program on the
    /// PATH, <c>./solution</c> does not); words with quotes, <c>$</c>, <c>=</c> or other shell characters are left as
    /// they are.</summary>
    /// <param name="command">The --exec command.</param>
    /// <param name="directory">The folder it was given in.</param>
    /// <returns>The command to run in the scratch folder.</returns>
    public static string Resolve(string command, string directory)
    {
        ArgumentNullException.ThrowIfNull(command);
        bool first = true;
        return PlainWord().Replace(command, m =>
        {
            bool program = first;
            first = false;
            string word = m.Value;
            if ((program && !word.Contains('/', StringComparison.Ordinal)) || Path.IsPathRooted(word))
            {
                return word;
            }

            string full = Path.GetFullPath(Path.Combine(directory, word));
            return File.Exists(full) || Directory.Exists(full) ? $"'{full.Replace("'", "'\\''", StringComparison.Ordinal)}'" : word;
        });
    }

    /// <summary>Why an exit code is the sandbox's doing, as a phrase after the code, or "" (a signal it sends: SIGXCPU
    /// at the soft CPU limit, SIGKILL at the hard one, SIGXFSZ past the file size).</summary>
    /// <param name="code">The exit code as .NET reports it: 128 + the signal for a process a signal ended.</param>
    /// <returns>The phrase, beginning with ": ", or "".</returns>
    public string Explain(int code) => code switch
    {
        128 + SigXcpu => $": SIGXCPU, the sandbox's CPU time limit of {CpuSeconds} s (RLIMIT_CPU)",
        128 + SigKill => $": SIGKILL, maybe the sandbox's hard CPU time limit of {CpuSeconds + CpuGraceSeconds} s (RLIMIT_CPU)",
        128 + SigXfsz => $": SIGXFSZ, a file beyond the sandbox's file size limit of {FileSizeBytes >> 20} MiB (RLIMIT_FSIZE)",
        _ => "",
    };

    /// <summary>Deletes the scratch folder (the subject is stopped first); a folder that cannot be deleted is left.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Runs <c>unshare -rn true</c>: null when it works, else why not (its message, one line).</summary>
    private static string? NetworkProbe()
    {
        if (!File.Exists(Unshare))
        {
            return $"no {Unshare}";
        }

        try
        {
            var start = new ProcessStartInfo(Unshare) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string a in new[] { "-rn", "true" })
            {
                start.ArgumentList.Add(a);
            }

            using var probe = Process.Start(start)!;
            string error = probe.StandardError.ReadToEnd();
            probe.WaitForExit();
            return probe.ExitCode == 0 ? null
                : $"unshare -rn failed: {error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Create(CultureInfo.InvariantCulture, $"exit {probe.ExitCode}")}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"unshare -rn cannot run: {e.Message}";
        }
    }

    /// <summary>A blank-separated word without quotes, <c>$</c>, <c>=</c>, globs, redirections or operators.</summary>
    [GeneratedRegex(@"(?<=^|\s)[^\s'""`$\\;&|<>()*?\[\]{}~#=]+(?=\s|$)")]
    private static partial Regex PlainWord();
}
