using System.Globalization;
using Calculus.Checking;
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

    /// <summary>The rounding-error bound of the loss at θ (<see cref="NetworkParameters.LossErrorBound"/>).</summary>
    public double LossError => Layout.LossErrorBound(Theta, Y, Activation);

    /// <summary>Builds the case; for an activation with kinks, shifts each b_i so that a_i = (Wx + b)_i stays a
    /// stencil-derived margin away from every kink: a directional or partial step of size ≤ 2h5 along a unit
    /// direction moves a_i by at most 2h5·(1 + ‖W_i‖ + ‖x‖), and the margin is twice that.</summary>
    public static NetworkCase Create(
        Matrix<double> w, Vector<double> b, Vector<double> wout, Vector<double> x, double y, double scale, Activation activation)
    {
        if (activation.Kinks.Count > 0)
        {
            var a = (w * x) + b;
            for (int i = 0; i < a.Count; i++)
            {
                double margin = 4 * Tolerances.FivePointStep * (1 + w.Row(i).L2Norm() + x.L2Norm());
                foreach (var kink in activation.Kinks)
                {
                    double d = a[i] - kink.At;
                    if (Math.Abs(d) < margin)
                    {
                        double shift = (d < 0 ? -1 : 1) * ((2 * margin) - Math.Abs(d));
                        b[i] += shift;
                        a[i] += shift;
                    }
                }
            }
        }

        return new NetworkCase(w, b, wout, x, y, scale, activation);
    }

    public NetworkGradient Gradient() => Network.Gradient(W, B, Wout, X, Y, Activation);

    public override string ToString() =>
        $"h = {Hidden}, d = {Inputs}, scale = {Scale}, activation = {Activation.Name}, y = {R(Y)}, " +
        $"W = [{string.Join("; ", W.EnumerateRows().Select(Join))}], b = [{Join(B)}], w = [{Join(Wout)}], x = [{Join(X)}]";

    private static string Join(Vector<double> v) => string.Join(", ", v.Select(R));

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
