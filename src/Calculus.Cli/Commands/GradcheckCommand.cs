using System.CommandLine;
using Calculus.Checking;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Cli.Commands;

/// <summary><c>calculus gradcheck [--hidden H] [--inputs D] [--seed S] [--activation NAME] [--scale S]</c>: a random network,
/// its analytic gradient against the numeric one block by block; exit 1 if any entry is beyond tolerance.</summary>
internal static class GradcheckCommand
{
    public static Command Create(CliContext context)
    {
        var hidden = new Option<int>("--hidden") { Description = "Hidden width h.", DefaultValueFactory = _ => 4 };
        var inputs = new Option<int>("--inputs") { Description = "Input size d.", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var activation = new Option<string>("--activation") { Description = "Hidden activation (see calculus list).", DefaultValueFactory = _ => "sigmoid" };
        var scale = new Option<double>("--scale") { Description = "Entries uniform in [-scale, scale].", DefaultValueFactory = _ => 1.0 };
        var command = new Command("gradcheck", "Check the network gradient of a random network against finite differences (and the complex step for sigmoid).")
        {
            hidden, inputs, seed, activation, scale,
        };
        command.SetAction(parse =>
        {
            int h = parse.GetValue(hidden), d = parse.GetValue(inputs);
            double s = parse.GetValue(scale);
            if (h < 1 || d < 1 || h > 1024 || d > 1024)
            {
                throw new UsageException($"--hidden and --inputs must lie in 1..1024; got {h} and {d}");
            }

            if (!(s > 0 && double.IsFinite(s)))
            {
                throw new UsageException($"--scale must be finite and > 0; got {s}");
            }

            var f = FunctionCatalog.Lookup(ActivationCatalog.Find, parse.GetValue(activation)!, "--activation");
            var (rows, passed) = Run(context.Gradient, h, d, parse.GetValue(seed), f, s, out string header);
            context.Output.WriteLine(header);
            context.Output.WriteLine(Table(rows));
            context.Output.WriteLine(passed ? "gradcheck: every entry within tolerance" : "gradcheck: FAILED, some entries beyond tolerance");
            return passed ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    /// <summary>Builds the seeded random network and checks the gradient; shared with the report.</summary>
    internal static (IReadOnlyList<BlockCheck> Rows, bool Passed) Run(
        GradientFunction gradient, int h, int d, int seed, Activation activation, double scale, out string header)
    {
        var rng = new Random(seed);
        double Next() => scale * ((2 * rng.NextDouble()) - 1);
        var w = Matrix<double>.Build.Dense(h, d, (_, _) => Next());
        var b = Vector<double>.Build.Dense(h, _ => Next());
        var wout = Vector<double>.Build.Dense(h, _ => Next());
        var x = Vector<double>.Build.Dense(d, _ => Next());
        double y = rng.Next(2) == 0 ? -1 : 1;
        NetworkGradientCheck.MoveOffKinks(w, b, x, activation);
        var layout = new NetworkParameters(h, d);
        var rows = NetworkGradientCheck.Run(layout, layout.Flatten(w, b, wout, x), y, activation, layout.Flatten(gradient(w, b, wout, x, y, activation)));
        header = $"gradcheck: h = {h}, d = {d}, activation {activation.Name}, scale {Numbers.Format(scale)}, seed {seed}, y = {Numbers.Format(y)}";
        return (rows, rows.All(r => r.Passed));
    }

    private static readonly string[] Headings = ["block", "entries", "max |error|", "max relative", "worst", "oracle", "time", "result"];

    internal static string Table(IReadOnlyList<BlockCheck> rows)
    {
        var lines = new List<string[]> { Headings };
        lines.AddRange(rows.Select(r => new[]
        {
            r.Block, r.Entries.ToString(System.Globalization.CultureInfo.InvariantCulture), r.MaxAbsoluteError.ToString("0.0e+00", System.Globalization.CultureInfo.InvariantCulture),
            r.MaxRelativeError.ToString("0.0e+00", System.Globalization.CultureInfo.InvariantCulture), r.Worst, r.Oracle.Split(',')[0],
            $"{r.Elapsed.TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} ms", r.Passed ? "pass" : "FAIL: " + r.WorstCheck,
        }));
        int[] widths = [.. Enumerable.Range(0, 8).Select(c => lines.Max(l => l[c].Length))];
        return string.Join(Environment.NewLine, lines.Select(l => string.Join("  ", l.Select((cell, c) => c == 7 ? cell : cell.PadRight(widths[c]))).TrimEnd()));
    }
}
