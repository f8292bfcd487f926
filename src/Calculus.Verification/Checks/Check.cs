using Calculus.Checking;
using Calculus.Verification.Sheet;
using FsCheck;

namespace Calculus.Verification.Checks;

/// <summary>How strict a check is (docs/protocol.md, "Tiers").</summary>
public enum Tier
{
    /// <summary>The core domain: agrees with the reference and with central differences of its own values; the sheet's
    /// claims hold.</summary>
    Core,

    /// <summary>The whole double range: no NaN, ±∞ or error where the true value is finite, and within tolerance.</summary>
    Stable,

    /// <summary>The worst ulp distance from the reference: reported, failing only under <c>--max-ulp</c>.</summary>
    Accurate,
}

/// <summary>The verdict of one case or one check.</summary>
public enum CheckVerdict
{
    /// <summary>Every case decided passed (and enough were decided).</summary>
    Pass,

    /// <summary>A case failed; the smallest counterexample found is reported.</summary>
    Fail,

    /// <summary>The oracle could not decide (a kink in the stencil, a value not finite on both sides, …): never a failure.</summary>
    Inconclusive,

    /// <summary>The subject answered "not implemented".</summary>
    NotImplemented,
}

/// <summary>The outcome of one case.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="Detail">What was compared, or why it failed or could not be decided.</param>
/// <param name="Expected">The expected value, for a failure.</param>
/// <param name="Got">The subject's value, for a failure.</param>
/// <param name="Tolerance">The tolerance, for a failure.</param>
/// <param name="Measure">The ulp distance, for the accurate tier.</param>
public sealed record CaseOutcome(CheckVerdict Verdict, string? Detail = null, string? Expected = null, string? Got = null, string? Tolerance = null, double Measure = 0)
{
    /// <summary>A passing case.</summary>
    public static CaseOutcome Pass { get; } = new(CheckVerdict.Pass);

    /// <summary>Whether the case failed because the transport did not send its request (its function, or the run, had
    /// failed too often before): such a failure says nothing about the case's input, so shrinking does not follow it.</summary>
    public bool NotAsked { get; init; }

    /// <summary>The outcome in one line: what, and for a failure the expected and obtained values and the tolerance.</summary>
    public string Summary => Expected is null ? Detail ?? Verdict.ToString()
        : $"{Detail}: expected {Expected}, got {Got}, tolerance {Tolerance}";

    /// <summary>A not-implemented case.</summary>
    public static CaseOutcome NotImplemented { get; } = new(CheckVerdict.NotImplemented, Answer.NotImplementedMessage);

    /// <summary>A failed case.</summary>
    /// <param name="detail">What went wrong.</param>
    /// <param name="expected">The expected value.</param>
    /// <param name="got">The subject's value.</param>
    /// <param name="tolerance">The tolerance.</param>
    /// <returns>The outcome.</returns>
    public static CaseOutcome Fail(string detail, string? expected = null, string? got = null, string? tolerance = null) =>
        new(CheckVerdict.Fail, detail, expected, got, tolerance);

    /// <summary>A case the oracle could not decide.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The outcome.</returns>
    public static CaseOutcome Inconclusive(string reason) => new(CheckVerdict.Inconclusive, reason);

    /// <summary>A gradient-check result as a case outcome, with every number of the comparison.</summary>
    /// <param name="result">The comparison.</param>
    /// <param name="what">What was compared, e.g. "f'(x) against the slope of your f".</param>
    /// <returns>The outcome.</returns>
    public static CaseOutcome From(CheckResult result, string what)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Verdict switch
        {
            Checking.Verdict.Pass => Pass,
            Checking.Verdict.Inconclusive => Inconclusive($"{what}: {result.Problem}"),
            _ => Fail($"{what} ({result.Oracle})", Generation.Show.R(result.Numeric), Generation.Show.R(result.Analytic), Generation.Show.R(result.Tolerance)),
        };
    }
}

/// <summary>What a check runs against: the subject, the reference it is compared with (the library, or a known mistake
/// when the runner diagnoses a failure), the error model of one elementary value, and the ulp limit of the accurate
/// tier.</summary>
/// <param name="Subject">The implementation under test.</param>
/// <param name="Reference">The implementation it is compared with.</param>
/// <param name="Model">The error allowed one elementary value of the subject.</param>
/// <param name="MaxUlp">The accurate tier's limit (<c>--max-ulp</c>), or null: then it only reports.</param>
public sealed record CheckContext(ISheet Subject, ISheet Reference, ElementaryError Model, double? MaxUlp = null)
{
    /// <summary>The subject checked against the library with the default tolerances.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns>The context.</returns>
    public static CheckContext For(ISheet subject) => new(subject, ReferenceSheet.Instance, ElementaryError.Student());
}

/// <summary>Thrown inside a case when the subject answers "not implemented" or an error: the runner turns it into the
/// case's outcome, so that checks read like straight-line code.</summary>
public sealed class SubjectAnswerException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Not implemented or error.</param>
    /// <param name="message">The subject's message.</param>
    public SubjectAnswerException(AnswerKind kind, string message)
        : base(message) => Kind = kind;

    /// <summary>Creates the exception (for serializers; prefer the other constructor).</summary>
    public SubjectAnswerException()
        : this(AnswerKind.Error, "the subject failed")
    {
    }

    /// <summary>Creates the exception (for serializers; prefer the other constructor).</summary>
    /// <param name="message">The message.</param>
    public SubjectAnswerException(string message)
        : this(AnswerKind.Error, message)
    {
    }

    /// <summary>Creates the exception (for serializers; prefer the other constructor).</summary>
    /// <param name="message">The message.</param>
    /// <param name="inner">The cause.</param>
    public SubjectAnswerException(string message, Exception inner)
        : base(message, inner) => Kind = AnswerKind.Error;

    /// <summary>Not implemented, or an error.</summary>
    public AnswerKind Kind { get; }
}

/// <summary>One named check of the battery: a sheet item, the function(s) it concerns, what it states, its tier and its
/// default number of cases.</summary>
public abstract class Check
{
    /// <summary>Creates the check.</summary>
    /// <param name="item">The sheet item, e.g. "1d".</param>
    /// <param name="function">The protocol name(s) of the function(s) it calls, e.g. "sigmoid" or "hinge, smooth-hinge".</param>
    /// <param name="name">What it states, e.g. "derivative matches the slope of your own values".</param>
    /// <param name="tier">Its tier.</param>
    /// <param name="cases">Its default number of cases.</param>
    /// <param name="independent">True when its oracle does not need the reference's value at the same point (central
    /// differences of the subject's own values, a stated claim): such checks prove something about the reference too.</param>
    protected Check(string item, string function, string name, Tier tier, int cases, bool independent)
    {
        Item = item;
        Function = function;
        Name = name;
        Tier = tier;
        Cases = cases;
        Independent = independent;
    }

    /// <summary>The sheet item, e.g. "1d".</summary>
    public string Item { get; }

    /// <summary>The function(s) it calls.</summary>
    public string Function { get; }

    /// <summary>What it states.</summary>
    public string Name { get; }

    /// <summary>Its tier.</summary>
    public Tier Tier { get; }

    /// <summary>Its default number of cases.</summary>
    public int Cases { get; }

    /// <summary>Whether its oracle is independent of the reference's value (see the constructor).</summary>
    public bool Independent { get; }

    /// <summary>"1d sigmoid: derivative matches the slope of your own values".</summary>
    public string Id => $"{Item} {Function}: {Name}";

    /// <summary>The check's id.</summary>
    /// <returns><see cref="Id"/>.</returns>
    public override string ToString() => Id;

    /// <summary>Draws the cases of one run, evaluates them, shrinks the first failure: the runner's part.</summary>
    /// <param name="context">Subject, reference, model.</param>
    /// <param name="cases">How many cases.</param>
    /// <param name="seed">The seed of this check's cases.</param>
    /// <param name="prefetch">Called with every request the cases will make, before they are evaluated (a process
    /// subject sends them in batches); null when the subject needs no prefetch.</param>
    /// <returns>The run.</returns>
    public abstract CheckRun Run(CheckContext context, int cases, ulong seed, Action<IReadOnlyList<SheetCall>>? prefetch = null);

    /// <summary>The check as an FsCheck property over the same generator and shrinker: it fails exactly when a case fails;
    /// every outcome is counted in <paramref name="tally"/>.</summary>
    /// <param name="context">Subject, reference, model.</param>
    /// <param name="tally">Counts the outcomes.</param>
    /// <returns>The property.</returns>
    public abstract Property ToProperty(CheckContext context, CaseTally tally);

}

/// <summary>Counts case outcomes (for the property runner, which sees one case at a time).</summary>
public sealed class CaseTally
{
    private readonly Dictionary<CheckVerdict, int> counts = [];

    /// <summary>The first reason an inconclusive case gave.</summary>
    public string? FirstInconclusive { get; private set; }

    /// <summary>How many cases had this verdict.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>The count.</returns>
    public int this[CheckVerdict verdict] => counts.GetValueOrDefault(verdict);

    /// <summary>Counts one outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    public void Add(CaseOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        counts[outcome.Verdict] = this[outcome.Verdict] + 1;
        if (outcome.Verdict == CheckVerdict.Inconclusive)
        {
            FirstInconclusive ??= outcome.Detail;
        }
    }
}
