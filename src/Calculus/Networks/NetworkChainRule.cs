using Calculus.Functions;
using Calculus.Losses;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Networks;

/// <summary>The sheet's per-entry chain rule for the network of 1f, written out plainly: the specification that
/// <c>Network.Gradient</c> is checked against.</summary>
/// <remarks>
/// <para>∂L/∂W_ij = f_e(z)·w_i·f_d(a_i)·x_j and ∂L/∂b_i = f_e(z)·w_i·f_d(a_i), with a = Wx + b, z = wᵀσ̂(a),
/// f_e(z) = −y·σ(−yz) and f_d the derivative of the hidden activation (σ(1 − σ) for the sheet's sigmoid).</para>
/// <para>Each call recomputes the forward pass with plain loops (no shared code with the fast form beyond the
/// scalar functions): O(h·d) per entry, O(h²d²) for the whole matrix. Use it to check, not to train.</para>
/// </remarks>
public static class NetworkChainRule
{
    /// <summary>∂L/∂W_ij = f_e(z)·w_i·f_d(a_i)·x_j.</summary>
    /// <param name="weights">W, h×d.</param>
    /// <param name="bias">b, length h.</param>
    /// <param name="outputWeights">w, length h.</param>
    /// <param name="x">x, length d.</param>
    /// <param name="y">The label.</param>
    /// <param name="i">Row of W, 0 ≤ i &lt; h.</param>
    /// <param name="j">Column of W, 0 ≤ j &lt; d.</param>
    /// <param name="activation">The hidden activation; the sigmoid when null.</param>
    /// <returns>The partial derivative.</returns>
    public static double WeightPartial(
        Matrix<double> weights, Vector<double> bias, Vector<double> outputWeights, Vector<double> x, double y,
        int i, int j, ScalarFunction? activation = null)
    {
        Network.CheckShapes(weights, bias, outputWeights, x);
        Internal.Guard.Index(j, weights.ColumnCount, nameof(j), "columns d");
        return BiasPartial(weights, bias, outputWeights, x, y, i, activation) * x[j];
    }

    /// <summary>∂L/∂b_i = f_e(z)·w_i·f_d(a_i).</summary>
    /// <param name="weights">W, h×d.</param>
    /// <param name="bias">b, length h.</param>
    /// <param name="outputWeights">w, length h.</param>
    /// <param name="x">x, length d.</param>
    /// <param name="y">The label.</param>
    /// <param name="i">Entry of b, 0 ≤ i &lt; h.</param>
    /// <param name="activation">The hidden activation; the sigmoid when null.</param>
    /// <returns>The partial derivative.</returns>
    public static double BiasPartial(
        Matrix<double> weights, Vector<double> bias, Vector<double> outputWeights, Vector<double> x, double y,
        int i, ScalarFunction? activation = null)
    {
        Network.CheckShapes(weights, bias, outputWeights, x);
        Internal.Guard.Index(i, weights.RowCount, nameof(i), "rows h");
        var f = activation ?? Catalog.Sigmoid;

        double z = 0.0;
        for (int k = 0; k < weights.RowCount; k++)
        {
            z += outputWeights[k] * f.Value(PreActivation(weights, bias, x, k));
        }

        double fe = LabelLogisticLoss.Derivative(z, y);
        double fd = f.Derivative(PreActivation(weights, bias, x, i));
        return fe * outputWeights[i] * fd;
    }

    /// <summary>a_k = Σ_l W_kl·x_l + b_k.</summary>
    private static double PreActivation(Matrix<double> weights, Vector<double> bias, Vector<double> x, int k)
    {
        double a = 0.0;
        for (int l = 0; l < weights.ColumnCount; l++)
        {
            a += weights[k, l] * x[l];
        }

        return a + bias[k];
    }
}
