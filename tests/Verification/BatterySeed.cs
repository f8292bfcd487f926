using System.Globalization;

namespace Calculus.Verification.Tests;

/// <summary>The seed of a battery run in a test: <c>VERIFY_SEED</c> when set, else a fresh one, as in tests/Properties
/// (<c>PropertySettings.Seed</c>). A test prints it as "seed S" in every assertion message, the form
/// scripts/seed-sweep collects, and <c>VERIFY_SEED=S</c> replays the run.</summary>
internal static class BatterySeed
{
    /// <summary>The variable that fixes the seed.</summary>
    public const string Variable = "VERIFY_SEED";

    /// <summary>The seed: <c>VERIFY_SEED</c>, or a fresh one when it is unset or empty.</summary>
    /// <exception cref="InvalidOperationException">VERIFY_SEED is set to something else than a whole number.</exception>
    public static ulong Next() => Parse(Environment.GetEnvironmentVariable(Variable)) ?? (ulong)Random.Shared.NextInt64();

    /// <summary>A whole number 0 … 2^64 − 1, or null when unset or empty.</summary>
    /// <exception cref="InvalidOperationException">Anything else; the message names the variable and the form expected.</exception>
    public static ulong? Parse(string? text) =>
        string.IsNullOrEmpty(text) ? null
        : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong s) ? s
        : throw new InvalidOperationException($"{Variable}='{text}' is not a whole number 0 … 18446744073709551615 (use the seed a failure message prints)");
}
