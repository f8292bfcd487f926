using Calculus.Functions;
using Calculus.Networks;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Training;

/// <summary>The sheet-1f network as a classifier: score z(x) = wᵀσ̂(Wx + b), prediction sign(z).</summary>
/// <param name="Weights">W, h×d.</param>
/// <param name="Bias">b, length h.</param>
/// <param name="OutputWeights">w, length h.</param>
/// <param name="Activation">The hidden activation.</param>
public sealed record NetworkModel(Matrix<double> Weights, Vector<double> Bias, Vector<double> OutputWeights, ScalarFunction Activation)
{
    /// <summary>A network with W and w drawn from N(0, 1/d) and N(0, 1/h) (Xavier-like scaling) and b = 0.</summary>
    /// <param name="hidden">h ≥ 1.</param>
    /// <param name="inputs">d ≥ 1.</param>
    /// <param name="activation">The hidden activation.</param>
    /// <param name="seed">The seed: the same seed gives bitwise the same weights.</param>
    /// <returns>The model.</returns>
    public static NetworkModel Initialize(int hidden, int inputs, ScalarFunction activation, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentNullException.ThrowIfNull(activation);
        var rng = new Random(seed);
        var w = Matrix<double>.Build.Dense(hidden, inputs, (_, _) => Normal.Sample(rng, 0, 1 / Math.Sqrt(inputs)));
        var wout = Vector<double>.Build.Dense(hidden, _ => Normal.Sample(rng, 0, 1 / Math.Sqrt(hidden)));
        return new NetworkModel(w, Vector<double>.Build.Dense(hidden), wout, activation);
    }

    /// <summary>z(x) = wᵀσ̂(Wx + b), by <see cref="NetworkSpans"/> (the hidden layer through the activation's span
    /// members); allocates nothing for dense W, b, w and x.</summary>
    /// <param name="x">The point.</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentException">x, b or w of the wrong length.</exception>
    public double Score(Vector<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Network.CheckShapes(Weights, Bias, OutputWeights, x);
        return NetworkSpans.Score(
            Network.Storage(Weights), NetworkSpans.Layout.ColumnMajor, Network.Values(Bias), Network.Values(OutputWeights), Network.Values(x), Activation);
    }

    /// <summary>sign(z(x)), with 0 read as +1.</summary>
    /// <param name="x">The point.</param>
    /// <returns>−1 or +1.</returns>
    public double Predict(Vector<double> x) => Sign(Score(x));

    /// <summary>The prediction for a score: +1 for z ≥ 0 (0 read as +1), −1 otherwise (and for NaN).</summary>
    internal static double Sign(double z) => z >= 0 ? 1 : -1;
}
