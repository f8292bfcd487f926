using System.CommandLine;
using System.Globalization;
using Calculus.Cli.Common;
using Calculus.Cli.Grading;
using Calculus.Verification.Checks;
using Calculus.Verification.Running;

namespace Calculus.Cli.Commands;

/// <summary><c>calculus grade SUBMISSIONS --exec "TEMPLATE" --out DIR [-j N] [--rubric FILE] [--seed S] [--cases N]
/// [--only ITEMS] [--budget S] [--timeout S] [--force]</c>: the battery against every submission of a class (each
/// subfolder of SUBMISSIONS, its path in place of <c>{}</c> in TEMPLATE), all with the same seed, N at a time. Writes
/// DIR/NAME/ (verify.json, junit.xml, index.md, results.json for Gradescope, grade.json), DIR/gradebook.csv,
/// DIR/gradebook.md, DIR/summary.md and DIR/summary.png (when the plotting libraries load; docs/grading.md). Exit 0 when every submission was graded, whatever its grade; 2
/// for a usage error; 3 when the checker failed for some submission.</summary>
internal static class GradeCommand
{
    /// <summary>The most submissions run at once: far above the cores of any machine a class grades on; each run holds
    /// one subject process and a thread blocked on its answers.</summary>
    private const int MaxJobs = 64;

    /// <summary>The largest --budget, as verify's: a day.</summary>
    private const int MaxBudgetSeconds = 86_400;

    /// <summary>The class's settings file in DIR: the seed of an earlier run, reused when --seed is not given.</summary>
    private const string ClassSettingsFile = "grade.json";

    public static Command Create(CliContext context)
    {
        var submissions = new Argument<string>("SUBMISSIONS") { Description = "The folder whose subfolders are the submissions; each row of the gradebook is named by its folder." };
        var exec = new Option<string>("--exec") { Description = "The command that runs one submission, {} standing for its folder, e.g. \"python3 {}/solution.py\".", Required = true };
        var outDir = new Option<string>("--out") { Description = "The folder of the gradebook, the summary and each submission's report.", Required = true };
        var jobs = new Option<string?>("--jobs", "-j") { Description = "How many submissions to run at once (default 1)." };
        var rubric = new Option<string?>("--rubric") { Description = "A JSON file of the points per item and level (default: the sheet's weights, docs/grading.md)." };
        var seed = new Option<string?>("--seed") { Description = "The seed of every submission's cases (default: the one of an earlier run into --out, else a new one, printed)." };
        var cases = new Option<string?>("--cases") { Description = "Cases per check (default: each check's own)." };
        var only = new Option<string?>("--only") { Description = $"Only these sheet items, comma-separated ({string.Join(",", Battery.Items)})." };
        var budget = new Option<string?>("--budget") { Description = $"Seconds one submission's run may take (default {RunBudget.Default.TotalSeconds:0}, as verify's)." };
        var timeout = new Option<string?>("--timeout") { Description = "Seconds to wait for each answer (default 10)." };
        var force = new Option<bool>("--force") { Description = "Run every submission again, even those with results of the same settings." };
        var command = new Command("grade", "Grade a whole class: verify every submission with the same seed, and write a gradebook, a summary and each one's report (docs/grading.md).")
        {
            submissions, exec, outDir, jobs, rubric, seed, cases, only, budget, timeout, force,
        };
        command.SetAction(parse =>
        {
            string template = parse.GetRequiredValue(exec);
            if (!template.Contains(SubmissionFolders.Placeholder, StringComparison.Ordinal))
            {
                throw new UsageException("--exec needs {} where a submission's folder goes, e.g. \"python3 {}/solution.py\"");
            }

            string output = parse.GetRequiredValue(outDir);
            var checks = parse.GetValue(only) is { } items
                ? Lookup.Of(list => Battery.For(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), items, "--only")
                : Battery.All;
            if (checks.Count == 0)
            {
                throw new UsageException("--only names no item");
            }

            int parallel = parse.GetValue(jobs) is { } j ? Whole(j, "--jobs", MaxJobs) : 1;
            int? caseCount = parse.GetValue(cases) is { } c ? Whole(c, "--cases", 1_000_000) : null;
            double seconds = Seconds(parse.GetValue(timeout), "--timeout", 10, 3600);
            double budgetSeconds = Seconds(parse.GetValue(budget), "--budget", RunBudget.Default.TotalSeconds, MaxBudgetSeconds);
            var points = parse.GetValue(rubric) is { } file ? Rubric.Load(file) : Rubric.Default;
            ReportCommand.ProbeWritable(output);
            var found = SubmissionFolders.Find(parse.GetRequiredValue(submissions), output);
            string classFile = Path.Combine(output, ClassSettingsFile);
            ulong runSeed = parse.GetValue(seed) is { } s ? Seed(s) : GradeSettings.SeedIn(classFile) ?? (ulong)Random.Shared.NextInt64(1, 1L << 31);
            var settings = new GradeSettings(template, runSeed, caseCount, checks, seconds, budgetSeconds);
            File.WriteAllText(classFile, settings.Json());

            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"grade: {found.Count} submissions, {checks.Count} checks of {settings.Items.Count} items, {parallel} at a time; seed {runSeed} for every submission (the same cases for all: the grades are comparable)"));
            context.Output.Flush();
            var rows = Run(context, found, settings, points, output, parallel, parse.GetValue(force));
            Write(output, rows, settings, points);
            string picture = Path.Combine(output, "summary.png");
            string? notDrawn = DrawSummary(picture, rows, settings);
            if (notDrawn is not null)
            {
                context.Error.WriteLine($"calculus: summary.png not drawn (the gradebook and every results.json are written): {notDrawn}");
            }

            context.Output.WriteLine($"gradebook: {Path.Combine(output, "gradebook.csv")}, {Path.Combine(output, "gradebook.md")}; summary: {Path.Combine(output, "summary.md")}{(notDrawn is null ? $", {picture}" : "")}");
            var faults = rows.Where(r => r.CheckerFault).ToList();
            if (faults.Count > 0)
            {
                context.Error.WriteLine($"calculus: the checker itself failed for {faults.Count} submission{(faults.Count == 1 ? "" : "s")} (first {faults[0].Name}: see {Path.Combine(output, faults[0].Name, SubmissionRunner.JsonFile)})");
                return ExitCodes.CheckerFault;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Runs every submission, <paramref name="parallel"/> at a time, printing a line as each ends; returns the
    /// rows in the order of the names.</summary>
    private static GradebookRow[] Run(CliContext context, IReadOnlyList<Submission> found, GradeSettings settings, Rubric rubric, string output, int parallel, bool force)
    {
        var rows = new GradebookRow[found.Count];
        var gate = new Lock();
        try
        {
            Parallel.For(0, found.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, k =>
            {
                var run = SubmissionRunner.Run(found[k], settings, output, force);
                rows[k] = Gradebook.Row(found[k].Name, Path.Combine(output, found[k].Name), settings.Items, rubric);
                lock (gate)
                {
                    context.Output.WriteLine(Line(run, rows[k]));
                    context.Output.Flush();
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is IOException or UnauthorizedAccessException))
        {
            throw new UsageException($"--out: cannot write the reports: {e.InnerExceptions[0].Message}");
        }

        return rows;
    }

    /// <summary>The gradebook, the summary, and each submission's results.json.</summary>
    private static void Write(string output, IReadOnlyList<GradebookRow> rows, GradeSettings settings, Rubric rubric)
    {
        File.WriteAllText(Path.Combine(output, "gradebook.csv"), GradebookFiles.Csv(rows, settings.Items));
        File.WriteAllText(Path.Combine(output, "gradebook.md"), GradebookFiles.Markdown(rows, settings.Items, settings.Seed, rubric));
        File.WriteAllText(Path.Combine(output, "summary.md"), ClassSummary.Markdown(rows, settings.Items));
        foreach (var row in rows)
        {
            File.WriteAllText(Path.Combine(output, row.Name, "results.json"), GradescopeResults.Json(row, settings.Seed));
        }
    }

    /// <summary>Draws summary.png, last: the picture needs the native plotting libraries, which a machine may fail to
    /// load (the single-file tool unpacks them into a folder that must be writable), and the files a grader needs are
    /// written before it.</summary>
    /// <returns>Null when drawn; else why not.</returns>
    private static string? DrawSummary(string path, IReadOnlyList<GradebookRow> rows, GradeSettings settings)
    {
        try
        {
            SummaryPicture.Plot(rows, settings.Items).SavePng(path, SummaryPicture.Width, SummaryPicture.Height);
            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            return e.InnerException?.Message ?? e.Message;
        }
    }

    /// <summary>"alice: 4 stable, 1 fail, 1 not-implemented; 7.5 / 10 points (3.2 s)", "(kept: same settings)" when
    /// resumed, the note when there is one.</summary>
    private static string Line(SubmissionRun run, GradebookRow row)
    {
        string words = string.Join(", ", row.Items.GroupBy(i => i.Word).Select(g => $"{g.Count()} {g.Key}"));
        string how = run.Resumed ? "kept: same settings" : string.Create(CultureInfo.InvariantCulture, $"{run.Elapsed.TotalSeconds:0.0} s");
        return $"{row.Name}: {words}; {Rubric.Format(row.Total)} / {Rubric.Format(row.MaxTotal)} points ({how}){(row.Note is null ? "" : $"; {row.Note}")}";
    }

    private static int Whole(string text, string option, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= max
            ? n : throw new UsageException($"{option} must be a whole number in 1..{max}; got '{text}'");

    private static ulong Seed(string text) =>
        ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong s) ? s : throw new UsageException($"--seed must be a whole number ≥ 0; got '{text}'");

    private static double Seconds(string? text, string option, double fallback, double max)
    {
        double v = text is null ? fallback : Numbers.Parse(text, option);
        return v > 0 && v <= max ? v : throw new UsageException($"{option} must lie in (0, {max.ToString(CultureInfo.InvariantCulture)}] seconds; got {text}");
    }
}
