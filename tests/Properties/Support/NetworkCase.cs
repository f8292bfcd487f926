using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Properties.Support;

/// <summary>One generated sheet-1f network with its inputs; <see cref="ToString"/> prints every entry (MathNet's own
/// printing stops after four).</summary>
internal sealed record NetworkCase(
    Matrix<double> W, Vector<double> B, Vector<double> Wout, Vector<double> X, double Y, double Scale, Activation Activation)
{
    public int Hidden => W.RowCount;

    public int Inputs => W.ColumnCount;

    public NetworkParameters Layout => new(Hidden, Inputs);

    public double[] Theta => Layout.Flatten(W, B, Wout, X);

    private double? lossError;

    /// <summary>The rounding-error bound of the loss at θ (<see cref="NetworkParameters.LossErrorBound"/>), computed once.</summary>
    public double LossError => lossError ??= Layout.LossErrorBound(Theta, Y, Activation);

    /// <summary>Builds the case; for an activation with kinks, b is shifted so that every stencil stays clear of them
    /// (<see cref="NetworkGradientCheck.MoveOffKinks"/>).</summary>
    public static NetworkCase Create(
        Matrix<double> w, Vector<double> b, Vector<double> wout, Vector<double> x, double y, double scale, Activation activation)
    {
        NetworkGradientCheck.MoveOffKinks(w, b, x, activation);
        return new NetworkCase(w, b, wout, x, y, scale, activation);
    }

    /// <summary>Smaller or simpler networks for FsCheck to try after a failure: one hidden unit fewer, one input fewer,
    /// every entry rounded to two decimals. Each is rebuilt through <see cref="Create"/>, so the kink margin still holds,
    /// and none is larger than the original, so size limits (h·d ≤ 16) still hold.</summary>
    public IEnumerable<NetworkCase> Shrink()
    {
        if (Hidden > 1)
        {
            yield return Create(W.SubMatrix(0, Hidden - 1, 0, Inputs), B.SubVector(0, Hidden - 1), Wout.SubVector(0, Hidden - 1), X.Clone(), Y, Scale, Activation);
        }

        if (Inputs > 1)
        {
            yield return Create(W.SubMatrix(0, Hidden, 0, Inputs - 1), B.Clone(), Wout.Clone(), X.SubVector(0, Inputs - 1), Y, Scale, Activation);
        }

        static double Round(double v) => Math.Round(v, 2);
        var rounded = Create(W.Map(Round), B.Map(Round), Wout.Map(Round), X.Map(Round), Round(Y), Scale, Activation);
        if (!rounded.Theta.SequenceEqual(Theta) && rounded.Y != 0)
        {
            yield return rounded;
        }
    }

    public NetworkGradient Gradient() => Network.Gradient(W, B, Wout, X, Y, Activation);

    public override string ToString() =>
        $"h = {Hidden}, d = {Inputs}, scale = {Scale}, activation = {Activation.Name}, y = {Specs.R(Y)}, " +
        $"W = [{string.Join("; ", W.EnumerateRows().Select(Join))}], b = [{Join(B)}], w = [{Join(Wout)}], x = [{Join(X)}]";

    private static string Join(Vector<double> v) => string.Join(", ", v.Select(Specs.R));

}
