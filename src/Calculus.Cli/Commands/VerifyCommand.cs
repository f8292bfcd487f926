using System.CommandLine;
using System.Globalization;
using Calculus.Checking;
using Calculus.Cli.Common;
using Calculus.Verification.Checks;
using Calculus.Verification.Protocol;
using Calculus.Verification.Reports;
using Calculus.Verification.Running;

namespace Calculus.Cli.Commands;

/// <summary><c>calculus verify --exec CMD [--only 1d,2a,…] [--cases N] [--seed S] [--rtol R] [--atol A] [--max-ulp N]
/// [--precision double|single|auto] [--require core|stable|accurate] [--timeout S] [--budget S] [--json FILE]
/// [--junit FILE] [--report DIR] [--failures-only] [--sandbox]</c>: the whole battery against a student's implementation in any language, through the
/// protocol of docs/protocol.md. Exit 0 when every implemented item reaches the required level (core unless --require or
/// --max-ulp says otherwise) and every check ran, 1 when one does not or the time budget left checks not run, 2 for a
/// usage error or a subject that cannot start, 3 for a fault of the checker itself.</summary>
internal static class VerifyCommand
{
    /// <summary>The largest --budget: a day, far above any run a class needs (the default battery takes seconds), and a
    /// bound that keeps the seconds a sane TimeSpan.</summary>
    private const int MaxBudgetSeconds = 86_400;

    public static Command Create(CliContext context)
    {
        var exec = new Option<string>("--exec") { Description = "The command that runs your implementation (started once through the shell, in this directory).", Required = true };
        var only = new Option<string?>("--only") { Description = $"Only these sheet items, comma-separated ({string.Join(",", Battery.Items)})." };
        var cases = new Option<string?>("--cases") { Description = "Cases per check (default: 1,000 per scalar check, 200 per vector or network check)." };
        var seed = new Option<string?>("--seed") { Description = "The seed of the cases (default: a new one each run, printed for replay)." };
        var rtol = new Option<string?>("--rtol") { Description = $"Relative tolerance of one function value beyond 4 ulp (default {Numbers.Format(Tolerances.DefaultRelative)})." };
        var atol = new Option<string?>("--atol") { Description = "Absolute tolerance of one function value in the stable tier (default: none; the tails are judged relatively, docs/protocol.md)." };
        var maxUlp = new Option<string?>("--max-ulp") { Description = "Fail the accurate tier beyond this many ulp from the reference (default: report only); exit 0 then needs accurate." };
        var precision = new Option<string?>("--precision") { Description = "The precision your code computes in: double, single (float32), or auto (default: judged from your answers)." };
        var require = new Option<string?>("--require") { Description = "The level every implemented item must reach for exit 0: core (the formula is right; default), stable, or accurate (needs --max-ulp)." };
        var timeout = new Option<string?>("--timeout") { Description = "Seconds to wait for each answer (default 10)." };
        var budget = new Option<string?>("--budget") { Description = $"Seconds the whole run may take (default {RunBudget.Default.TotalSeconds:0}); the checks left when it is spent are not run, and the run exits 1." };
        var json = new Option<string?>("--json") { Description = "Write the results as JSON to this file." };
        var junit = new Option<string?>("--junit") { Description = "Write JUnit XML to this file, one test case per check." };
        var report = new Option<string?>("--report") { Description = "Write a markdown page (index.md) into this folder." };
        var sandboxed = new Option<bool>("--sandbox") { Description = "Linux: run your program under limits (CPU time, memory, processes, file size, open files), without network where possible, in a scratch folder (docs/protocol.md, Sandbox)." };
        var failuresOnly = new Option<bool>("--failures-only") { Description = "Print only the checks that fail, error or were not run (with their details), then the item table as always." };
        var command = new Command("verify", "Run the whole property battery against your own implementation of the sheet, in any language (docs/protocol.md).")
        {
            exec, only, cases, seed, rtol, atol, maxUlp, precision, require, timeout, budget, json, junit, report, failuresOnly, sandboxed,
        };
        command.SetAction(parse =>
        {
            string subjectCommand = parse.GetRequiredValue(exec);
            if (string.IsNullOrWhiteSpace(subjectCommand))
            {
                throw new UsageException("--exec needs a command");
            }

            var checks = parse.GetValue(only) is { } items
                ? Lookup.Of(list => Battery.For(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), items, "--only")
                : Battery.All;
            if (checks.Count == 0)
            {
                throw new UsageException("--only names no item");
            }

            int? caseCount = parse.GetValue(cases) is { } c ? Count(c) : null;
            ulong runSeed = parse.GetValue(seed) is { } s ? Seed(s) : (ulong)Random.Shared.NextInt64(1, 1L << 31);
            double relative = Bound(parse.GetValue(rtol), "--rtol", Tolerances.DefaultRelative);
            double? absolute = parse.GetValue(atol) is { } a ? Bound(a, "--atol", 0) : null;
            double? ulps = parse.GetValue(maxUlp) is { } u ? Bound(u, "--max-ulp", 0) : null;
            double seconds = parse.GetValue(timeout) is { } t ? Bound(t, "--timeout", 0) : 10;
            if (seconds <= 0 || seconds > 3600)
            {
                throw new UsageException($"--timeout must lie in (0, 3600] seconds; got {Numbers.Format(seconds)}");
            }

            double budgetSeconds = parse.GetValue(budget) is { } bs ? Bound(bs, "--budget", 0) : RunBudget.Default.TotalSeconds;
            if (budgetSeconds <= 0 || budgetSeconds > MaxBudgetSeconds)
            {
                throw new UsageException($"--budget must lie in (0, {MaxBudgetSeconds}] seconds; got {Numbers.Format(budgetSeconds)}");
            }

            Precision? judged = parse.GetValue(precision) switch
            {
                null or "auto" => null,
                "double" => Precision.Binary64,
                "single" => Precision.Binary32,
                var p => throw new UsageException($"--precision must be double, single or auto; got '{p}'"),
            };
            Level level = parse.GetValue(require) is { } r
                ? Levels.Parse(r) ?? throw new UsageException($"--require must be core, stable or accurate; got '{r}'")
                : ulps is null ? Level.Core : Level.Accurate;
            if (level == Level.Accurate && ulps is null)
            {
                throw new UsageException("--require accurate needs --max-ulp N: the accurate tier is a check only with a limit");
            }

            using var sandbox = parse.GetValue(sandboxed) ? SandboxFor(context, TimeSpan.FromSeconds(budgetSeconds)) : null;
            var outputs = new VerifyOutputs(parse.GetValue(json), parse.GetValue(junit), parse.GetValue(report), subjectCommand);
            outputs.Prepare();

            // The budget runs from here: the subject's start-up is part of the run.
            var runBudget = new RunBudget(TimeSpan.FromSeconds(budgetSeconds));
            var settings = new VerifySettings(checks, runSeed, caseCount, ErrorModels.Verify(relative, absolute), ulps, judged, level, runBudget);
            ProcessSheet subject;
            try
            {
                subject = ProcessSheet.Start(subjectCommand, TimeSpan.FromSeconds(seconds), sandbox);
            }
            catch (SubjectCannotStartException e)
            {
                outputs.WriteError(OneLine(e.Message), ExitCodes.UsageError);
                throw new UsageException(e.Message);
            }

            context.Output.WriteLine($"verify: {subjectCommand}");
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{checks.Count} checks of {checks.Select(k => k.Item).Distinct().Count()} items, seed {runSeed}, rtol {Numbers.Format(relative)}, {(absolute is { } abs ? $"atol {Numbers.Format(abs)}" : "tails relative")}{(ulps is { } m ? $", max-ulp {Numbers.Format(m)}" : "")}"));
            context.Output.Flush();

            string replay = $"replay: calculus verify --exec {Quote(subjectCommand)} --seed {runSeed}{Replayed(parse, only, cases, rtol, atol, maxUlp, precision, require, timeout, budget)}{(parse.GetValue(sandboxed) ? " --sandbox" : "")}";
            VerifyResult result;
            using (subject)
            {
                try
                {
                    result = Run(context, subject, settings, replay, parse.GetValue(failuresOnly));
                }
                catch (SubjectCannotStartException e)
                {
                    outputs.WriteError(OneLine(e.Message), ExitCodes.UsageError);
                    throw new UsageException(e.Message); // a restart that cannot even start the command
                }
#pragma warning disable CA1031 // Verify's own fault, not the subject's: one line with the replay, exit 3, never a stack trace.
                catch (Exception e) when (e is not (UsageException or IOException or UnauthorizedAccessException))
#pragma warning restore CA1031
                {
                    context.Output.Flush();
                    string internalError = $"internal error of the checker ({e.GetType().Name}: {OneLine(e.Message)}); please report it with: {replay}";
                    outputs.WriteError(internalError, ExitCodes.CheckerFault);
                    context.Error.WriteLine($"calculus: {internalError}");
                    return ExitCodes.CheckerFault;
                }
            }

            outputs.Write(result);

            // A fault of the checker: no verdict on the subject, whatever the other checks said. The whole sheet: items not
            // implemented yet are fine, an item below the required level is not, nor a check left not run by the time
            // budget (the run was not judged in full). Named items (--only, a grade per item): each must be implemented in
            // full and reach it.
            if (result.Faults.FirstOrDefault() is { } fault)
            {
                context.Error.WriteLine($"calculus: {OneLine(fault.Fault!)} (in {result.Faults.Count()} check{(result.Faults.Count() == 1 ? "" : "s")}, first {fault.Check.Item} {fault.Check.Name}): {replay}");
                return ExitCodes.CheckerFault;
            }

            bool graded = parse.GetValue(only) is not null;
            return result.Failed || result.NotRun.Any() || (graded && !result.PassedInFull) ? ExitCodes.CheckFailed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The battery against the subject (or the sheet a test wraps around it), and the console report (only the
    /// checks that fail, error or were not run with <paramref name="failuresOnly"/>, <c>--failures-only</c>).</summary>
    private static VerifyResult Run(CliContext context, ProcessSheet subject, VerifySettings settings, string replay, bool failuresOnly)
    {
        var battery = BatteryRunner.Run(context.VerifiedSheet?.Invoke(subject) ?? subject, settings, subject.Prefetch, VerifyProgress.For(context.Error, settings, context.ProgressLines, context.Interactive && !context.ProgressLines));
        var result = battery with { Requests = subject.RequestsSent, Restarts = subject.Restarts };
        if (context.Interactive && !context.ProgressLines)
        {
            context.Error.Write("\r" + new string(' ', 60) + "\r");
        }

        context.Output.Write(VerifyReports.Console(result, failuresOnly));
        context.Output.WriteLine(VerifyReports.PrecisionLine(result));
        int verdicts = result.Items.Count();
        string tally = string.Join(", ", result.Items.GroupBy(i => TallyOf(result, i)).OrderByDescending(g => g.Key.Rank)
            .Select(g => $"{g.Count()} {g.Key.Word}"));
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{verdicts} items: {tally}; {result.Runs.Count} checks in {result.Elapsed.TotalSeconds:0.0} s, {subject.RequestsSent} requests ({subject.RequestsSent / Math.Max(result.Elapsed.TotalSeconds, 1e-3):0} per second), {subject.Restarts} restarts"));
        if (result.NotRun.FirstOrDefault() is { } notRun)
        {
            context.Output.WriteLine($"not run: {result.NotRun.Count()} of {result.Runs.Count} checks; {notRun.NotRunReason} (exit 1: give --budget more seconds to run them)");
        }

        context.Output.WriteLine(replay);
        return result;
    }

    /// <summary>The sandbox of <c>--sandbox</c>, its note (what it cannot do here) on standard error; not on Linux, or
    /// without prlimit, a usage error.</summary>
    private static Sandbox SandboxFor(CliContext context, TimeSpan budget)
    {
        Sandbox sandbox;
        try
        {
            sandbox = Sandbox.Create(budget);
        }
        catch (PlatformNotSupportedException e)
        {
            throw new UsageException(e.Message);
        }

        if (sandbox.Note is { } note)
        {
            context.Error.WriteLine($"calculus: note: {note}");
        }

        return sandbox;
    }

    /// <summary>The order of the summary line: the levels, highest first, then error, not-implemented and not-run.</summary>
    private static readonly string[] TallyOrder = ["accurate", "stable", "core", "fail", "error", "not-implemented", "not-run"];

    /// <summary>An item's place in the summary line and its word there: its level as the JSON report has it
    /// (<see cref="VerifyReports.JsonLevel"/>), FAIL and ERROR in capitals as the table prints them.</summary>
    private static (int Rank, string Word) TallyOf(VerifyResult result, string item)
    {
        string level = VerifyReports.JsonLevel(result, item);
        return (-Array.IndexOf(TallyOrder, level), level is "fail" or "error" ? level.ToUpperInvariant() : level);
    }

    /// <summary>Every option given that changes the run, as given: the replay line reproduces the run.</summary>
    private static string Replayed(ParseResult parse, params Option<string?>[] options) =>
        string.Concat(options.Select(o => parse.GetValue(o) is { } v ? $" {o.Name} {(v.Any(char.IsWhiteSpace) || v.Length == 0 ? $"\"{v}\"" : v)}" : ""));

    /// <summary>A message on one line (an exception's message may hold line breaks).</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Quote(string command) => command.Contains('"', StringComparison.Ordinal) ? $"'{command}'" : $"\"{command}\"";

    private static int Count(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= 1_000_000
            ? n : throw new UsageException($"--cases must be a whole number in 1..1000000; got '{text}'");

    private static ulong Seed(string text) =>
        ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong s) ? s : throw new UsageException($"--seed must be a whole number ≥ 0; got '{text}'");

    private static double Bound(string? text, string option, double fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        double v = Numbers.Parse(text, option);
        return v >= 0 && double.IsFinite(v) ? v : throw new UsageException($"{option} must be finite and ≥ 0; got {text}");
    }
}
