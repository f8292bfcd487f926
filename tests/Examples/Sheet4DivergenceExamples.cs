using Calculus.Functions;
using Calculus.Losses;
using Calculus.Training;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Examples;

/// <summary>Exercise 4: when <see cref="Trainer.Train"/> stops a run as diverged, and at which epoch: a loss that is not
/// finite or exceeds 1000·max(1, L₀) (L₀ the loss before training), weights that are not finite, or a final loss above
/// 10·max(1, L₀).</summary>
public sealed class Sheet4DivergenceExamples
{
    [Fact]
    public void Sheet4_Divergence_AnInfiniteOrRunawayLoss_StopsTheRun()
    {
        var data = Datasets.Xor(200, seed: 1);
        var model = NetworkModel.Initialize(8, 2, Catalog.Sigmoid, seed: 1);
        foreach (double rate in new[] { 1e308, 1e6 })
        {
            var result = Trainer.Train(model, data, MarginLosses.Logistic, new TrainingOptions(Epochs: 50, LearningRate: rate));
            Assert.True(result.Diverged, $"η = {rate}");
            Assert.Equal(2, result.History.Count); // stopped after epoch 1
            double loss = result.History[^1].Loss;
            Assert.True(!double.IsFinite(loss) || loss > 1000 * Math.Max(1, result.History[0].Loss), $"η = {rate}: loss {loss}");
        }

        var fine = Trainer.Train(model, data, MarginLosses.Logistic, new TrainingOptions());
        Assert.False(fine.Diverged);
        Assert.Equal(301, fine.History.Count);
    }

    [Fact]
    public void Sheet4_Divergence_ALossThatEndsAnOrderOfMagnitudeAboveItsStart_IsADivergence()
    {
        // h = 1024 with η = 1 on 20 XOR points: the loss jumps about without running away and ends far above its start.
        var result = Trainer.Train(NetworkModel.Initialize(1024, 2, Catalog.Sigmoid, seed: 1), Datasets.Xor(20, seed: 1), MarginLosses.Logistic, new TrainingOptions(Epochs: 40));
        Assert.Equal(41, result.History.Count); // ran to the end
        Assert.True(result.History.All(e => e.Loss <= 1000 * Math.Max(1, result.History[0].Loss)));
        Assert.True(result.History[^1].Loss > 10 * Math.Max(1, result.History[0].Loss), $"final loss {result.History[^1].Loss}");
        Assert.True(result.Diverged);
    }

    [Fact]
    public void Sheet4_Divergence_TheThresholds()
    {
        Assert.True(Trainer.HasRunAway(double.NaN, 0.7));
        Assert.True(Trainer.HasRunAway(double.PositiveInfinity, 0.7));
        Assert.False(Trainer.HasRunAway(1000, 0.7)); // 1000·max(1, 0.7) = 1000
        Assert.True(Trainer.HasRunAway(1000.0001, 0.7));
        Assert.False(Trainer.HasRunAway(2999, 3)); // 1000·3
        Assert.True(Trainer.HasRunAway(3001, 3));
        Assert.False(Trainer.HasDiverged(10, 0.7)); // 10·max(1, 0.7) = 10
        Assert.True(Trainer.HasDiverged(10.0001, 0.7));
        Assert.False(Trainer.HasDiverged(29, 3));
        Assert.True(Trainer.HasDiverged(31, 3));
        Assert.False(Trainer.HasDiverged(0, 0));
        Assert.True(Trainer.HasDiverged(double.NaN, 0));
    }

    [Fact]
    public void Sheet4_Divergence_NonFiniteWeights_StopTheRun_WhileTheLossLooksFine()
    {
        // Blobs (200 points, seed 1), h = 1, tanh, hinge loss, η = 1e308: the first epoch sends W₁₁ to +∞. tanh
        // saturates at ±1, so every score is ±w with the right sign (|w| ≈ 6e307): the mean hinge loss is 0 and the
        // accuracy 100 %. Only the weights show that the run has broken.
        var model = NetworkModel.Initialize(1, 2, Catalog.Tanh, seed: 1);
        var result = Trainer.Train(model, Datasets.Blobs(200, seed: 1), MarginLosses.Hinge, new TrainingOptions(Epochs: 3, LearningRate: 1e308));
        Assert.Equal(0.0, result.History[^1].Loss);
        Assert.Contains(result.Model.Weights.ToColumnMajorArray(), w => !double.IsFinite(w));
        Assert.True(result.Diverged);
        Assert.Equal(2, result.History.Count); // stopped after epoch 1
    }

    [Fact]
    public void Sheet4_Divergence_AGradualRunaway_StopsAtTheFirstEpochBeyond1000TimesTheInitialLoss()
    {
        // A run built to diverge slowly, so that a runaway measured against the previous epoch (never more than 4 times
        // the loss before it) would not see it, and only the comparison with epoch 0 does. Two copies of x = (1, 1, 1)
        // with the labels +1 and −1; one hidden unit with the identity (PLU with α = 1 and c = double.MaxValue returns every double itself);
        // W = (1, 1, 0), b = 0, w = 1: a = Wx + b = 2, z = w·a = 2; full-batch descent with η = 3 on the hinge loss.
        // For z > 1 only the label −1 is inside its margin, so ∂L/∂z = 1/2 for the mean loss L = (1 + z)/2; then
        // ∂L/∂w = a/2, and each of the four terms of a (three weights, the bias) moves by η·w/2: a' = a − 4·η·w/2 =
        // a − 6w, w' = w − η·a/2 = w − 1.5a. With a = 2w that is w' = −2w, a' = −4w = 2w': the step keeps a = 2w and
        // multiplies z = 2w² by 4. So z_k = 2·4^k and L_k = (1 + 2·4^k)/2, exactly (every number is a dyadic
        // fraction): 1.5, 4.5, 16.5, …, 1024.5 at epoch 5, 4096.5 at epoch 6, the first above 1000·L₀ = 1500.
        var x = Vector<double>.Build.Dense([1.0, 1, 1]);
        var data = new Dataset([x, x], [1.0, -1.0]);
        var identity = Catalog.CreatePlu(alpha: 1, c: double.MaxValue);
        var model = new NetworkModel(
            Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 1, 0 } }), Vector<double>.Build.Dense([0.0]), Vector<double>.Build.Dense([1.0]), identity);
        var result = Trainer.Train(model, data, MarginLosses.Hinge, new TrainingOptions(Epochs: 10, LearningRate: 3, BatchSize: 0));

        var losses = result.History.Select(e => e.Loss).ToList();
        Assert.Equal([.. Enumerable.Range(0, 7).Select(k => (1 + (2 * Math.Pow(4, k))) / 2)], losses);
        Assert.All(Enumerable.Range(1, 6), k => Assert.True(losses[k] < 4 * losses[k - 1], $"epoch {k}"));
        Assert.True(result.Diverged);
    }
}
