using Calculus.Checking;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using Calculus.Verification.Sheet;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Verification.Generation;

/// <summary>One generated sheet-1f network at one example (<see cref="NetworkExample"/>) with the weight scale it was
/// drawn at; <see cref="ToString"/> prints every entry (MathNet's own printing stops after four).</summary>
/// <param name="Example">The network, its input, label, hidden activation (PLU with its defaults, as the protocol has no
/// α, c for networks) and loss.</param>
/// <param name="Scale">The weight scale the entries were drawn at.</param>
internal sealed record NetworkCase(NetworkExample Example, double Scale)
{
    private NetworkErrorBounds? bounds;

    /// <summary>W, h×d.</summary>
    public Matrix<double> W => Example.W;

    /// <summary>b.</summary>
    public Vector<double> B => Example.B;

    /// <summary>w.</summary>
    public Vector<double> Wout => Example.Wout;

    /// <summary>x.</summary>
    public Vector<double> X => Example.X;

    /// <summary>The label.</summary>
    public double Y => Example.Y;

    /// <summary>The hidden activation.</summary>
    public ScalarFunction Activation => Example.Activation;

    /// <summary>The loss of the score.</summary>
    public IMarginLoss Loss => Example.Loss;

    /// <summary>h.</summary>
    public int Hidden => Example.Hidden;

    /// <summary>d.</summary>
    public int Inputs => Example.Inputs;

    /// <summary>The flat layout of θ.</summary>
    public NetworkParameters Layout => Example.Layout;

    /// <summary>θ = (W row-major, b, w, x).</summary>
    public double[] Theta => Example.Theta;

    /// <summary>The running error bounds of a backward-stable implementation at θ, computed once.</summary>
    public NetworkErrorBounds Bounds => bounds ??= NetworkErrorBounds.Compute(Layout, Theta, Y, Activation, Loss);

    /// <summary>The rounding-error bound of the loss at θ (<see cref="NetworkErrorBounds.Loss"/>).</summary>
    public double LossError => Bounds.Loss;

    /// <summary>The request the protocol sends for this network.</summary>
    public NetworkQuery Query => new(W.ToRowArrays(), B.ToArray(), Wout.ToArray(), X.ToArray(), Y, Activation.Name, Loss.Name);

    /// <summary>Builds the case; for an activation with kinks, b is shifted so that every stencil stays clear of them
    /// (<see cref="NetworkGradientCheck.MoveOffKinks"/>).</summary>
    /// <param name="w">W; not modified.</param>
    /// <param name="b">b; shifted in place where a kink is near.</param>
    /// <param name="wout">w.</param>
    /// <param name="x">x.</param>
    /// <param name="y">The label.</param>
    /// <param name="scale">The weight scale.</param>
    /// <param name="activation">The hidden activation.</param>
    /// <param name="loss">The loss of the score; logistic when null.</param>
    /// <returns>The case.</returns>
    public static NetworkCase Create(
        Matrix<double> w, Vector<double> b, Vector<double> wout, Vector<double> x, double y, double scale, ScalarFunction activation, IMarginLoss? loss = null)
    {
        NetworkGradientCheck.MoveOffKinks(w, b, x, activation);
        return new NetworkCase(new NetworkExample(w, b, wout, x, y, activation, loss ?? MarginLosses.Logistic), scale);
    }

    /// <summary>Smaller or simpler networks for a shrinker to try after a failure: one hidden unit fewer, one input fewer,
    /// every entry rounded to two decimals. Each is rebuilt through <see cref="Create"/>, so the kink margin still holds,
    /// and none is larger than the original, so size limits still hold.</summary>
    /// <returns>The candidates.</returns>
    public IEnumerable<NetworkCase> Shrink()
    {
        if (Hidden > 1)
        {
            yield return Create(W.SubMatrix(0, Hidden - 1, 0, Inputs), B.SubVector(0, Hidden - 1), Wout.SubVector(0, Hidden - 1), X.Clone(), Y, Scale, Activation, Loss);
        }

        if (Inputs > 1)
        {
            yield return Create(W.SubMatrix(0, Hidden, 0, Inputs - 1), B.Clone(), Wout.Clone(), X.SubVector(0, Inputs - 1), Y, Scale, Activation, Loss);
        }

        static double Round(double v) => Math.Round(v, 2);
        var rounded = Create(W.Map(Round), B.Map(Round), Wout.Map(Round), X.Map(Round), Round(Y), Scale, Activation, Loss);
        if (!rounded.Theta.SequenceEqual(Theta) && rounded.Y != 0)
        {
            yield return rounded;
        }
    }

    /// <summary>The reference gradient of this case.</summary>
    /// <returns>The loss and gradient.</returns>
    public NetworkGradient Gradient() => Example.Gradient();

    /// <summary>Every entry, round-trip.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"h = {Hidden}, d = {Inputs}, scale = {Show.R(Scale)}, activation = {Activation.Name}, loss = {Loss.Name}, y = {Show.R(Y)}, " +
        $"W = {Show.Matrix(W.ToRowArrays())}, b = {Show.Vector(B)}, w = {Show.Vector(Wout)}, x = {Show.Vector(X)}";
}
