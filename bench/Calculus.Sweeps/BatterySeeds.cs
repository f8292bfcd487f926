using Calculus.Checking;
using Calculus.Subjects;
using Calculus.Verification.Checks;
using Calculus.Verification.Running;
using Calculus.Verification.Sheet;

namespace Calculus.Sweeps;

/// <summary>The whole battery against right implementations, a fresh seed per run: the reference (every check, core and
/// stable, must pass) and the naive textbook implementation (every core check must pass: a failure there is a false
/// alarm). Prints each failure with the seed that replays it (<c>calculus verify --seed S</c> or
/// <c>VERIFY_SEED=S</c>).</summary>
internal static class BatterySeeds
{
    public static int Run(int seeds, TextWriter output)
    {
        var start = DateTime.UtcNow;
        int alarms = 0, runs = 0, inconclusive = 0;
        var subjects = new (string Name, ISheet Sheet, Func<Check, bool> MustPass)[]
        {
            ("reference", ReferenceSheet.Instance, c => c.Tier != Tier.Accurate),
            ("naive", new NaiveSheet(), c => c.Tier == Tier.Core),
        };
        for (int k = 0; k < seeds; k++)
        {
            ulong seed = (ulong)Random.Shared.NextInt64();
            foreach (var (name, sheet, mustPass) in subjects)
            {
                var result = BatteryRunner.Run(sheet, new VerifySettings(Battery.All, seed, null, ElementaryError.Student(), null));
                runs++;
                foreach (var run in result.Runs.Where(r => mustPass(r.Check)))
                {
                    inconclusive += run.Verdict == CheckVerdict.Inconclusive ? 1 : 0;
                    if (run.Verdict == CheckVerdict.Fail)
                    {
                        alarms++;
                        output.WriteLine($"FALSE ALARM ({name}, seed {seed}): {run.Check.Id}: {run.Failure?.Summary} at {run.Counterexample}");
                    }
                }
            }

            output.WriteLine($"seed {k + 1}/{seeds} done ({runs} battery runs, {alarms} false alarms)");
        }

        output.WriteLine($"battery sweep: {runs} runs ({seeds} seeds × reference and naive), {alarms} false alarms, {inconclusive} inconclusive checks, {(DateTime.UtcNow - start).TotalSeconds:0} s");
        return alarms == 0 ? 0 : 1;
    }
}
