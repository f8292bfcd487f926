using Calculus.Training;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus;

/// <summary>The one-hidden-layer network of sheet 1f: L(W, b, w; x, y) = log(1 + exp(−y·wᵀσ̂(Wx + b))).</summary>
/// <remarks>
/// <para>Shapes: W is h×d (hidden width h, input size d; the sheet's case is h = d), b and w have length h, x has
/// length d, y is the label (±1, any real accepted). σ̂ applies the hidden activation elementwise: the sigmoid by
/// default (the sheet's), any <see cref="ActivationCatalog"/> entry otherwise.</para>
/// <para>Gradient (one forward pass keeping a = Wx + b and s = σ̂(a), then O(h·d) in total): with
/// g = f_e(z)·(w ⊙ f̂'(a)) and f_e(z) = −y·σ(−yz) (sheet 1e),
/// ∂L/∂W = g·xᵀ, ∂L/∂b = g, ∂L/∂w = f_e(z)·s, ∂L/∂x = Wᵀg. This is the outer-product form of the sheet's chain
/// ∂L/∂W_ij = f_e(z)·w_i·f_d(a_i)·x_j, which <see cref="NetworkChainRule"/> spells out entry by entry.</para>
/// <para>Range: L ∈ (0, ∞), finite for every finite input (the loss uses the stable log1p form). At a kink of the
/// hidden activation the gradient uses the activation's stated derivative convention.</para>
/// <para>Errors: null arguments throw <see cref="ArgumentNullException"/>; b, w or x of the wrong length throw
/// <see cref="ArgumentException"/> naming the parameter and both sizes.</para>
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
        Activation? activation = null)
    {
        var (_, hidden) = Forward(weights, bias, outputWeights, x, activation ?? ActivationCatalog.Sigmoid);
        return LabelLogisticLoss.Value(outputWeights.DotProduct(hidden), y);
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
        Activation? activation, IMarginLoss loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        var (_, hidden) = Forward(weights, bias, outputWeights, x, activation ?? ActivationCatalog.Sigmoid);
        return loss.Value(outputWeights.DotProduct(hidden), y);
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
        Activation? activation = null) =>
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
        Activation? activation, IMarginLoss loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        activation ??= ActivationCatalog.Sigmoid;
        var (preActivation, hidden) = Forward(weights, bias, outputWeights, x, activation);
        double z = outputWeights.DotProduct(hidden);
        double fe = loss.DerivativeInScore(z, y);

        // g_i = f_e(z)·w_i·f'(a_i): the derivative of L with respect to a_i = (Wx + b)_i.
        var g = Vector<double>.Build.Dense(preActivation.Count, i => fe * outputWeights[i] * activation.Derivative(preActivation[i]));
        return new NetworkGradient(
            loss.Value(z, y),
            z,
            g.OuterProduct(x),
            g,
            hidden * fe,
            weights.TransposeThisAndMultiply(g));
    }

    private static (Vector<double> PreActivation, Vector<double> Hidden) Forward(
        Matrix<double> weights, Vector<double> bias, Vector<double> outputWeights, Vector<double> x, Activation activation)
    {
        CheckShapes(weights, bias, outputWeights, x);
        var a = AffineMap.Apply(weights, x, bias);
        return (a, a.Map(activation.Value));
    }

    internal static void CheckShapes(Matrix<double> weights, Vector<double> bias, Vector<double> outputWeights, Vector<double> x)
    {
        AffineMap.CheckShapes(weights, x, bias);
        Internal.Guard.SameLength(outputWeights, weights.RowCount, nameof(outputWeights),
            $"weights ({weights.RowCount}×{weights.ColumnCount})");
    }
}
