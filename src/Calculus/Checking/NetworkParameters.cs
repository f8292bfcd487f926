using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Checking;

/// <summary>The layout of the sheet-1f network's parameters in one flat vector θ = (W row-major, b, w, x), so that
/// the gradient checks can treat all of them alike.</summary>
/// <param name="Hidden">h, the rows of W.</param>
/// <param name="Inputs">d, the columns of W.</param>
public sealed record NetworkParameters(int Hidden, int Inputs)
{
    /// <summary>h ≥ 1.</summary>
    public int Hidden { get; } = Hidden >= 1 ? Hidden : throw new ArgumentOutOfRangeException(nameof(Hidden), Hidden, "A network needs h ≥ 1.");

    /// <summary>d ≥ 1.</summary>
    public int Inputs { get; } = Inputs >= 1 ? Inputs : throw new ArgumentOutOfRangeException(nameof(Inputs), Inputs, "A network needs d ≥ 1.");

    /// <summary>h·d + 2h + d.</summary>
    public int Count => (Hidden * Inputs) + (2 * Hidden) + Inputs;

    /// <summary>The index of W_ij.</summary>
    /// <param name="i">Row.</param>
    /// <param name="j">Column.</param>
    /// <returns>i·d + j.</returns>
    public int Weight(int i, int j) => (i * Inputs) + j;

    /// <summary>The index of b_i.</summary>
    /// <param name="i">Entry.</param>
    /// <returns>h·d + i.</returns>
    public int Bias(int i) => (Hidden * Inputs) + i;

    /// <summary>The index of w_i.</summary>
    /// <param name="i">Entry.</param>
    /// <returns>h·d + h + i.</returns>
    public int OutputWeight(int i) => (Hidden * Inputs) + Hidden + i;

    /// <summary>The index of x_j.</summary>
    /// <param name="j">Entry.</param>
    /// <returns>h·d + 2h + j.</returns>
    public int Input(int j) => (Hidden * Inputs) + (2 * Hidden) + j;

    /// <summary>θ from the four parts.</summary>
    /// <param name="weights">W, h×d.</param>
    /// <param name="bias">b.</param>
    /// <param name="outputWeights">w.</param>
    /// <param name="x">x.</param>
    /// <returns>θ.</returns>
    /// <exception cref="ArgumentException">The shapes differ from this layout's.</exception>
    public double[] Flatten(Matrix<double> weights, Vector<double> bias, Vector<double> outputWeights, Vector<double> x)
    {
        Network.CheckShapes(weights, bias, outputWeights, x); // also names a null argument
        if (weights.RowCount != Hidden || weights.ColumnCount != Inputs)
        {
            throw new ArgumentException(
                $"weights is {weights.RowCount}×{weights.ColumnCount}, but this layout is {Hidden}×{Inputs}.", nameof(weights));
        }

        return [.. weights.ToRowMajorArray(), .. bias, .. outputWeights, .. x];
    }

    /// <summary>θ of a gradient, in the same layout.</summary>
    /// <param name="gradient">The gradient.</param>
    /// <returns>(∂L/∂W row-major, ∂L/∂b, ∂L/∂w, ∂L/∂x).</returns>
    public double[] Flatten(NetworkGradient gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        return Flatten(gradient.Weights, gradient.Bias, gradient.OutputWeights, gradient.Input);
    }

    /// <summary>The real loss L(θ) with the given hidden activation and loss of the score.</summary>
    /// <param name="theta">θ.</param>
    /// <param name="y">The label.</param>
    /// <param name="activation">The hidden activation; the sigmoid when null.</param>
    /// <param name="loss">The loss of the score; the sheet's logistic loss when null.</param>
    /// <returns>L(θ).</returns>
    public double Loss(double[] theta, double y, ScalarFunction? activation = null, IMarginLoss? loss = null)
    {
        var (weights, bias, outputWeights, x) = Unflatten(theta);
        return Network.Loss(weights, bias, outputWeights, x, y, activation, loss ?? MarginLosses.Logistic);
    }

    /// <summary>A bound on the rounding error of the computed loss L(θ) of a backward-stable implementation:
    /// <see cref="NetworkErrorBounds.Loss"/>. Where L is tiny (large yz) this is far above ε|L|: e.g. L ≈ 1e-29
    /// carries a relative error of ~1e-12 from the rounding of z alone.</summary>
    /// <param name="theta">θ.</param>
    /// <param name="y">The label.</param>
    /// <param name="activation">The hidden activation; the sigmoid when null.</param>
    /// <param name="loss">The loss of the score; the sheet's logistic loss when null.</param>
    /// <returns>The bound, absolute.</returns>
    public double LossErrorBound(double[] theta, double y, ScalarFunction? activation = null, IMarginLoss? loss = null) =>
        NetworkErrorBounds.Compute(this, theta, y, activation ?? Catalog.Sigmoid, loss ?? MarginLosses.Logistic).Loss;

    /// <summary>The four parts of θ.</summary>
    /// <param name="theta">θ, length <see cref="Count"/>.</param>
    /// <returns>(W, b, w, x).</returns>
    /// <exception cref="ArgumentException">θ has the wrong length.</exception>
    public (Matrix<double> Weights, Vector<double> Bias, Vector<double> OutputWeights, Vector<double> X) Unflatten(double[] theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        if (theta.Length != Count)
        {
            throw new ArgumentException($"theta has length {theta.Length}, but h = {Hidden}, d = {Inputs} requires length {Count}.", nameof(theta));
        }

        var weights = Matrix<double>.Build.Dense(Hidden, Inputs, (i, j) => theta[Weight(i, j)]);
        var bias = Vector<double>.Build.Dense(Hidden, i => theta[Bias(i)]);
        var outputWeights = Vector<double>.Build.Dense(Hidden, i => theta[OutputWeight(i)]);
        var x = Vector<double>.Build.Dense(Inputs, j => theta[Input(j)]);
        return (weights, bias, outputWeights, x);
    }
}
