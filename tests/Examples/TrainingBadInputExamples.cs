using Calculus.Functions;
using Calculus.Losses;
using Calculus.Training;

namespace Calculus.Examples;

/// <summary>The exercise-4 rows of docs/inputs.md.</summary>
public sealed class TrainingBadInputExamples
{
    private static readonly Dataset Data = Datasets.Xor(10, 1);
    private static readonly NetworkModel Model = NetworkModel.Initialize(2, 2, Catalog.Sigmoid, 1);

    [Fact]
    public void MarginLosses_Find_NullAndUnknown()
    {
        Assert.Throws<ArgumentNullException>("name", () => MarginLosses.Find(null!));
        Assert.Contains("logistic, smooth-hinge, hinge", Assert.Throws<ArgumentException>("name", () => MarginLosses.Find("squared")).Message, StringComparison.Ordinal);
        Assert.Same(MarginLosses.SmoothHinge, MarginLosses.Find("SMOOTH-HINGE"));
    }

    [Fact]
    public void Datasets_InvalidCountsAndNames()
    {
        Assert.Throws<ArgumentOutOfRangeException>("count", () => Datasets.Blobs(1, 1));
        var unknown = Assert.Throws<ArgumentException>("name", () => Datasets.Generate("spirals", 10, 1));
        Assert.StartsWith("Unknown data set 'spirals'; valid names: blobs, xor, moons.", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(["blobs", "xor", "moons"], Datasets.Names);
        Assert.Equal(0, new Dataset([], []).Dimension);
    }

    [Fact]
    public void Model_AndTrainer_RejectInvalidParameters()
    {
        Assert.Throws<ArgumentOutOfRangeException>("hidden", () => NetworkModel.Initialize(0, 2, Catalog.Tanh, 1));
        Assert.Throws<ArgumentNullException>("activation", () => NetworkModel.Initialize(2, 2, null!, 1));
        var rate = Assert.Throws<ArgumentOutOfRangeException>("options", () => Trainer.Train(Model, Data, MarginLosses.Logistic, new TrainingOptions(LearningRate: 0)));
        Assert.StartsWith("The learning rate must be finite and > 0.", rate.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("options", () => Trainer.Train(Model, Data, MarginLosses.Logistic, new TrainingOptions(LearningRate: double.NaN)));
        Assert.Throws<ArgumentOutOfRangeException>("options", () => Trainer.Train(Model, Data, MarginLosses.Logistic, new TrainingOptions(LearningRate: double.PositiveInfinity)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Train(Model, Data, MarginLosses.Logistic, new TrainingOptions(Epochs: -1)));
        var batch = Assert.Throws<ArgumentOutOfRangeException>("options", () => Trainer.Train(Model, Data, MarginLosses.Logistic, new TrainingOptions(BatchSize: -1)));
        Assert.StartsWith("The batch size must be ≥ 0 (0 is full-batch descent).", batch.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("loss", () => Trainer.Train(Model, Data, null!, new TrainingOptions()));
        Assert.Throws<ArgumentNullException>("data", () => Trainer.MeanLoss(Model, null!, MarginLosses.Hinge));
        var threeD = new Dataset([MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense([1.0, 2, 3])], [1]);
        Assert.Throws<ArgumentException>("x", () => Trainer.MeanLoss(Model, threeD, MarginLosses.Logistic)); // W is 2×2
    }

    [Fact]
    public void Trainer_ZeroEpochs_ReturnsTheModelUnchanged_AndDoesNotTouchTheInput()
    {
        var before = Model.Weights.ToRowMajorArray();
        var result = Trainer.Train(Model, Data, MarginLosses.Logistic, new TrainingOptions(Epochs: 0));
        Assert.Single(result.History);
        Assert.Equal(before, result.Model.Weights.ToRowMajorArray());
        Trainer.Train(Model, Data, MarginLosses.Logistic, new TrainingOptions(Epochs: 3));
        Assert.Equal(before, Model.Weights.ToRowMajorArray()); // training works on a copy
    }
}
