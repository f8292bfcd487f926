using System.Globalization;
using Calculus.Checking;
using Calculus.Cli.Common;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Training;

namespace Calculus.Cli.Report;

/// <summary>One numeric check of the report: what was checked, the figure measured, and whether it held.</summary>
internal sealed record ReportCheck(string Section, string What, string Measured, bool Passed);

/// <summary>The checks behind the report's tables, all through the library's own gradient check.</summary>
internal static class ReportChecks
{
    private static string E(double v) => v.ToString("0.0e+00", CultureInfo.InvariantCulture);

    /// <summary>f' against central differences over x = −10..10 in steps of 0.05, away from kinks: the largest absolute
    /// error and the largest error as a fraction of its tolerance over the points decided, whether it held (no point
    /// failed, every value in the range, and at least half of the points decided: an undecided point, a kink inside the
    /// stencil, is no failure, and no evidence either), the points checked and how many of them were undecided.</summary>
    public static (double MaxAbsoluteError, double WorstRatio, bool Passed, int Points, int Undecided) ActivationSweep(ScalarFunction a)
    {
        ArgumentNullException.ThrowIfNull(a);
        double worst = 0, ratio = 0;
        bool passed = true;
        int points = 0, undecided = 0;
        for (int k = -200; k <= 200; k++)
        {
            double x = k * 0.05;
            if (a.Kinks.Any(kink => Math.Abs(x - kink.At) < 4 * Tolerances.FivePointStep))
            {
                continue;
            }

            var r = GradientCheck.FiniteDifference(a.Value, a.Derivative(x), x);
            points++;
            passed &= a.FloatingPointRange.Contains(a.Value(x));
            if (r.Verdict == Verdict.Inconclusive)
            {
                undecided++;
                continue;
            }

            worst = Math.Max(worst, r.AbsoluteError);
            ratio = Math.Max(ratio, r.AbsoluteError / r.Tolerance);
            passed &= r.Passed;
        }

        return (worst, ratio, passed && 2 * (points - undecided) >= points, points, undecided);
    }

    /// <summary>Sheet 1f: the gradient of seeded random networks of a few sizes, every entry checked.</summary>
    public static IEnumerable<ReportCheck> Networks(GradientFunction gradient)
    {
        foreach (var (h, d) in new[] { (2, 2), (4, 3), (3, 7), (16, 16), (32, 32) })
        {
            var rows = GradcheckRun.Run(gradient, GradcheckRun.Random(h, d, h * 100 + d, Catalog.Sigmoid, 1.0, MarginLosses.Logistic));
            bool passed = rows.All(r => r.Verdict != Verdict.Fail);
            yield return new ReportCheck("1f", $"gradient of a random {h}×{d} network (σ), every entry, central difference and complex step",
                $"max |error| {E(rows.Max(r => r.MaxAbsoluteError))}, worst error/tolerance {rows.Where(r => r.WorstCheck.Verdict != Verdict.Inconclusive).Select(r => r.WorstCheck.AbsoluteError / r.WorstCheck.Tolerance).DefaultIfEmpty(0).Max().ToString("0.00", CultureInfo.InvariantCulture)} over {rows.Where(r => r.Oracle == Oracle.CentralDifference).Sum(r => r.Entries)} entries",
                passed);
        }
    }

    /// <summary>Exercise 4: the same network, data and seed trained with each loss; each must reach 95% on XOR.</summary>
    public static IEnumerable<ReportCheck> TrainingRuns(out List<(string Name, IReadOnlyList<EpochRecord> History)> runs)
    {
        var data = Datasets.Xor(200, 1);
        var options = new TrainingOptions();
        var model = NetworkModel.Initialize(8, 2, Catalog.Sigmoid, options.Seed);
        runs = [];
        var checks = new List<ReportCheck>();
        foreach (var loss in MarginLosses.All)
        {
            var result = Trainer.Train(model, data, loss, options);
            runs.Add((loss.Name, result.History));
            var last = result.History[^1];
            checks.Add(new ReportCheck("4", $"XOR trained with the {loss.Name} loss reaches ≥ 95% training accuracy",
                string.Create(CultureInfo.InvariantCulture, $"final loss {last.Loss:0.0000}, accuracy {last.Accuracy:P1}, {TrainingSummary.Milestones(result.History)}"),
                last.Accuracy >= 0.95));
        }

        return checks;
    }

    /// <summary>Sheet 3: the bounds of 3a–3c on grids.</summary>
    public static IEnumerable<ReportCheck> Sheet3()
    {
        double[] ts = [.. Enumerable.Range(-400, 801).Select(k => k / 50.0)];
        double maxGap = ts.Max(t => SmoothHinge.Value(t) - Hinge.Value(t));
        double argMax = ts.MaxBy(t => SmoothHinge.Value(t) - Hinge.Value(t));
        yield return new ReportCheck("3b", "0 < h*(t) − hinge(t) ≤ ln 2, largest at t = 1 (t = −8..8 by 0.02)",
            $"largest gap {maxGap.ToString("R", CultureInfo.InvariantCulture)} at t = {argMax}",
            maxGap <= Math.Log(2) && argMax == 1 && ts.All(t => SmoothHinge.Value(t) - Hinge.Value(t) > 0));

        double shift = ts.Max(t => Math.Abs(SmoothHinge.Value(t) - LogisticLoss.Value(t - 1)));
        yield return new ReportCheck("3c", "h*(t) = l(t − 1) and l(t) ≤ h*(t) (t = −8..8 by 0.02)",
            $"largest |h*(t) − l(t − 1)| = {E(shift)}", shift <= 1e-14 && ts.All(t => LogisticLoss.Value(t) <= SmoothHinge.Value(t)));

        var gaps = Enumerable.Range(1, 80).Select(k => -0.5 * k).ToArray();
        bool bounded = true;
        foreach (int n in new[] { 2, 3, 5, 10 })
        {
            foreach (double g in gaps)
            {
                double excess = LogSumExp.Excess(Plots.Vector(n, g));
                bounded &= excess >= 0 && excess <= (n - 1) * Math.Exp(g) * (1 + 1e-13);
            }
        }

        yield return new ReportCheck("3a", "0 ≤ LSE − max ≤ (n − 1)e^gap for n = 2, 3, 5, 10 and gaps −0.5..−40",
            $"excess at gap −40, n = 2: {E(LogSumExp.Excess([0, -40]))}", bounded);
        double big = LogSumExp.Value([1000, 1000]);
        yield return new ReportCheck("3a", "LSE([1000, 1000]) = 1000 + ln 2 (naive: overflow to ∞)",
            big.ToString("R", CultureInfo.InvariantCulture), Math.Abs(big - (1000 + Math.Log(2))) <= 1e-12);
    }
}
