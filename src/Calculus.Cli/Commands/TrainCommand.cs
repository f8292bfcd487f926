using System.CommandLine;
using System.Globalization;
using Calculus.Cli.Common;
using Calculus.Cli.Input;
using Calculus.Cli.Report;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Training;

namespace Calculus.Cli.Commands;

/// <summary><c>calculus train</c>: exercise 4, gradient descent on the sheet-1f network with a loss of exercise 3. Sizes
/// beyond <see cref="TrainingLimits"/> are usage errors (exit 2); a run that diverges stops with a message and exit 1.</summary>
internal static class TrainCommand
{
    private static readonly string[] Pictures = ["curve.png", "boundary.png"];

    public static Command Create(CliContext context)
    {
        var defaults = new TrainingOptions();
        var data = new Option<string>("--data") { Description = "blobs, xor, moons, or a CSV file of x1,...,xd,y rows (an optional first line naming every column).", DefaultValueFactory = _ => "xor" };
        var points = new Option<int>("--points") { Description = Invariant($"Points drawn for blobs, xor and moons: 2..{TrainingLimits.MaxPoints:N0}."), DefaultValueFactory = _ => 200 };
        var loss = new Option<string>("--loss") { Description = "logistic, smooth-hinge or hinge.", DefaultValueFactory = _ => "logistic" };
        var hidden = new Option<int>("--hidden") { Description = Invariant($"Hidden width h: 1..{TrainingLimits.MaxHidden:N0}."), DefaultValueFactory = _ => 8 };
        var activation = new Option<string>("--activation") { Description = "Hidden activation (see calculus list).", DefaultValueFactory = _ => "sigmoid" };
        var epochs = new Option<int>("--epochs") { Description = Invariant($"Passes over the data: 0..{TrainingLimits.MaxEpochs:N0} (0 shows the initial network)."), DefaultValueFactory = _ => defaults.Epochs };
        var rate = new Option<double>("--lr") { Description = "Learning rate η > 0. A run that diverges (its mean loss L becomes infinite or exceeds 1000·max(1, L₀), or ends above 10·max(1, L₀), L₀ the loss before training) stops with exit 1: take a smaller η.", DefaultValueFactory = _ => defaults.LearningRate, CustomParser = Numbers.ParseOption };
        var batch = new Option<int>("--batch") { Description = Invariant($"Mini-batch size: 0..{TrainingLimits.MaxBatch:N0}; 0 (or any size ≥ the number of points) is full-batch gradient descent."), DefaultValueFactory = _ => defaults.BatchSize };
        var seed = new Option<int>("--seed") { Description = "Seed of the data, the initial weights and the batches.", DefaultValueFactory = _ => defaults.Seed };
        var output = new Option<string>("--out") { Description = "Folder for the curve and decision-boundary pictures.", DefaultValueFactory = _ => Path.Combine("artifacts", "train") };
        var command = new Command("train", "Exercise 4: train the sheet-1f network by gradient descent with a loss of exercise 3. Exit 0 when the run completes, 1 when it diverges, 2 for a usage or input error.")
        {
            data, points, loss, hidden, activation, epochs, rate, batch, seed, output,
        };
        command.SetAction(parse =>
        {
            var lossFunction = Lookup.Of(MarginLosses.Find, parse.GetValue(loss)!, "--loss");
            var f = Lookup.Of(Catalog.FindActivation, parse.GetValue(activation)!, "--activation");
            int h = parse.GetValue(hidden);
            var options = new TrainingOptions(parse.GetValue(epochs), parse.GetValue(rate), parse.GetValue(batch), parse.GetValue(seed));
            InRange("--hidden", h, 1, TrainingLimits.MaxHidden);
            InRange("--epochs", options.Epochs, 0, TrainingLimits.MaxEpochs);
            InRange("--batch", options.BatchSize, 0, TrainingLimits.MaxBatch, " (0 is full-batch descent)");
            if (!(options.LearningRate > 0 && double.IsFinite(options.LearningRate)))
            {
                throw new UsageException($"--lr must be finite and > 0; got {Numbers.Format(options.LearningRate)}");
            }

            string source = parse.GetValue(data)!;
            bool generated = Datasets.Names.Contains(source);
            if (!generated && parse.GetResult(points) is { Implicit: false })
            {
                throw new UsageException("--points applies to blobs, xor and moons; a CSV file brings its own points");
            }

            var set = generated ? Generate(source, parse.GetValue(points), options.Seed) : ReadCsv(source);
            string directory = parse.GetValue(output)!;
            ReportCommand.ProbeWritable(directory);
            if (Pictures.Select(p => Path.Combine(directory, p)).FirstOrDefault(Directory.Exists) is { } folder)
            {
                throw new UsageException($"--out: '{folder}' is a folder, where train writes a picture");
            }

            return Run(context, set, source, NetworkModel.Initialize(h, set.Dimension, f, options.Seed), lossFunction, options, directory);
        });
        return command;
    }

    private static int Run(CliContext context, Dataset set, string source, NetworkModel model, IMarginLoss loss, TrainingOptions options, string directory)
    {
        int n = options.Epochs, h = model.Bias.Count;
        string batch = options.BatchSize == 0 || options.BatchSize >= set.Count ? "full" : options.BatchSize.ToString(CultureInfo.InvariantCulture);
        context.Output.WriteLine(Invariant(
            $"train: {Count(set.Count, "point")} ({source}), loss {loss.Name}, h = {h}, {model.Activation.Name}, {Count(n, "epoch")}, η = {Numbers.Format(options.LearningRate)}, batch {batch}, seed {options.Seed}"));
        context.Output.Flush(); // the header comes before the progress lines on a terminal

        int every = Math.Max(1, n / 20);
        var clock = context.Clock ?? TimeProvider.System;
        long started = clock.GetTimestamp();
        var result = Trainer.Train(model, set, loss, options, r =>
        {
            if (context.Interactive && (r.Epoch % every == 0 || r.Epoch == n))
            {
                context.Output.WriteLine(Invariant($"epoch {r.Epoch,5}/{n}  loss {r.Loss:0.0000}  accuracy {r.Accuracy:P1}"));
                context.Output.Flush();
            }
        });
        var took = clock.GetElapsedTime(started); // the time of the training alone, without the pictures
        var first = result.History[0];
        var last = result.History[^1];
        if (result.Diverged)
        {
            context.Output.Flush();
            string weights = Finite(result.Model) ? "" : ", and the weights became infinite or NaN";
            context.Error.WriteLine(double.IsFinite(first.Loss)
                ? Invariant($"calculus: training diverged: the mean loss went from {first.Loss:0.0000} before training to {last.Loss:G4} at epoch {last.Epoch}{(last.Epoch < n ? " (stopped there)" : "")}{weights}; the step η = {Numbers.Format(options.LearningRate)} is too large: try a smaller one, e.g. --lr {Numbers.Format(options.LearningRate / 10)}")
                : Invariant($"calculus: training cannot start: the mean loss of the initial network is already {first.Loss:G4}; scale the data to coordinates of about -1..1"));
            return ExitCodes.CheckFailed;
        }

        Plots.Save(Plots.TrainingCurves([(loss.Name, result.History)], $"{source}: loss and accuracy"), directory, "curve", svg: false);
        if (set.Dimension == 2)
        {
            Plots.Save(Plots.DecisionBoundary(result.Model, set, Invariant($"{source}, {loss.Name}, h = {h}: accuracy {last.Accuracy:P1}")), directory, "boundary", svg: false);
        }

        context.Output.WriteLine(n == 0
            ? Invariant($"final loss {last.Loss:0.0000}, accuracy {last.Accuracy:P1}: the initial network (0 epochs, nothing trained)")
            : Invariant($"final loss {last.Loss:0.0000}, accuracy {last.Accuracy:P1} ({TrainingSummary.Milestones(result.History)}); training took {took.TotalSeconds:0.00} s, {took.TotalMilliseconds / n:0.00} ms per epoch"));
        context.Output.WriteLine($"pictures: {Path.GetFullPath(Path.Combine(directory, "curve.png"))}{(set.Dimension == 2 ? ", boundary.png" : "")}");
        return ExitCodes.Ok;
    }

    private static bool Finite(NetworkModel model) =>
        model.Weights.Enumerate().Concat(model.Bias).Concat(model.OutputWeights).All(double.IsFinite);

    private static void InRange(string option, int value, int min, int max, string note = "")
    {
        if (value < min || value > max)
        {
            throw new UsageException(Invariant($"{option} must lie in {min}..{max:N0}{note}; got {value}"));
        }
    }

    /// <summary>"1 point", "200 points".</summary>
    private static string Count(int count, string noun) => Invariant($"{count} {noun}{(count == 1 ? "" : "s")}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static Dataset Generate(string name, int points, int seed)
    {
        InRange("--points", points, 2, TrainingLimits.MaxPoints);
        return Datasets.Generate(name, points, seed);
    }

    private static Dataset ReadCsv(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--data: '{path}' is neither {string.Join(", ", Datasets.Names)} nor an existing CSV file");
        }

        try
        {
            using var reader = File.OpenText(path);
            return CsvDataset.Read(reader);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"{path}: {e.Message}");
        }
    }
}
