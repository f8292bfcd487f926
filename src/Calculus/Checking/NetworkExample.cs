using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Checking;

/// <summary>The sheet-1f network at one example: its parameters W, b, w, the input x, the label y, the hidden activation
/// and the loss of the score; what a gradient check, the battery and the command line each take.</summary>
/// <param name="W">W, h×d.</param>
/// <param name="B">b, length h.</param>
/// <param name="Wout">w, length h.</param>
/// <param name="X">x, length d.</param>
/// <param name="Y">The label.</param>
/// <param name="Activation">The hidden activation.</param>
/// <param name="Loss">The loss of the score.</param>
public sealed record NetworkExample(
    Matrix<double> W, Vector<double> B, Vector<double> Wout, Vector<double> X, double Y, ScalarFunction Activation, IMarginLoss Loss)
{
    /// <summary>h.</summary>
    public int Hidden => W.RowCount;

    /// <summary>d.</summary>
    public int Inputs => W.ColumnCount;

    /// <summary>The flat layout of θ.</summary>
    public NetworkParameters Layout => new(Hidden, Inputs);

    /// <summary>θ = (W row-major, b, w, x).</summary>
    public double[] Theta => Layout.Flatten(W, B, Wout, X);

    /// <summary>The library's loss and gradient here.</summary>
    /// <returns><see cref="Network.Gradient(Matrix{double}, Vector{double}, Vector{double}, Vector{double}, double, ScalarFunction?, IMarginLoss)"/>.</returns>
    public NetworkGradient Gradient() => Network.Gradient(W, B, Wout, X, Y, Activation, Loss);

    /// <summary>Checks a gradient at this example against the oracles (<see cref="NetworkGradientCheck.Run"/>).</summary>
    /// <param name="gradient">The gradient under test.</param>
    /// <returns>One row per block and oracle.</returns>
    public IReadOnlyList<BlockCheck> Check(NetworkGradient gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        return NetworkGradientCheck.Run(Layout, Theta, Y, Activation, Layout.Flatten(gradient), Loss);
    }
}
