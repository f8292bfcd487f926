using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Calculus.Cli.Report;
using Calculus.Training;

namespace Calculus.Cli.Commands;

/// <summary><c>calculus train</c>: exercise 4, gradient descent on the sheet-1f network with a loss of exercise 3.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var defaults = new TrainingOptions();
        var data = new Option<string>("--data") { Description = "blobs, xor, moons, or a CSV file of x1,...,xd,y rows.", DefaultValueFactory = _ => "xor" };
        var points = new Option<int>("--points") { Description = "Points drawn for blobs, xor and moons.", DefaultValueFactory = _ => 200 };
        var loss = new Option<string>("--loss") { Description = "logistic, smooth-hinge or hinge.", DefaultValueFactory = _ => "logistic" };
        var hidden = new Option<int>("--hidden") { Description = "Hidden width h.", DefaultValueFactory = _ => 8 };
        var activation = new Option<string>("--activation") { Description = "Hidden activation (see calculus list).", DefaultValueFactory = _ => "sigmoid" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the data.", DefaultValueFactory = _ => defaults.Epochs };
        var rate = new Option<double>("--lr") { Description = "Learning rate η.", DefaultValueFactory = _ => defaults.LearningRate };
        var batch = new Option<int>("--batch") { Description = "Mini-batch size; 0 for full-batch gradient descent.", DefaultValueFactory = _ => defaults.BatchSize };
        var seed = new Option<int>("--seed") { Description = "Seed of the data, the initial weights and the batches.", DefaultValueFactory = _ => defaults.Seed };
        var output = new Option<string>("--out") { Description = "Folder for the curve and decision-boundary pictures.", DefaultValueFactory = _ => Path.Combine("artifacts", "train") };
        var command = new Command("train", "Exercise 4: train the sheet-1f network by gradient descent with a loss of exercise 3.")
        {
            data, points, loss, hidden, activation, epochs, rate, batch, seed, output,
        };
        command.SetAction(parse =>
        {
            var lossFunction = FunctionCatalog.Lookup(MarginLosses.Find, parse.GetValue(loss)!, "--loss");
            var f = FunctionCatalog.Lookup(ActivationCatalog.Find, parse.GetValue(activation)!, "--activation");
            int h = parse.GetValue(hidden), n = parse.GetValue(epochs);
            if (h < 1 || n < 0)
            {
                throw new UsageException($"--hidden must be ≥ 1 and --epochs ≥ 0; got {h} and {n}");
            }

            var options = new TrainingOptions(n, parse.GetValue(rate), parse.GetValue(batch), parse.GetValue(seed));
            if (!(options.LearningRate > 0 && double.IsFinite(options.LearningRate)))
            {
                throw new UsageException($"--lr must be finite and > 0; got {Numbers.Format(options.LearningRate)}");
            }

            var set = Load(parse.GetValue(data)!, parse.GetValue(points), options.Seed);
            string directory = parse.GetValue(output)!;
            ReportCommand.ProbeWritable(directory);

            var model = NetworkModel.Initialize(h, set.Dimension, f, options.Seed);
            int every = Math.Max(1, n / 20);
            var clock = Stopwatch.StartNew();
            var result = Trainer.Train(model, set, lossFunction, options, r =>
            {
                if (context.Interactive && (r.Epoch % every == 0 || r.Epoch == n))
                {
                    context.Output.WriteLine($"epoch {r.Epoch,5}/{n}  loss {r.Loss:0.0000}  accuracy {r.Accuracy:P1}");
                    context.Output.Flush();
                }
            });
            var last = result.History[^1];
            string name = $"{lossFunction.Name}";
            Plots.Save(Plots.TrainingCurves([(lossFunction.Name, result.History)], $"{parse.GetValue(data)}: loss and accuracy"), directory, "curve", svg: false);
            if (set.Dimension == 2)
            {
                Plots.Save(Plots.DecisionBoundary(result.Model, set, $"{parse.GetValue(data)}, {name}, h = {h}: accuracy {last.Accuracy:P1}"), directory, "boundary", svg: false);
            }

            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"train: {set.Count} points ({parse.GetValue(data)}), loss {lossFunction.Name}, h = {h}, {f.Name}, {n} epochs, η = {options.LearningRate}, batch {(options.BatchSize <= 0 ? "full" : options.BatchSize.ToString(CultureInfo.InvariantCulture))}, seed {options.Seed}"));
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"final loss {last.Loss:0.0000}, accuracy {last.Accuracy:P1} (≥ 95% from epoch {FirstEpoch(result.History, 0.95)}, 100% from {FirstEpoch(result.History, 1.0)}); {clock.Elapsed.TotalSeconds:0.00} s, {clock.Elapsed.TotalMilliseconds / Math.Max(1, n):0.00} ms per epoch"));
            context.Output.WriteLine($"pictures: {Path.GetFullPath(Path.Combine(directory, "curve.png"))}{(set.Dimension == 2 ? ", boundary.png" : "")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static string FirstEpoch(IReadOnlyList<EpochRecord> history, double accuracy) =>
        history.FirstOrDefault(r => r.Accuracy >= accuracy)?.Epoch.ToString(CultureInfo.InvariantCulture) ?? "never";

    private static Dataset Load(string data, int points, int seed)
    {
        if (Datasets.Names.Contains(data))
        {
            if (points < 2)
            {
                throw new UsageException($"--points must be ≥ 2; got {points}");
            }

            return Datasets.Generate(data, points, seed);
        }

        if (!File.Exists(data))
        {
            throw new UsageException($"--data: '{data}' is neither {string.Join(", ", Datasets.Names)} nor an existing CSV file");
        }

        try
        {
            using var reader = File.OpenText(data);
            return Datasets.ReadCsv(reader);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"{data}: {e.Message}");
        }
    }
}
