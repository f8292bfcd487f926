using Calculus.Activations;
using Calculus.Checking;
using Calculus.Verification.Checks;
using Calculus.Verification.Diagnosis;
using Calculus.Verification.Reports;
using Calculus.Verification.Running;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Tests;

/// <summary>The stable tier judges the tails relatively (docs/protocol.md, "Tolerances"): where the true value is a
/// normal double no absolute slack hides a floor, a clamp or a form that cancels, so each of these right-in-the-middle
/// implementations reaches core (its formula is right where |x| ≤ 20) and not stable; with <c>--atol</c> given, the old
/// absolute slack forgives them again.</summary>
public sealed class TailsTests
{
    private const int Cases = 1000;

    private static VerifyResult Run(ISheet subject, ulong seed, string item, double? absolute = null) =>
        BatteryRunner.Run(subject, new VerifySettings(Battery.For([item]), seed, Cases, ErrorModels.Verify(absolute: absolute), null));

    /// <summary>σ(x) floored at 1e-20 below x = −46 (σ(−100) is 3.7e-44).</summary>
    private static ISheet FlooredSigmoid() => MutantSheet.Scalars("sigmoid", value: x => x < -46 ? 1e-20 : Sigmoid.Value(x));

    /// <summary>σ(x) clamped to 0 below −44 and to 1 above 44.</summary>
    private static ISheet ClampedSigmoid() => MutantSheet.Scalars("sigmoid", value: x => x < -44 ? 0 : x > 44 ? 1 : Sigmoid.Value(x));

    /// <summary>tanh'(x) = 1 − tanh²(x): 0 from |x| = 19.06 on, where the true value is 4e^(−2|x|) (1.7e-17 at 20).</summary>
    private static ISheet TextbookTanhDerivative() => MutantSheet.Scalars("tanh", derivative: x => 1 - (Math.Tanh(x) * Math.Tanh(x)));

    /// <summary>tanh(x) = (e^(2x) − 1)/(e^(2x) + 1) (NaN beyond 355 aside): tanh(1e-17) = 0, all its digits lost near 0.</summary>
    private static ISheet CancellingTanh() => MutantSheet.Scalars("tanh", value: x => Math.Abs(x) > 300 ? Math.Sign(x) : (Math.Exp(2 * x) - 1) / (Math.Exp(2 * x) + 1));

    public static TheoryData<string, string> Defects() => new()
    {
        { "sigmoid floored at 1e-20", "1d" },
        { "sigmoid clamped at |x| = 44", "1d" },
        { "1 − tanh²", "2a" },
        { "tanh by (e^(2x) − 1)/(e^(2x) + 1)", "2a" },
    };

    private static ISheet Subject(string defect) => defect switch
    {
        "sigmoid floored at 1e-20" => FlooredSigmoid(),
        "sigmoid clamped at |x| = 44" => ClampedSigmoid(),
        "1 − tanh²" => TextbookTanhDerivative(),
        _ => CancellingTanh(),
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public void DefectInTheTails_ReachesCore_NotStable(string defect, string item)
    {
        foreach (ulong seed in new ulong[] { 1, 2, 3 })
        {
            var r = Run(Subject(defect), seed, item);
            var failed = r.Runs.Where(k => k.Verdict == CheckVerdict.Fail).Select(k => $"{k.Check.Id} ({k.Check.Tier}): {k.Failure?.Summary}").ToList();
            Assert.True(r.LevelOf(item) == Level.Core, $"{defect}, seed {seed}: {r.LevelOf(item)}; {string.Join("; ", failed)}");
        }
    }

    /// <summary>The same defects pass the stable tier when <c>--atol 2^-48</c> gives back the absolute slack: the
    /// relative tails, not another change, catch them.</summary>
    [Theory]
    [MemberData(nameof(Defects))]
    public void DefectInTheTails_WithAnAbsoluteTolerance_ReachesStable(string defect, string item)
    {
        var r = Run(Subject(defect), 1, item, Tolerances.DefaultAbsolute);
        Assert.Equal(Level.Stable, r.LevelOf(item));
    }

    /// <summary>The reference and the reference computed in float32 (judged single) stay stable: the relative tails
    /// raise no false alarm on a right stable implementation.</summary>
    [Theory]
    [InlineData("1d")]
    [InlineData("2a")]
    [InlineData("2b")]
    [InlineData("2e")]
    [InlineData("3b")]
    [InlineData("3c")]
    public void RightImplementations_StayStable(string item)
    {
        foreach (ulong seed in new ulong[] { 1, 2, 3 })
        {
            Assert.Equal(Level.Stable, Run(ReferenceSheet.Instance, seed, item).LevelOf(item));
            var single = BatteryRunner.Run(new SinglePrecisionSheet(ReferenceSheet.Instance),
                new VerifySettings(Battery.For([item]), seed, Cases, ErrorModels.Verify(), null, Precision.Binary32));
            Assert.Equal(Level.Stable, single.LevelOf(item));
        }
    }

    /// <summary>The counterexample is the smallest failing case the shrinker reaches; beside it the run keeps the case
    /// that missed by the most times its tolerance, which the report shows with its relative error.</summary>
    [Fact]
    public void AFailure_ReportsTheWorstCaseSeen_BesideTheShrunkOne()
    {
        var r = Run(TextbookTanhDerivative(), 1, "2a");
        var run = r.Runs.Single(k => k.Verdict == CheckVerdict.Fail && k.Check.Name.StartsWith("derivative over the whole", StringComparison.Ordinal));
        static double Excess(CaseOutcome o) => Math.Abs(o.Got!.Value - o.Expected!.Value!.Value) / o.Tolerance!.Amount;
        var worst = Assert.IsType<CaseOutcome>(run.WorstFailure);
        Assert.NotEqual(run.Counterexample, run.WorstFailureAt);
        Assert.True(Excess(worst) >= Excess(run.Failure!), $"worst {worst.Summary} at {run.WorstFailureAt}; shrunk {run.Failure!.Summary}");
        Assert.Contains(VerifyReports.Details(run), line => line.StartsWith($"worst case seen: {run.WorstFailureAt}: ", StringComparison.Ordinal) && line.Contains("(relative error ", StringComparison.Ordinal));
    }

    /// <summary>The naive hinge' (t &lt; 1 ? −1 : 0) answers 0 at NaN, as the known mistake max(0, −t) does: agreeing where
    /// the right answer is NaN is no evidence of a formula, so the failure of "NaN in, NaN out" names no mistake (it once
    /// named that one).</summary>
    [Fact]
    public void ANaNOnlyFailure_NamesNoMistake()
    {
        var r = BatteryRunner.Run(new Subjects.NaiveSheet(), new VerifySettings(Battery.For(["3b", "2c"]), 5, 300, ErrorModels.Verify(), null));
        var nan = r.Runs.Where(k => k.Check.Name.StartsWith("NaN in, NaN out", StringComparison.Ordinal) && k.Verdict == CheckVerdict.Fail).ToList();
        Assert.Contains(nan, k => k.Check.Functions.Contains("hinge"));
        Assert.All(nan, k => Assert.Null(k.Diagnosis));
    }
}
