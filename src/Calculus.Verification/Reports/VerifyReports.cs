using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Calculus.Checking;
using Calculus.Verification.Checks;
using Calculus.Verification.Diagnosis;
using Calculus.Verification.Running;

namespace Calculus.Verification.Reports;

/// <summary>A verify run as the console, JSON, JUnit XML and markdown show it.</summary>
internal static class VerifyReports
{
    /// <summary>The version of the protocol verify speaks: docs/protocol.md, "The verify protocol, version 1".</summary>
    public const int ProtocolVersion = 1;

    /// <summary>The tool's name in the JSON report.</summary>
    public const string ToolName = "calculus verify";

    /// <summary>The tool's version: the informational version of this assembly (the project's version, and the commit
    /// it was built from where the build knows it).</summary>
    public static string ToolVersion { get; } =
        typeof(VerifyReports).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion
        ?? typeof(VerifyReports).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Writes "tool": {"name", "version"} and "protocol": {"version"}, which every JSON report begins with.</summary>
    /// <param name="w">The writer, inside the report's object.</param>
    public static void WriteTool(Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject("tool");
        w.WriteString("name", ToolName);
        w.WriteString("version", ToolVersion);
        w.WriteEndObject();
        w.WriteStartObject("protocol");
        w.WriteNumber("version", ProtocolVersion);
        w.WriteEndObject();
    }

    /// <summary>The word of a verdict as the JSON and JUnit reports spell it: pass, fail, inconclusive, not-implemented,
    /// error, not-run.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>The word.</returns>
    public static string Word(CheckVerdict verdict) => verdict switch
    {
        CheckVerdict.Pass => "pass",
        CheckVerdict.Fail => "fail",
        CheckVerdict.Inconclusive => "inconclusive",
        CheckVerdict.Error => "error",
        CheckVerdict.NotRun => "not-run",
        _ => "not-implemented",
    };

    /// <summary>A check's verdict as printed: <see cref="Word(CheckVerdict)"/>, except that an accurate row that passed
    /// without <c>--max-ulp</c> is "report": it measured, it did not judge.</summary>
    /// <param name="result">The run.</param>
    /// <param name="run">The check's run.</param>
    /// <returns>The word.</returns>
    public static string Word(VerifyResult result, CheckRun run)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(run);
        return run.Check.Tier == Tier.Accurate && !result.AccurateChecked && run.Verdict == CheckVerdict.Pass ? "report" : Word(run.Verdict);
    }

    /// <summary>How many checks had each printed verdict, in the order first seen: "5 pass, 4 fail, 2 report".</summary>
    /// <param name="result">The run.</param>
    /// <param name="runs">Some of its checks' runs.</param>
    /// <returns>The text.</returns>
    public static string Counts(VerifyResult result, IEnumerable<CheckRun> runs) =>
        string.Join(", ", runs.GroupBy(r => Word(result, r)).Select(g => $"{g.Count()} {g.Key}"));

    /// <summary>The tier as printed: core, stable, accurate.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The word.</returns>
    public static string Word(Tier tier) => tier.ToString().ToLowerInvariant();

    /// <summary>An item's level as printed: ERROR, FAIL, core, stable, accurate, not-implemented, or not-run (none of
    /// its checks run); "(partial)" after it when parts were not implemented, "(not all run)" when some checks were not
    /// run.</summary>
    /// <param name="result">The run.</param>
    /// <param name="item">The item.</param>
    /// <returns>The word.</returns>
    public static string LevelWord(VerifyResult result, string item)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.VerdictOf(item) == CheckVerdict.Error ? Word(CheckVerdict.Error).ToUpperInvariant()
            : result.LevelOf(item) is { } level ? level.Word() + (result.IsPartial(item) ? " (partial)" : "") + (result.VerdictOf(item) == CheckVerdict.NotRun ? " (not all run)" : "")
            : JsonLevel(result, item);
    }

    /// <summary>An item's level as the JSON report spells it: error, fail, core, stable, accurate, not-implemented, or
    /// not-run (checks not run, none of those run implemented).</summary>
    /// <param name="result">The run.</param>
    /// <param name="item">The item.</param>
    /// <returns>The word.</returns>
    public static string JsonLevel(VerifyResult result, string item)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdict = result.VerdictOf(item);
        return verdict == CheckVerdict.Error ? Word(CheckVerdict.Error)
            : result.LevelOf(item) is { } level ? level.Word().ToLowerInvariant()
            : Word(verdict == CheckVerdict.NotRun ? CheckVerdict.NotRun : CheckVerdict.NotImplemented);
    }

    /// <summary>The line that states the precision judged: "precision: single (judged from your answers: 44 of 44 telling
    /// values are floats)" or "precision: double (--precision double)".</summary>
    /// <param name="result">The run.</param>
    /// <returns>The line, without a line break.</returns>
    public static string PrecisionLine(VerifyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return $"precision: {result.Precision.Name()} ({(result.Judgement is { } j ? j.ToString() : $"--precision {result.Precision.Name()}")}); exit 0 needs every implemented item at {result.Require.Word()} or above";
    }

    /// <summary>The detail lines of a run: counterexample, expected, got, tolerance, diagnosis for a failure; the reason
    /// for an inconclusive run; the fault for an error; the worst ulp distance for the accurate tier.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The lines, without indentation.</returns>
    public static IEnumerable<string> Details(CheckRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Verdict == CheckVerdict.Fail && run.Failure is { } f)
        {
            yield return $"counterexample: {run.Counterexample}{(run.Shrinks > 0 ? $" (shrunk in {run.Shrinks} step{(run.Shrinks == 1 ? "" : "s")})" : "")}";
            yield return f.Expected is null ? f.Detail ?? "failed" : f.Summary;
            if (run.WorstFailure is { Expected.Value: { } e, Got: { } g } worst)
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"worst case seen: {run.WorstFailureAt}: {worst.Summary} (relative error {Math.Abs(g - e) / Math.Abs(e):0.0e+00})");
            }
            if (run.Diagnosis is { } d)
            {
                // A known mistake is a formula; a generic diagnosis is a sentence of its own, with its evidence.
                yield return KnownMistakes.All.Any(m => m.Description == d) ? $"diagnosis: your values agree with a known mistake at every sampled case: {d}" : $"diagnosis: {d}";
            }
            else if (run.WithinSinglePrecision)
            {
                yield return "every error of this case lies within single-precision bounds: if your code computes in float32, --precision single judges it so";
            }
        }
        else if (run.Verdict == CheckVerdict.Inconclusive)
        {
            yield return $"could not decide {run.Inconclusive} of {run.Cases - run.NotImplemented} cases: {run.InconclusiveReason}";
        }
        else if (run.Verdict == CheckVerdict.Error)
        {
            yield return run.Fault ?? "internal error of the checker";
        }
        else if (run.Verdict == CheckVerdict.NotRun)
        {
            yield return $"not run: {run.NotRunReason}";
        }
        else if (run.Worst is { } worst && run.Verdict == CheckVerdict.Pass)
        {
            yield return double.IsFinite(worst)
                ? $"worst {Ulp(worst)} ulp from the reference ({Digits(run.WorstRelative ?? 0)}) at {run.WorstAt}"
                : $"worst: not finite where the reference is finite, or the reverse, at {run.WorstAt}";
        }

        if (run.NotImplementedFor.Count > 0)
        {
            yield return $"not implemented for {run.NotImplemented} of {run.Cases} cases: {Some(run.NotImplementedFor)}";
        }

        if (run.NotGiven.Count > 0)
        {
            yield return $"not given in your answers: {string.Join(", ", run.NotGiven)}";
        }
    }

    /// <summary>The console table, one line per check (details indented below it), then the summary per item.</summary>
    /// <param name="result">The run.</param>
    /// <param name="failuresOnly">Only the checks whose verdict is fail, error or not-run, with their detail lines
    /// (<c>--failures-only</c>); the table's header stays, and the item table below is whole.</param>
    /// <returns>The text, lines separated by \n.</returns>
    public static string Console(VerifyResult result, bool failuresOnly = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        int fw = Math.Max("function".Length, result.Runs.Max(r => r.Check.FunctionText.Length));
        sb.Append(CultureInfo.InvariantCulture, $"{"item",-4}  {"function".PadRight(fw)}  {"tier",-8}  {"verdict",-15}  {"cases",5}  check\n");
        foreach (var run in result.Runs.Where(r => !failuresOnly || IsFailure(r.Verdict)))
        {
            string verdict = run.Verdict is CheckVerdict.Fail or CheckVerdict.Error ? Word(run.Verdict).ToUpperInvariant() : Word(result, run);
            sb.Append(CultureInfo.InvariantCulture, $"{run.Check.Item,-4}  {run.Check.FunctionText.PadRight(fw)}  {Word(run.Check.Tier),-8}  {verdict,-15}  {run.Cases,5}  {run.Check.Name}\n");
            foreach (string line in Details(run))
            {
                sb.Append(CultureInfo.InvariantCulture, $"      {line}\n");
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"\nitem  level            checks\n");
        foreach (string item in result.Items)
        {
            var runs = result.Runs.Where(r => r.Check.Item == item).ToList();
            string counts = Counts(result, runs);
            string? diagnosis = runs.Select(r => r.Diagnosis).FirstOrDefault(d => d is not null);
            string word = LevelWord(result, item);
            sb.Append(CultureInfo.InvariantCulture, $"{item,-4}  {word,-15}  {runs.Count} checks: {counts}{(diagnosis is null ? "" : $"; {diagnosis}")}\n");
        }

        return sb.ToString();
    }

    /// <summary>Whether <c>--failures-only</c> shows a check of this verdict: fail, error or not-run (a pass, a report,
    /// an inconclusive or a not-implemented check is left out).</summary>
    /// <param name="verdict">The check's verdict.</param>
    /// <returns>True for fail, error and not-run.</returns>
    public static bool IsFailure(CheckVerdict verdict) => verdict is CheckVerdict.Fail or CheckVerdict.Error or CheckVerdict.NotRun;

    /// <summary>The JSON report: {"tool", "protocol", "seed", …, "summary", "items": [{"item", "function", "verdict",
    /// "checks": [...]}]} (docs/protocol.md, "Output").</summary>
    /// <param name="result">The run.</param>
    /// <returns>Indented JSON.</returns>
    public static string Json(VerifyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            WriteTool(w);
            w.WriteNumber("seed", result.Seed);
            w.WriteNumber("seconds", Math.Round(result.Elapsed.TotalSeconds, 3));
            w.WriteString("precision", result.Precision.Name());
            Optional(w, "precision_judged", result.Judgement?.ToString());
            w.WriteString("require", result.Require.Word().ToLowerInvariant());
            Summary(w, result);
            w.WriteStartArray("items");
            foreach (string item in result.Items)
            {
                var runs = result.Runs.Where(r => r.Check.Item == item).ToList();
                w.WriteStartObject();
                w.WriteString("item", item);
                w.WriteString("function", string.Join(", ", runs.SelectMany(r => r.Check.Functions).Distinct()));
                w.WriteString("verdict", Word(result.VerdictOf(item)));
                w.WriteString("level", JsonLevel(result, item));
                w.WriteBoolean("partial", result.IsPartial(item));
                w.WriteStartArray("checks");
                foreach (var run in runs)
                {
                    w.WriteStartObject();
                    w.WriteString("name", run.Check.Name);
                    w.WriteString("function", run.Check.FunctionText);
                    w.WriteStartArray("functions");
                    foreach (string f in run.Check.Functions)
                    {
                        w.WriteStringValue(f);
                    }

                    w.WriteEndArray();
                    w.WriteString("tier", Word(run.Check.Tier));
                    w.WriteString("verdict", Word(result, run));
                    w.WriteNumber("cases", run.Cases);
                    w.WriteNumber("seconds", Math.Round(run.Elapsed.TotalSeconds, 3));
                    w.WriteNumber("passed", run.Passed);
                    w.WriteNumber("inconclusive", run.Inconclusive);
                    Optional(w, "counterexample", run.Counterexample);
                    Optional(w, "failure", run.Failure?.Detail);
                    if (run.Failure is { Expected: { } expected } failure)
                    {
                        Expected(w, expected);
                        Number(w, "got", failure.Got ?? double.NaN);
                        Number(w, "tolerance", failure.Tolerance?.Amount ?? double.NaN);
                        if (failure.Tolerance?.Unit == SlackUnit.Ulp)
                        {
                            w.WriteString("tolerance_unit", "ulp");
                        }
                    }

                    if (run.WorstFailure is { Expected.Value: { } we, Got: { } wg } wf)
                    {
                        w.WriteStartObject("worst_case");
                        w.WriteString("at", run.WorstFailureAt);
                        Number(w, "expected", we);
                        Number(w, "got", wg);
                        Number(w, "tolerance", wf.Tolerance?.Amount ?? double.NaN);
                        w.WriteEndObject();
                    }

                    Optional(w, "diagnosis", run.Diagnosis);
                    if (run.WithinSinglePrecision)
                    {
                        w.WriteBoolean("within_single_precision", true);
                    }

                    Optional(w, "reason", run.Verdict switch
                    {
                        CheckVerdict.Inconclusive => run.InconclusiveReason,
                        CheckVerdict.Error => run.Fault,
                        CheckVerdict.NotRun => run.NotRunReason,
                        _ => null,
                    });
                    if (run.Worst is { } worst)
                    {
                        Number(w, "worst_ulp", worst);
                        Number(w, "worst_relative_error", run.WorstRelative ?? double.NaN);
                        Optional(w, "worst_at", run.WorstAt);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>JUnit XML for CI test reporters: one test suite per item, one test case per check; a failed check is a
    /// failure, a fault of the checker an error, an inconclusive, not-implemented or not-run one is skipped with the
    /// reason.</summary>
    /// <param name="result">The run.</param>
    /// <returns>The XML.</returns>
    public static string JUnit(VerifyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        var suites = result.Items.Select(item =>
        {
            var runs = result.Runs.Where(r => r.Check.Item == item).ToList();
            return new XElement("testsuite",
                new XAttribute("name", $"sheet {item}"),
                new XAttribute("tests", runs.Count),
                new XAttribute("failures", runs.Count(r => r.Verdict == CheckVerdict.Fail)),
                new XAttribute("errors", runs.Count(r => r.Verdict == CheckVerdict.Error)),
                new XAttribute("skipped", runs.Count(r => r.Verdict is CheckVerdict.Inconclusive or CheckVerdict.NotImplemented or CheckVerdict.NotRun)),
                new XAttribute("time", Seconds(new TimeSpan(runs.Sum(r => r.Elapsed.Ticks)))),
                new XElement("properties", new XElement("property", new XAttribute("name", "level"), new XAttribute("value", LevelWord(result, item)))),
                runs.Select(run => new XElement("testcase",
                    new XAttribute("classname", $"{item}.{run.Check.FunctionText}"),
                    new XAttribute("name", $"{run.Check.Name} [{Word(run.Check.Tier)}]"),
                    new XAttribute("time", Seconds(run.Elapsed)),
                    run.Verdict switch
                    {
                        CheckVerdict.Fail => new XElement("failure", new XAttribute("message", run.Failure?.Detail ?? "failed"), string.Join("\n", Details(run))),
                        CheckVerdict.Inconclusive => new XElement("skipped", new XAttribute("message", $"inconclusive: {run.InconclusiveReason}")),
                        CheckVerdict.NotImplemented => new XElement("skipped", new XAttribute("message", "not implemented")),
                        CheckVerdict.NotRun => new XElement("skipped", new XAttribute("message", $"not run: {run.NotRunReason}")),
                        CheckVerdict.Error => new XElement("error", new XAttribute("message", run.Fault ?? "internal error of the checker")),
                        _ => null,
                    })));
        });
        var doc = new XDocument(new XElement("testsuites",
            new XAttribute("name", $"calculus verify (seed {result.Seed})"),
            new XAttribute("tests", result.Runs.Count),
            new XAttribute("failures", result.Runs.Count(r => r.Verdict == CheckVerdict.Fail)),
            new XAttribute("errors", result.Runs.Count(r => r.Verdict == CheckVerdict.Error)),
            new XAttribute("time", Seconds(result.Elapsed)),
            suites));
        return doc.ToString();
    }

    /// <summary>The markdown page: the summary per item and the table of checks, every cell escaped.</summary>
    /// <param name="result">The run.</param>
    /// <param name="subject">The command that was checked.</param>
    /// <returns>The markdown.</returns>
    public static string Markdown(VerifyResult result, string subject)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# calculus verify\n\nSubject: `{Cell(subject)}`; seed {result.Seed}; {result.Runs.Count} checks in {result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.\n\n{Cell(PrecisionLine(result))}.\n\n");
        sb.Append("| item | level | checks |\n|---|---|---|\n");
        foreach (string item in result.Items)
        {
            var runs = result.Runs.Where(r => r.Check.Item == item).ToList();
            string level = LevelWord(result, item);
            sb.Append(CultureInfo.InvariantCulture, $"| {item} | {(level.StartsWith("FAIL", StringComparison.Ordinal) ? $"**{level}**" : level)} | {runs.Count(r => Word(result, r) == "pass")} of {runs.Count} pass |\n");
        }

        sb.Append("\n| item | function | tier | verdict | cases | check | details |\n|---|---|---|---|---|---|---|\n");
        foreach (var run in result.Runs)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| {run.Check.Item} | {Cell(run.Check.FunctionText)} | {Word(run.Check.Tier)} | {Bold(Word(result, run), run.Verdict)} | {run.Cases} | {Cell(run.Check.Name)} | {Cell(string.Join("; ", Details(run)))} |\n");
        }

        return sb.ToString();
    }

    /// <summary>A table cell: | escaped, line breaks as spaces.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cell's markdown.</returns>
    public static string Cell(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
    }

    private static string Bold(string word, CheckVerdict v) => v is CheckVerdict.Fail or CheckVerdict.Error ? $"**{word}**" : word;

    /// <summary>The first few of a list, and how many more.</summary>
    private static string Some(IReadOnlyList<string> all) =>
        all.Count <= 4 ? string.Join("; ", all) : $"{string.Join("; ", all.Take(4))}; and {all.Count - 4} more";

    /// <summary>"15.3 correct digits" for a relative error of 5e-16, "every digit correct" for 0, "no correct digit"
    /// from 1 on.</summary>
    private static string Digits(double relative) => relative == 0 ? "every digit correct"
        : relative >= 1 || double.IsNaN(relative) ? "no correct digit"
        : string.Create(CultureInfo.InvariantCulture, $"{-Math.Log10(relative):0.0} correct digits");

    /// <summary>An ulp distance: whole up to a million, then with an exponent (between 0 and 2 lie 4.6e18 doubles).</summary>
    private static string Ulp(double ulps) => !double.IsFinite(ulps) ? "∞"
        : ulps < 1e6 ? ulps.ToString("0", CultureInfo.InvariantCulture) : ulps.ToString("0.0e+00", CultureInfo.InvariantCulture);

    /// <summary>The levels an item can have in the JSON report, in the order of its summary.</summary>
    private static readonly string[] JsonLevels = ["fail", "core", "stable", "accurate", "not-implemented", "error", "not-run"];

    /// <summary>"summary": {"items": {level: count, …}, "checks": {verdict: count, …}, "requests", "restarts",
    /// "seconds"}, every level and verdict present (0 when none).</summary>
    private static void Summary(Utf8JsonWriter w, VerifyResult result)
    {
        w.WriteStartObject("summary");
        w.WriteStartObject("items");
        var levels = result.Items.Select(i => JsonLevel(result, i)).ToList();
        foreach (string level in JsonLevels)
        {
            w.WriteNumber(level, levels.Count(l => l == level));
        }

        w.WriteEndObject();
        w.WriteStartObject("checks");
        var words = result.Runs.Select(r => Word(result, r)).ToList();
        foreach (string word in Enum.GetValues<CheckVerdict>().Select(Word).Append("report"))
        {
            w.WriteNumber(word, words.Count(v => v == word));
        }

        w.WriteEndObject();
        w.WriteNumber("requests", result.Requests);
        w.WriteNumber("restarts", result.Restarts);
        w.WriteNumber("seconds", Math.Round(result.Elapsed.TotalSeconds, 3));
        w.WriteEndObject();
    }

    /// <summary>"expected": a number, or {"lower", "upper", "lower_closed", "upper_closed"} for a range.</summary>
    private static void Expected(Utf8JsonWriter w, Expectation expected)
    {
        if (expected.Value is { } value)
        {
            Number(w, "expected", value);
            return;
        }

        w.WriteStartObject("expected");
        Number(w, "lower", expected.Range.Lower);
        Number(w, "upper", expected.Range.Upper);
        w.WriteBoolean("lower_closed", expected.Range.LowerClosed);
        w.WriteBoolean("upper_closed", expected.Range.UpperClosed);
        w.WriteEndObject();
    }

    /// <summary>A JSON number; NaN and ±∞, which JSON has no number for, as the strings "NaN", "Infinity", "-Infinity"
    /// (the protocol's spelling).</summary>
    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteString(name, double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
