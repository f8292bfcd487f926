using System.Diagnostics;
using Calculus.Functions;
using Calculus.Losses;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Checking;

/// <summary>The result of checking one block of the network gradient (W, b, w or x) with one oracle.</summary>
/// <param name="Block">"W", "b", "w" or "x".</param>
/// <param name="Oracle">The oracle.</param>
/// <param name="Entries">How many entries were checked.</param>
/// <param name="MaxAbsoluteError">The largest |analytic − numeric| over the block's conclusive entries.</param>
/// <param name="MaxRelativeError">The largest relative error over them (<see cref="CheckResult.RelativeError"/>).</param>
/// <param name="Worst">The entry that failed, or the one closest to its tolerance, e.g. "W[2,0]".</param>
/// <param name="WorstCheck">That entry's comparison.</param>
/// <param name="Elapsed">The time the block took.</param>
public sealed record BlockCheck(
    string Block, Oracle Oracle, int Entries, double MaxAbsoluteError, double MaxRelativeError, string Worst, CheckResult WorstCheck, TimeSpan Elapsed)
{
    /// <summary>How many entries failed.</summary>
    public int Failed { get; init; }

    /// <summary>How many entries the oracle could not decide.</summary>
    public int Inconclusive { get; init; }

    /// <summary>The reason of the first inconclusive entry, with its name; null when there is none.</summary>
    public string? InconclusiveReason { get; init; }

    /// <summary>Fail when any entry failed; inconclusive when no entry could be decided; pass otherwise (inconclusive
    /// entries among passing ones are counted in <see cref="Inconclusive"/>, never failures).</summary>
    public Verdict Verdict => Failed > 0 ? Verdict.Fail : Inconclusive == Entries ? Verdict.Inconclusive : Verdict.Pass;

    /// <summary>Whether the verdict is <see cref="Verdict.Pass"/>.</summary>
    public bool Passed => Verdict == Verdict.Pass;
}

/// <summary>Checks a whole network gradient entry by entry, block by block: the check behind <c>calculus gradcheck</c>
/// and the report, built on <see cref="GradientCheck"/> with the running error bounds of <see cref="NetworkErrorBounds"/>.</summary>
/// <remarks>An entry whose first central-difference stencil reaches a kink of the hidden activation (or the hinge's
/// kink at yz = 1) is checked at the coarsest finer step level whose stencil does not (<see cref="ClearLevel"/>); only
/// when even the finest one reaches it is the entry inconclusive, with the unit and the kink named: a central difference
/// across a kink sees an average slope, which is no evidence either way. The complex step takes the side of a kink from
/// the rounded a_i and yz, so an entry within that rounding of a kink is inconclusive for it.</remarks>
public static class NetworkGradientCheck
{
    /// <summary>Shifts each b_i so that a_i = (Wx + b)_i lies at least 4·h5·(1 + ‖W_i‖ + ‖x‖) from every kink of f:
    /// a central-difference step of ≤ 2·h5 in any one parameter (or along a unit direction) moves a_i by at most
    /// 2·h5·(1 + ‖W_i‖ + ‖x‖), so the stencils never reach a kink.</summary>
    /// <param name="weights">W.</param>
    /// <param name="bias">b; changed in place where needed.</param>
    /// <param name="x">x.</param>
    /// <param name="activation">The hidden activation.</param>
    public static void MoveOffKinks(Matrix<double> weights, Vector<double> bias, Vector<double> x, ScalarFunction activation)
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

    /// <summary>Checks every entry of <paramref name="gradient"/> against central differences of the loss and, for every
    /// activation and loss with a complex form (<see cref="ScalarFunction.ComplexForm"/>, <see cref="IMarginLoss.ComplexForm"/>),
    /// against the complex step too, per block.</summary>
    /// <param name="layout">The network's shape.</param>
    /// <param name="theta">The parameters θ = (W, b, w, x).</param>
    /// <param name="y">The label.</param>
    /// <param name="activation">The hidden activation.</param>
    /// <param name="gradient">The gradient under test, in the layout of θ.</param>
    /// <param name="loss">The loss of the score; the sheet's logistic loss when null.</param>
    /// <returns>One row per block and oracle, W, b, w, x in that order.</returns>
    public static IReadOnlyList<BlockCheck> Run(
        NetworkParameters layout, double[] theta, double y, ScalarFunction activation, double[] gradient, IMarginLoss? loss = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(activation);
        var outer = loss ?? MarginLosses.Logistic;
        var bounds = NetworkErrorBounds.Compute(layout, theta, y, activation, outer);
        var blocks = new (string Name, int Start, int Count)[]
        {
            ("W", 0, layout.Hidden * layout.Inputs),
            ("b", layout.Bias(0), layout.Hidden),
            ("w", layout.OutputWeight(0), layout.Hidden),
            ("x", layout.Input(0), layout.Inputs),
        };
        // The complex step where both the activation and the loss have a complex form (every catalog function but PLU;
        // an activation whose Value was replaced has none). At a kink of a piecewise form the side is chosen by the
        // rounded real part, so an entry whose a_i (or margin) lies within its rounding of a kink is inconclusive there too.
        var complexActivation = activation.ComplexForm;
        var complexLoss = outer.ComplexForm;
        var rows = new List<BlockCheck>();
        foreach (var (name, start, count) in blocks)
        {
            rows.Add(CheckBlock(layout, name, start, count, Oracle.CentralDifference, k =>
            {
                var (level, kink) = ClearLevel(layout, theta, y, activation, outer, Unit(layout, k), bounds);
                return kink is not null
                    ? CheckResult.Inconclusive(Oracle.CentralDifference, gradient[k], kink)
                    : GradientCheck.Partial(t => layout.Loss(t, y, activation, outer), gradient[k], theta, k, bounds.Loss, bounds.Gradient[k], level);
            }));
            if (complexActivation is not null && complexLoss is not null)
            {
                rows.Add(CheckBlock(layout, name, start, count, Oracle.ComplexStep, k =>
                    KinkWithin(layout, theta, y, activation, outer, Unit(layout, k), bounds, 0) is { } kink
                        ? CheckResult.Inconclusive(Oracle.ComplexStep, gradient[k], kink)
                        : GradientCheck.ComplexDirectional(
                            t => ComplexNetwork.Loss(t, layout.Hidden, layout.Inputs, y, complexActivation, complexLoss), gradient, theta, Unit(layout, k), bounds.Gradient)));
            }
        }

        return rows;
    }

    /// <summary>The coarsest step level whose stencils along v stay clear of every kink (<see cref="KinkWithinReach"/>):
    /// a kink a step of 2^-10 reaches is often out of reach of 2^-13 or 2^-16, and there the central differences see a
    /// smooth function again.</summary>
    /// <param name="layout">The shape.</param>
    /// <param name="theta">θ.</param>
    /// <param name="y">The label.</param>
    /// <param name="activation">The hidden activation.</param>
    /// <param name="loss">The loss of the score.</param>
    /// <param name="direction">v, a unit vector in the layout of θ.</param>
    /// <param name="bounds">The running error bounds at θ.</param>
    /// <returns>The level and null; or, when even the finest level reaches a kink, that level and the kink in words.</returns>
    public static (int Level, string? Kink) ClearLevel(
        NetworkParameters layout, double[] theta, double y, ScalarFunction activation, IMarginLoss loss, double[] direction, NetworkErrorBounds bounds)
    {
        string? kink = null;
        for (int level = 0; level < Tolerances.StepLevels; level++)
        {
            kink = KinkWithinReach(layout, theta, y, activation, loss, direction, bounds, level);
            if (kink is null)
            {
                return (level, null);
            }
        }

        return (Tolerances.StepLevels - 1, $"{kink}, even with the finest step h = {CheckResult.R(GradientCheck.Step(Tolerances.StepLevels - 1))}");
    }

    /// <summary>Whether a central-difference stencil along the unit direction v from θ can reach a kink: of the hidden
    /// activation (a_i moves by ≤ Δ_i = r·|∂a_i/∂v| + r²·|∂²a_i/∂v²|/2 + δa_i with r = 2·h5/8^level, since a_i is
    /// quadratic along v), or of the hinge at yz = 1 (z moves by ≤ Σ_i r|v_wi|(|s_i| + M_i) + |w_i|·M_i + δz, M_i a bound
    /// on |f(t) − f(a_i)| for |t − a_i| ≤ Δ_i: max |f(a_i ± Δ_i) − f(a_i)| for a monotone f, else Δ_i times the
    /// vanishing-gradient bound beyond the saturation threshold or the Lipschitz constant).</summary>
    /// <param name="layout">The shape.</param>
    /// <param name="theta">θ.</param>
    /// <param name="y">The label.</param>
    /// <param name="activation">The hidden activation.</param>
    /// <param name="loss">The loss of the score.</param>
    /// <param name="direction">v, a unit vector in the layout of θ.</param>
    /// <param name="bounds">The running error bounds at θ (for δa_i and δz).</param>
    /// <param name="level">The step level of the stencils (<see cref="GradientCheck.Reach"/>).</param>
    /// <returns>Which kink is within reach, in words; null when none is.</returns>
    public static string? KinkWithinReach(
        NetworkParameters layout, double[] theta, double y, ScalarFunction activation, IMarginLoss loss, double[] direction, NetworkErrorBounds bounds,
        int level = 0)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(direction);
        ArgumentNullException.ThrowIfNull(bounds);
        return KinkWithin(layout, theta, y, activation, loss, direction, bounds, GradientCheck.Reach(level));
    }

    /// <summary><see cref="KinkWithinReach"/> for a stencil of reach r; r = 0 is the complex step, which moves nothing
    /// but still takes the side of a kink from the rounded a_i and yz.</summary>
    private static string? KinkWithin(
        NetworkParameters layout, double[] theta, double y, ScalarFunction activation, IMarginLoss loss, double[] direction, NetworkErrorBounds bounds, double r)
    {
        if (activation.Kinks.Count == 0 && loss.IsSmooth)
        {
            return null;
        }

        string what = r == 0 ? "kink within rounding" : "kink within reach";
        double z = 0, zReach = 0;
        for (int i = 0; i < layout.Hidden; i++)
        {
            double a = theta[layout.Bias(i)], linear = direction[layout.Bias(i)], quadratic = 0;
            for (int j = 0; j < layout.Inputs; j++)
            {
                double wij = theta[layout.Weight(i, j)], xj = theta[layout.Input(j)];
                double vw = direction[layout.Weight(i, j)], vx = direction[layout.Input(j)];
                a += wij * xj;
                linear += (vw * xj) + (wij * vx);
                quadratic += vw * vx;
            }

            // A unit the stencil does not move keeps its side of every kink; one it moves may cross by its movement plus
            // the rounding of a_i itself (for the complex step, by that rounding alone).
            bool moves = linear != 0 || quadratic != 0;
            double movement = (r * Math.Abs(linear)) + (r * r * Math.Abs(quadratic));
            double reach = moves ? movement + bounds.PreActivation[i] : 0;
            foreach (var kink in activation.Kinks)
            {
                if (moves && Math.Abs(a - kink.At) <= reach)
                {
                    return $"{what}: a[{i}] = {CheckResult.R(a)} is within {CheckResult.R(reach)} of {activation.Name}'s kink at {CheckResult.R(kink.At)}";
                }
            }

            double s = activation.Value(a), wi = theta[layout.OutputWeight(i)], sReach = Movement(activation, a, reach);
            z += wi * s;
            zReach += (r * Math.Abs(direction[layout.OutputWeight(i)]) * (Math.Abs(s) + sReach)) + (Math.Abs(wi) * sReach);
        }

        zReach += zReach > 0 || r == 0 ? bounds.Score : 0;
        return loss.Kink is { } margin && (zReach > 0 || r == 0) && Math.Abs((y * z) - margin) <= Math.Abs(y) * zReach
            ? $"{what}: the margin yz = {CheckResult.R(y * z)} is within {CheckResult.R(Math.Abs(y) * zReach)} of the {loss.Name} loss's kink at {CheckResult.R(margin)}"
            : null;
    }

    /// <summary>A bound on |f(t) − f(a)| for t in [a − r, a + r]. A monotone f moves most at an end of the interval:
    /// max |f(a ± r) − f(a)|, plus the rounding of the three values (<see cref="Tolerances.FunctionUlps"/> ulp each).
    /// Otherwise r times a bound on |f'|: the vanishing-gradient bound δ where the whole interval lies beyond the
    /// saturation threshold (|a| − r ≥ T), else the Lipschitz constant L.</summary>
    /// <remarks>Not L·r alone: that charges a unit the stencil cannot move (a dead ReLU at a = −4000, a Gaussian at
    /// a = 300) with up to 0.05·|w_i| of movement of the score, so the margin of a hinge loss would "reach" its kink for
    /// every entry and leave most of a right gradient undecided (rows
    /// <c>RegressionExamples.HingeGradcheck_SaturatedGaussianUnits_LeaveNoEntryUndecided</c> and
    /// <c>RegressionExamples.HingeGradcheck_ADeadReluUnit_LeavesNoEntryUndecided</c>).</remarks>
    private static double Movement(ScalarFunction f, double a, double r)
    {
        if (r == 0)
        {
            return 0;
        }

        if (f.Monotonicity != Monotonicity.None)
        {
            double at = f.Value(a), below = f.Value(a - r), above = f.Value(a + r);
            double rounding = Tolerances.FunctionUlps * Tolerances.Epsilon * (Math.Abs(below) + (2 * Math.Abs(at)) + Math.Abs(above));
            return Math.Max(Math.Abs(above - at), Math.Abs(at - below)) + rounding;
        }

        return r * (f.Saturation is { } s && Math.Abs(a) - r >= s.Threshold ? s.GradientBound : f.Lipschitz);
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

    private static double[] Unit(NetworkParameters layout, int k)
    {
        var unit = new double[layout.Count];
        unit[k] = 1;
        return unit;
    }

    private static BlockCheck CheckBlock(NetworkParameters layout, string name, int start, int count, Oracle oracle, Func<int, CheckResult> check)
    {
        var clock = Stopwatch.StartNew();
        // A failed entry ranks above every passing one (ratio ∞), a passing one by its error/tolerance ratio; the first
        // entry always replaces the −1, so an all-inconclusive block still names its first entry.
        double maxAbsolute = 0, maxRelative = 0, worstRatio = -1;
        int worst = start, failed = 0, inconclusive = 0;
        CheckResult? worstCheck = null;
        string? reason = null;
        for (int k = start; k < start + count; k++)
        {
            var r = check(k);
            if (r.Verdict == Verdict.Inconclusive)
            {
                inconclusive++;
                reason ??= $"{EntryName(layout, k)}: {r.Problem}";
                if (worstCheck is null)
                {
                    worst = k;
                    worstCheck = r;
                }

                continue;
            }

            failed += r.Failed ? 1 : 0;
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

        return new BlockCheck(name, oracle, count, maxAbsolute, maxRelative, EntryName(layout, worst), worstCheck!, clock.Elapsed)
        {
            Failed = failed,
            Inconclusive = inconclusive,
            InconclusiveReason = reason,
        };
    }
}
