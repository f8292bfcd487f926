using Calculus.Verification.Diagnosis;
using Calculus.Verification.Running;
namespace Calculus.Properties;

/// <summary>The battery catches the mistakes people really make on this sheet: every known mistake
/// (<see cref="KnownMistakes"/>: σ(1 + σ), 1 − tanh, the sign of f_e, i/j swapped in ∂L/∂W, the f_d factor dropped,
/// LSE without the shift, …) goes through the same checks the library passes, with the default case count and a fresh
/// seed, and its item must fail, with the diagnosis naming the mistake.</summary>
public sealed class WrongImplementationTests
{
    public static TheoryData<string> Mistakes() => [.. KnownMistakes.All.Select(m => m.Id)];

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void KnownMistake_IsRejected_AndNamed(string id)
    {
        var mistake = KnownMistakes.Find(id);
        ulong seed = PropertySettings.Seed;
        var context = new CheckContext(mistake.Sheet, ReferenceSheet.Instance, ErrorModels.Verify());
        var checks = Battery.All.Where(c => c.Item == mistake.Item && c.Tier != Tier.Accurate && c.Functions.Contains(mistake.Function)).ToList();
        var failed = new List<CheckRun>();
        foreach (var check in checks)
        {
            var run = BatteryRunner.Run(mistake.Sheet, new VerifySettings([check], seed, null, context.Model, null)).Runs[0];
            if (run.Verdict == CheckVerdict.Fail)
            {
                failed.Add(run);
                if (run.Diagnosis == mistake.Description)
                {
                    break; // rejected and named: the rest of its item's checks add nothing
                }
            }
        }

        Assert.True(failed.Count > 0, $"{mistake} passed every check of item {mistake.Item} (seed {seed})");
        Assert.True(failed.Any(r => r.Diagnosis == mistake.Description),
            $"{mistake}: rejected by {failed.Count} checks (seed {seed}), but none named it; diagnoses: {string.Join("; ", failed.Select(r => r.Diagnosis ?? "none"))}");
    }
}
