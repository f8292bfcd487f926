using System.Text.Json;
using Calculus.Functions;
using Calculus.Verification.Checks;
using Calculus.Verification.Diagnosis;
using Calculus.Verification.Reports;
using Calculus.Verification.Running;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Tests;

/// <summary>A failure's numbers stay numbers until a report formats them: the JSON carries them as JSON numbers (a range
/// as its ends, a non-finite value as the protocol's string), and the console and markdown show them round-trip.</summary>
public sealed class VerifyReportsTests
{
    private static CheckRun Failed(ISheet subject, string item, Func<Check, bool> which)
    {
        var check = Battery.For([item]).First(which);
        var run = BatteryRunner.Run(subject, new VerifySettings([check], 3, 200, ErrorModels.Verify(), null)).Runs.Single();
        Assert.Equal(CheckVerdict.Fail, run.Verdict);
        return run;
    }

    private static JsonElement JsonOf(CheckRun run)
    {
        using var doc = JsonDocument.Parse(VerifyReports.Json(new VerifyResult(3, [run], TimeSpan.Zero)));
        return doc.RootElement.GetProperty("items")[0].GetProperty("checks")[0].Clone();
    }

    [Fact]
    public void AValueExpected_IsAJsonNumber_AsAreWhatCameAndTheTolerance()
    {
        var run = Failed(KnownMistakes.Find("sigmoid-1").Sheet, "1d", c => c.Name.StartsWith("derivative matches the reference", StringComparison.Ordinal));
        var f = run.Failure!;
        var json = JsonOf(run);
        Assert.Equal(JsonValueKind.Number, json.GetProperty("expected").ValueKind);
        Assert.Equal(f.Expected!.Value, json.GetProperty("expected").GetDouble());
        Assert.Equal(f.Got, json.GetProperty("got").GetDouble());
        Assert.Equal(f.Tolerance!.Amount, json.GetProperty("tolerance").GetDouble());
        Assert.False(json.TryGetProperty("tolerance_unit", out _));
        Assert.Contains($"expected {f.Expected.Value!.Value:R}, got {f.Got!.Value:R}, tolerance {f.Tolerance.Amount:R}", VerifyReports.Details(run).ElementAt(1), StringComparison.Ordinal);
    }

    [Fact]
    public void ARangeExpected_IsItsEnds()
    {
        var hinge = Catalog.Hinge;
        var outside = MutantSheet.Scalars("hinge", derivative: t => t == 1 ? 2.0 : hinge.Derivative(t));
        var run = Failed(outside, "3b", c => c.Functions.SequenceEqual(["hinge"]) && c.Name.StartsWith("at each kink", StringComparison.Ordinal));
        var expected = JsonOf(run).GetProperty("expected");
        Assert.Equal(-1.0, expected.GetProperty("lower").GetDouble());
        Assert.Equal(0.0, expected.GetProperty("upper").GetDouble());
        Assert.True(expected.GetProperty("lower_closed").GetBoolean());
        Assert.True(expected.GetProperty("upper_closed").GetBoolean());
        Assert.Equal(2.0, JsonOf(run).GetProperty("got").GetDouble());
        Assert.Equal("[-1, 0]", run.Failure!.Expected!.ToString());
    }

    [Fact]
    public void ANonFiniteValue_IsTheProtocolsString()
    {
        // The sheet's literal f_e overflows (∞, or ∞·0 = NaN) for ya ≤ −709.8: the stable check's failure carries it.
        var run = Failed(KnownMistakes.Find("label-logistic-4").Sheet, "1e", c => c.Tier == Tier.Stable && c.Name.StartsWith("f_e", StringComparison.Ordinal));
        double got = run.Failure!.Got!.Value;
        Assert.False(double.IsFinite(got), run.Failure.Summary);
        Assert.Equal(double.IsNaN(got) ? "NaN" : got > 0 ? "Infinity" : "-Infinity", JsonOf(run).GetProperty("got").GetString());
    }

    [Fact]
    public void ACheckOfTwoFunctions_ListsBoth()
    {
        var check = Battery.For(["2b"]).Single(c => c.Functions.Count == 2);
        Assert.Equal(["erf", "gaussian"], check.Functions);
        var run = BatteryRunner.Run(ReferenceSheet.Instance, new VerifySettings([check], 3, 50, ErrorModels.Verify(), null)).Runs.Single();
        var json = JsonOf(run);
        Assert.Equal(["erf", "gaussian"], json.GetProperty("functions").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("erf, gaussian", json.GetProperty("function").GetString());
    }

    [Theory]
    [InlineData(0.25, "0.25")]
    [InlineData(-0.1, "-0.1")]
    public void Expectation_OfOneValue_IsItsRoundTripText(double value, string text) => Assert.Equal(text, Expectation.Of(value).ToString());

    [Fact]
    public void Expectation_Bounds_ReadAsInequalities()
    {
        Assert.Equal("≥ 0.1", Expectation.AtLeast(0.1).ToString());
        Assert.Equal("≤ 3", Expectation.AtMost(3).ToString());
        Assert.Equal("> 0", Expectation.Above(0).ToString());
        Assert.Equal("< 0", Expectation.Below(0).ToString());
        Assert.Equal("[0, 0.6931471805599453]", Expectation.Between(0, Math.Log(2)).ToString());
        Assert.Equal("(0, 1)", new Expectation(Interval.Open(0, 1)).ToString());
        Assert.Null(Expectation.Between(0, 1).Value);
    }

    [Fact]
    public void Slack_ReadsAsItsUnit()
    {
        Assert.Equal("exact", Slack.Exact.ToString());
        Assert.Equal("1 ulp", new Slack(1, SlackUnit.Ulp).ToString());
        Assert.Equal("2.5E-10", new Slack(2.5e-10).ToString());
    }
}
