using Calculus.Cli.Report;
using System.Globalization;
using Calculus.Checking;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using Calculus.Verification.Diagnosis;
using Calculus.Verification.Sheet;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Sweeps;

/// <summary>The check behind <c>calculus gradcheck</c> over a grid: weight scales 1e-3…1e3 (log-spaced, a third of a
/// decade apart), every activation, every loss, h and d in {1, 2, 3, 8, 32}, and a number of seeds. For the library's own
/// gradient it counts failures (there must be none) and inconclusive entries with their reasons; for each known wrong
/// gradient it counts, by scale, the runs that catch it among those where the mistake is visible (it changes some entry
/// beyond the rounding of both, so that a right answer and the mistake differ there at all).</summary>
internal static class GradientGrid
{
    public static readonly double[] Scales = [.. Enumerable.Range(-9, 19).Select(k => Math.Pow(10, k / 3.0))];

    private static readonly int[] Widths = [1, 2, 3, 8, 32];

    private sealed record Tally
    {
        public int Runs { get; set; }

        public int Failed { get; set; }

        public int Entries { get; set; }

        public int Inconclusive { get; set; }

        public Dictionary<string, int> Reasons { get; } = [];
    }

    /// <summary>Replays one run of the grid, as a failure line names it: every block's verdict, worst entry and comparison.</summary>
    /// <param name="args">SCALE ACTIVATION LOSS H D SEED, e.g. 1e3 sin logistic 8 32 1.</param>
    /// <param name="output">Where the rows go.</param>
    /// <returns>1 when a block failed, else 0; 2 for bad arguments.</returns>
    public static int Replay(string[] args, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        if (args.Length != 6 || !double.TryParse(args[0], NumberStyles.Float, inv, out double wanted) || Catalog.Activations.FirstOrDefault(a => a.Name == args[1]) is not { } activation
            || MarginLosses.All.FirstOrDefault(l => l.Name == args[2]) is not { } loss || !int.TryParse(args[3], inv, out int h)
            || !int.TryParse(args[4], inv, out int d) || !int.TryParse(args[5], inv, out int seed))
        {
            Console.Error.WriteLine("usage: calculus-sweeps replay SCALE ACTIVATION LOSS H D SEED (as a failure line of the gradcheck sweep names them)");
            return 2;
        }

        double scale = Scales.MinBy(s => Math.Abs(Math.Log(s / wanted)));
        var (layout, theta, y) = Network(h, d, scale, seed, activation);
        var (w, b, wout, x) = layout.Unflatten(theta);
        var rows = NetworkGradientCheck.Run(layout, theta, y, activation, layout.Flatten(Network_(w, b, wout, x, y, activation, loss)), loss);
        output.WriteLine($"scale {R(scale)}, {activation.Name}, {loss.Name}, h = {h}, d = {d}, seed {seed}, y = {y}; the same network: " +
            $"calculus gradcheck --hidden {h} --inputs {d} --seed {GridSeed(h, d, scale, seed, activation)} --activation {activation.Name} --scale {scale.ToString("R", inv)} --loss {loss.Name}");
        foreach (var r in rows)
        {
            output.WriteLine($"{r.Block} {r.Oracle.Description()}: {r.Verdict}, {r.Failed} failed, {r.Inconclusive} inconclusive of {r.Entries}; worst {r.Worst}: {r.WorstCheck}");
        }

        return rows.Any(r => r.Verdict == Verdict.Fail) ? 1 : 0;
    }

    public static int Run(int seeds, TextWriter output)
    {
        var start = DateTime.UtcNow;
        var byScale = Scales.ToDictionary(s => s, _ => new Tally());
        var mistakes = KnownMistakes.All.Where(m => m.Function == "network").ToList();
        var caught = mistakes.ToDictionary(m => m.Id, _ => Scales.ToDictionary(s => s, _ => (Visible: 0, Caught: 0)));
        var failures = new List<string>();
        foreach (double scale in Scales)
        {
            foreach (var activation in Catalog.Activations)
            {
                foreach (var loss in MarginLosses.All)
                {
                    foreach (int h in Widths)
                    {
                        foreach (int d in Widths)
                        {
                            for (int seed = 1; seed <= seeds; seed++)
                            {
                                var (layout, theta, y) = Network(h, d, scale, seed, activation);
                                var (w, b, wout, x) = layout.Unflatten(theta);
                                var right = Network_(w, b, wout, x, y, activation, loss);
                                var rows = NetworkGradientCheck.Run(layout, theta, y, activation, layout.Flatten(right), loss);
                                var t = byScale[scale];
                                t.Runs++;
                                t.Entries += rows.Sum(r => r.Entries);
                                t.Inconclusive += rows.Sum(r => r.Inconclusive);
                                foreach (var r in rows.Where(r => r.InconclusiveReason is not null))
                                {
                                    string reason = Reason(r.InconclusiveReason!);
                                    t.Reasons[reason] = t.Reasons.GetValueOrDefault(reason) + r.Inconclusive;
                                }

                                if (rows.FirstOrDefault(r => r.Verdict == Verdict.Fail) is { } failed)
                                {
                                    t.Failed++;
                                    failures.Add($"scale {R(scale)}, {activation.Name}, {loss.Name}, h = {h}, d = {d}, seed {seed}: {failed.Block} {failed.Worst}: {failed.WorstCheck}");
                                }

                                var bounds = NetworkErrorBounds.Compute(layout, theta, y, activation, loss);
                                var query = new NetworkQuery(w.ToRowArrays(), b.ToArray(), wout.ToArray(), x.ToArray(), y, activation.Name, loss.Name);
                                foreach (var m in mistakes)
                                {
                                    if (activation.Name == "plu" || m.Sheet.Ask(query) is not { Kind: AnswerKind.Value, Value: { } a })
                                    {
                                        continue; // PLU with its defaults only in the protocol's network; a mistake that cannot be formed here (W·g, W not square)
                                    }

                                    double[] wrong = [.. a.DWeights!.SelectMany(r => r), .. a.DBias!, .. a.DOutputWeights!, .. a.DInput!];
                                    double[] good = layout.Flatten(right);
                                    bool visible = Enumerable.Range(0, good.Length).Any(k =>
                                        !(Math.Abs(wrong[k] - good[k]) <= (100 * bounds.Gradient[k]) + (1e-6 * Math.Max(Math.Abs(wrong[k]), Math.Abs(good[k])))));
                                    if (!visible)
                                    {
                                        continue;
                                    }

                                    bool rejected = NetworkGradientCheck.Run(layout, theta, y, activation, wrong, loss).Any(r => r.Verdict == Verdict.Fail);
                                    var (v, c) = caught[m.Id][scale];
                                    caught[m.Id][scale] = (v + 1, c + (rejected ? 1 : 0));
                                }
                            }
                        }
                    }
                }
            }
        }

        int runs = byScale.Values.Sum(t => t.Runs), failedRuns = byScale.Values.Sum(t => t.Failed);
        output.WriteLine($"false-alarm sweep: the library's gradient, {runs} runs ({Scales.Length} scales × {Catalog.Activations.Count} activations × {MarginLosses.All.Count} losses × {Widths.Length * Widths.Length} shapes × {seeds} seeds), {(DateTime.UtcNow - start).TotalSeconds:0} s");
        output.WriteLine($"failures: {failedRuns}");
        foreach (string f in failures.Take(20))
        {
            output.WriteLine($"  {f}");
        }

        output.WriteLine($"inconclusive entries: {byScale.Values.Sum(t => t.Inconclusive)} of {byScale.Values.Sum(t => t.Entries)}");
        output.WriteLine("scale      runs  failed  inconclusive entries  reasons");
        foreach (var (scale, t) in byScale)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{R(scale),-9}  {t.Runs,4}  {t.Failed,6}  {t.Inconclusive,7} of {t.Entries,-7}  {string.Join("; ", t.Reasons.OrderByDescending(p => p.Value).Select(p => $"{p.Key}: {p.Value}"))}"));
        }

        output.WriteLine();
        output.WriteLine("wrong gradients caught, among the runs where the mistake is visible (caught/visible by scale)");
        foreach (var m in mistakes)
        {
            var per = caught[m.Id];
            int visible = per.Values.Sum(p => p.Visible), hits = per.Values.Sum(p => p.Caught);
            output.WriteLine($"{m.Id}: {m.Description}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  all scales: {hits}/{visible} = {(visible == 0 ? "n/a" : $"{100.0 * hits / visible:0.00} %")}"));
            output.WriteLine("  " + string.Join("  ", per.Where(p => p.Value.Visible > 0).Select(p => $"{R(p.Key)}: {p.Value.Caught}/{p.Value.Visible}")));
        }

        return failedRuns == 0 ? 0 : 1;
    }

    /// <summary>The reason without its numbers, so that reasons group: "kink within reach: the hinge loss's kink".</summary>
    private static string Reason(string reason)
    {
        string text = reason[(reason.IndexOf(':', StringComparison.Ordinal) + 2)..];
        return text.Contains("kink within rounding", StringComparison.Ordinal) ? "a kink within rounding (the complex step)"
            : text.Contains("hinge loss's kink", StringComparison.Ordinal) ? "the hinge's kink within reach"
            : text.Contains("'s kink at", StringComparison.Ordinal) ? "an activation's kink within reach"
            : text.StartsWith("oracle unreliable", StringComparison.Ordinal) ? "oracle unreliable at every step"
            : text.StartsWith("truncation estimate too large", StringComparison.Ordinal) ? "truncation estimate too large"
            : text;
    }

    private static NetworkGradient Network_(Matrix<double> w, Vector<double> b, Vector<double> wout, Vector<double> x, double y, ScalarFunction f, IMarginLoss loss) =>
        Calculus.Networks.Network.Gradient(w, b, wout, x, y, f, loss);

    /// <summary>The network gradcheck draws: entries uniform in [−scale, scale], b moved off the activation's kinks.</summary>
    private static (NetworkParameters Layout, double[] Theta, double Y) Network(int h, int d, double scale, int seed, ScalarFunction activation)
    {
        var s = GradcheckRun.Random(h, d, GridSeed(h, d, scale, seed, activation), activation, scale, MarginLosses.Logistic).Example;
        var layout = new NetworkParameters(h, d);
        return (layout, layout.Flatten(s.W, s.B, s.Wout, s.X), s.Y);
    }

    /// <summary>The seed of a grid point, from its coordinates alone (HashCode and string hashes change from process to
    /// process), so that a failure line replays: the network is the one <c>calculus gradcheck --seed</c> draws with it.</summary>
    internal static int GridSeed(int h, int d, double scale, int seed, ScalarFunction activation)
    {
        int scaleIndex = Array.IndexOf(Scales, scale);
        int activationIndex = Catalog.Activations.ToList().FindIndex(a => a.Name == activation.Name);
        return (((((seed * 32) + scaleIndex) * 16) + activationIndex) * 64 + h) * 64 + d;
    }

    private static string R(double v) => v.ToString("0.###E+0", CultureInfo.InvariantCulture);
}
