using Calculus.Cli.Common;
using Calculus.Verification.Reports;
using Calculus.Verification.Running;

namespace Calculus.Cli.Commands;

/// <summary>The result files of <c>verify</c> (<c>--json</c>, <c>--junit</c>, <c>--report DIR</c>): checked and their
/// folders created before the subject runs, and written at every exit: the results, or the reason there are none.</summary>
/// <param name="Json">The JSON file, or null.</param>
/// <param name="JUnit">The JUnit XML file, or null.</param>
/// <param name="ReportDir">The folder of index.md, or null.</param>
/// <param name="Subject">The command checked.</param>
internal sealed record VerifyOutputs(string? Json, string? JUnit, string? ReportDir, string Subject)
{
    /// <summary>Fails early, before the subject runs, when a file cannot be written (an empty or blank name, a folder, a
    /// folder that cannot be created); creates every file's folder.</summary>
    /// <exception cref="UsageException">A file cannot be written.</exception>
    public void Prepare()
    {
        foreach (string path in new[] { Json, JUnit }.OfType<string>())
        {
            if (string.IsNullOrWhiteSpace(path) || Directory.Exists(path))
            {
                throw new UsageException($"cannot write a report to '{path}': it is {(path.Length == 0 ? "empty" : string.IsNullOrWhiteSpace(path) ? "blank" : "a folder")}");
            }

            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            try
            {
                if (folder is not null)
                {
                    Directory.CreateDirectory(folder);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new UsageException($"cannot write a report to '{path}': cannot create the folder '{folder}': {e.Message}");
            }
        }

        if (ReportDir is not null)
        {
            ReportCommand.ProbeWritable(ReportDir, "--report");
        }
    }

    /// <summary>Writes the results.</summary>
    /// <param name="result">The run.</param>
    public void Write(VerifyResult result) =>
        Write(() => VerifyReports.Json(result), () => VerifyReports.JUnit(result), () => VerifyReports.Markdown(result, Subject));

    /// <summary>Writes the reason a run has no results, with its exit code.</summary>
    /// <param name="reason">Why, one line.</param>
    /// <param name="exitCode">The exit code.</param>
    public void WriteError(string reason, int exitCode) =>
        Write(() => RunErrorReports.Json(reason, exitCode), () => RunErrorReports.JUnit(reason, exitCode), () => RunErrorReports.Markdown(reason, exitCode, Subject));

    private void Write(Func<string> json, Func<string> junit, Func<string> markdown)
    {
        if (Json is not null)
        {
            File.WriteAllText(Json, json());
        }

        if (JUnit is not null)
        {
            File.WriteAllText(JUnit, junit());
        }

        if (ReportDir is not null)
        {
            Directory.CreateDirectory(ReportDir);
            File.WriteAllText(Path.Combine(ReportDir, "index.md"), markdown());
        }
    }
}
