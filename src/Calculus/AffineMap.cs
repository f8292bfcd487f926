using Calculus.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus;

/// <summary>The affine map u(W, x, b) = Wx + b with W of shape h×d, x of length d, b of length h, and its partial
/// derivatives (sheet 1a–1c).</summary>
/// <remarks>
/// <para>u is linear in each of W, b and x separately, so every partial derivative is constant in its own
/// variable:</para>
/// <list type="bullet">
/// <item>∂u/∂W_ij = x_j·e_i (1a): a vector of length h, zero but x_j at row i.</item>
/// <item>∂u/∂b_i = e_i (1b): the i-th unit vector of length h; the Jacobian ∂u/∂b is the h×h identity.</item>
/// <item>∂u/∂x_i = W_{·,i} (1c): column i of W; the Jacobian ∂u/∂x is W itself.</item>
/// </list>
/// <para>Errors: a null argument throws <see cref="ArgumentNullException"/>; an empty W (h = 0 or d = 0) and x or b of
/// the wrong length throw
/// <see cref="ArgumentException"/> naming the parameter and both sizes; an index outside the shape throws
/// <see cref="ArgumentOutOfRangeException"/>.</para>
/// </remarks>
public static class AffineMap
{
    /// <summary>u = Wx + b.</summary>
    /// <param name="weights">W, h×d.</param>
    /// <param name="x">x, length d.</param>
    /// <param name="bias">b, length h.</param>
    /// <returns>Wx + b, length h.</returns>
    public static Vector<double> Apply(Matrix<double> weights, Vector<double> x, Vector<double> bias)
    {
        CheckShapes(weights, x, bias);
        return (weights * x) + bias;
    }

    /// <summary>∂(Wx + b)/∂W_ij = x_j·e_i (sheet 1a).</summary>
    /// <param name="weights">W, h×d (only its shape is used).</param>
    /// <param name="x">x, length d.</param>
    /// <param name="i">Row of W, 0 ≤ i &lt; h.</param>
    /// <param name="j">Column of W, 0 ≤ j &lt; d.</param>
    /// <returns>The vector of length h that is x_j at i and 0 elsewhere.</returns>
    public static Vector<double> PartialWeight(Matrix<double> weights, Vector<double> x, int i, int j)
    {
        Guard.NotEmpty(weights, nameof(weights));
        Guard.SameLength(x, weights.ColumnCount, nameof(x), $"weights ({weights.RowCount}×{weights.ColumnCount})");
        Guard.Index(i, weights.RowCount, nameof(i), "rows h");
        Guard.Index(j, weights.ColumnCount, nameof(j), "columns d");
        var partial = Vector<double>.Build.Dense(weights.RowCount);
        partial[i] = x[j];
        return partial;
    }

    /// <summary>∂(Wx + b)/∂b_i = e_i (sheet 1b).</summary>
    /// <param name="weights">W, h×d (only its shape is used).</param>
    /// <param name="i">Entry of b, 0 ≤ i &lt; h.</param>
    /// <returns>The i-th unit vector of length h.</returns>
    public static Vector<double> PartialBias(Matrix<double> weights, int i)
    {
        Guard.NotEmpty(weights, nameof(weights));
        Guard.Index(i, weights.RowCount, nameof(i), "rows h");
        var partial = Vector<double>.Build.Dense(weights.RowCount);
        partial[i] = 1.0;
        return partial;
    }

    /// <summary>∂(Wx + b)/∂x_i = W_{·,i}, column i of W (sheet 1c).</summary>
    /// <param name="weights">W, h×d.</param>
    /// <param name="i">Entry of x, 0 ≤ i &lt; d.</param>
    /// <returns>Column i of W, length h.</returns>
    public static Vector<double> PartialInput(Matrix<double> weights, int i)
    {
        Guard.NotEmpty(weights, nameof(weights));
        Guard.Index(i, weights.ColumnCount, nameof(i), "columns d");
        return weights.Column(i);
    }

    /// <summary>The Jacobian ∂(Wx + b)/∂x = W (h×d); its column i is <see cref="PartialInput"/>(W, i).</summary>
    /// <param name="weights">W, h×d.</param>
    /// <returns>A copy of W.</returns>
    public static Matrix<double> JacobianInput(Matrix<double> weights)
    {
        Guard.NotEmpty(weights, nameof(weights));
        return weights.Clone();
    }

    /// <summary>The Jacobian ∂(Wx + b)/∂b = I (h×h); its column i is <see cref="PartialBias"/>(W, i).</summary>
    /// <param name="weights">W, h×d (only h is used).</param>
    /// <returns>The h×h identity.</returns>
    public static Matrix<double> JacobianBias(Matrix<double> weights)
    {
        Guard.NotEmpty(weights, nameof(weights));
        return Matrix<double>.Build.DenseIdentity(weights.RowCount);
    }

    internal static void CheckShapes(Matrix<double> weights, Vector<double> x, Vector<double> bias)
    {
        Guard.NotEmpty(weights, nameof(weights));
        string shape = $"weights ({weights.RowCount}×{weights.ColumnCount})";
        Guard.SameLength(x, weights.ColumnCount, nameof(x), shape);
        Guard.SameLength(bias, weights.RowCount, nameof(bias), shape);
    }
}
