using Calculus.Examples.Support;
using Calculus.Training;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Examples;

/// <summary>The span-based network gradient: the same numbers as <see cref="Network.Gradient(Matrix{double}, Vector{double}, Vector{double}, Vector{double}, double, Activation?)"/>,
/// within the reference bound, and no allocation.</summary>
public sealed class NetworkSpansExamples
{
    [Fact]
    public void Spans_MatchTheExactReferenceNetworks()
    {
        foreach (var c in ReferenceTable.Networks())
        {
            double[] w = [.. c.W.SelectMany(r => r)];
            var dW = new double[w.Length];
            var db = new double[c.Hidden];
            var dw = new double[c.Hidden];
            var dx = new double[c.Inputs];
            double loss = NetworkSpans.Gradient(w, c.B, c.Wout, c.X, c.Y, dW, db, dw, dx);
            double scale = new[] { c.DW.SelectMany(r => r).Max(Math.Abs), c.Db.Max(Math.Abs), c.Dw.Max(Math.Abs), c.Dx.Max(Math.Abs) }.Max();
            Expect.Near(c.Loss, loss, 1e-14 * Math.Max(1, c.Loss), $"loss h={c.Hidden} d={c.Inputs}");
            Expect.Near(c.Loss, NetworkSpans.Loss(w, c.B, c.Wout, c.X, c.Y), 1e-14 * Math.Max(1, c.Loss), "Loss()");
            foreach (var (expected, actual, name) in new[] { (c.DW.SelectMany(r => r).ToArray(), dW, "dW"), (c.Db, db, "db"), (c.Dw, dw, "dw"), (c.Dx, dx, "dx") })
            {
                for (int k = 0; k < expected.Length; k++)
                {
                    Expect.Near(expected[k], actual[k], 1e-13 * scale, $"{name}[{k}] h={c.Hidden} d={c.Inputs}");
                }
            }
        }
    }

    [Theory]
    [InlineData("tanh", "smooth-hinge")]
    [InlineData("relu", "hinge")]
    [InlineData("gaussian", "logistic")]
    public void Spans_AgreeWithTheMatrixForm_ForOtherActivationsAndLosses(string activation, string lossName)
    {
        var rng = new Random(11);
        var m = Matrix<double>.Build.Dense(5, 7, (_, _) => rng.NextDouble() - 0.5);
        var b = Vector<double>.Build.Dense(5, _ => rng.NextDouble() - 0.5);
        var wo = Vector<double>.Build.Dense(5, _ => rng.NextDouble() - 0.5);
        var x = Vector<double>.Build.Dense(7, _ => rng.NextDouble() - 0.5);
        var f = ActivationCatalog.Find(activation);
        var loss = MarginLosses.Find(lossName);
        var expected = Network.Gradient(m, b, wo, x, -1, f, loss);
        var dW = new double[35];
        var db = new double[5];
        var dw = new double[5];
        var dx = new double[7];
        double l = NetworkSpans.Gradient(m.ToRowMajorArray(), b.ToArray(), wo.ToArray(), x.ToArray(), -1, dW, db, dw, dx, f, loss);
        double scale = expected.Weights.ToRowMajorArray().Concat(expected.Input).Max(Math.Abs);
        Expect.Near(expected.Loss, l, 1e-15, "loss");
        Assert.All(expected.Weights.ToRowMajorArray().Zip(dW), t => Expect.Near(t.First, t.Second, 64 * 2.2e-16 * scale, "dW"));
        Assert.All(expected.Input.Zip(dx), t => Expect.Near(t.First, t.Second, 64 * 2.2e-16 * scale, "dx"));
        Assert.All(expected.Bias.Zip(db), t => Expect.Near(t.First, t.Second, 64 * 2.2e-16 * scale, "db"));
        Assert.All(expected.OutputWeights.Zip(dw), t => Expect.Near(t.First, t.Second, 64 * 2.2e-16 * scale, "dw"));
    }

    [Fact]
    public void Spans_AllocateNothing()
    {
        const int h = 64, d = 64;
        var rng = new Random(2);
        double[] w = [.. Enumerable.Range(0, h * d).Select(_ => rng.NextDouble() - 0.5)];
        double[] b = new double[h], wo = [.. Enumerable.Range(0, h).Select(_ => rng.NextDouble())], x = [.. Enumerable.Range(0, d).Select(_ => rng.NextDouble())];
        double[] dW = new double[h * d], db = new double[h], dw = new double[h], dx = new double[d];
        NetworkSpans.Gradient(w, b, wo, x, 1, dW, db, dw, dx); // warm-up: JIT and statics
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 10; k++)
        {
            NetworkSpans.Gradient(w, b, wo, x, 1, dW, db, dw, dx);
            NetworkSpans.Loss(w, b, wo, x, 1);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Spans_WrongLengths_NameTheBuffer()
    {
        var e = Assert.Throws<ArgumentException>("dWeights", () => NetworkSpans.Gradient(new double[6], new double[2], new double[2], new double[3], 1, new double[5], new double[2], new double[2], default));
        Assert.Contains("length 5", e.Message, StringComparison.Ordinal);
        Assert.Contains("length 6", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("weights", () => NetworkSpans.Loss(new double[5], new double[2], new double[2], new double[3], 1));
        Assert.Throws<ArgumentException>("bias", () => NetworkSpans.Loss([], [], [], [1.0], 1));
        var empty = Assert.Throws<ArgumentException>("x", () => NetworkSpans.Loss([], [1.0], [1.0], [], 1));
        Assert.StartsWith("bias has length 1 and x length 0; both must be ≥ 1.", empty.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("outputWeights", () => NetworkSpans.Loss(new double[6], new double[2], new double[3], new double[3], 1));
        Assert.Throws<ArgumentException>("dBias", () => NetworkSpans.Gradient(new double[6], new double[2], new double[2], new double[3], 1, new double[6], new double[3], new double[2], default));
        Assert.Throws<ArgumentException>("dOutputWeights", () => NetworkSpans.Gradient(new double[6], new double[2], new double[2], new double[3], 1, new double[6], new double[2], new double[1], default));
        Assert.Throws<ArgumentException>("dInput", () => NetworkSpans.Gradient(new double[6], new double[2], new double[2], new double[3], 1, new double[6], new double[2], new double[2], new double[2]));
    }

    [Fact]
    public void Spans_OverwriteDirtyBuffers_AndSkipAnEmptyInputGradient()
    {
        // h = 3, d = 11: longer than two SIMD vectors of any width up to 4, so the vector loops and their tails both run.
        var rng = new Random(5);
        double[] w = [.. Enumerable.Range(0, 33).Select(_ => rng.NextDouble() - 0.5)];
        double[] b = [0.1, -0.2, 0.3], wo = [0.5, -1.5, 1.0], x = [.. Enumerable.Range(0, 11).Select(_ => rng.NextDouble() - 0.5)];
        double[] dW = new double[33], db = new double[3], dw = new double[3], dx = new double[11];
        double loss = NetworkSpans.Gradient(w, b, wo, x, -1, dW, db, dw, dx, ActivationCatalog.Tanh);

        double[] dW2 = [.. dW.Select(_ => double.NaN)], db2 = [double.NaN, 7, 7], dw2 = [1, 2, 3], dx2 = [.. dx.Select(_ => 9.0)];
        Assert.Equal(loss, NetworkSpans.Gradient(w, b, wo, x, -1, dW2, db2, dw2, dx2, ActivationCatalog.Tanh));
        Assert.Equal(dW, dW2);
        Assert.Equal(db, db2);
        Assert.Equal(dw, dw2);
        Assert.Equal(dx, dx2);

        double[] dW3 = new double[33], db3 = new double[3], dw3 = new double[3];
        Assert.Equal(loss, NetworkSpans.Gradient(w, b, wo, x, -1, dW3, db3, dw3, default, ActivationCatalog.Tanh));
        Assert.Equal(dW, dW3);

        var matrix = Matrix<double>.Build.DenseOfRowMajor(3, 11, w);
        var expected = Network.Gradient(matrix, Vector<double>.Build.Dense(b), Vector<double>.Build.Dense(wo), Vector<double>.Build.Dense(x), -1, ActivationCatalog.Tanh);
        Expect.Near(expected.Loss, loss, 1e-15, "loss");
        Expect.Near(expected.Loss, NetworkSpans.Loss(w, b, wo, x, -1, ActivationCatalog.Tanh), 1e-15, "Loss() with tanh");
        Assert.All(expected.Input.Zip(dx), t => Expect.Near(t.First, t.Second, 1e-15, "dx"));
        Assert.All(expected.Weights.ToRowMajorArray().Zip(dW), t => Expect.Near(t.First, t.Second, 1e-15, "dW"));
    }
}
