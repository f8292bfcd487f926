using System.Globalization;
using FsCheck.Xunit;
using Microsoft.FSharp.Core;

namespace Calculus.Properties.Support;

/// <summary>Case counts and replay, shared by every property; set from the environment.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>VERIFY_PROPERTY_SCALE=N</c> multiplies every case count by N (nightly runs: 10 or more).</item>
/// <item><c>VERIFY_REPLAY="(seed,gamma)"</c> or <c>"(seed,gamma,size)"</c>, as FsCheck prints it after a failure,
/// replays that run; combine it with a filter for the one failing test. The battery's properties print it for a run
/// whose cases all passed but too few decided (<see cref="BatteryTheory"/>), which FsCheck never reports.</item>
/// <item><c>VERIFY_SEED=S</c> replays a battery run (the wrong-implementation tests print their seed).</item>
/// </list>
/// </remarks>
internal static class PropertySettings
{
    /// <summary>Cases per scalar property by default (the issue asks ≥ 1,000).</summary>
    public const int ScalarCases = 1000;

    /// <summary>Cases per vector or network property by default (the issue asks ≥ 200).</summary>
    public const int VectorCases = 200;

    /// <summary>The case-count multiplier, <c>VERIFY_PROPERTY_SCALE</c> (1 when unset).</summary>
    public static int Scale { get; } = ParseScale(Environment.GetEnvironmentVariable("VERIFY_PROPERTY_SCALE"));

    /// <summary>The replay string, <c>VERIFY_REPLAY</c> (null when unset), checked well-formed.</summary>
    public static string? Replay { get; } = ParseReplayText(Environment.GetEnvironmentVariable("VERIFY_REPLAY"));

    private static readonly ulong? FixedSeed = ParseSeed(Environment.GetEnvironmentVariable("VERIFY_SEED"));

    /// <summary>The seed of the battery runs (<c>VERIFY_SEED</c>, as a failure message prints it), or a fresh one.</summary>
    public static ulong Seed => FixedSeed ?? (ulong)Random.Shared.NextInt64();

    /// <summary>Reads every knob once when the test assembly loads; a malformed one stops the run with one line on
    /// standard error naming the variable, its value and the form expected, and exit code 2 (without this, a bad
    /// <c>VERIFY_REPLAY</c> failed every property with FsCheck's FormatException, and <c>VERIFY_PROPERTY_SCALE=abc</c>
    /// silently meant 1).</summary>
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void ValidateTheEnvironment()
    {
        try
        {
            _ = (Scale, Replay, FixedSeed);
        }
        catch (TypeInitializationException e) when (e.InnerException is KnobException knob)
        {
            Console.Error.WriteLine($"Calculus.Properties: {knob.Message}");
            Environment.Exit(2);
        }
    }

    /// <summary>A positive whole number, or 1 when unset or empty.</summary>
    /// <exception cref="KnobException">Anything else.</exception>
    internal static int ParseScale(string? text) =>
        string.IsNullOrEmpty(text) ? 1
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int s) && s > 0 ? s
        : throw new KnobException($"VERIFY_PROPERTY_SCALE='{text}' is not a positive whole number (it multiplies every property's case count, e.g. 10)");

    /// <summary>"(seed,gamma)" or "(seed,gamma,size)" as FsCheck prints it, or null when unset or empty.</summary>
    /// <exception cref="KnobException">Anything else.</exception>
    internal static string? ParseReplayText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        _ = ParseReplay(text);
        return text;
    }

    /// <summary>A whole number 0 … 2^64 − 1, or null when unset or empty.</summary>
    /// <exception cref="KnobException">Anything else.</exception>
    internal static ulong? ParseSeed(string? text) =>
        string.IsNullOrEmpty(text) ? null
        : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong s) ? s
        : throw new KnobException($"VERIFY_SEED='{text}' is not a whole number 0 … 18446744073709551615 (use the seed a failure message prints)");

    /// <summary>Checks a property with the given base case count, throwing (with FsCheck's seed) on failure.</summary>
    public static void Check(Property property, int cases) => CheckReplayable(property, cases);

    /// <summary>Checks a property as <see cref="Check"/> does, from a seed and gamma drawn here (or
    /// <c>VERIFY_REPLAY</c>'s), and returns what replays the whole run: the same cases in the same order, for a check
    /// made after the run (such as a count of decided cases) that FsCheck itself never reports.</summary>
    /// <param name="property">The property.</param>
    /// <param name="cases">The base case count (scaled by <see cref="Scale"/>).</param>
    /// <param name="replay">The run to replay; <see cref="Replay"/>, or a fresh seed, when null.</param>
    /// <returns>The environment that replays the run, e.g. <c>VERIFY_REPLAY="(1,3)"</c>.</returns>
    internal static string CheckReplayable(Property property, int cases, FsCheck.Replay? replay = null)
    {
        replay ??= Replay is null ? new FsCheck.Replay(new Rnd((ulong)System.Random.Shared.NextInt64()), FSharpOption<int>.None) : ParseReplay(Replay);
        var config = Config.QuickThrowOnFailure.WithMaxTest(cases * Scale).WithReplay(FSharpOption<FsCheck.Replay>.Some(replay));
        FsCheck.Check.One(config, property);
        string size = FSharpOption<int>.get_IsSome(replay.Size) ? $",{replay.Size.Value}" : "";
        return $"VERIFY_REPLAY=\"({replay.Rnd.Seed},{replay.Rnd.Gamma}{size})\"" + (Scale == 1 ? "" : $" VERIFY_PROPERTY_SCALE={Scale}");
    }

    internal static FsCheck.Replay ParseReplay(string text)
    {
        var parts = text.Trim().TrimStart('(').TrimEnd(')').Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is 2 or 3
            && ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed)
            && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out ulong gamma))
        {
            if (parts.Length == 2)
            {
                return new FsCheck.Replay(new Rnd(seed, gamma), FSharpOption<int>.None);
            }

            if (int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int size))
            {
                return new FsCheck.Replay(new Rnd(seed, gamma), FSharpOption<int>.Some(size));
            }
        }

        throw new KnobException($"VERIFY_REPLAY='{text}' is not a replay: expected \"(seed,gamma)\" or \"(seed,gamma,size)\" with whole numbers, as FsCheck prints it after a failure");
    }
}

/// <summary>A malformed test knob (environment variable); the message names it, its value and the form expected.</summary>
internal sealed class KnobException(string message) : Exception(message);

/// <summary>A property whose case count and replay come from <see cref="PropertySettings"/>.</summary>
#pragma warning disable xUnit3003 // FsCheck's PropertyAttribute has no caller-info constructor to forward to; source info is not needed here.
internal abstract class SheetPropertyAttribute : PropertyAttribute
#pragma warning restore xUnit3003
{
    protected SheetPropertyAttribute(int cases)
    {
        MaxTest = cases * PropertySettings.Scale;
        if (PropertySettings.Replay is not null)
        {
            Replay = PropertySettings.Replay;
        }
    }
}

#pragma warning disable xUnit3003 // As above: the base has no caller-info constructor either.

/// <summary>A property over scalars: 1,000 cases by default, scaled and replayed from the environment.</summary>
internal sealed class ScalarPropertyAttribute() : SheetPropertyAttribute(PropertySettings.ScalarCases);

/// <summary>A property over vectors, matrices or networks: 200 cases by default, scaled and replayed from the environment.</summary>
internal sealed class VectorPropertyAttribute() : SheetPropertyAttribute(PropertySettings.VectorCases);
#pragma warning restore xUnit3003
