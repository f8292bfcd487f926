using System.Diagnostics;
using Calculus.Cli.Common;
using Calculus.Verification.Checks;
using Calculus.Verification.Protocol;
using Calculus.Verification.Reports;
using Calculus.Verification.Running;

namespace Calculus.Cli.Grading;

/// <summary>Runs the battery against one submission, in-process against its own subject process, and writes its report
/// folder <c>OUT/NAME/</c>: verify.json, junit.xml and index.md as <c>calculus verify</c> writes them (the reason, when the
/// run has no results), then grade.json, the settings it ran with. Nothing here is shared between submissions: each run
/// has its own process, budget and result, so that several run at once (<c>-j N</c>).</summary>
internal static class SubmissionRunner
{
    /// <summary>The file of a submission's settings; written last, so that an interrupted run is run again.</summary>
    public const string SettingsFile = "grade.json";

    /// <summary>The JSON report of a submission.</summary>
    public const string JsonFile = "verify.json";

    /// <summary>Grades one submission, or keeps its earlier results when its grade.json holds the same settings and its
    /// verify.json exists (unless <paramref name="force"/>). A submission that cannot start, or hangs, gets its report with
    /// the reason; a fault of the checker is written as the reason (exit code 3 in its verify.json) and never thrown.</summary>
    /// <param name="submission">The submission.</param>
    /// <param name="settings">The class's settings.</param>
    /// <param name="outDir">The output folder; the report goes to its subfolder named after the submission.</param>
    /// <param name="force">Run even when earlier results stand.</param>
    /// <returns>What was done.</returns>
    public static SubmissionRun Run(Submission submission, GradeSettings settings, string outDir, bool force)
    {
        string folder = Path.Combine(outDir, submission.Name);
        string settingsFile = Path.Combine(folder, SettingsFile);
        string json = settings.Json();
        if (!force && File.Exists(Path.Combine(folder, JsonFile)) && File.Exists(settingsFile) && File.ReadAllText(settingsFile) == json)
        {
            return new SubmissionRun(submission.Name, true, TimeSpan.Zero);
        }

        Directory.CreateDirectory(folder);
        File.Delete(settingsFile);
        var clock = Stopwatch.StartNew();
        string command = SubmissionFolders.Command(settings.Template, submission.Folder);
        var reports = Grade(command, settings);
        File.WriteAllText(Path.Combine(folder, JsonFile), reports.Json);
        File.WriteAllText(Path.Combine(folder, "junit.xml"), reports.JUnit);
        File.WriteAllText(Path.Combine(folder, "index.md"), reports.Markdown);
        File.WriteAllText(settingsFile, json);
        return new SubmissionRun(submission.Name, false, clock.Elapsed);
    }

    private static (string Json, string JUnit, string Markdown) Grade(string command, GradeSettings settings)
    {
        // The budget runs from here: the subject's start-up is part of the run, as in verify.
        var budget = new RunBudget(TimeSpan.FromSeconds(settings.BudgetSeconds));
        var verify = new VerifySettings(settings.Checks, settings.Seed, settings.Cases, ErrorModels.Verify(), null, null, Level.Core, budget);
        try
        {
            using var subject = ProcessSheet.Start(command, TimeSpan.FromSeconds(settings.TimeoutSeconds));
            var result = BatteryRunner.Run(subject, verify, subject.Prefetch) with { Requests = subject.RequestsSent, Restarts = subject.Restarts };
            return (VerifyReports.Json(result), VerifyReports.JUnit(result), VerifyReports.Markdown(result, command));
        }
        catch (SubjectCannotStartException e)
        {
            return Error($"cannot start: {OneLine(e.Message)}", ExitCodes.UsageError, command);
        }
#pragma warning disable CA1031 // The checker's own fault in one submission: its row says so, the others are still graded, and grade exits 3.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Error($"internal error of the checker ({e.GetType().Name}: {OneLine(e.Message)}); please report it with: calculus verify --exec \"{command}\" --seed {settings.Seed}", ExitCodes.CheckerFault, command);
        }
    }

    /// <summary>A message on one line (a subject's message may hold line breaks).</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static (string, string, string) Error(string reason, int exitCode, string command) =>
        (RunErrorReports.Json(reason, exitCode), RunErrorReports.JUnit(reason, exitCode), RunErrorReports.Markdown(reason, exitCode, command));
}
