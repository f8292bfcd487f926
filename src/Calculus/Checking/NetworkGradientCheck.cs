using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Checking;

/// <summary>The result of checking one block of the network gradient (W, b, w or x) with one oracle.</summary>
/// <param name="Block">"W", "b", "w" or "x".</param>
/// <param name="Oracle">The oracle's name.</param>
/// <param name="Entries">How many entries were checked.</param>
/// <param name="MaxAbsoluteError">The largest |analytic − numeric| over the block.</param>
/// <param name="MaxRelativeError">The largest relative error over the block.</param>
/// <param name="Worst">The entry closest to (or furthest beyond) its tolerance, e.g. "W[2,0]", with its comparison.</param>
/// <param name="WorstCheck">That entry's comparison.</param>
/// <param name="Elapsed">The time the block took.</param>
public sealed record BlockCheck(
    string Block, string Oracle, int Entries, double MaxAbsoluteError, double MaxRelativeError, string Worst, CheckResult WorstCheck, TimeSpan Elapsed)
{
    /// <summary>Whether every entry of the block passed.</summary>
    public bool Passed { get; init; }
}

/// <summary>Checks a whole network gradient entry by entry, block by block: the check behind <c>calculus gradcheck</c>
/// and the report, built on <see cref="GradientCheck"/>.</summary>
public static class NetworkGradientCheck
{
    /// <summary>Shifts each b_i so that a_i = (Wx + b)_i lies at least 4·h5·(1 + ‖W_i‖ + ‖x‖) from every kink of f:
    /// a central-difference step of ≤ 2·h5 in any one parameter (or along a unit direction) moves a_i by at most
    /// 2·h5·(1 + ‖W_i‖ + ‖x‖), so the stencils never reach a kink.</summary>
    /// <param name="weights">W.</param>
    /// <param name="bias">b; changed in place where needed.</param>
    /// <param name="x">x.</param>
    /// <param name="activation">The hidden activation.</param>
    public static void MoveOffKinks(Matrix<double> weights, Vector<double> bias, Vector<double> x, Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        AffineMap.CheckShapes(weights, x, bias);
        // Stryker disable once Block,Statement : equivalent: with no kinks the loop below changes nothing; this only skips it.
        if (activation.Kinks.Count == 0)
        {
            return;
        }

        var a = AffineMap.Apply(weights, x, bias);
        for (int i = 0; i < a.Count; i++)
        {
            double margin = 4 * Tolerances.FivePointStep * (1 + weights.Row(i).L2Norm() + x.L2Norm());
            foreach (var kink in activation.Kinks)
            {
                double d = a[i] - kink.At;
                if (Math.Abs(d) < margin)
                {
                    double shift = (d < 0 ? -1 : 1) * ((2 * margin) - Math.Abs(d));
                    bias[i] += shift;
                    a[i] += shift;
                }
            }
        }
    }

    /// <summary>Checks every entry of <paramref name="gradient"/> against central differences of the loss (and, for the
    /// sigmoid, against the complex step too), per block.</summary>
    /// <param name="layout">The network's shape.</param>
    /// <param name="theta">The parameters θ = (W, b, w, x).</param>
    /// <param name="y">The label.</param>
    /// <param name="activation">The hidden activation.</param>
    /// <param name="gradient">The gradient under test, in the layout of θ.</param>
    /// <returns>One row per block and oracle, W, b, w, x in that order.</returns>
    public static IReadOnlyList<BlockCheck> Run(NetworkParameters layout, double[] theta, double y, Activation activation, double[] gradient)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(activation);
        double valueError = layout.LossErrorBound(theta, y, activation);
        var blocks = new (string Name, int Start, int Count)[]
        {
            ("W", 0, layout.Hidden * layout.Inputs),
            ("b", layout.Bias(0), layout.Hidden),
            ("w", layout.OutputWeight(0), layout.Hidden),
            ("x", layout.Input(0), layout.Inputs),
        };
        var rows = new List<BlockCheck>();
        foreach (var (name, start, count) in blocks)
        {
            rows.Add(CheckBlock(layout, name, start, count, GradientCheck.CentralDifferenceOracle,
                k => GradientCheck.Partial(t => layout.Loss(t, y, activation), gradient[k], theta, k, valueError)));
            if (activation.Value.Equals((Func<double, double>)Sigmoid.Value))
            {
                rows.Add(CheckBlock(layout, name, start, count, GradientCheck.ComplexStepOracle, k =>
                {
                    var unit = new double[theta.Length];
                    unit[k] = 1;
                    return GradientCheck.ComplexDirectional(t => ComplexForms.NetworkLoss(t, layout.Hidden, layout.Inputs, y), gradient, theta, unit);
                }));
            }
        }

        return rows;
    }

    /// <summary>Names a flat parameter index, e.g. "W[2,0]", "b[1]".</summary>
    /// <param name="layout">The shape.</param>
    /// <param name="k">The index into θ.</param>
    /// <returns>The entry's name.</returns>
    public static string EntryName(NetworkParameters layout, int k)
    {
        ArgumentNullException.ThrowIfNull(layout);
        int wCount = layout.Hidden * layout.Inputs;
        if (k < wCount)
        {
            return $"W[{k / layout.Inputs},{k % layout.Inputs}]";
        }

        k -= wCount;
        return k < layout.Hidden ? $"b[{k}]"
            : k < 2 * layout.Hidden ? $"w[{k - layout.Hidden}]"
            : $"x[{k - (2 * layout.Hidden)}]";
    }

    private static BlockCheck CheckBlock(NetworkParameters layout, string name, int start, int count, string oracle, Func<int, CheckResult> check)
    {
        var clock = Stopwatch.StartNew();
        // Every ratio is ≥ 0 (∞ for a failed entry), so the first entry always replaces the −1.
        double maxAbsolute = 0, maxRelative = 0, worstRatio = -1;
        int worst = start;
        CheckResult? worstCheck = null;
        bool passed = true;
        for (int k = start; k < start + count; k++)
        {
            var r = check(k);
            passed &= r.Passed;
            maxAbsolute = Math.Max(maxAbsolute, r.AbsoluteError);
            maxRelative = Math.Max(maxRelative, r.RelativeError);
            double ratio = r.Passed ? r.AbsoluteError / Math.Max(r.Tolerance, double.Epsilon) : double.PositiveInfinity;
            if (ratio > worstRatio)
            {
                worstRatio = ratio;
                worst = k;
                worstCheck = r;
            }
        }

        return new BlockCheck(name, oracle, count, maxAbsolute, maxRelative, EntryName(layout, worst), worstCheck!, clock.Elapsed) { Passed = passed };
    }
}
