using System.Globalization;
using Calculus.Verification.Checks;
using Calculus.Verification.Reports;
using Calculus.Verification.Running;

namespace Calculus.Cli.Commands;

/// <summary>verify's progress on standard error: on a terminal, one line rewritten after each check; otherwise (a CI
/// log), one line per item once its checks are done: "[ 3/17] 1d    FAIL  10 checks: 6 pass, 4 fail (1.2 s)".</summary>
internal static class VerifyProgress
{
    /// <summary>The callback for <see cref="BatteryRunner.Run"/>, or null when no progress is shown.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="settings">The run's settings: its checks in order, and what the levels need.</param>
    /// <param name="lines">One line per item (standard error is not a terminal).</param>
    /// <param name="bar">A line rewritten after each check (a terminal watches).</param>
    /// <returns>The callback.</returns>
    public static Action<CheckRun, int, int>? For(TextWriter error, VerifySettings settings, bool lines, bool bar)
    {
        var checks = settings.Checks;
        if (lines)
        {
            var runs = new List<CheckRun>();
            int items = checks.Select(c => c.Item).Distinct().Count(), item = 0;
            return (run, done, total) =>
            {
                runs.Add(run);
                if (done < total && checks[done].Item == run.Check.Item)
                {
                    return;
                }

                var result = new VerifyResult(0, [.. runs], TimeSpan.Zero) { AccurateChecked = settings.MaxUlp is not null, Require = settings.Require };
                string counts = VerifyReports.Counts(result, runs);
                double seconds = runs.Sum(r => r.Elapsed.TotalSeconds);
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{++item,2}/{items}] {run.Check.Item,-4}  {VerifyReports.LevelWord(result, run.Check.Item),-15}  {runs.Count} checks: {counts} ({seconds:0.0} s)"));
                error.Flush();
                runs.Clear();
            };
        }

        return bar ? (run, done, total) =>
        {
            error.Write($"\r[{done,3}/{total}] {run.Check.Item} {run.Check.FunctionText}".PadRight(60));
            error.Flush();
        } : null;
    }
}
