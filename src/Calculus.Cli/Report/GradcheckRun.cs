using System.Globalization;
using Calculus.Checking;
using Calculus.Cli.Common;
using Calculus.Functions;
using Calculus.Losses;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Cli.Report;

/// <summary>A gradient check of a network as <c>calculus gradcheck</c> and the report run it: the network, the check,
/// its closing line and its table.</summary>
internal static class GradcheckRun
{
    /// <summary>A network to check and where it came from (", scale 1, seed 1" or ", from FILE").</summary>
    internal sealed record Setup(NetworkExample Example, string Origin)
    {
        public string Header =>
            $"gradcheck: h = {Example.Hidden}, d = {Example.Inputs}, activation {Example.Activation.Name}, loss {Example.Loss.Name}{Origin}, y = {Numbers.Format(Example.Y)}";
    }

    /// <summary>The seeded random network: every entry uniform in [−scale, scale], b moved off the activation's kinks
    /// so that every stencil stays clear of them.</summary>
    internal static Setup Random(int h, int d, int seed, ScalarFunction activation, double scale, IMarginLoss loss)
    {
        var rng = new Random(seed);
        double Next() => scale * ((2 * rng.NextDouble()) - 1);
        var w = Matrix<double>.Build.Dense(h, d, (_, _) => Next());
        var b = Vector<double>.Build.Dense(h, _ => Next());
        var wout = Vector<double>.Build.Dense(h, _ => Next());
        var x = Vector<double>.Build.Dense(d, _ => Next());
        double y = rng.Next(2) == 0 ? -1 : 1;
        NetworkGradientCheck.MoveOffKinks(w, b, x, activation);
        return new Setup(new NetworkExample(w, b, wout, x, y, activation, loss), $", scale {Numbers.Format(scale)}, seed {seed}");
    }

    /// <summary>Checks the gradient of the setup; shared with the report.</summary>
    internal static IReadOnlyList<BlockCheck> Run(GradientFunction gradient, Setup s)
    {
        var n = s.Example;
        return n.Check(gradient(n.W, n.B, n.Wout, n.X, n.Y, n.Activation, n.Loss));
    }

    /// <summary>The closing line: every entry within tolerance, or how many were inconclusive and why, or FAILED.</summary>
    internal static string Summary(IReadOnlyList<BlockCheck> rows)
    {
        if (rows.Any(r => r.Verdict == Verdict.Fail))
        {
            return $"gradcheck: FAILED, {rows.Sum(r => r.Failed)} entries beyond tolerance";
        }

        int undecided = rows.Sum(r => r.Inconclusive);
        return undecided == 0
            ? "gradcheck: every entry within tolerance"
            : $"gradcheck: no entry beyond tolerance; {undecided} of {rows.Sum(r => r.Entries)} checks inconclusive (first: {rows.First(r => r.Inconclusive > 0).InconclusiveReason})";
    }

    private static readonly string[] Headings = ["block", "entries", "max |error|", "max relative", "worst", "oracle", "time", "result"];

    internal static string Table(IReadOnlyList<BlockCheck> rows)
    {
        var lines = new List<string[]> { Headings };
        lines.AddRange(rows.Select(r => new[]
        {
            r.Block, r.Entries.ToString(CultureInfo.InvariantCulture), E(r.MaxAbsoluteError), E(r.MaxRelativeError), r.Worst, r.Oracle.ShortName(),
            $"{r.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms", Result(r),
        }));
        int[] widths = [.. Enumerable.Range(0, 8).Select(c => lines.Max(l => l[c].Length))];
        return string.Join(Environment.NewLine, lines.Select(l => string.Join("  ", l.Select((cell, c) => c == 7 ? cell : cell.PadRight(widths[c]))).TrimEnd()));
    }

    private static string E(double v) => v.ToString("0.0e+00", CultureInfo.InvariantCulture);

    private static string Result(BlockCheck r) => r.Verdict switch
    {
        Verdict.Fail => $"FAIL ({r.Failed} of {r.Entries}): {r.WorstCheck}",
        Verdict.Inconclusive => $"inconclusive: {r.InconclusiveReason}",
        _ when r.Inconclusive > 0 => $"pass, {r.Inconclusive} inconclusive ({r.InconclusiveReason})",
        _ => "pass",
    };
}
