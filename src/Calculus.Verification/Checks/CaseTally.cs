namespace Calculus.Verification.Checks;

/// <summary>Counts case outcomes (for the property runner, which sees one case at a time).</summary>
internal sealed class CaseTally
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
