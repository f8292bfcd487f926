using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Calculus.Verification.Protocol;

/// <summary>The subject could not be started at all (the command is not found, or it exits or stays silent before its
/// first answer): <c>calculus verify</c> exits 2 with this message.</summary>
internal sealed class SubjectCannotStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SubjectCannotStartException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why, with the subject's last line on standard error.</param>
    public SubjectCannotStartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why.</param>
    /// <param name="inner">The cause.</param>
    public SubjectCannotStartException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>One run of the subject's command: the shell started once (on Linux in a session of its own, so that every
/// process it starts can be ended with it), a writer thread feeding its standard input, a reader thread collecting its
/// standard output line by line, and the last lines of its standard error kept for reports. Every wait has the
/// per-request timeout; a subject that hangs is killed, never waited for.
///
/// What it holds stays bounded whatever the subject writes: a line of standard output is read only for a request sent
/// and not yet answered, and only up to that request's bound (<see cref="AnswerBounds"/>); a line that goes on past its
/// bound is not read further, and nothing after it is (the stream is out of step: the sheet kills the subject). Standard
/// error keeps <see cref="ErrorLines"/> lines of at most <see cref="ErrorLineCharacters"/> characters.</summary>
internal sealed class SubjectProcess : IDisposable
{
    /// <summary>How many lines of standard error are kept.</summary>
    public const int ErrorLines = 8;

    /// <summary>The characters kept of one line of standard error: a line of a stack trace is rarely over 200, and 8
    /// lines of 500 are as much as a report quotes.</summary>
    public const int ErrorLineCharacters = 500;

    /// <summary>util-linux's setsid (every Debian and Ubuntu has it): runs the shell as the leader of a new session and
    /// process group, whose id is the shell's pid (it execs without forking, since a child of verify leads no group).</summary>
    public const string Setsid = "/usr/bin/setsid";

    private readonly Process process;
    private readonly bool ownGroup;
    private readonly BlockingCollection<BoundedLine> output = new();
    private readonly BlockingCollection<int> bounds = new();
    private readonly BlockingCollection<string> input = new();
    private readonly Queue<string> errors = new();
    private readonly Thread reader, writer, errorReader;

    /// <summary>Starts the command: <c>/bin/sh -c COMMAND</c>, on Linux under setsid, and with a sandbox under its
    /// limits, in its scratch folder (<see cref="Sandbox.Apply"/>).</summary>
    /// <param name="command">The command, as the shell runs it (with a sandbox: its relative paths already resolved).</param>
    /// <param name="sandbox">The sandbox, or null.</param>
    public SubjectProcess(string command, Sandbox? sandbox = null)
    {
        ownGroup = OperatingSystem.IsLinux() && File.Exists(Setsid);
        var start = new ProcessStartInfo(ownGroup ? Setsid : "/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        if (ownGroup)
        {
            sandbox?.Apply(start); // prlimit (and unshare) between setsid and the shell: each execs the next in place
            start.ArgumentList.Add("/bin/sh");
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        process = Process.Start(start) ?? throw new SubjectCannotStartException($"cannot start /bin/sh -c \"{command}\"");
        if (ownGroup)
        {
            ProcessGroups.Add(process.Id);
        }

        reader = Background(() =>
        {
            var lines = new BoundedLineReader(process.StandardOutput.BaseStream);
            try
            {
                foreach (int bound in bounds.GetConsumingEnumerable())
                {
                    var line = lines.Read(bound);
                    output.Add(line);
                    if (line.Text is null || line.TooLong)
                    {
                        return; // the end, or a line past its bound: what follows is out of step, and never read
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                Post(BoundedLine.End);
            }
        });
        errorReader = Background(() =>
        {
            var lines = new BoundedLineReader(process.StandardError.BaseStream);
            try
            {
                while (lines.Read(ErrorLineCharacters) is { Text: { } line } read)
                {
                    if (read.TooLong)
                    {
                        line = $"{line[..ErrorLineCharacters]}…";
                        lines.SkipLine();
                    }

                    lock (errors)
                    {
                        errors.Enqueue(line);
                        if (errors.Count > ErrorLines)
                        {
                            errors.Dequeue();
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
            }
        });
        writer = Background(() =>
        {
            try
            {
                foreach (string line in input.GetConsumingEnumerable())
                {
                    process.StandardInput.Write(line);
                    process.StandardInput.Write('\n');
                    if (input.Count == 0)
                    {
                        process.StandardInput.Flush();
                    }
                }

                process.StandardInput.Close(); // end of input: a subject's loop ends and it exits by itself
            }
            catch (IOException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        });
    }

    /// <summary>The last lines the subject wrote to standard error.</summary>
    public string[] ErrorTail
    {
        get
        {
            errorReader.Join(TimeSpan.FromMilliseconds(100));
            lock (errors)
            {
                return [.. errors];
            }
        }
    }

    /// <summary>The exit code, or null while it runs (waiting up to two seconds: the end of its output usually means it
    /// is exiting, the wait ends as soon as it has, and the code tells the user why; on a loaded machine reaping a
    /// process can take longer than a moment).</summary>
    public int? ExitCode => process.WaitForExit(2000) ? process.ExitCode : null;

    /// <summary>Queues request lines for the writer, each with the bound of its answer (<see cref="AnswerBounds.Characters"/>).</summary>
    public void Send(IEnumerable<(string Line, int Bound)> requests)
    {
        foreach (var (line, bound) in requests)
        {
            bounds.Add(bound); // before the line: the answer cannot come before its request
            input.Add(line);
        }
    }

    /// <summary>The answer to the oldest request not yet answered: its line, the start of a line too long (after which
    /// nothing more comes), or the end of standard output; throws <see cref="TimeoutException"/> when none comes within
    /// the timeout.</summary>
    public BoundedLine Receive(TimeSpan timeout) =>
        output.TryTake(out var line, timeout) ? line : throw new TimeoutException();

    /// <summary>Ends the subject: closes its standard input and gives it a second to exit by itself, then kills it.</summary>
    public void Dispose() => Stop(TimeSpan.FromSeconds(1));

    /// <summary>Kills the subject at once (it hangs, or its answers are out of step).</summary>
    public void Kill() => Stop(TimeSpan.Zero);

    /// <summary>Ends the subject: closes its input and waits up to <paramref name="grace"/> for it to exit, kills it
    /// when it has not, and then, on Linux, kills every process left in its group: a child it started and left running
    /// (in the background, or orphaned by its exit) is ended with it.</summary>
    private void Stop(TimeSpan grace)
    {
        input.CompleteAdding();
        bounds.CompleteAdding();
        writer.Join(grace);
        try
        {
            if (!process.WaitForExit(grace))
            {
                KillGroup();
                process.Kill(entireProcessTree: true); // also before the shell has made its session
            }
        }
        catch (InvalidOperationException)
        {
        }

        KillGroup();
        process.WaitForExit(2000);
        reader.Join(TimeSpan.FromSeconds(1));
        writer.Join(TimeSpan.FromSeconds(1));
        if (ownGroup)
        {
            ProcessGroups.Remove(process.Id);
        }

        process.Dispose();
        output.Dispose();
        bounds.Dispose();
        input.Dispose();
    }

    private void KillGroup()
    {
        if (ownGroup)
        {
            ProcessGroups.Kill(process.Id);
        }
    }

    private void Post(BoundedLine line)
    {
        try
        {
            output.Add(line);
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    private static Thread Background(Action body)
    {
        var t = new Thread(() => body()) { IsBackground = true };
        t.Start();
        return t;
    }
}
