namespace Calculus.Verification.Checks;

/// <summary>How strict a check is (docs/protocol.md, "Tiers").</summary>
internal enum Tier
{
    /// <summary>The core domain: agrees with the reference and with central differences of its own values; the sheet's
    /// claims hold.</summary>
    Core,

    /// <summary>The whole double range: no NaN, ±∞ or error where the true value is finite, and within tolerance.</summary>
    Stable,

    /// <summary>The worst ulp distance from the reference: reported, failing only under <c>--max-ulp</c>.</summary>
    Accurate,
}
