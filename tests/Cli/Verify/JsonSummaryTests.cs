using System.Globalization;
using System.Text.RegularExpressions;
using Calculus.Verification.Reports;

namespace Calculus.Cli.Tests.Verify;

/// <summary>The JSON report names the tool and the protocol, and sums the run up.</summary>
public sealed partial class JsonSummaryTests
{
    [Fact]
    public void Verify_TheJsonReport_NamesToolAndProtocol_AndCountsItemsChecksRequestsAndRestarts()
    {
        using var run = VerifyRun.Of(SubjectCommands.Serve("--mistake sigmoid-1"), "--only", "1d,2c", "--cases", "20", "--seed", "6");
        Assert.True(run.Result.ExitCode == 1, run.Result.Output + run.Result.Error);
        var root = run.Json!.RootElement;
        Assert.Equal("calculus verify", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal(VerifyReports.ToolVersion, root.GetProperty("tool").GetProperty("version").GetString());
        Assert.StartsWith(typeof(VerifyReports).Assembly.GetName().Version!.ToString(3), VerifyReports.ToolVersion, StringComparison.Ordinal);
        int protocol = root.GetProperty("protocol").GetProperty("version").GetInt32();
        Assert.StartsWith($"# The verify protocol, version {protocol}\n", File.ReadAllText(Path.Combine(SubjectCommands.Root, "docs", "protocol.md")), StringComparison.Ordinal);

        var summary = root.GetProperty("summary");
        var items = summary.GetProperty("items");
        Assert.Equal(1, items.GetProperty("fail").GetInt32());
        Assert.Equal(1, items.GetProperty("stable").GetInt32());
        Assert.Equal(2, items.EnumerateObject().Sum(p => p.Value.GetInt32()));
        var checks = summary.GetProperty("checks");
        var all = run.Checks.Select(c => c.Check.GetProperty("verdict").GetString()!).ToList();
        Assert.Equal(all.Count, checks.EnumerateObject().Sum(p => p.Value.GetInt32()));
        foreach (string verdict in new[] { "pass", "fail", "inconclusive", "not-implemented", "error", "not-run", "report" })
        {
            Assert.Equal(all.Count(v => v == verdict), checks.GetProperty(verdict).GetInt32());
        }

        var line = SummaryLine().Match(run.Result.Output);
        Assert.True(line.Success, run.Result.Output);
        Assert.Equal(long.Parse(line.Groups["requests"].Value, CultureInfo.InvariantCulture), summary.GetProperty("requests").GetInt64());
        Assert.Equal(int.Parse(line.Groups["restarts"].Value, CultureInfo.InvariantCulture), summary.GetProperty("restarts").GetInt32());
        Assert.True(summary.GetProperty("requests").GetInt64() > 0);
        Assert.Equal(root.GetProperty("seconds").GetDouble(), summary.GetProperty("seconds").GetDouble());
    }

    [GeneratedRegex(@" (?<requests>\d+) requests \(\d+ per second\), (?<restarts>\d+) restarts\n")]
    private static partial Regex SummaryLine();
}
