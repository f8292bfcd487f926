using Calculus.Verification.Checks;

namespace Calculus.Verification.Running;

/// <summary>The highest level a function or an item reaches (docs/protocol.md, "Levels"), lowest first.</summary>
internal enum Level
{
    /// <summary>A core check fails: the formula is wrong.</summary>
    Fail,

    /// <summary>The formula is right (every core check holds), and a stable check fails.</summary>
    Core,

    /// <summary>Right over the whole range within the error model: no core or stable check fails.</summary>
    Stable,

    /// <summary>Stable, and within <c>--max-ulp</c> of the reference (only when it is given).</summary>
    Accurate,
}

/// <summary>Words and parsing of <see cref="Level"/>.</summary>
internal static class Levels
{
    /// <summary>The level as printed and as <c>--require</c> takes it: FAIL, core, stable, accurate.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The word.</returns>
    public static string Word(this Level level) => level == Level.Fail ? "FAIL" : level.ToString().ToLowerInvariant();

    /// <summary>The level a tier's checks all passing reaches.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>core, stable or accurate.</returns>
    public static Level Of(Tier tier) => tier switch
    {
        Tier.Core => Level.Core,
        Tier.Stable => Level.Stable,
        _ => Level.Accurate,
    };

    /// <summary>The level below which a failure of this tier leaves the item: a core failure leaves it at FAIL, a stable
    /// one at core, an accurate one at stable.</summary>
    /// <param name="tier">The failing check's tier.</param>
    /// <returns>The level.</returns>
    public static Level Below(Tier tier) => tier switch
    {
        Tier.Core => Level.Fail,
        Tier.Stable => Level.Core,
        _ => Level.Stable,
    };

    /// <summary>The level of <c>--require</c>: core, stable or accurate; null for any other word.</summary>
    /// <param name="word">The option's value.</param>
    /// <returns>The level, or null.</returns>
    public static Level? Parse(string word) => word switch
    {
        "core" => Level.Core,
        "stable" => Level.Stable,
        "accurate" => Level.Accurate,
        _ => null,
    };
}
