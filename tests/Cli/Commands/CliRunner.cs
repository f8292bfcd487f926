using System.Diagnostics;
using Calculus.Cli.Common;
using Calculus.Cli.Tests.Verify;
using Calculus.Networks;

namespace Calculus.Cli.Tests.Commands;

/// <summary>Runs <c>calculus</c> in-process with captured standard streams, or as a child process; every child process
/// of these tests is run by <see cref="RunChildAsync"/>.</summary>
internal static class CliRunner
{
    /// <summary>How long a child process may take: 5 minutes, 100 times what the slowest child here (calculus report,
    /// about 3 s) takes on an idle machine, so that a 2-core machine running several test runs at once stays well
    /// within it; a child still running then hangs.</summary>
    public static readonly TimeSpan ChildLimit = TimeSpan.FromMinutes(5);

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }

    public static Result Run(string stdin, params string[] args) => Run(stdin, null, args);

    public static Result Run(string stdin, GradientFunction? gradient, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(stdin), output, error,
            gradient ?? ((w, b, wo, x, y, a, l) => Network.Gradient(w, b, wo, x, y, a, l)));
        int code = CliApp.Run(args, context);
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary><c>calculus</c> as a separate process (<c>dotnet calculus.dll</c> of this build), started in
    /// <paramref name="workingDirectory"/>.</summary>
    public static Task<Result> RunProcessAsync(string stdin, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(SubjectCommands.Dll("calculus.dll"));
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        return RunChildAsync(start, stdin);
    }

    /// <summary>Runs a child process to its end with <paramref name="stdin"/> as its standard input, reading its
    /// standard output and error as it writes them. When the time limit passes or the test is cancelled, the child and
    /// every process it started are killed, and a <see cref="TimeoutException"/> (or the cancellation) is thrown;
    /// nothing a test starts outlives it.</summary>
    /// <param name="start">The program, its arguments and working directory (the streams are redirected here).</param>
    /// <param name="stdin">The child's whole standard input.</param>
    /// <param name="limit">The time limit; <see cref="ChildLimit"/> when null.</param>
    public static async Task<Result> RunChildAsync(ProcessStartInfo start, string stdin = "", TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        string what = $"{start.FileName} {string.Join(' ', start.ArgumentList)}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{what} did not start");
        var time = limit ?? ChildLimit;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(time);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var error = process.StandardError.ReadToEndAsync(deadline.Token);
            try
            {
                await process.StandardInput.WriteAsync(stdin.AsMemory(), deadline.Token);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The child ended, or closed its standard input, without reading it all; its exit code tells.
            }

            await process.WaitForExitAsync(deadline.Token);
            return new Result(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{what} did not end within {time.TotalSeconds} s; it was killed");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>A usage error: exit 2, exactly one line on standard error, no stack trace.</summary>
    public static string AssertUsageError(Result r)
    {
        Assert.Equal(2, r.ExitCode);
        var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        Assert.StartsWith("calculus: ", lines[0], StringComparison.Ordinal);
        return lines[0];
    }
}
