using Calculus.Activations;
using Calculus.Examples.Support;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using Calculus.Training;

namespace Calculus.Examples;

/// <summary>Exercise 4 with fixed seeds: training reaches the accuracy it should, and runs are reproducible.</summary>
public sealed class Sheet4TrainingExamples
{
    public static TheoryData<string> SmoothLosses() => [.. MarginLosses.All.Where(l => l.IsSmooth).Select(l => l.Name)];

    [Theory]
    [InlineData("logistic")]
    [InlineData("smooth-hinge")]
    [InlineData("hinge")]
    public void Sheet4_SeparableBlobs_ReachFullTrainingAccuracy(string loss)
    {
        var data = Datasets.Blobs(200, seed: 1);
        var result = Trainer.Train(NetworkModel.Initialize(4, 2, Catalog.Sigmoid, seed: 1), data, MarginLosses.Find(loss), new TrainingOptions());
        Assert.Equal(1.0, result.History[^1].Accuracy);
    }

    [Theory]
    [InlineData("logistic", 4)]
    [InlineData("smooth-hinge", 4)]
    [InlineData("logistic", 8)]
    [InlineData("smooth-hinge", 8)]
    public void Sheet4_Xor_ReachesNinetyFivePercent_WithFourOrMoreHiddenUnits(string loss, int hidden)
    {
        // 600 epochs of mini-batch descent (batch 16, η = 1), seeds 1: h = 4 needs ~360 epochs for the logistic loss.
        var data = Datasets.Xor(200, seed: 1);
        var result = Trainer.Train(NetworkModel.Initialize(hidden, 2, Catalog.Sigmoid, seed: 1), data, MarginLosses.Find(loss), new TrainingOptions(Epochs: 600));
        Assert.True(result.History[^1].Accuracy >= 0.95, $"accuracy {result.History[^1].Accuracy}");
        Assert.True(result.History[^1].Loss < result.History[0].Loss / 5, "the loss fell by at least 5×");
    }

    [Fact]
    public void Sheet4_SameSeed_GivesBitwiseTheSameWeights_OtherSeedsDoNot()
    {
        var data = Datasets.Moons(100, seed: 3);
        TrainingResult Run(int seed) => Trainer.Train(NetworkModel.Initialize(5, 2, Catalog.Tanh, seed), data, MarginLosses.SmoothHinge, new TrainingOptions(20, 0.5, 8, seed));
        var a = Run(7);
        var b = Run(7);
        var c = Run(8);
        Assert.Equal(a.Model.Weights.ToRowMajorArray(), b.Model.Weights.ToRowMajorArray());
        Assert.Equal(a.Model.OutputWeights.ToArray(), b.Model.OutputWeights.ToArray());
        Assert.Equal(a.History, b.History);
        Assert.NotEqual(a.Model.Weights.ToRowMajorArray(), c.Model.Weights.ToRowMajorArray());
        Assert.Equal(Datasets.Xor(50, 2).Points, Datasets.Xor(50, 2).Points);
    }

    [Fact]
    public void Sheet4_Generators_GiveBalancedLabels_AndBlobsAreSeparable()
    {
        foreach (var name in Datasets.Names)
        {
            var d = Datasets.Generate(name, 200, 5);
            Assert.Equal(200, d.Count);
            Assert.All(d.Labels, y => Assert.True(y == 1 || y == -1));
            Assert.InRange(d.Labels.Count(y => y > 0), 60, 140);
        }

        var blobs = Datasets.Blobs(400, 9);
        Assert.All(Enumerable.Range(0, blobs.Count), k => Assert.True(blobs.Labels[k] * blobs.Points[k][0] >= 0.5)); // separated by x₁ = 0
    }

    [Fact]
    public void Sheet4_Generators_AlternateTheLabels_AndDrawTheStatedShapes()
    {
        // Blobs: y_k = −1 for even k, centres (∓2, 0), every point at least 0.5 on its own side of x₁ = 0.
        var blobs = Datasets.Blobs(400, 4);
        Assert.All(Enumerable.Range(0, blobs.Count), k => Assert.Equal(k % 2 == 0 ? -1.0 : 1.0, blobs.Labels[k]));
        foreach (double y in new[] { -1.0, 1.0 })
        {
            double meanX1 = Enumerable.Range(0, 400).Where(k => blobs.Labels[k] == y).Average(k => blobs.Points[k][0]);
            Assert.InRange(meanX1 * y, 1.8, 2.2); // 2 plus a truncation bias below 0.01; the mean of 200 draws varies by 0.035
        }

        // Moons: y_k = +1 (upper half circle about (0, 0)) for even k, −1 (lower half circle about (1, 0.5)) for odd k,
        // radius 1, noise σ = 0.1 per coordinate: every point within 0.5 (5σ) of its circle and of its half.
        var moons = Datasets.Moons(400, 4);
        for (int k = 0; k < moons.Count; k++)
        {
            double x1 = moons.Points[k][0], x2 = moons.Points[k][1];
            bool upper = k % 2 == 0;
            Assert.Equal(upper ? 1.0 : -1.0, moons.Labels[k]);
            double radius = upper ? Math.Sqrt((x1 * x1) + (x2 * x2)) : Math.Sqrt(((x1 - 1) * (x1 - 1)) + ((x2 - 0.5) * (x2 - 0.5)));
            Assert.InRange(radius, 0.5, 1.5);
            Assert.True(upper ? x2 >= -0.5 : x2 <= 1.0, $"point {k} ({x1}, {x2}) lies on the wrong half of its circle");
        }
    }

    [Fact]
    public void Sheet4_MarginLosses_TheHingeIsTheOneWithAKink()
    {
        Assert.Equal(["logistic", "smooth-hinge"], MarginLosses.All.Where(l => l.IsSmooth).Select(l => l.Name));
        Assert.False(MarginLosses.Hinge.IsSmooth);
        // ∂/∂z max(0, 1 − yz) = −y for yz < 1, 0 beyond.
        Assert.Equal(0.0, MarginLosses.Hinge.DerivativeInScore(2, 1));
        Assert.Equal(-1.0, MarginLosses.Hinge.DerivativeInScore(0.5, 1));
        Assert.Equal(1.0, MarginLosses.Hinge.DerivativeInScore(0.5, -1));
        Assert.Equal(0.0, MarginLosses.Hinge.DerivativeInScore(-3, -1));
    }

    [Fact]
    public void Sheet4_NetworkGradient_WithTheLogisticMarginLoss_IsTheSheetGradient()
    {
        var m = NetworkModel.Initialize(3, 2, Catalog.Sigmoid, 4);
        var x = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense([0.3, -1.2]);
        var sheet = Network.Gradient(m.Weights, m.Bias, m.OutputWeights, x, -1, m.Activation);
        var margin = Network.Gradient(m.Weights, m.Bias, m.OutputWeights, x, -1, m.Activation, MarginLosses.Logistic);
        Assert.Equal(sheet.Weights.ToRowMajorArray(), margin.Weights.ToRowMajorArray());
        Assert.Equal(sheet.Loss, margin.Loss);
    }

    [Theory]
    [InlineData(-1.0, 1.0)] // z = 1.379, margin yz = −1.379
    [InlineData(1.0, 0.4)] // z = 0.552, margin 0.552: still below 1
    [InlineData(1.0, 1.0)] // margin 1.379 ≥ 1: the gradient is 0
    public void Sheet4_NetworkGradient_WithTheHingeLoss_IsTheSheetChain_WithMinusYForFe(double y, double scale)
    {
        // The hinge's subgradient in z is −y for a margin yz < 1 and 0 from 1 on: its gradient is the chain of sheet 1f
        // with f_e replaced by that, here formed entry by entry from the scalar σ (σ' = σ(a)σ(−a), sheet 1d).
        // Tolerance: 64u of the sum of |terms| of each entry (u = 2⁻⁵³). Both sides form each product of ≤ 5 factors
        // with ≤ 4 roundings (4u each side) from σ within 2 ulp (4u), σ(a)σ(−a) against the library's σ' within 4 ulp
        // (8u): ≤ 21u apart; a = Wx + b, formed in two orders, differs by ≤ 4u·Σ|W_ij x_j| + |b_i| (< 3 here), which moves
        // σ and σ' by at most as much relatively (|σ''/σ'| ≤ 1): ≤ 12u; ∂L/∂x sums 3 products, 4u of Σ|terms| more.
        var m = NetworkModel.Initialize(3, 2, Catalog.Sigmoid, 4);
        var wOut = m.OutputWeights * scale;
        var x = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense([0.3, -1.2]);
        var g = Network.Gradient(m.Weights, m.Bias, wOut, x, y, m.Activation, MarginLosses.Hinge);

        double[] a = [.. Enumerable.Range(0, 3).Select(i => (m.Weights[i, 0] * x[0]) + (m.Weights[i, 1] * x[1]) + m.Bias[i])];
        Assert.All(Enumerable.Range(0, 3), i => Assert.True(Math.Abs(m.Weights[i, 0] * x[0]) + Math.Abs(m.Weights[i, 1] * x[1]) + Math.Abs(m.Bias[i]) < 3));
        double z = Enumerable.Range(0, 3).Sum(i => wOut[i] * Sigmoid.Value(a[i]));
        double fe = y * z < 1 ? -y : 0;
        Assert.Equal(Hinge.Value(y * g.Z), g.Loss);
        Near(z, g.Z, Enumerable.Range(0, 3).Sum(i => Math.Abs(wOut[i] * Sigmoid.Value(a[i]))), "z");
        double[] db = [.. Enumerable.Range(0, 3).Select(i => fe * wOut[i] * Sigmoid.Value(a[i]) * Sigmoid.Value(-a[i]))];
        for (int i = 0; i < 3; i++)
        {
            Near(fe * Sigmoid.Value(a[i]), g.OutputWeights[i], Math.Abs(Sigmoid.Value(a[i])), $"∂L/∂w_{i}");
            Near(db[i], g.Bias[i], Math.Abs(db[i]), $"∂L/∂b_{i}");
            for (int j = 0; j < 2; j++)
            {
                Near(db[i] * x[j], g.Weights[i, j], Math.Abs(db[i] * x[j]), $"∂L/∂W_{i}{j}");
            }
        }

        for (int j = 0; j < 2; j++)
        {
            Near(Enumerable.Range(0, 3).Sum(i => m.Weights[i, j] * db[i]), g.Input[j], Enumerable.Range(0, 3).Sum(i => Math.Abs(m.Weights[i, j] * db[i])), $"∂L/∂x_{j}");
        }

        Assert.Equal(fe == 0, g.Bias.All(v => v == 0));
    }

    private static void Near(double expected, double actual, double terms, string what) =>
        Expect.Near(expected, actual, 64 * Math.Pow(2, -53) * terms, what);

    [Fact]
    public void Sheet4_MeanGradient_IsTheMathNetMeanOfTheNetworkGradients_BitForBit()
    {
        // The trainer adds each example's span gradient into buffers it reuses; the numbers stay those of the former sum
        // of MathNet gradients: the first one plus the later ones in batch order, then ∂L/∂W times 1/n (MathNet's dense
        // matrix divides so) and the vectors divided by n.
        var data = Datasets.Moons(40, seed: 2);
        var model = NetworkModel.Initialize(6, 2, Catalog.Tanh, seed: 5);
        var loss = MarginLosses.SmoothHinge;
        foreach (int[]? batch in new int[]?[] { null, [3], [1, 5, 2, 9], [4, 4, 7, 8, 9, 10, 11] })
        {
            var g = Trainer.MeanGradient(model, data, loss, batch);
            int[] indices = batch ?? [.. Enumerable.Range(0, data.Count)];
            var parts = indices.Select(k => Network.Gradient(model.Weights, model.Bias, model.OutputWeights, data.Points[k], data.Labels[k], model.Activation, loss)).ToList();
            var sum = parts.Skip(1).Aggregate(parts[0], (s, p) =>
                new NetworkGradient(s.Loss + p.Loss, 0, s.Weights + p.Weights, s.Bias + p.Bias, s.OutputWeights + p.OutputWeights, s.Input + p.Input));
            double n = indices.Length;
            Assert.Equal(Bits([sum.Loss / n]), Bits([g.Loss]));
            Assert.True(double.IsNaN(g.Z));
            Assert.Equal(Bits((sum.Weights / n).ToRowMajorArray()), Bits(g.Weights.ToRowMajorArray()));
            Assert.Equal(Bits((sum.Bias / n).ToArray()), Bits(g.Bias.ToArray()));
            Assert.Equal(Bits((sum.OutputWeights / n).ToArray()), Bits(g.OutputWeights.ToArray()));
            Assert.Equal(Bits((sum.Input / n).ToArray()), Bits(g.Input.ToArray()));
        }

        Assert.Throws<ArgumentException>("batch", () => Trainer.MeanGradient(model, data, loss, []));
    }

    [Fact]
    public void Sheet4_Training_AllocatesNothingPerExample()
    {
        // 10 epochs of 200 points: the former MathNet gradients, sums and scores allocated about 3.4 KB per example and
        // epoch (6.7 MB for this run); now a run allocates its copy of the model, the gradient buffers, the order of the
        // examples and the history (5.3 KB when this test was written).
        var data = Datasets.Moons(200, seed: 1);
        var model = NetworkModel.Initialize(8, 2, Catalog.Sigmoid, seed: 1);
        var options = new TrainingOptions(Epochs: 10, BatchSize: 16);
        Trainer.Train(model, data, MarginLosses.Logistic, options); // compiled and warmed up
        long before = GC.GetAllocatedBytesForCurrentThread();
        Trainer.Train(model, data, MarginLosses.Logistic, options);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(bytes < 16_000, $"{bytes} bytes allocated by one run");
    }

    private static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
