using System.Text.Json;
using Calculus.Cli.Common;
using Calculus.Cli.Tests.Support;
using Calculus.Networks;
using Calculus.Verification.Sheet;

namespace Calculus.Cli.Tests.Verify;

/// <summary>A fault of the checker (an exception inside verify, not the subject's doing) exits 3, neither a pass (0) nor
/// a failure of the subject (1): once it was an inconclusive check, and a run with a crash inside could exit 0.</summary>
public sealed class CheckerFaultTests
{
    [Fact]
    public void Verify_WithAFaultInsideTheChecker_ExitsThree_WithTheMessageAndTheReplayLine()
    {
        // The reference as the subject, and the sheet verify checks wrapped so that every tanh answer throws inside verify;
        // the precision is given, so that the probe of --precision auto, which asks tanh before any check, does not meet
        // the fault first (there it would be a fault outside the checks, as below).
        var (code, output, error, json) = Verify(sheet => new SheetDecorator(sheet, call => call.Function == "tanh" ? throw new InvalidOperationException("a fault planted by the test") : null), "--precision", "double");

        Assert.True(code == ExitCodes.CheckerFault, $"{code}: {output}{error}");
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("calculus: internal error of the checker (InvalidOperationException: a fault planted by the test); please report it with the replay line (in ", line, StringComparison.Ordinal);
        Assert.Contains("first 2a ", line, StringComparison.Ordinal);
        Assert.Contains("): replay: calculus verify --exec ", line, StringComparison.Ordinal);
        Assert.EndsWith(" --seed 3 --only 2a,2c --cases 40 --precision double", line.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("ERROR", output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(json!);
        var verdicts = report.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("item").GetString()!, i => i.GetProperty("verdict").GetString());
        Assert.Equal("error", verdicts["2a"]);
        Assert.Equal("pass", verdicts["2c"]);
    }

    [Fact]
    public void Verify_WithAFaultOutsideTheChecks_ExitsThree_WithOneLine_AndNoStackTrace()
    {
        var (code, output, error, json) = Verify(_ => throw new InvalidOperationException("a fault planted by the test"));
        Assert.True(code == ExitCodes.CheckerFault, $"{code}: {output}{error}");
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("calculus: internal error of the checker (InvalidOperationException: a fault planted by the test); please report it with: replay: calculus verify --exec ", line, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(json!); // the result file is written at this exit too, with the reason
        Assert.Equal(line["calculus: ".Length..], report.RootElement.GetProperty("error").GetString());
        Assert.Equal(ExitCodes.CheckerFault, report.RootElement.GetProperty("exit_code").GetInt32());
    }

    /// <summary><c>calculus verify</c> of <c>calculus serve</c> on 2a and 2c, the sheet it checks wrapped by
    /// <paramref name="wrap"/>, with <paramref name="options"/>: the exit code, the streams and the JSON report (null when none was written).</summary>
    private static (int Code, string Output, string Error, string? Json) Verify(Func<ISheet, ISheet> wrap, params string[] options)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        string json = folder.File("verify.json");
        string mark = $"{SubjectGuard.Variable}={Guid.NewGuid():N}";
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(""), output, error, (w, b, wo, x, y, a, l) => Network.Gradient(w, b, wo, x, y, a, l), VerifiedSheet: wrap);
        try
        {
            int code = CliApp.Run(["verify", "--exec", $"{mark} {SubjectCommands.Serve()}", "--only", "2a,2c", "--cases", "40", "--seed", "3", "--json", json, .. options], context);
            return (code, output.ToString(), error.ToString(), File.Exists(json) ? File.ReadAllText(json) : null);
        }
        finally
        {
            SubjectGuard.Kill(mark);
        }
    }
}
