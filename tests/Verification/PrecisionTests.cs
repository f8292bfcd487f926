using Calculus.Checking;
using Calculus.Losses;
using Calculus.Verification.Checks;
using Calculus.Verification.Diagnosis;
using Calculus.Verification.Running;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Tests;

/// <summary>Levels, precision and the core tolerance (docs/protocol.md, "Levels" and "Precision"): a right solution in
/// float32 (inputs and results rounded to float, <see cref="SinglePrecisionSheet"/>) reaches stable when judged single,
/// and <c>--precision auto</c> judges it so; a wrong formula in float32 still fails core; a right formula computed with a
/// bounded approximation reaches core, not stable; every known mistake stays below the level it was caught at.</summary>
public sealed class PrecisionTests
{
    private const int Cases = 200;

    private static VerifyResult Run(ISheet subject, ulong seed, Precision? precision, params string[] items) =>
        BatteryRunner.Run(subject, new VerifySettings(items.Length == 0 ? Battery.All : Battery.For(items), seed, Cases, ErrorModels.Verify(), null, precision));

    private static string Levels(VerifyResult r) => string.Join(", ", r.Items.Select(i => $"{i} {r.LevelOf(i)?.Word() ?? "-"}"));

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Float32Solution_Auto_IsJudgedSingle_AndReachesStableOnEveryItem(ulong seed)
    {
        var r = Run(new SinglePrecisionSheet(ReferenceSheet.Instance), seed, precision: null);
        Assert.Equal(Precision.Binary32, r.Precision);
        Assert.True(r.Items.All(i => r.LevelOf(i) == Level.Stable), Levels(r));
    }

    [Fact]
    public void ReferenceInDouble_Auto_IsJudgedDouble()
    {
        var r = Run(ReferenceSheet.Instance, 1, precision: null, "1d");
        Assert.Equal(Precision.Binary64, r.Precision);
        Assert.Equal(Level.Stable, r.LevelOf("1d"));
    }

    [Fact]
    public void Float32Solution_JudgedDouble_StableFailuresSayTheyAreWithinSinglePrecision()
    {
        var r = Run(new SinglePrecisionSheet(ReferenceSheet.Instance), 1, Precision.Binary64, "1d", "2a");
        Assert.Equal(Level.Core, r.LevelOf("1d"));
        Assert.Equal(Level.Core, r.LevelOf("2a"));
        var failed = r.Runs.Where(k => k.Verdict == CheckVerdict.Fail).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, k => Assert.True(k.Check.Tier == Tier.Stable && k.WithinSinglePrecision, $"{k.Check.Id}: {k.Failure?.Summary}"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Precision.Binary32)]
    public void Float32Solution_WithSigmaTimesOnePlusSigma_FailsCore(Precision? precision)
    {
        var mistake = KnownMistakes.Find("sigmoid-1");
        var r = Run(new SinglePrecisionSheet(mistake.Sheet), 3, precision, "1d");
        Assert.Equal(Level.Fail, r.LevelOf("1d"));
    }

    /// <summary>The logistic loss with the classic cut-offs at |t| = 18: ℓ(t) = −t and ℓ'(t) = −1 below −18, e^(−t) and
    /// −e^(−t) above 18: a relative error of up to e^(−18) = 1.5e-8, a right formula approximated.</summary>
    private static ISheet CutOffLogistic() => MutantSheet.Scalars("logistic",
        value: t => t < -18 ? -t : t > 18 ? Math.Exp(-t) : LogisticLoss.Value(t),
        derivative: t => t < -18 ? -1 : t > 18 ? -Math.Exp(-t) : LogisticLoss.Derivative(t));

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void LogisticWithCutOffsAt18_ReachesCore_NotStable(ulong seed)
    {
        var r = Run(CutOffLogistic(), seed, Precision.Binary64, "3c");
        Assert.Equal(Level.Core, r.LevelOf("3c"));
    }

    public static TheoryData<string> Mistakes() => [.. KnownMistakes.All.Select(m => m.Id)];

    /// <summary>The literal forms the sheet prints (f_e = −y·e^(−ya)·σ(ya), NaN beyond ya ≤ −709.8) and log-sum-exp
    /// without the shift are right formulas that break in the tails: they reach core, not stable. Every other known
    /// mistake is a wrong formula, off by far more than the core tolerance: its item FAILs.</summary>
    [Theory]
    [MemberData(nameof(Mistakes))]
    public void KnownMistake_StaysBelowTheLevelItBreaks(string id)
    {
        var mistake = KnownMistakes.Find(id);
        var checks = Battery.For([mistake.Item]).Where(c => c.Tier != Tier.Accurate && c.Functions.Contains(mistake.Function)).ToList();
        var r = BatteryRunner.Run(mistake.Sheet, new VerifySettings(checks, 5, Cases, ErrorModels.Verify(), null));
        bool tailsOnly = mistake.Description.Contains("literal", StringComparison.Ordinal) || mistake.Description.Contains("without the shift", StringComparison.Ordinal);
        Assert.True(r.LevelOf(mistake.Item) == (tailsOnly ? Level.Core : Level.Fail), $"{mistake}: {Levels(r)}");
    }
}
