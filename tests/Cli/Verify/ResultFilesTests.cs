using System.Text.Json;
using System.Xml.Linq;
using Calculus.Cli.Tests.Commands;
using Calculus.Cli.Tests.Support;

namespace Calculus.Cli.Tests.Verify;

/// <summary>The result files of verify are written at every exit, into folders created for them.</summary>
public sealed class ResultFilesTests
{
    [Fact]
    public void Verify_AProgramThatCannotStart_StillGetsEveryResultFile_StatingTheReason_InFoldersCreatedForThem()
    {
        using var folder = new TempFolder();
        string json = Path.Combine(folder.Path, "a", "b", "verify.json");
        string junit = Path.Combine(folder.Path, "c", "verify.xml");
        string report = Path.Combine(folder.Path, "d", "report");
        var r = CliRunner.Run("", "verify", "--exec", "exit 4", "--json", json, "--junit", junit, "--report", report);
        string line = CliRunner.AssertUsageError(r);
        const string Reason = "the subject \"exit 4\" exited (code 4) before answering its first request";
        Assert.Equal($"calculus: {Reason}", line);

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(Reason, doc.RootElement.GetProperty("error").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("exit_code").GetInt32());
        Assert.Equal("calculus verify", doc.RootElement.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("protocol").GetProperty("version").GetInt32());

        var error = Assert.Single(XDocument.Load(junit).Descendants("error"));
        Assert.Equal(Reason, (string?)error.Attribute("message"));
        Assert.Equal("1", (string?)XDocument.Load(junit).Root!.Attribute("errors"));

        string markdown = File.ReadAllText(Path.Combine(report, "index.md"));
        Assert.Contains($"No results: {Reason} (exit code 2).", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AResultFileWhoseFolderCannotBeCreated_IsAUsageError_BeforeTheProgramRuns()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        string file = folder.File("a-file");
        File.WriteAllText(file, "");
        string line = CliRunner.AssertUsageError(CliRunner.Run("", "verify", "--exec", "exit 4", "--json", Path.Combine(file, "verify.json")));
        Assert.StartsWith($"calculus: cannot write a report to '{Path.Combine(file, "verify.json")}': cannot create the folder '{file}': ", line, StringComparison.Ordinal);
    }
}
