namespace Calculus.Cli.Tests.Verify;

/// <summary><c>verify --failures-only</c>: the console shows the checks that fail, error or were not run, with their
/// detail lines, and everything after the check table as a full run does.</summary>
public sealed class FailuresOnlyTests
{
    [Fact]
    public void Verify_FailuresOnly_PrintsTheFailedRowsOfAFullRun_AndNoPass_ThenTheItemTable()
    {
        // σ' = σ(1 + σ) (sigmoid-1) fails some of 1d's checks and passes others; 2c passes every check.
        string subject = SubjectCommands.Serve("--mistake sigmoid-1");
        string[] options = ["--only", "1d,2c", "--cases", "40", "--seed", "7"];
        var full = SubjectGuard.Verify(subject, options);
        var failures = SubjectGuard.Verify(subject, [.. options, "--failures-only"]);
        Assert.True(full.ExitCode == 1, full.Output + full.Error);
        Assert.True(failures.ExitCode == 1, failures.Output + failures.Error);

        var (fullRows, fullRest) = Split(full.Output);
        var (rows, rest) = Split(failures.Output);
        Assert.Contains(fullRows, r => r.Contains(" pass ", StringComparison.Ordinal)); // there is something to leave out
        Assert.DoesNotContain(rows, r => r.Contains(" pass ", StringComparison.Ordinal) || r.Contains(" report ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("1d ", StringComparison.Ordinal) && r.Contains(" FAIL ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("      counterexample: ", StringComparison.Ordinal)); // the detail lines stay

        // Exactly the full run's failed checks with their details, in its order (same seed, same cases).
        Assert.Equal(Failed(fullRows), rows);

        // The item table, the precision, summary and replay lines: as in the full run but for the times.
        Assert.Contains(rest, l => l.StartsWith("1d    FAIL", StringComparison.Ordinal));
        Assert.Contains(rest, l => l.StartsWith("2c    stable", StringComparison.Ordinal));
        Assert.Equal(fullRest.Select(Untimed), rest.Select(Untimed));
    }

    /// <summary>The check table's rows (after its header, up to the blank line) and the lines after it.</summary>
    private static (List<string> Rows, List<string> After) Split(string output)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int header = lines.FindIndex(l => l.StartsWith("item  function", StringComparison.Ordinal));
        int blank = lines.FindIndex(header, string.IsNullOrEmpty);
        Assert.True(header >= 0 && blank > header, output);
        return (lines[(header + 1)..blank], lines[blank..]);
    }

    /// <summary>The rows of checks that failed, errored or were not run, each with its indented detail lines.</summary>
    private static List<string> Failed(List<string> rows)
    {
        var kept = new List<string>();
        bool keep = false;
        foreach (string row in rows)
        {
            if (!row.StartsWith(' '))
            {
                keep = row.Contains(" FAIL ", StringComparison.Ordinal) || row.Contains(" ERROR ", StringComparison.Ordinal) || row.Contains(" not-run ", StringComparison.Ordinal);
            }

            if (keep)
            {
                kept.Add(row);
            }
        }

        return kept;
    }

    /// <summary>A line with what differs between two runs masked: the times and rates, and the mark of the guarded
    /// subject's command in the replay line (<see cref="SubjectGuard"/>).</summary>
    private static string Untimed(string line) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(line, @"checks in .*$", "checks in …"), @"CALCULUS_TEST_RUN=\w+", "CALCULUS_TEST_RUN=…");
}
