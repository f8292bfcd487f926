using Calculus.Verification.Generation;

namespace Calculus.Verification.Checks;

/// <summary>How far from what was expected a value may lie and still pass.</summary>
/// <param name="Amount">The distance; 0 for an exact match.</param>
/// <param name="Unit">Absolute, or in ulp (units in the last place).</param>
internal sealed record Slack(double Amount, SlackUnit Unit = SlackUnit.Absolute)
{
    /// <summary>An exact match.</summary>
    public static Slack Exact { get; } = new(0);

    /// <summary>"2.5E-10", "1 ulp" or "exact".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Unit == SlackUnit.Ulp ? $"{Show.R(Amount)} ulp" : Amount == 0 ? "exact" : Show.R(Amount);
}

/// <summary>The unit of a <see cref="Slack"/>.</summary>
internal enum SlackUnit
{
    /// <summary>The same unit as the value.</summary>
    Absolute,

    /// <summary>Units in the last place of the expected value.</summary>
    Ulp,
}
