using System.Diagnostics;
using Calculus.Checking;
using Calculus.Verification.Sheet;
using FsCheck;
using FsCheck.Fluent;

namespace Calculus.Verification.Checks;

/// <summary>A check over cases of type <typeparamref name="T"/>: a generator, a shrinker that keeps the generator's
/// constraints, and the evaluation of one case against a <see cref="CheckContext"/>. The same three parts make the FsCheck
/// property of <c>tests/Properties</c> and the run of <c>calculus verify</c>.</summary>
/// <typeparam name="T">The case.</typeparam>
internal sealed class PropertyCheck<T> : Check
    where T : notnull
{
    /// <summary>FsCheck's random streams need an odd gamma; this is the golden-ratio one SplitMix uses.</summary>
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>Shrinking stops after this many candidate evaluations: enough to reach a local minimum for every
    /// shrinker here (each yields ≤ 5 candidates per step), and bounded for a slow subject.</summary>
    private const int MaxShrinkEvaluations = 200;

    private readonly Gen<T> generator;
    private readonly Func<T, IEnumerable<T>> shrinker;
    private readonly Func<T, string> describe;
    private readonly Func<T, CheckContext, CaseOutcome> evaluate;
    private readonly Func<T, string>? configuration;

    /// <summary>Creates the check.</summary>
    /// <param name="item">The sheet item.</param>
    /// <param name="functions">The functions it calls.</param>
    /// <param name="name">What it states.</param>
    /// <param name="tier">Its tier.</param>
    /// <param name="cases">Its default number of cases.</param>
    /// <param name="independent">Whether its oracle is independent of the reference's value.</param>
    /// <param name="generator">The cases.</param>
    /// <param name="shrinker">Smaller cases that keep the generator's constraints.</param>
    /// <param name="describe">A case in words, every number round-trip.</param>
    /// <param name="evaluate">One case's outcome.</param>
    /// <param name="configuration">The part of a case a subject may implement or not (a network's activation and loss),
    /// in words; null when a case has none. The run names those answered only "not implemented".</param>
    public PropertyCheck(
        string item, IReadOnlyList<string> functions, string name, Tier tier, int cases, bool independent,
        Gen<T> generator, Func<T, IEnumerable<T>> shrinker, Func<T, string> describe, Func<T, CheckContext, CaseOutcome> evaluate,
        Func<T, string>? configuration = null)
        : base(item, functions, name, tier, cases, independent)
    {
        this.generator = generator;
        this.shrinker = shrinker;
        this.describe = describe;
        this.evaluate = evaluate;
        this.configuration = configuration;
    }

    /// <summary>The cases in single precision, where they differ (a stable domain scaled into float's range), or null
    /// for the same cases in both precisions.</summary>
    public Gen<T>? SingleGenerator { get; init; }

    /// <summary>One case's outcome; a "not implemented" or error answer of the subject becomes the outcome.</summary>
    /// <param name="c">The case.</param>
    /// <param name="context">The context.</param>
    /// <returns>The outcome.</returns>
    public CaseOutcome Evaluate(T c, CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return evaluate(c, context.For(Tier));
        }
        catch (SubjectAnswerException e)
        {
            // The accurate tier only measures: an error there measures nothing (an infinite distance, undecided), and fails
            // only under --max-ulp.
            return e.Kind == AnswerKind.NotImplemented ? CaseOutcome.NotImplemented
                : Tier == Tier.Accurate && context.MaxUlp is null ? CaseOutcome.Inconclusive($"no value to measure: {e.Message}") with { Measure = double.PositiveInfinity }
                : CaseOutcome.Fail(e.Message) with { NotAsked = e.Kind == AnswerKind.NotAsked };
        }
    }

    /// <summary>The cases of a run: <paramref name="count"/> draws at FsCheck size 100 from the seed.</summary>
    /// <param name="count">How many.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The cases.</returns>
    /// <param name="precision">The precision judged: single draws from <see cref="SingleGenerator"/> when there is one.</param>
    public T[] Sample(int count, ulong seed, Precision precision = Precision.Binary64) =>
        [.. Gen.Sample(precision == Precision.Binary32 && SingleGenerator is { } single ? single : generator, count, new Rnd(seed, Gamma), 100)];

    /// <inheritdoc/>
    public override CheckRun Run(CheckContext context, int cases, ulong seed, Action<IReadOnlyList<SheetCall>>? prefetch = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = Stopwatch.StartNew();
        var sample = Sample(cases, seed, context.Precision);
        var log = new SheetDecorator(context.Subject, log: true);
        var logged = context with { Subject = log };
        if (prefetch is not null)
        {
            // The recording pass asks only the reference (stateless), so it runs on every core; the calls are merged in
            // case order, so the subject sees the same batches on every run.
            var parts = sample.Chunk(Math.Max(1, sample.Length / (4 * Environment.ProcessorCount))).ToArray();
            var recorded = new IReadOnlyList<SheetCall>[parts.Length];
            Parallel.For(0, parts.Length, k =>
            {
                var recorder = new SheetDecorator(context.Reference, log: true);
                var recording = context with { Subject = recorder };
                foreach (var c in parts[k])
                {
                    Evaluate(c, recording);
                }

                recorded[k] = [.. recorder.Calls];
            });
            prefetch([.. recorded.SelectMany(r => r)]);
        }

        // Every case is asked, whatever the first answered: a case answered "not implemented" is left out, not the check
        // (a network implemented for one activation is judged on that activation's cases).
        var outcomes = sample.Select(c => Evaluate(c, logged)).ToList();
        var run = CheckRun.Aggregate(this, outcomes, clock.Elapsed) with { NotImplementedFor = NotImplementedFor(sample, outcomes) };
        // The counterexample: the first failing case whose failure is about its input, not a request refused because
        // its function failed too often before.
        int failed = outcomes.FindIndex(o => o.Verdict == CheckVerdict.Fail && !o.NotAsked);
        failed = failed >= 0 ? failed : outcomes.FindIndex(o => o.Verdict == CheckVerdict.Fail);
        if (failed >= 0)
        {
            var (shrunk, outcome, steps) = Shrink(sample[failed], outcomes[failed], context);
            run = run with { Counterexample = describe(shrunk), Failure = outcome, Shrinks = steps, WithinSinglePrecision = WithinSingle(shrunk, context) };
            int worst = Enumerable.Range(0, outcomes.Count).Where(k => Excess(outcomes[k]) is not null).DefaultIfEmpty(-1).MaxBy(k => k < 0 ? 0 : Excess(outcomes[k])!.Value);
            if (worst >= 0 && describe(sample[worst]) is { } at && at != run.Counterexample)
            {
                run = run with { WorstFailure = outcomes[worst], WorstFailureAt = at };
            }
        }

        if (failed >= 0)
        {
            run = run with { Answers = log.Entries };
        }

        if (Tier == Tier.Accurate && outcomes.Count > 0)
        {
            int worst = Enumerable.Range(0, outcomes.Count).MaxBy(k => outcomes[k].Measure);
            run = run with { Worst = outcomes[worst].Measure, WorstRelative = outcomes[worst].RelativeError, WorstAt = describe(sample[worst]) };
        }

        return run with { Elapsed = clock.Elapsed };
    }

    /// <summary>How many times its tolerance a failed comparison of two numbers missed by, |got − expected|/tolerance;
    /// null for any other outcome (a range, a shape, a value not finite).</summary>
    private static double? Excess(CaseOutcome o) =>
        o.Verdict == CheckVerdict.Fail && o.Expected?.Value is { } e && o.Got is { } g && double.IsFinite(e) && double.IsFinite(g)
        && o.Tolerance is { Unit: SlackUnit.Absolute, Amount: > 0 } t ? Math.Abs(g - e) / t.Amount : null;

    /// <inheritdoc/>
    public override Property ToProperty(CheckContext context, CaseTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return Prop.ForAll(Arb.From(generator, shrinker), c =>
        {
            var o = Evaluate(c, context);
            tally.Add(o);
            return (o.Verdict != CheckVerdict.Fail).Label($"{Id}: {o.Summary} — at {describe(c)}");
        });
    }


    /// <summary>The configurations (the cases' <see cref="configuration"/>) some case of which was answered "not
    /// implemented", when others were implemented; empty when all or none were.</summary>
    private IReadOnlyList<string> NotImplementedFor(T[] sample, List<CaseOutcome> outcomes)
    {
        int missing = outcomes.Count(o => o.Verdict == CheckVerdict.NotImplemented);
        if (configuration is null || missing == 0 || missing == outcomes.Count)
        {
            return [];
        }

        var implemented = sample.Where((_, k) => outcomes[k].Verdict != CheckVerdict.NotImplemented).Select(configuration).ToHashSet(StringComparer.Ordinal);
        return [.. sample.Where((_, k) => outcomes[k].Verdict == CheckVerdict.NotImplemented).Select(configuration).Distinct().Where(c => !implemented.Contains(c)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Whether a case that failed in double passes in single precision (judged as <c>--precision single</c>
    /// would); false in single precision, and in the accurate tier.</summary>
    private bool WithinSingle(T c, CheckContext context)
    {
        if (context.Precision != Precision.Binary64 || Tier == Tier.Accurate || !ReferenceEquals(context.Reference, ReferenceSheet.Instance))
        {
            return false;
        }

        var single = context with { Model = ErrorModels.In(context.Model, Precision.Binary32), Precision = Precision.Binary32 };
        return Evaluate(c, single).Verdict == CheckVerdict.Pass;
    }

    /// <summary>Greedy shrinking: the first candidate that still fails becomes the new counterexample, until none does.</summary>
    private (T Case, CaseOutcome Outcome, int Steps) Shrink(T c, CaseOutcome outcome, CheckContext context)
    {
        int evaluations = 0, steps = 0;
        bool progressed = true;
        while (progressed && evaluations < MaxShrinkEvaluations)
        {
            progressed = false;
            foreach (var candidate in shrinker(c))
            {
                if (++evaluations > MaxShrinkEvaluations)
                {
                    break;
                }

                var o = Evaluate(candidate, context);
                if (o.Verdict == CheckVerdict.Fail && !o.NotAsked)
                {
                    (c, outcome, progressed) = (candidate, o, true);
                    steps++;
                    break;
                }
            }
        }

        return (c, outcome, steps);
    }
}

/// <summary>One check's run: its verdict, the counts per verdict, the smallest counterexample of a failure, the reason of
/// an inconclusive verdict, the diagnosis, and (accurate tier) the worst ulp distance and where.</summary>
/// <param name="Check">The check.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Cases">How many cases ran.</param>
/// <param name="Passed">How many passed.</param>
/// <param name="Failed">How many failed.</param>
/// <param name="Inconclusive">How many were inconclusive.</param>
/// <param name="NotImplemented">How many were not implemented.</param>
/// <param name="Elapsed">The time it took.</param>
internal sealed record CheckRun(Check Check, CheckVerdict Verdict, int Cases, int Passed, int Failed, int Inconclusive, int NotImplemented, TimeSpan Elapsed)
{
    /// <summary>A check passes only when at least this fraction of its implemented cases was decided; below it, the
    /// check as a whole is inconclusive. Half: most cases of every check decide for a right implementation (the battery
    /// against the reference is tested to be decisive), so a subject that leaves more undecided is worth a look, not a
    /// pass.</summary>
    public const double MinimumDecided = 0.5;

    /// <summary>A check passes only when at least this many cases were decided (all of them when it ran fewer): a subject
    /// that implements a few configurations only (one activation of eight) is judged on those, but on 20 cases at least,
    /// enough that a wrong formula, which fails nearly every case it touches, cannot hide.</summary>
    public const int MinimumDecidedCases = 20;

    /// <summary>The configurations some case of which was answered "not implemented" while others were implemented
    /// (e.g. "activation sigmoid, loss hinge").</summary>
    public IReadOnlyList<string> NotImplementedFor { get; init; } = [];

    /// <summary>The smallest failing case found, in words.</summary>
    public string? Counterexample { get; init; }

    /// <summary>The outcome at <see cref="Counterexample"/>.</summary>
    public CaseOutcome? Failure { get; init; }

    /// <summary>How many shrinking steps led to it.</summary>
    public int Shrinks { get; init; }

    /// <summary>The first reason an inconclusive case gave.</summary>
    public string? InconclusiveReason { get; init; }

    /// <summary>What failed inside the checker, when the verdict is <see cref="CheckVerdict.Error"/>.</summary>
    public string? Fault { get; init; }

    /// <summary>Why the check was not run, when the verdict is <see cref="CheckVerdict.NotRun"/>.</summary>
    public string? NotRunReason { get; init; }

    /// <summary>The known mistake the subject matches at every sampled case, when it failed.</summary>
    public string? Diagnosis { get; init; }

    /// <summary>Whether the counterexample of a failure in double precision passes when judged in single precision:
    /// every error of the case lies within single-precision bounds (a float32 computation, or an approximation of that
    /// accuracy).</summary>
    public bool WithinSinglePrecision { get; init; }

    /// <summary>The failed case that missed by the most times its tolerance, when it is not the counterexample (the
    /// counterexample is the smallest failing case, not the worst).</summary>
    public CaseOutcome? WorstFailure { get; init; }

    /// <summary>Where it was.</summary>
    public string? WorstFailureAt { get; init; }

    /// <summary>The worst ulp distance (accurate tier).</summary>
    public double? Worst { get; init; }

    /// <summary>The relative error at the worst case (accurate tier).</summary>
    public double? WorstRelative { get; init; }

    /// <summary>Where it was.</summary>
    public string? WorstAt { get; init; }

    /// <summary>Every call the subject answered during a failed run, with its answer, for the diagnosis.</summary>
    internal IReadOnlyList<(SheetCall Call, IAnswer Answer)>? Answers { get; init; }

    /// <summary>Counts the outcomes and decides the verdict: not-implemented when no case was implemented, fail when any
    /// failed, pass when at least <see cref="MinimumDecided"/> of the implemented ones and at least
    /// <see cref="MinimumDecidedCases"/> (or every case of a shorter run) passed, inconclusive otherwise.</summary>
    /// <param name="check">The check.</param>
    /// <param name="outcomes">The outcomes.</param>
    /// <param name="elapsed">The time.</param>
    /// <returns>The run, without counterexample or diagnosis.</returns>
    public static CheckRun Aggregate(Check check, IReadOnlyList<CaseOutcome> outcomes, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        int Count(CheckVerdict v) => outcomes.Count(o => o.Verdict == v);
        int passed = Count(CheckVerdict.Pass), failed = Count(CheckVerdict.Fail), inconclusive = Count(CheckVerdict.Inconclusive), missing = Count(CheckVerdict.NotImplemented);
        int implemented = outcomes.Count - missing;
        var verdict = implemented == 0 ? CheckVerdict.NotImplemented
            : failed > 0 ? CheckVerdict.Fail
            : passed >= MinimumDecided * implemented && passed >= Needed(outcomes.Count) ? CheckVerdict.Pass
            : CheckVerdict.Inconclusive;
        string? reason = outcomes.FirstOrDefault(o => o.Verdict == CheckVerdict.Inconclusive)?.Detail;
        if (verdict == CheckVerdict.Inconclusive && passed >= MinimumDecided * implemented)
        {
            reason = $"only {passed} cases were decided ({missing} not implemented); a pass needs {Needed(outcomes.Count)}";
        }

        return new CheckRun(check, verdict, outcomes.Count, passed, failed, inconclusive, missing, elapsed)
        {
            InconclusiveReason = reason,
            NotGiven = [.. outcomes.SelectMany(o => o.NotGiven).Distinct().Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>A check that was not run, with no cases.</summary>
    /// <param name="check">The check.</param>
    /// <param name="reason">Why not (the time budget was spent).</param>
    /// <returns>The run.</returns>
    public static CheckRun NotRun(Check check, string reason) =>
        new(check, CheckVerdict.NotRun, 0, 0, 0, 0, 0, TimeSpan.Zero) { NotRunReason = reason };

    /// <summary>The decided cases a pass needs: <see cref="MinimumDecidedCases"/>, or half of a shorter run.</summary>
    private static int Needed(int cases) => Math.Min(MinimumDecidedCases, (int)Math.Ceiling(MinimumDecided * cases));

    /// <summary>The parts of an answer the subject left out in some case (a network's "dx").</summary>
    public IReadOnlyList<string> NotGiven { get; init; } = [];
}
