using Calculus.Verification.Checks;
using Calculus.Verification.Running;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Tests;

/// <summary>Every check of the battery against a subject whose answers to one function have the wrong shape: each core
/// and stable check fails with the reason "wrong shape: …", and so does the item; none is inconclusive from an exception
/// inside the checker, none passes. The accurate tier (only a report without --max-ulp) reports the distance ∞.</summary>
public sealed class WrongShapeBatteryTests
{
    /// <summary>Enough to reach every request a check makes: a wrong shape fails the first case.</summary>
    private const int Cases = 3;

    /// <summary>One too many, one too few and nested, for every function and every key of the network and gd-step
    /// answers; a row too long for the matrices.</summary>
    public static TheoryData<string, string?, string> Subjects()
    {
        string[] reshapes = [nameof(Reshapes.TooMany), nameof(Reshapes.TooFew), nameof(Reshapes.Nested)];
        var data = new TheoryData<string, string?, string>();
        foreach (var (function, key) in SheetFunctions.Names.Concat(["label-logistic", "logsumexp", "affine", "affine-partial"]).Select(f => (f, (string?)null))
            .Concat([("network", "dW"), ("network", "db"), ("network", "dw"), ("network", "dx"), ("gd-step", "W"), ("gd-step", "b"), ("gd-step", "w")]))
        {
            foreach (string reshape in reshapes)
            {
                data.Add(function, key, reshape);
            }
        }

        data.Add("network", "loss", nameof(Reshapes.Nested));
        data.Add("network", "dW", nameof(Reshapes.RowTooLong));
        data.Add("gd-step", "W", nameof(Reshapes.RowTooLong));
        data.Add("gd-step", "b", nameof(Reshapes.Missing));
        return data;
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void EveryCheckOfTheFunction_FailsWithTheWrongShape_NeverInconclusive(string function, string? key, string reshape)
    {
        var checks = Battery.All.Where(c => c.Functions.Contains(function)).ToList();
        Assert.NotEmpty(checks);
        var result = BatteryRunner.Run(new ShapeSheet(function, key, Reshapes.All[reshape]), new VerifySettings(checks, 1, Cases, ErrorModels.Verify(), null));
        Assert.All(result.Runs, r =>
        {
            string what = $"{r.Check.Id}: {r.Verdict} {r.Failure?.Summary} {r.InconclusiveReason}";
            if (r.Check.Tier == Tier.Accurate)
            {
                // The accurate tier measures values: with none to measure it reports an infinite distance and no pass.
                Assert.True(r.Verdict == CheckVerdict.Inconclusive && r.Worst == double.PositiveInfinity, what);
            }
            else
            {
                Assert.True(r.Verdict == CheckVerdict.Fail && r.Failure!.Detail!.StartsWith("wrong shape: ", StringComparison.Ordinal), what);
            }
        });
        Assert.All(result.Items, item => Assert.Equal(CheckVerdict.Fail, result.VerdictOf(item)));
    }

    [Theory]
    [InlineData("dW", "∂L/∂W matches the reference, entry by entry")]
    [InlineData("db", "∂L/∂b matches the reference, entry by entry")]
    [InlineData("dw", "∂L/∂w matches the reference, entry by entry")]
    [InlineData("dx", "∂L/∂x matches the reference, entry by entry")]
    [InlineData("loss", "loss L matches the reference (σ, logistic loss, h, d ≤ 8, weights at scale 0.1, 1, 3)")]
    public void ANetworkKeyLeftOut_IsNotImplemented_AndTheOtherChecksStillDecide(string key, string check)
    {
        var result = BatteryRunner.Run(new ShapeSheet("network", key, Reshapes.Missing), new VerifySettings(Battery.For(["1f"]), 1, Cases, ErrorModels.Verify(), null));
        Assert.Equal(CheckVerdict.NotImplemented, result.Runs.Single(r => r.Check.Name == check).Verdict);
        Assert.All(result.Runs, r => Assert.True(r.Verdict is CheckVerdict.Pass or CheckVerdict.NotImplemented, $"{r.Check.Id}: {r.Verdict} {r.Failure?.Summary} {r.InconclusiveReason}"));
    }
}
