using System.Text.Json;
using Calculus.Verification.Checks;
using Calculus.Verification.Reports;
using Calculus.Verification.Running;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Tests;

/// <summary>A fault of the checker is an error, not a verdict on the subject: once it was reported as inconclusive, and a
/// run with a crash inside could exit 0 and count as a pass.</summary>
public sealed class CheckerFaultTests
{
    [Fact]
    public void AnExceptionInsideACheck_IsAnError_WithTheMessage_AndTheOtherItemsKeepTheirVerdicts()
    {
        // The reference, with tanh's answers replaced by an exception: as if the checker had a bug there.
        var faulty = new SheetDecorator(ReferenceSheet.Instance, call => call.Function == "tanh" ? throw new InvalidOperationException("a fault planted by the test") : null);
        var result = BatteryRunner.Run(faulty, new VerifySettings(Battery.For(["2a", "2c"]), 3, 40, ErrorModels.Verify(), null));

        Assert.All(result.Runs.Where(r => r.Check.Item == "2a"), r => Assert.Equal(CheckVerdict.Error, r.Verdict));
        Assert.Equal(CheckVerdict.Error, result.VerdictOf("2a"));
        Assert.Equal(CheckVerdict.Pass, result.VerdictOf("2c"));
        Assert.False(result.Failed); // not the subject's failure,
        Assert.False(result.PassedInFull); // nor a pass
        var fault = result.Faults.First();
        Assert.Equal("internal error of the checker (InvalidOperationException: a fault planted by the test); please report it with the replay line", fault.Fault);

        Assert.Contains("ERROR", VerifyReports.Console(result), StringComparison.Ordinal);
        Assert.Contains(fault.Fault!, VerifyReports.Details(fault), StringComparer.Ordinal);
        using var json = JsonDocument.Parse(VerifyReports.Json(result));
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "2a");
        Assert.Equal("error", item.GetProperty("verdict").GetString());
        Assert.Equal(fault.Fault, item.GetProperty("checks")[0].GetProperty("reason").GetString());
        Assert.Contains("<error message=\"internal error of the checker (InvalidOperationException", VerifyReports.JUnit(result), StringComparison.Ordinal);
    }
}
