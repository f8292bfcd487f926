using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Calculus.Verification.Reports;

/// <summary>The report files of a run that ended without results (the program cannot start, exit 2; a fault of verify
/// outside the checks, exit 3): each states the reason, so that a CI job that collects the files finds one.</summary>
internal static class RunErrorReports
{
    /// <summary>{"tool", "protocol", "error": reason, "exit_code": code}.</summary>
    /// <param name="reason">Why the run has no results, one line.</param>
    /// <param name="exitCode">The run's exit code.</param>
    /// <returns>Indented JSON.</returns>
    public static string Json(string reason, int exitCode)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            VerifyReports.WriteTool(w);
            w.WriteString("error", reason);
            w.WriteNumber("exit_code", exitCode);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>JUnit XML with one suite of one test case, "the program runs", with an &lt;error&gt; giving the reason.</summary>
    /// <param name="reason">Why the run has no results.</param>
    /// <param name="exitCode">The run's exit code.</param>
    /// <returns>The XML.</returns>
    public static string JUnit(string reason, int exitCode)
    {
        var doc = new XDocument(new XElement("testsuites",
            new XAttribute("name", "calculus verify"), new XAttribute("tests", 1), new XAttribute("failures", 0), new XAttribute("errors", 1),
            new XElement("testsuite",
                new XAttribute("name", "calculus verify"), new XAttribute("tests", 1), new XAttribute("failures", 0), new XAttribute("errors", 1), new XAttribute("skipped", 0),
                new XElement("testcase", new XAttribute("classname", "verify"), new XAttribute("name", "the program runs"),
                    new XElement("error", new XAttribute("message", reason), new XAttribute("type", $"exit code {exitCode}"))))));
        return doc.ToString();
    }

    /// <summary>The markdown page: the subject and the reason.</summary>
    /// <param name="reason">Why the run has no results.</param>
    /// <param name="exitCode">The run's exit code.</param>
    /// <param name="subject">The command that was to be checked.</param>
    /// <returns>The markdown.</returns>
    public static string Markdown(string reason, int exitCode, string subject) =>
        $"# calculus verify\n\nSubject: `{VerifyReports.Cell(subject)}`.\n\nNo results: {VerifyReports.Cell(reason)} (exit code {exitCode}).\n";
}
