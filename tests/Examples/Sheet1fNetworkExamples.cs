using Calculus.Examples.Support;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Examples;

/// <summary>Sheet 1f worked by hand for h = d = 2, with points where σ has exact rational values.</summary>
/// <remarks>
/// W = [[1, −1], [2, 0]], x = [1, 2], b = [1, ln 3 − 2], w = [3, −2], y = +1.
/// a = Wx + b = [1 − 2 + 1, 2 + 0 + ln 3 − 2] = [0, ln 3]
/// σ̂(a) = [1/2, 3/4]                       (σ(ln 3) = 1/(1 + 1/3) = 3/4)
/// z = wᵀσ̂(a) = 3·1/2 − 2·3/4 = 0,  L = ln(1 + e^0) = ln 2
/// f_e(z) = −y·σ(−yz) = −1/2
/// f_d(a) = σ(a)(1 − σ(a)) = [1/4, 3/16]
/// g = f_e·(w ⊙ f_d) = −1/2·[3/4, −3/8] = [−3/8, 3/16]
/// ∂L/∂W = g xᵀ = [[−3/8, −3/4], [3/16, 3/8]]      ∂L/∂b = g = [−3/8, 3/16]
/// ∂L/∂w = f_e·σ̂(a) = [−1/4, −3/8]
/// ∂L/∂x = Wᵀg = [1·(−3/8) + 2·(3/16), −1·(−3/8) + 0·(3/16)] = [0, 3/8]
/// With y = −1: z and L are unchanged and f_e = +1/2, so every gradient changes sign.
/// The only roundings are ln 3 in b (and so in a_2) and σ: the tolerance is 4 ulp of 1.
/// </remarks>
public sealed class Sheet1fNetworkExamples
{
    private const double Tolerance = 4 * 2.220446049250313e-16;

    private static readonly Matrix<double> W = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, -1 }, { 2, 0 } });
    private static readonly Vector<double> X = Vector<double>.Build.Dense([1.0, 2.0]);
    private static readonly Vector<double> B = Vector<double>.Build.Dense([1.0, Math.Log(3) - 2]);
    private static readonly Vector<double> Wout = Vector<double>.Build.Dense([3.0, -2.0]);

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    public void Sheet1f_Gradient_MatchesHandWorkedNumbers(double y)
    {
        var g = Network.Gradient(W, B, Wout, X, y);
        Expect.Near(Math.Log(2), g.Loss, Tolerance, "L");
        Expect.Near(0, g.Z, Tolerance, "z");
        AssertAll(y, [-3.0 / 8, -3.0 / 4, 3.0 / 16, 3.0 / 8], g.Weights.ToRowMajorArray(), "∂L/∂W");
        AssertAll(y, [-3.0 / 8, 3.0 / 16], g.Bias.ToArray(), "∂L/∂b");
        AssertAll(y, [-1.0 / 4, -3.0 / 8], g.OutputWeights.ToArray(), "∂L/∂w");
        AssertAll(y, [0, 3.0 / 8], g.Input.ToArray(), "∂L/∂x");
        Expect.Near(Math.Log(2), Network.Loss(W, B, Wout, X, y), Tolerance, "Loss()");
    }

    [Fact]
    public void Sheet1f_ChainRule_MatchesHandWorkedNumbers()
    {
        double[,] expected = { { -3.0 / 8, -3.0 / 4 }, { 3.0 / 16, 3.0 / 8 } };
        for (int i = 0; i < 2; i++)
        {
            Expect.Near(expected[i, 0], NetworkChainRule.BiasPartial(W, B, Wout, X, 1, i), Tolerance, $"∂L/∂b_{i}");
            for (int j = 0; j < 2; j++)
            {
                Expect.Near(expected[i, j], NetworkChainRule.WeightPartial(W, B, Wout, X, 1, i, j), Tolerance, $"∂L/∂W_{i}{j}");
            }
        }
    }

    [Fact]
    public void Sheet1f_HiddenActivation_IsPluggable_Tanh()
    {
        // Same network with tanh: a = [0, ln 3], tanh(0) = 0, tanh(ln 3) = (3 − 1/3)/(3 + 1/3) = 4/5.
        // z = 3·0 − 2·4/5 = −8/5; f_e = −σ(8/5); tanh'(a) = [1, 1 − 16/25 = 9/25];
        // g = f_e·[3·1, −2·9/25] = f_e·[3, −18/25].
        var tanh = Catalog.Tanh;
        var g = Network.Gradient(W, B, Wout, X, 1, tanh);
        double fe = -1 / (1 + Math.Exp(-1.6));
        Expect.Near(-1.6, g.Z, Tolerance, "z");
        Expect.Near(Math.Log(1 + Math.Exp(1.6)), g.Loss, Tolerance, "L");
        Expect.Near(fe * 3, g.Bias[0], Tolerance, "∂L/∂b_0");
        Expect.Near(fe * -18 / 25, g.Bias[1], Tolerance, "∂L/∂b_1");
        Expect.Near(fe * -18 / 25 * 2, g.Weights[1, 1], Tolerance, "∂L/∂W_11");
        Expect.Near(fe * -18 / 25, NetworkChainRule.BiasPartial(W, B, Wout, X, 1, 1, tanh), Tolerance, "chain rule ∂L/∂b_1");
        Expect.Near(fe * -18 / 25 * 2, NetworkChainRule.WeightPartial(W, B, Wout, X, 1, 1, 1, tanh), Tolerance, "chain rule ∂L/∂W_11");
    }

    [Fact]
    public void Sheet1f_ExactZeros_WhereTheLossDoesNotDependOnTheEntry()
    {
        // x_0 = 0: L does not depend on W_i0, so ∂L/∂W_i0 = +0 even where g_i is NaN. W = [[1, −2], [0.5, 3]], b = 0,
        // w = [∞, 1], x = [0, 1], y = 1: a = [−2, 3], z = ∞·σ(−2) + σ(3) = ∞, f_e = −σ(−∞) = −0, g = [−0·∞·σ'(−2),
        // −0·1·σ'(3)] = [NaN, −0]. Column 1 is IEEE: NaN·1 = NaN, −0·1 = −0. And f_e = −0: ∂L/∂w = +0, not s·(−0) = −0.
        var w = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, -2 }, { 0.5, 3 } });
        var (b, wout, x) = (V(0, 0), V(double.PositiveInfinity, 1), V(0, 1));
        var g = Network.Gradient(w, b, wout, x, 1);
        double[] dW = new double[4], db = new double[2], dw = new double[2], dx = new double[2];
        double loss = NetworkSpans.Gradient(w.ToRowMajorArray(), b.ToArray(), wout.ToArray(), x.ToArray(), 1, dW, db, dw, dx);
        foreach (var (weights, outputWeights, what) in new[] { (g.Weights.ToRowMajorArray(), g.OutputWeights.ToArray(), "Network"), (dW, dw, "NetworkSpans") })
        {
            Assert.Equal([Bits(0.0), Bits(double.NaN), Bits(0.0), Bits(-0.0)], weights.Select(Bits));
            Assert.True(outputWeights.All(v => Bits(v) == Bits(0.0)), $"{what}: ∂L/∂w = [{string.Join(", ", outputWeights.Select(Expect.R))}]");
        }

        Assert.Equal(0.0, g.Loss);
        Assert.Equal(0.0, loss);
        Assert.True(double.IsNaN(g.Bias[0]) && double.IsNaN(db[0]));

        // f_e = 0 (the hinge beyond its margin): ∂L/∂w = +0 also where σ̂(a) = ∞. W = [[1e300]], x = [1e300], b = 0,
        // w = [1], y = 1, ReLU: a = ∞, s = ∞, z = ∞, yz ≥ 1, f_e = 0; IEEE would give ∞·0 = NaN.
        var big = Matrix<double>.Build.Dense(1, 1, 1e300);
        var hinge = Network.Gradient(big, V(0), V(1), V(1e300), 1, Catalog.Relu, MarginLosses.Hinge);
        Assert.Equal(Bits(0.0), Bits(hinge.OutputWeights[0]));
        double[] dw1 = [double.NaN];
        NetworkSpans.Gradient([1e300], [0.0], [1.0], [1e300], 1, [double.NaN], [double.NaN], dw1, default, Catalog.Relu, MarginLosses.Hinge);
        Assert.Equal(Bits(0.0), Bits(dw1[0]));
        Assert.Equal([0.0, 0.0, 0.0, 0.0], [hinge.Loss, hinge.Weights[0, 0], hinge.Bias[0], hinge.Input[0]]);

        static Vector<double> V(params double[] v) => Vector<double>.Build.DenseOfArray(v);

        static long Bits(double v) => BitConverter.DoubleToInt64Bits(v);
    }

    private static void AssertAll(double y, double[] forPositiveLabel, double[] actual, string what)
    {
        Assert.Equal(forPositiveLabel.Length, actual.Length);
        for (int k = 0; k < actual.Length; k++)
        {
            Expect.Near(y * forPositiveLabel[k], actual[k], Tolerance, $"{what}[{k}] (y = {y})");
        }
    }
}
