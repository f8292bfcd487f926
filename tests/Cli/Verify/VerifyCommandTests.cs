using System.Text.Json;
using Calculus.Cli.Tests.Commands;
using Calculus.Cli.Tests.Support;
using Calculus.Verification.Checks;
using Calculus.Verification.Diagnosis;

namespace Calculus.Cli.Tests.Verify;

/// <summary><c>calculus verify</c> through real processes: the reference passes every check, known mistakes fail their
/// item and are named, misbehaving subjects are reported (never a crash of verify), and bad options are usage errors.</summary>
public sealed class VerifyCommandTests
{
    /// <summary>A reduced case count keeps each process run to a few seconds; the battery's power at the default counts is
    /// proved in-process (tests/Properties, tests/Verification's BatteryExamples).</summary>
    private const string Cases = "40";

    /// <summary>--timeout where a subject hangs (elsewhere verify's default, 10 s). The hang costs two timeouts
    /// (<see cref="Calculus.Verification.Protocol.ProcessSheet.MaxTimeoutsPerFunction"/>), and every other answer of the run
    /// must come within it: the reference answers each request within 50 ms on an idle 2-core machine (measured: at
    /// --timeout 0.02 some requests time out, at 0.05 none), so 4 s leaves a factor 80 for a machine shared with other
    /// builds, and the test waits 2 × 4 s.</summary>
    private const string HangTimeout = "4";

    [Fact]
    public void Verify_CalculusServe_PassesEveryCheck()
    {
        using var run = VerifyRun.Of(SubjectCommands.Serve(), "--cases", Cases, "--seed", "11");
        Assert.True(run.Result.ExitCode == 0, run.Result.Output + run.Result.Error);
        var checks = run.Checks.ToList();
        Assert.Equal(Battery.All.Count, checks.Count);
        Assert.All(checks, c => Assert.True(Templates.PassedOrReported(c.Check), $"{c.Item} {c.Check}"));
        Assert.All(Battery.Items, item => Assert.Equal("stable", run.ItemLevel(item)));
        Assert.Contains($"{Battery.Items.Count} items: {Battery.Items.Count} stable; {Battery.All.Count} checks in", run.Result.Output, StringComparison.Ordinal);
        Assert.Contains("precision: double (judged from your answers: 0 of 46 telling values are floats)", run.Result.Output, StringComparison.Ordinal);
        Assert.Contains("replay: calculus verify --exec", run.Result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sigmoid-1", "1d", "fail")]
    [InlineData("network-2", "1f", "fail")]
    [InlineData("label-logistic-4", "1e", "core")] // the sheet's literal f_e: right on the core domain, NaN for ya ≤ −709.8
    [InlineData("logsumexp-1", "3a", "core")] // without the shift: right on the core domain, ∞ from 709.8
    [InlineData("tanh-1", "2a", "fail")]
    public void Verify_AKnownMistakeServed_FailsItsItem_AndIsNamed(string id, string item, string level)
    {
        var mistake = KnownMistakes.Find(id);
        using var run = VerifyRun.Of(SubjectCommands.Serve($"--mistake {id}"), "--only", item, "--cases", "200", "--seed", "5", "--require", "stable");
        Assert.True(run.Result.ExitCode == 1, run.Result.Output + run.Result.Error);
        Assert.Equal("fail", run.ItemVerdict(item));
        Assert.Equal(level, run.ItemLevel(item));
        Assert.Contains(run.Checks, c => c.Check.TryGetProperty("diagnosis", out var d) && d.GetString() == mistake.Description);
        Assert.Contains($"diagnosis: your values agree with a known mistake at every sampled case: {mistake.Description}", run.Result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TheNaiveTextbookImplementation_ThroughTheProtocol_PassesEveryCoreCheck_AndExits0ByDefault()
    {
        using var run = VerifyRun.Of(SubjectCommands.Test("naive"), "--cases", "100", "--seed", "3");
        Assert.Equal(0, run.Result.ExitCode); // its stable failures, every one real, leave its items at core: the default bar
        Assert.All(Battery.Items, item => Assert.True(run.ItemLevel(item) is "core" or "stable", $"{item}: {run.ItemLevel(item)}"));
        Assert.Contains(Battery.Items, item => run.ItemLevel(item) == "core");
        var failed = run.Checks.Where(c => c.Check.GetProperty("verdict").GetString() == "fail").ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, c => Assert.Equal("stable", c.Check.GetProperty("tier").GetString()));
        Assert.All(run.Checks.Where(c => c.Check.GetProperty("tier").GetString() == "core"), c => Assert.Equal("pass", c.Check.GetProperty("verdict").GetString()));
    }

    /// <summary>The subjects that cost the most time, a hang (two timeouts) and a crash (twenty restarts of a .NET
    /// subject): in the full run (the graded class of GradeTests has a Python subject of each kind in the default run).</summary>
    [FullRunTheory]
    [InlineData("hang", "erf", "2b", $"no answer within {HangTimeout} s (--timeout)")]
    [InlineData("crash", "gaussian", "2g", "the subject exited (code 3) while answering")]
    public void Verify_ASubjectThatHangsOrCrashes_IsReported_AndTheOtherItemsStillPass(string mode, string function, string item, string message) =>
        Verify_AMisbehavingSubject_IsReported_AndTheOtherItemsStillPass(mode, function, item, message);

    [Theory]
    [InlineData("junk", "tanh", "2a", "the subject printed a line that is not a JSON object: \"debug: computing tanh\"")]
    [InlineData("shape", "sin", "2f", "wrong shape: 1 input needs 1 value; got 0")]
    [InlineData("long", "sin", "2f", "wrong shape: 1 input needs 1 value; got 2")] // not the first value taken
    [InlineData("nested", "logsumexp", "3a", "wrong shape: expected a number, got an array")]
    [InlineData("long", "network dx", "1f", "wrong shape: dx must have length")] // not an index out of range in the checker
    [InlineData("nested", "gd-step W", "4", "wrong shape: \"W\": expected a number, got an array")]
    public void Verify_AMisbehavingSubject_IsReported_AndTheOtherItemsStillPass(string mode, string function, string item, string message)
    {
        string[] timeout = mode == "hang" ? ["--timeout", HangTimeout] : [];
        using var run = VerifyRun.Of(SubjectCommands.Test(mode, function), ["--only", $"{item},2c", "--cases", "100", "--seed", "2", "--require", "stable", .. timeout]);
        Assert.True(run.Result.ExitCode == 1, run.Result.Output + run.Result.Error);
        Assert.Equal("fail", run.ItemVerdict(item));
        Assert.Equal("pass", run.ItemVerdict("2c"));
        Assert.Contains(run.Checks, c => c.Item == item && c.Check.TryGetProperty("failure", out var f) && f.GetString()!.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain("internal error of the checker", run.Result.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Result.Error);
    }

    [Fact]
    public void Verify_Only_NeedsEveryNamedItemImplementedInFull()
    {
        // A grade per item (--only): an item not implemented, or implemented in part, is not a pass; the whole sheet
        // without --only still exits 0 while items are missing.
        var full = SubjectGuard.Verify(SubjectCommands.Serve(), "--only", "2a", "--cases", Cases, "--seed", "3");
        Assert.True(full.ExitCode == 0, full.Output + full.Error);
        var noDx = SubjectGuard.Verify(SubjectCommands.Test("omit", "network dx"), "--only", "1f", "--cases", Cases, "--seed", "3");
        Assert.True(noDx.ExitCode == 1, noDx.Output + noDx.Error);
        Assert.Matches(@"\n1f +stable \(partial\) ", noDx.Output);
        Assert.Contains("not given in your answers: dx", noDx.Output, StringComparison.Ordinal);
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        string script = folder.File("empty.py");
        File.WriteAllText(script, "import json, sys\nfor line in sys.stdin:\n    print(json.dumps({'error': 'not implemented'}), flush=True)\n");
        if (SubjectCommands.Python is null)
        {
            Assert.Skip("python3 is not on the PATH");
        }

        var empty = SubjectGuard.Verify($"{SubjectCommands.Python} \"{script}\"", "--only", "1d", "--cases", Cases, "--seed", "3");
        Assert.True(empty.ExitCode == 1, empty.Output + empty.Error);
        Assert.Contains("1d    not-implemented", empty.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ASubjectThatPrintsABannerAfterARestart_IsNotAskedAgain_AndSaysWhy()
    {
        // Restarted after its crash, the subject prints a line before its answer to σ(0): taken as that answer, it would
        // shift every later answer by one request. Every request after it fails with the reason instead.
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        string marker = folder.File("crashed");
        using var run = VerifyRun.Of(SubjectCommands.Test("crash-then-banner", $"gaussian \"{marker}\""), "--only", "2g,3b", "--cases", "100", "--seed", "2");
        Assert.True(run.Result.ExitCode == 1, run.Result.Output + run.Result.Error);
        Assert.True(File.Exists(marker));
        Assert.Contains(run.Checks, c => c.Item == "2g" && c.Check.TryGetProperty("failure", out var f) &&
            f.GetString()!.Contains("the subject answered σ(0) with a line that is not a JSON object (\"my solution, version 1\") after a restart; not asked again", StringComparison.Ordinal));
        Assert.Equal("fail", run.ItemVerdict("3b")); // checked after 2g: every request after the failed restart fails at once
        Assert.DoesNotContain("   at ", run.Result.Output + run.Result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nosuchcommand-calculus", "calculus: the subject \"nosuchcommand-calculus\" exited (code 127) before answering its first request: /bin/sh: 1: nosuchcommand-calculus: not found")]
    [InlineData("exit 4", "calculus: the subject \"exit 4\" exited (code 4) before answering its first request")]
    public void Verify_ASubjectThatCannotStart_IsExit2_InOneLine(string command, string expected)
    {
        var r = CliRunner.Run("", "verify", "--exec", command);
        Assert.Equal(expected, CliRunner.AssertUsageError(r));
        Assert.Equal("", r.Output);
    }

    [Fact]
    public void Verify_ASubjectThatPrintsABannerFirst_CannotStart()
    {
        string line = CliRunner.AssertUsageError(SubjectGuard.Verify(SubjectCommands.Test("banner")));
        Assert.EndsWith("answered its first request with a line that is not a JSON object: \"my solution, version 1\" (print nothing but the answers on standard output)", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--only", "9z", "calculus: --only: unknown item '9z'; the sheet's items are 1a, 1b, 1c, 1d, 1e, 1f, 2a, 2b, 2c, 2d, 2e, 2f, 2g, 3a, 3b, 3c, 4.")]
    [InlineData("--cases", "0", "calculus: --cases must be a whole number in 1..1000000; got '0'")]
    [InlineData("--seed", "-1", "calculus: --seed must be a whole number ≥ 0; got '-1'")]
    [InlineData("--rtol", "-1e-9", "calculus: --rtol must be finite and ≥ 0; got -1e-9")]
    [InlineData("--atol", "nan", "calculus: --atol must be finite and ≥ 0; got nan")]
    [InlineData("--max-ulp", "x", "calculus: --max-ulp: cannot read 'x' as a number")]
    [InlineData("--timeout", "0", "calculus: --timeout must lie in (0, 3600] seconds; got 0")]
    [InlineData("--json", "", "calculus: cannot write a report to '': it is empty")]
    public void Verify_BadOptions_AreUsageErrors_BeforeTheSubjectRuns(string option, string value, string expected) =>
        Assert.Equal(expected, CliRunner.AssertUsageError(CliRunner.Run("", "verify", "--exec", "exit 1", option, value)));

    [Fact]
    public void Verify_WithoutExec_IsAUsageError()
    {
        string line = CliRunner.AssertUsageError(CliRunner.Run("", "verify"));
        Assert.Contains("--exec", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_JsonJUnitAndMarkdownReports_SayTheSame()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        var r = SubjectGuard.Verify(SubjectCommands.Serve("--mistake sigmoid-1"), "--only", "1d,3a", "--cases", Cases, "--seed", "9",
            "--json", folder.File("v.json"), "--junit", folder.File("v.xml"), "--report", folder.File("report"));
        Assert.Equal(1, r.ExitCode);

        using var json = JsonDocument.Parse(File.ReadAllText(folder.File("v.json")));
        Assert.Equal(9UL, json.RootElement.GetProperty("seed").GetUInt64());
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["1d", "3a"], items.Select(i => i.GetProperty("item").GetString()));
        Assert.Equal(["fail", "pass"], items.Select(i => i.GetProperty("verdict").GetString()));
        var failed = items[0].GetProperty("checks").EnumerateArray().First(c => c.GetProperty("verdict").GetString() == "fail");
        foreach (string key in new[] { "name", "tier", "cases", "counterexample", "expected", "got", "tolerance", "diagnosis" })
        {
            Assert.True(failed.TryGetProperty(key, out _), key);
        }

        var junit = System.Xml.Linq.XDocument.Load(folder.File("v.xml"));
        var cases = junit.Descendants("testcase").ToList();
        Assert.Equal(Battery.For(["1d", "3a"]).Count, cases.Count);
        Assert.Equal(items[0].GetProperty("checks").EnumerateArray().Count(c => c.GetProperty("verdict").GetString() == "fail"), cases.Count(c => c.Element("failure") is not null));

        string markdown = File.ReadAllText(Path.Combine(folder.File("report"), "index.md"));
        Assert.Contains("| 1d | **FAIL** |", markdown, StringComparison.Ordinal);
        Assert.Equal(["fail", "stable"], items.Select(i => i.GetProperty("level").GetString()));
        Assert.Equal("fail", junit.Descendants("testsuite").First().Descendants("property").Single(p => (string?)p.Attribute("name") == "level").Attribute("value")!.Value.ToLowerInvariant());
        Assert.Empty(MarkdownTables.Defects(markdown, "verify's index.md"));
    }

    [Fact]
    public void Serve_AnswersEachLine_ABadOneWithAnError()
    {
        var r = CliRunner.Run("{\"fn\":\"sigmoid\",\"derivative\":true,\"x\":[0,NaN,Infinity]}\nnot json\n{\"fn\":\"sigmoid\",\"x\":\"a\"}\n{\"fn\":\"nope\"}\n\n{\"fn\":\"logsumexp\",\"a\":[[1000,1000]]}\n", "serve");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(
            [
                "{\"value\":[0.25,NaN,0.0]}",
                "{\"error\":\"bad request: not JSON ('not json' is an invalid JSON literal. Expected the literal 'null')\"}",
                "{\"error\":\"bad request: expected an array of numbers, got the string \\\"a\\\"\"}",
                "{\"error\":\"bad request: unknown fn \\\"nope\\\"\"}",
                "{\"value\":[1000.6931471805599]}",
            ],
            r.Lines);
    }

    [Fact]
    public void Serve_AnUnknownMistake_IsAUsageError_ListingTheKnownOnes()
    {
        string line = CliRunner.AssertUsageError(CliRunner.Run("", "serve", "--mistake", "sigmoid-99"));
        Assert.StartsWith("calculus: --mistake: unknown mistake 'sigmoid-99'; known: affine-partial-1, affine-partial-2", line, StringComparison.Ordinal);
    }
}
