using Calculus.Checking;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Checks;

/// <summary>The outcome of one case, its numbers kept as numbers (the reports format them).</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="Detail">What was compared, or why it failed or could not be decided.</param>
/// <param name="Expected">What was expected, for a failure that compared a number.</param>
/// <param name="Got">The subject's number (or the difference the expectation is about), for such a failure.</param>
/// <param name="Tolerance">How far from the expectation the number could lie, for such a failure.</param>
/// <param name="Measure">The ulp distance, for the accurate tier.</param>
internal sealed record CaseOutcome(CheckVerdict Verdict, string? Detail = null, Expectation? Expected = null, double? Got = null, Slack? Tolerance = null, double Measure = 0)
{
    /// <summary>The relative error |got − expected|/|expected| against the reference, for the accurate tier (∞ where
    /// one value is not finite and the other is, or they differ in sign of infinity).</summary>
    public double RelativeError { get; init; }

    /// <summary>A passing case.</summary>
    public static CaseOutcome Pass { get; } = new(CheckVerdict.Pass);

    /// <summary>Whether the case failed because the transport did not send its request (its function, or the run, had
    /// failed too often before): such a failure says nothing about the case's input, so shrinking does not follow it.</summary>
    public bool NotAsked { get; init; }

    /// <summary>The parts of the answer the subject left out (a network's gradient keys), which the case could not
    /// judge.</summary>
    public IReadOnlyList<string> NotGiven { get; init; } = [];

    /// <summary>The outcome in one line: what, and for a failure the expected and obtained values and the tolerance.</summary>
    public string Summary => Expected is null ? Detail ?? Verdict.ToString()
        : $"{Detail}: expected {Expected}, got {(Got is { } g ? Generation.Show.R(g) : "nothing")}, tolerance {Tolerance}";

    /// <summary>A not-implemented case.</summary>
    public static CaseOutcome NotImplemented { get; } = new(CheckVerdict.NotImplemented, Answer.NotImplementedMessage);

    /// <summary>A failed case without a comparison of numbers (an error answer, a wrong shape).</summary>
    /// <param name="detail">What went wrong.</param>
    /// <returns>The outcome.</returns>
    public static CaseOutcome Fail(string detail) => new(CheckVerdict.Fail, detail);

    /// <summary>A failed comparison of a number.</summary>
    /// <param name="detail">What was compared.</param>
    /// <param name="expected">What was expected.</param>
    /// <param name="got">The subject's number.</param>
    /// <param name="tolerance">The absolute tolerance.</param>
    /// <returns>The outcome.</returns>
    public static CaseOutcome Fail(string detail, Expectation expected, double got, double tolerance) =>
        new(CheckVerdict.Fail, detail, expected, got, new Slack(tolerance));

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
            _ => Fail($"{what} ({result.Oracle.Description()})", Expectation.Of(result.Numeric), result.Analytic, result.Tolerance),
        };
    }
}
