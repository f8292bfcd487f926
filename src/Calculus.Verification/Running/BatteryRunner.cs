using System.Diagnostics;
using Calculus.Checking;
using Calculus.Verification.Checks;
using Calculus.Verification.Diagnosis;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Running;

/// <summary>What a verify run does: which checks, how many cases, the seed, the error model, the ulp limit, the
/// precision judged and the level exit 0 requires.</summary>
/// <param name="Checks">The checks to run.</param>
/// <param name="Seed">The run's seed; each check draws its cases from a seed derived from it and the check's id, so
/// that <c>--only</c> reproduces the same cases as a full run.</param>
/// <param name="Cases">Cases per check; null for each check's default.</param>
/// <param name="Model">The error allowed one elementary value, in double (<see cref="ErrorModels.In"/> makes it
/// single).</param>
/// <param name="MaxUlp">The accurate tier's limit, or null.</param>
/// <param name="Precision">The precision the subject is judged in; null to judge it from the answers
/// (<see cref="PrecisionProbe"/>).</param>
/// <param name="Require">The level every implemented item must reach (<c>--require</c>).</param>
/// <param name="Budget">The run's time budget (<c>--budget</c>): once spent, the remaining checks are not run; null for
/// none.</param>
internal sealed record VerifySettings(
    IReadOnlyList<Check> Checks, ulong Seed, int? Cases, ElementaryError Model, double? MaxUlp, Precision? Precision = Checking.Precision.Binary64, Level Require = Level.Core,
    RunBudget? Budget = null);

/// <summary>A verify run's result: every check's run, the precision judged, and the level per item.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Runs">One run per check, in order.</param>
/// <param name="Elapsed">The wall time.</param>
internal sealed record VerifyResult(ulong Seed, IReadOnlyList<CheckRun> Runs, TimeSpan Elapsed)
{
    /// <summary>The precision the subject was judged in.</summary>
    public Precision Precision { get; init; } = Checking.Precision.Binary64;

    /// <summary>How the precision was chosen: the judgement of <c>--precision auto</c>, or null when it was given.</summary>
    public PrecisionJudgement? Judgement { get; init; }

    /// <summary>The level every implemented item must reach for exit 0.</summary>
    public Level Require { get; init; } = Level.Core;

    /// <summary>Whether the accurate tier was a check (<c>--max-ulp</c> given): only then can an item reach accurate.</summary>
    public bool AccurateChecked { get; init; }

    /// <summary>Request lines sent to the subject process (its σ(0) probes included); 0 for a subject in-process.</summary>
    public long Requests { get; init; }

    /// <summary>How often the subject process was restarted.</summary>
    public int Restarts { get; init; }

    /// <summary>The items that ran, in the sheet's order.</summary>
    public IEnumerable<string> Items => Battery.Items.Where(i => Runs.Any(r => r.Check.Item == i));

    /// <summary>An item is an error if the checker failed in any of its checks (it was not judged in full); it fails if
    /// any of its core or stable checks fails; it is not implemented if none of its checks was implemented; not run if
    /// none failed and some check was not run (the time budget was spent); inconclusive if none failed and some core or
    /// stable check was inconclusive; otherwise it passes.</summary>
    /// <param name="item">A sheet item.</param>
    /// <returns>The item's verdict.</returns>
    public CheckVerdict VerdictOf(string item)
    {
        var runs = Runs.Where(r => r.Check.Item == item).ToList();
        var graded = runs.Where(r => r.Check.Tier != Tier.Accurate).ToList();
        return runs.Any(r => r.Verdict == CheckVerdict.Error) ? CheckVerdict.Error
            : graded.Any(r => r.Verdict == CheckVerdict.Fail) || runs.Any(r => r.Verdict == CheckVerdict.Fail) ? CheckVerdict.Fail
            : runs.All(r => r.Verdict == CheckVerdict.NotImplemented) ? CheckVerdict.NotImplemented
            : runs.Any(r => r.Verdict == CheckVerdict.NotRun) ? CheckVerdict.NotRun
            : graded.Any(r => r.Verdict == CheckVerdict.Inconclusive) ? CheckVerdict.Inconclusive
            : CheckVerdict.Pass;
    }

    /// <summary>The highest level an item reaches: below the lowest tier with a failed check (FAIL for core, core for
    /// stable, stable for accurate); with none failed, stable, or accurate when <c>--max-ulp</c> made the accurate tier a
    /// check. A check not run lowers no level (the verdict and the exit code say the item was not judged in full). Null
    /// for an item none of whose checks was implemented, or run.</summary>
    /// <param name="item">A sheet item.</param>
    /// <returns>The level, or null.</returns>
    public Level? LevelOf(string item) => LevelOf(Runs.Where(r => r.Check.Item == item));

    /// <summary>The highest level a function reaches, over the checks that name it (<see cref="LevelOf(string)"/>).</summary>
    /// <param name="function">A protocol name.</param>
    /// <returns>The level, or null when none of its checks was implemented.</returns>
    public Level? LevelOfFunction(string function) => LevelOf(Runs.Where(r => r.Check.Functions.Contains(function)));

    private Level? LevelOf(IEnumerable<CheckRun> runs)
    {
        var list = runs.ToList();
        if (list.Count == 0 || list.All(r => r.Verdict is CheckVerdict.NotImplemented or CheckVerdict.NotRun))
        {
            return null;
        }

        var failed = list.Where(r => r.Verdict == CheckVerdict.Fail).Select(r => r.Check.Tier).ToList();
        return failed.Count > 0 ? Levels.Below(failed.Min()) : AccurateChecked ? Level.Accurate : Level.Stable;
    }

    /// <summary>Whether some implemented item is below <see cref="Require"/> (exit code 1).</summary>
    public bool Failed => Items.Any(i => LevelOf(i) is { } level && level < Require);

    /// <summary>The checks in which the checker itself failed (exit code 3, whatever the others' verdicts).</summary>
    public IEnumerable<CheckRun> Faults => Runs.Where(r => r.Verdict == CheckVerdict.Error);

    /// <summary>The checks not run because the time budget was spent (exit code 1 unless a fault makes it 3).</summary>
    public IEnumerable<CheckRun> NotRun => Runs.Where(r => r.Verdict == CheckVerdict.NotRun);

    /// <summary>Whether the item was implemented in part only: some of its checks, the configurations of some cases (a
    /// network only for some activations) or some parts of the answers (a gradient key) were not implemented, while
    /// others were.</summary>
    /// <param name="item">A sheet item.</param>
    /// <returns>True for an item neither wholly implemented nor wholly not.</returns>
    public bool IsPartial(string item)
    {
        var runs = Runs.Where(r => r.Check.Item == item && r.Check.Tier != Tier.Accurate).ToList();
        return VerdictOf(item) is not CheckVerdict.NotImplemented
            && runs.Any(r => r.Verdict == CheckVerdict.NotImplemented || r.NotImplementedFor.Count > 0 || r.NotGiven.Count > 0);
    }

    /// <summary>Whether every item reached <see cref="Require"/> in full: no check was an error, and each item was
    /// implemented in full (not partial), at that level or above, with every check of the tiers up to it decided (none
    /// inconclusive, none not run). The exit code of <c>verify --only ITEMS</c> (a grade per item) is 0 only then.</summary>
    public bool PassedInFull => !Failed && !Faults.Any() && !NotRun.Any() && Items.All(i => LevelOf(i) is not null && !IsPartial(i)
        && Runs.Where(r => r.Check.Item == i && Levels.Of(r.Check.Tier) <= Require).All(r => r.Verdict is CheckVerdict.Pass or CheckVerdict.Fail));
}

/// <summary>Runs checks against a subject: per check, draws the cases from its seed, lets a process subject prefetch
/// every request in batches, evaluates, shrinks the first failure, and names the known mistake the subject agrees with.
/// Once the time budget is spent, the remaining checks are not run (<see cref="CheckVerdict.NotRun"/>).</summary>
internal static class BatteryRunner
{
    /// <summary>Runs the battery.</summary>
    /// <param name="subject">The implementation under test.</param>
    /// <param name="settings">What to run.</param>
    /// <param name="prefetch">Sends a check's requests ahead in batches (a process subject), or null.</param>
    /// <param name="progress">Called after each check, or null.</param>
    /// <returns>The result.</returns>
    public static VerifyResult Run(ISheet subject, VerifySettings settings, Action<IReadOnlyList<SheetCall>>? prefetch = null, Action<CheckRun, int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        var judgement = settings.Precision is null ? PrecisionProbe.Judge(subject, ReferenceSheet.Instance) : null;
        var precision = settings.Precision ?? judgement!.Precision;
        var context = new CheckContext(subject, ReferenceSheet.Instance, ErrorModels.In(settings.Model, precision), settings.MaxUlp, precision);
        var runs = new List<CheckRun>();
        foreach (var check in settings.Checks)
        {
            var run = settings.Budget is { Spent: true } budget ? CheckRun.NotRun(check, budget.Reason) : RunOne(check, context, settings, prefetch);
            runs.Add(run);
            progress?.Invoke(run, runs.Count, settings.Checks.Count);
        }

        return new VerifyResult(settings.Seed, runs, clock.Elapsed)
        {
            Precision = precision, Judgement = judgement, Require = settings.Require, AccurateChecked = settings.MaxUlp is not null,
        };
    }

    /// <summary>The seed of one check's cases: SplitMix64 of the run's seed mixed with the FNV-1a hash of the check's id.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="check">The check.</param>
    /// <returns>The check's seed.</returns>
    public static ulong SeedOf(ulong seed, Check check)
    {
        ArgumentNullException.ThrowIfNull(check);
        ulong hash = 14695981039346656037UL;
        foreach (char c in check.Id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        ulong z = seed + hash + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static CheckRun RunOne(Check check, CheckContext context, VerifySettings settings, Action<IReadOnlyList<SheetCall>>? prefetch)
    {
        CheckRun run;
        try
        {
            run = check.Run(context, settings.Cases ?? check.Cases, SeedOf(settings.Seed, check), prefetch);
        }
#pragma warning disable CA1031 // A fault of the checker itself must never read as the subject's failure, nor end the run: the other checks still run, and the run exits 3.
        catch (Exception e) when (e is not Protocol.SubjectCannotStartException)
#pragma warning restore CA1031
        {
            return new CheckRun(check, CheckVerdict.Error, 0, 0, 0, 0, 0, TimeSpan.Zero)
            {
                Fault = $"internal error of the checker ({e.GetType().Name}: {e.Message}); please report it with the replay line",
            };
        }

        return run.Verdict == CheckVerdict.Fail ? run with { Diagnosis = MistakeMatch.Of(run)?.Description ?? GenericDiagnosis.Of(run), Answers = null } : run;
    }
}
