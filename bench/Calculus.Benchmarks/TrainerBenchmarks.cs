using BenchmarkDotNet.Attributes;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Training;

namespace Calculus.Benchmarks;

/// <summary>Issue 14: one epoch of gradient descent on 1,000 moons points with h = 16 (σ, logistic loss, η = 1),
/// mini-batches of 16 (the default) and the full batch (0); each epoch ends with the loss and accuracy over every
/// point, as <see cref="Trainer.Train"/> reports them. The same file runs against an older checkout for the before figure.</summary>
[Config(typeof(Config))]
public class TrainerBenchmarks
{
    private Dataset data = null!;
    private NetworkModel model = null!;

    [Params(16, 0)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        data = Datasets.Generate("moons", 1000, 1);
        model = NetworkModel.Initialize(16, 2, Catalog.Sigmoid, 1);
    }

    /// <summary>Ten epochs per call, reported per epoch: the loss and accuracy before training (epoch 0) add a tenth
    /// of an evaluation pass to each.</summary>
    [Benchmark(Description = "one epoch", OperationsPerInvoke = 10)]
    public double Epoch() =>
        Trainer.Train(model, data, MarginLosses.Logistic, new TrainingOptions(10, 1.0, Batch, 1)).History[^1].Loss;
}
