using BenchmarkDotNet.Attributes;
using Calculus.Cli;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Training;

namespace Calculus.Benchmarks;

/// <summary>What the "training took …" of <c>calculus train --points 20 --epochs 1</c> leaves out: the training alone
/// (the defaults h = 8, σ, logistic loss, η = 1, batch 16, on 20 XOR points), against the whole command with the same
/// options, which also draws curve.png and boundary.png. The claim: the training is a small fraction of the command, so a
/// time that took in the pictures would come close to the whole run's. (TrainCommandTests checks with a stand-in clock
/// that the pictures fall outside the time the command prints.)</summary>
[Config(typeof(Config))]
public class TrainCommandBenchmarks
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "calculus-bench-" + Guid.NewGuid().ToString("N"));
    private readonly Dataset data = Datasets.Xor(20, 1);

    /// <summary>Trainer.Train as the command calls it, from the same initial network.</summary>
    [Benchmark(Baseline = true, Description = "train: the training alone")]
    public double Training() =>
        Trainer.Train(NetworkModel.Initialize(8, 2, Catalog.Sigmoid, 1), data, MarginLosses.Logistic, new TrainingOptions(Epochs: 1)).History[^1].Loss;

    /// <summary>The whole command: options, data, the same training, both pictures, its two lines of output.</summary>
    [Benchmark(Description = "train: the whole command")]
    public int Command() =>
        CliApp.Run(["train", "--points", "20", "--epochs", "1", "--out", folder], TextReader.Null, TextWriter.Null, TextWriter.Null);

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
