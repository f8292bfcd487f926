using System.Globalization;
using FsCheck.Xunit;
using Microsoft.FSharp.Core;

namespace Calculus.Properties.Support;

/// <summary>Case counts and replay, shared by every property; set from the environment.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>VERIFY_PROPERTY_SCALE=N</c> multiplies every case count by N (nightly runs: 10 or more).</item>
/// <item><c>VERIFY_REPLAY="(seed,gamma)"</c> or <c>"(seed,gamma,size)"</c>, as FsCheck prints it after a failure,
/// replays that run; combine it with a filter for the one failing test.</item>
/// <item><c>VERIFY_SEED=S</c> replays a battery run (the wrong-implementation tests print their seed).</item>
/// </list>
/// </remarks>
internal static class PropertySettings
{
    /// <summary>Cases per scalar property by default (the issue asks ≥ 1,000).</summary>
    public const int ScalarCases = 1000;

    /// <summary>Cases per vector or network property by default (the issue asks ≥ 200).</summary>
    public const int VectorCases = 200;

    public static int Scale { get; } = int.TryParse(
        Environment.GetEnvironmentVariable("VERIFY_PROPERTY_SCALE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) && s > 0 ? s : 1;

    public static string? Replay { get; } = Environment.GetEnvironmentVariable("VERIFY_REPLAY") is { Length: > 0 } r ? r : null;

    /// <summary>The seed of the battery runs (<c>VERIFY_SEED</c>, as a failure message prints it), or a fresh one.</summary>
    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("VERIFY_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong s)
        ? s : (ulong)Random.Shared.NextInt64();

    /// <summary>Checks a property with the given base case count, throwing (with FsCheck's seed) on failure.</summary>
    public static void Check(Property property, int cases)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(cases * Scale);
        if (Replay is not null)
        {
            config = config.WithReplay(FSharpOption<FsCheck.Replay>.Some(ParseReplay(Replay)));
        }

        FsCheck.Check.One(config, property);
    }

    private static FsCheck.Replay ParseReplay(string text)
    {
        var parts = text.Trim('(', ')', ' ').Split(',');
        var rnd = new Rnd(ulong.Parse(parts[0], CultureInfo.InvariantCulture), ulong.Parse(parts[1], CultureInfo.InvariantCulture));
        var size = parts.Length > 2 ? FSharpOption<int>.Some(int.Parse(parts[2], CultureInfo.InvariantCulture)) : FSharpOption<int>.None;
        return new FsCheck.Replay(rnd, size);
    }
}

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
