using Calculus.Activations;
using Calculus.Checking;
using Calculus.Examples.Support;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Examples;

/// <summary>The span-based network loss and gradient, the library's one implementation: exact against the reference
/// networks, no allocation, its buffers and guards; and its MathNet front <see cref="Network"/>: its guards, its
/// allocations and its handling of storage that is not dense. That the two give the same numbers (and the numbers of
/// the MathNet implementation they replaced) is <see cref="NetworkBitForBitExamples"/>.</summary>
public sealed class NetworkSpansExamples
{
    /// <summary>Each reference value is the exact one rounded (½ ulp); the spans' values are within the running error
    /// bound of a backward-stable implementation (<see cref="NetworkErrorBounds"/>: each sum of n terms charged nε of its
    /// magnitudes, each elementary value its 4 ulp, carried through the chain, times 2 for the dropped second-order
    /// terms). The tolerance of each entry is its bound plus the reference's half ulp.</summary>
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
            var layout = new NetworkParameters(c.Hidden, c.Inputs);
            double[] theta = [.. w, .. c.B, .. c.Wout, .. c.X];
            var bounds = NetworkErrorBounds.Compute(layout, theta, c.Y, Catalog.Sigmoid, MarginLosses.Logistic);
            Expect.Near(c.Loss, loss, bounds.Loss + HalfUlp(c.Loss), $"loss h={c.Hidden} d={c.Inputs}");
            Expect.Near(c.Loss, NetworkSpans.Loss(w, c.B, c.Wout, c.X, c.Y), bounds.Loss + HalfUlp(c.Loss), "Loss()");
            double[] expected = [.. c.DW.SelectMany(r => r), .. c.Db, .. c.Dw, .. c.Dx], actual = [.. dW, .. db, .. dw, .. dx];
            for (int k = 0; k < expected.Length; k++)
            {
                Expect.Near(expected[k], actual[k], bounds.Gradient[k] + HalfUlp(expected[k]), $"θ[{k}] h={c.Hidden} d={c.Inputs}");
            }
        }
    }

    private static double HalfUlp(double v) => (Math.BitIncrement(Math.Abs(v)) - Math.Abs(v)) / 2;

    [Fact]
    public void Spans_AllocateNothing()
    {
        const int h = 64, d = 64;
        var rng = new Random(2);
        double[] w = [.. Enumerable.Range(0, h * d).Select(_ => rng.NextDouble() - 0.5)];
        double[] b = new double[h], wo = [.. Enumerable.Range(0, h).Select(_ => rng.NextDouble())], x = [.. Enumerable.Range(0, d).Select(_ => rng.NextDouble())];
        double[] dW = new double[h * d], db = new double[h], dw = new double[h], dx = new double[d];
        var (relu, hinge) = (Catalog.Relu, MarginLosses.Hinge); // the catalog builds a record on each access
        NetworkSpans.Gradient(w, b, wo, x, 1, dW, db, dw, dx); // warm-up: JIT and statics
        NetworkSpans.Loss(w, b, wo, x, 1, relu, hinge);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 10; k++)
        {
            NetworkSpans.Gradient(w, b, wo, x, 1, dW, db, dw, dx);
            NetworkSpans.Loss(w, b, wo, x, 1);
            NetworkSpans.Loss(w, b, wo, x, 1, relu, hinge);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>An activation without a span path (a copy with its own f) is looped over directly: reading its
    /// <see cref="ScalarFunction.Values"/> would allocate a delegate per call (found by review, issue 14).</summary>
    [Fact]
    public void Spans_AllocateNothing_ForAnActivationWithoutASpanPath()
    {
        const int h = 70, d = 3; // two blocks of the loss's 64 rows
        var rng = new Random(3);
        double[] w = [.. Enumerable.Range(0, h * d).Select(_ => rng.NextDouble() - 0.5)];
        double[] b = new double[h], wo = [.. Enumerable.Range(0, h).Select(_ => rng.NextDouble())], x = [1, -2, 0.5];
        double[] dW = new double[h * d], db = new double[h], dw = new double[h], dx = new double[d];
        var own = Catalog.Tanh with { Value = Math.Tanh, Derivative = Tanh.Derivative };
        NetworkSpans.Gradient(w, b, wo, x, 1, dW, db, dw, dx, own);
        NetworkSpans.Loss(w, b, wo, x, 1, own);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 10; k++)
        {
            NetworkSpans.Gradient(w, b, wo, x, 1, dW, db, dw, dx, own);
            NetworkSpans.Loss(w, b, wo, x, 1, own);
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
        double loss = NetworkSpans.Gradient(w, b, wo, x, -1, dW, db, dw, dx, Catalog.Tanh);

        double[] dW2 = [.. dW.Select(_ => double.NaN)], db2 = [double.NaN, 7, 7], dw2 = [1, 2, 3], dx2 = [.. dx.Select(_ => 9.0)];
        Assert.Equal(loss, NetworkSpans.Gradient(w, b, wo, x, -1, dW2, db2, dw2, dx2, Catalog.Tanh));
        Assert.Equal(dW, dW2);
        Assert.Equal(db, db2);
        Assert.Equal(dw, dw2);
        Assert.Equal(dx, dx2);

        double[] dW3 = new double[33], db3 = new double[3], dw3 = new double[3];
        Assert.Equal(loss, NetworkSpans.Gradient(w, b, wo, x, -1, dW3, db3, dw3, default, Catalog.Tanh));
        Assert.Equal(dW, dW3);

        // Loss has its own forward pass (no buffers): the same sums, so the same loss to the bit.
        Assert.Equal(loss, NetworkSpans.Loss(w, b, wo, x, -1, Catalog.Tanh));
    }

    [Theory]
    [InlineData(70, 3)]
    [InlineData(3, 70)]
    public void BothLayouts_TallAndWide_MatchTheChainRule(int h, int d)
    {
        // Each layout forms Wx one way and Wᵀg the other (four rows at a time along contiguous rows, SIMD along
        // contiguous columns), and the loss of a column-major W takes 64 rows at a time: h = 70 and d = 70 run every
        // way past its first block and its tail. The sheet's per-entry chain rule and plain loops check them.
        var rng = new Random(h + d);
        var m = Matrix<double>.Build.Dense(h, d, (_, _) => (rng.NextDouble() - 0.5) / 2);
        var b = Vector<double>.Build.Dense(h, _ => rng.NextDouble() - 0.5);
        var wo = Vector<double>.Build.Dense(h, _ => rng.NextDouble() - 0.5);
        var x = Vector<double>.Build.Dense(d, _ => rng.NextDouble() - 0.5);
        var front = Network.Gradient(m, b, wo, x, -1);
        double[] dW = new double[h * d], db = new double[h], dw = new double[h], dx = new double[d];
        NetworkSpans.Gradient(m.ToRowMajorArray(), b.ToArray(), wo.ToArray(), x.ToArray(), -1, dW, db, dw, dx);

        // The library and the chain rule's loops compute the same chain in other orders; each is within the running
        // error bound of a backward-stable implementation (NetworkErrorBounds) of the exact value, so within twice it of
        // each other.
        var layout = new NetworkParameters(h, d);
        var bounds = NetworkErrorBounds.Compute(layout, layout.Flatten(m, b, wo, x), -1, Catalog.Sigmoid, MarginLosses.Logistic);
        for (int i = 0; i < h; i++)
        {
            double bias = NetworkChainRule.BiasPartial(m, b, wo, x, -1, i), tolerance = 2 * bounds.Gradient[layout.Bias(i)];
            Expect.Near(bias, front.Bias[i], tolerance, $"front ∂L/∂b_{i}");
            Expect.Near(bias, db[i], tolerance, $"spans ∂L/∂b_{i}");
            for (int j = 0; j < d; j++)
            {
                double weight = NetworkChainRule.WeightPartial(m, b, wo, x, -1, i, j);
                tolerance = 2 * bounds.Gradient[layout.Weight(i, j)];
                Expect.Near(weight, front.Weights[i, j], tolerance, $"front ∂L/∂W_{i}{j}");
                Expect.Near(weight, dW[(i * d) + j], tolerance, $"spans ∂L/∂W_{i}{j}");
            }
        }

        for (int j = 0; j < d; j++)
        {
            // Σ_i W_ij g_i from the front's own g_i: the same h products summed in two orders, each within hε of the sum
            // of their magnitudes of the exact sum of the rounded products (and each product within ½ ulp).
            double sum = 0, magnitudes = 0;
            for (int i = 0; i < h; i++)
            {
                sum += m[i, j] * front.Bias[i];
                magnitudes += Math.Abs(m[i, j] * front.Bias[i]);
            }

            double tolerance = 2 * (h + 1) * Tolerances.Epsilon * magnitudes;
            Expect.Near(sum, front.Input[j], tolerance, $"front ∂L/∂x_{j}");
            Expect.Near(sum, dx[j], tolerance, $"spans ∂L/∂x_{j}");
        }

        double z = 0;
        for (int i = 0; i < h; i++)
        {
            double a = b[i];
            for (int j = 0; j < d; j++)
            {
                a += m[i, j] * x[j];
            }

            z += wo[i] * Sigmoid.Value(a);
        }

        // This loop's loss and the library's are each within the loss's running error bound of the exact loss.
        Expect.Near(LabelLogisticLoss.Value(z, -1), front.Loss, 2 * bounds.Loss, "the gradient's loss");
        Assert.Equal(front.Loss, Network.Loss(m, b, wo, x, -1)); // the same sums, in blocks of 64 rows for a column-major W
        Assert.Equal(front.Loss, NetworkSpans.Loss(m.ToRowMajorArray(), b.ToArray(), wo.ToArray(), x.ToArray(), -1));
    }

    [Fact]
    public void Front_AllocatesOnlyWhatItReturns()
    {
        // The gradient: the four arrays it returns (∂L/∂W 8·h·d bytes, ∂L/∂b and ∂L/∂w 8·h, ∂L/∂x 8·d, 24 bytes of header
        // each) and their small MathNet and record wrappers (under 1 KB); W's storage is read in place, not copied. The
        // loss: nothing. (The MathNet implementation this front replaced allocated 101 KB per gradient at 64×64, 25 KB per
        // loss.)
        const int h = 64, d = 64;
        var rng = new Random(4);
        var m = Matrix<double>.Build.Dense(h, d, (_, _) => rng.NextDouble() - 0.5);
        var b = Vector<double>.Build.Dense(h, _ => rng.NextDouble() - 0.5);
        var wo = Vector<double>.Build.Dense(h, _ => rng.NextDouble() - 0.5);
        var x = Vector<double>.Build.Dense(d, _ => rng.NextDouble() - 0.5);
        Network.Gradient(m, b, wo, x, 1, Catalog.Tanh, MarginLosses.Hinge); // warm-up: JIT and statics
        Network.Loss(m, b, wo, x, 1);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var g = Network.Gradient(m, b, wo, x, 1, Catalog.Tanh, MarginLosses.Hinge);
        long gradientBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        double loss = Network.Loss(m, b, wo, x, 1) + Network.Loss(m, b, wo, x, 1, null, MarginLosses.Hinge);
        long lossBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        long returned = (8L * ((h * d) + h + h + d)) + (4 * 24);
        Assert.InRange(gradientBytes, returned, returned + 1024);
        Assert.Equal(0, lossBytes);
        Assert.True(double.IsFinite(loss + g.Loss));
    }

    [Fact]
    public void Front_StorageThatIsNotDense_IsCopied_SameNumbers()
    {
        // Sparse storage has no array to read in place (AsArray() is null): the front copies it and gets the numbers
        // of the same values in dense storage, bit for bit, zeros included.
        double[,] w = { { 1, 0, -2 }, { 0, 0, 0.5 } };
        double[] b = [0, -0.25], wo = [1.5, 0], x = [0, 2, -1];
        var dense = Network.Gradient(Matrix<double>.Build.DenseOfArray(w), V(b), V(wo), V(x), -1, Catalog.Relu, MarginLosses.SmoothHinge);
        var sparse = Network.Gradient(Matrix<double>.Build.SparseOfArray(w), S(b), S(wo), S(x), -1, Catalog.Relu, MarginLosses.SmoothHinge);
        Assert.Equal(Bits(dense.Loss, dense.Z), Bits(sparse.Loss, sparse.Z));
        Assert.Equal(Bits(dense.Weights.ToColumnMajorArray()), Bits(sparse.Weights.ToColumnMajorArray()));
        Assert.Equal(Bits([.. dense.Bias, .. dense.OutputWeights, .. dense.Input]), Bits([.. sparse.Bias, .. sparse.OutputWeights, .. sparse.Input]));
        Assert.Equal(
            Network.Loss(Matrix<double>.Build.DenseOfArray(w), V(b), V(wo), V(x), -1, Catalog.Relu, MarginLosses.SmoothHinge),
            Network.Loss(Matrix<double>.Build.SparseOfArray(w), S(b), S(wo), S(x), -1, Catalog.Relu, MarginLosses.SmoothHinge));
        Assert.NotEqual(0, dense.Weights[0, 1]); // not a trivial case: a nonzero gradient next to the zero column

        static Vector<double> V(double[] v) => Vector<double>.Build.DenseOfArray(v);

        static Vector<double> S(double[] v) => Vector<double>.Build.SparseOfArray(v);

        static long[] Bits(params double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
    }

    [Fact]
    public void Front_ChecksItsArgumentsItself_WithTheMatrixShapeInTheMessage()
    {
        // The front's own guards run before the span code's (whose messages know no matrix shape): the loss first, then
        // W, x, b and w, as before the span code became the implementation.
        var w = Matrix<double>.Build.Dense(3, 2);
        var v3 = Vector<double>.Build.Dense(3);
        var v2 = Vector<double>.Build.Dense(2);
        Assert.Throws<ArgumentNullException>("loss", () => Network.Gradient(w, v2, v3, v2, 1, null, null!));
        Assert.Throws<ArgumentNullException>("loss", () => Network.Loss(w, v3, v3, v2, 1, null, null!));
        Assert.Throws<ArgumentNullException>("weights", () => Network.Gradient(null!, v3, v3, v2, 1));
        Assert.Throws<ArgumentNullException>("bias", () => Network.Loss(w, null!, v3, v2, 1));
        var e = Assert.Throws<ArgumentException>("outputWeights", () => Network.Gradient(w, v3, v2, v2, 1));
        Assert.Equal("outputWeights has length 2, but weights (3×2) requires length 3. (Parameter 'outputWeights')", e.Message);
        e = Assert.Throws<ArgumentException>("x", () => Network.Loss(w, v3, v3, v3, 1, null, MarginLosses.Hinge));
        Assert.Equal("x has length 3, but weights (3×2) requires length 2. (Parameter 'x')", e.Message);
        e = Assert.Throws<ArgumentException>("weights", () => Network.Loss(Matrix<double>.Build.Dense(0, 2), Vector<double>.Build.Dense(0), Vector<double>.Build.Dense(0), v2, 1));
        Assert.Equal("weights is 0×2; it must not be empty. (Parameter 'weights')", e.Message);
    }
}
