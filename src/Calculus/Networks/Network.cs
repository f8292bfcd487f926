using Calculus.Functions;
using Calculus.Losses;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Networks;

/// <summary>The one-hidden-layer network of sheet 1f: L(W, b, w; x, y) = log(1 + exp(−y·wᵀσ̂(Wx + b))).</summary>
/// <remarks>
/// <para>Shapes: W is h×d (hidden width h, input size d; the sheet's case is h = d), b and w have length h, x has
/// length d, y is the label (±1, any real accepted). σ̂ applies the hidden activation elementwise: the sigmoid by
/// default (the sheet's), any <see cref="Catalog"/> entry otherwise.</para>
/// <para>Gradient (one forward pass keeping a = Wx + b and s = σ̂(a), then O(h·d) in total): with
/// g = f_e(z)·(w ⊙ f̂'(a)) and f_e(z) = −y·σ(−yz) (sheet 1e),
/// ∂L/∂W = g·xᵀ, ∂L/∂b = g, ∂L/∂w = f_e(z)·s, ∂L/∂x = Wᵀg. This is the outer-product form of the sheet's chain
/// ∂L/∂W_ij = f_e(z)·w_i·f_d(a_i)·x_j, which <see cref="NetworkChainRule"/> spells out entry by entry.</para>
/// <para>Range: L ∈ (0, ∞), finite for every finite input (the loss uses the stable log1p form). At a kink of the
/// hidden activation the gradient uses the activation's stated derivative convention.</para>
/// <para>Errors: null arguments throw <see cref="ArgumentNullException"/>; b, w or x of the wrong length throw
/// <see cref="ArgumentException"/> naming the parameter and both sizes.</para>
/// <para>Implementation: a front over <see cref="NetworkSpans"/>, the one implementation (its remarks give the order of
/// the sums and the exact zeros). It checks the arguments, hands the span code MathNet's dense storage in place (W
/// column by column; a matrix or vector with other storage is copied first) and wraps the gradients it wrote into the
/// arrays of the returned matrix and vectors: it allocates what it returns and, for inputs that are not dense, their
/// copies.</para>
/// </remarks>
public static class Network
{
    /// <summary>L = log(1 + exp(−y·wᵀσ̂(Wx + b))).</summary>
    /// <param name="weights">W, h×d.</param>
    /// <param name="bias">b, length h.</param>
    /// <param name="outputWeights">w, length h.</param>
    /// <param name="x">x, length d.</param>
    /// <param name="y">The label.</param>
    /// <param name="activation">The hidden activation; the sigmoid when null.</param>
    /// <returns>The loss.</returns>
    public static double Loss(
        Matrix<double> weights, Vector<double> bias, Vector<double> outputWeights, Vector<double> x, double y,
        ScalarFunction? activation = null)
    {
        CheckShapes(weights, bias, outputWeights, x);
        return NetworkSpans.Loss(Storage(weights), NetworkSpans.Layout.ColumnMajor, Values(bias), Values(outputWeights), Values(x), y, activation, null);
    }

    /// <summary>The loss for another loss of the margin (exercise 3): loss(wᵀσ̂(Wx + b), y).</summary>
    /// <param name="weights">W, h×d.</param>
    /// <param name="bias">b, length h.</param>
    /// <param name="outputWeights">w, length h.</param>
    /// <param name="x">x, length d.</param>
    /// <param name="y">The label.</param>
    /// <param name="activation">The hidden activation; the sigmoid when null.</param>
    /// <param name="loss">The loss of the score; <see cref="MarginLosses.Logistic"/> is the sheet's.</param>
    /// <returns>The loss.</returns>
    public static double Loss(
        Matrix<double> weights, Vector<double> bias, Vector<double> outputWeights, Vector<double> x, double y,
        ScalarFunction? activation, IMarginLoss loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        CheckShapes(weights, bias, outputWeights, x);
        return NetworkSpans.Loss(Storage(weights), NetworkSpans.Layout.ColumnMajor, Values(bias), Values(outputWeights), Values(x), y, activation, loss);
    }

    /// <summary>The loss and ∂L/∂W, ∂L/∂b, ∂L/∂w, ∂L/∂x from one forward pass.</summary>
    /// <param name="weights">W, h×d.</param>
    /// <param name="bias">b, length h.</param>
    /// <param name="outputWeights">w, length h.</param>
    /// <param name="x">x, length d.</param>
    /// <param name="y">The label.</param>
    /// <param name="activation">The hidden activation; the sigmoid when null.</param>
    /// <returns>The loss, the score z and the four gradients.</returns>
    public static NetworkGradient Gradient(
        Matrix<double> weights, Vector<double> bias, Vector<double> outputWeights, Vector<double> x, double y,
        ScalarFunction? activation = null) =>
        Gradient(weights, bias, outputWeights, x, y, activation, MarginLosses.Logistic);

    /// <summary>The loss and gradient for another loss of the margin (exercise 3): f_e(z) becomes ∂loss/∂z.</summary>
    /// <param name="weights">W, h×d.</param>
    /// <param name="bias">b, length h.</param>
    /// <param name="outputWeights">w, length h.</param>
    /// <param name="x">x, length d.</param>
    /// <param name="y">The label.</param>
    /// <param name="activation">The hidden activation; the sigmoid when null.</param>
    /// <param name="loss">The loss of the score; <see cref="MarginLosses.Logistic"/> is the sheet's.</param>
    /// <returns>The loss, the score z and the four gradients (subgradients for the hinge).</returns>
    public static NetworkGradient Gradient(
        Matrix<double> weights, Vector<double> bias, Vector<double> outputWeights, Vector<double> x, double y,
        ScalarFunction? activation, IMarginLoss loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        CheckShapes(weights, bias, outputWeights, x);
        int h = weights.RowCount, d = weights.ColumnCount;
        double[] dWeights = new double[h * d], dBias = new double[h], dOutputWeights = new double[h], dInput = new double[d];
        double value = NetworkSpans.Gradient(
            Storage(weights), NetworkSpans.Layout.ColumnMajor, Values(bias), Values(outputWeights), Values(x), y,
            dWeights, dBias, dOutputWeights, dInput, activation, loss, out double z);
        return new NetworkGradient(
            value,
            z,
            Matrix<double>.Build.Dense(h, d, dWeights), // binds the column-major array, no copy
            Vector<double>.Build.Dense(dBias),
            Vector<double>.Build.Dense(dOutputWeights),
            Vector<double>.Build.Dense(dInput));
    }

    /// <summary>W's values column by column: a dense matrix's own storage, a copy of any other.</summary>
    internal static double[] Storage(Matrix<double> weights) => weights.AsColumnMajorArray() ?? weights.ToColumnMajorArray();

    /// <summary>A dense vector's own storage, a copy of any other.</summary>
    internal static double[] Values(Vector<double> vector) => vector.AsArray() ?? vector.ToArray();

    internal static void CheckShapes(Matrix<double> weights, Vector<double> bias, Vector<double> outputWeights, Vector<double> x)
    {
        // The guards below format the shape into their message before they look at it: a call whose shapes fit
        // returns here, without that string (the front allocates only what it returns).
        if (Fit(weights, bias, outputWeights, x))
        {
            return;
        }

        AffineMap.CheckShapes(weights, x, bias);
        Internal.Guard.SameLength(outputWeights, weights.RowCount, nameof(outputWeights),
            $"weights ({weights.RowCount}×{weights.ColumnCount})");

        static bool Fit(Matrix<double>? weights, Vector<double>? bias, Vector<double>? outputWeights, Vector<double>? x) =>
            weights is { RowCount: > 0, ColumnCount: > 0 } && x?.Count == weights.ColumnCount
            && bias?.Count == weights.RowCount && outputWeights?.Count == weights.RowCount;
    }
}
