using Calculus.Internal;

namespace Calculus;

/// <summary>The smooth hinge h*(t) = ln(1 + e^(1−t)), the log-sum-exp approximation of max(0, 1 − t) (sheet 3b, 3c).</summary>
/// <remarks>
/// <para>Range: (0, ∞). Derivative: h*'(t) = −σ(1 − t) in (−1, 0). Convex and decreasing.</para>
/// <para>Bounds: 0 &lt; h*(t) − max(0, 1 − t) ≤ ln 2 with equality only at t = 1, and ≤ e^(−|1 − t|).</para>
/// <para>h*(t) = l(t − 1) where l is the logistic loss.</para>
/// <para>1 − t is rounded in double; its rounding error is carried exactly (TwoSum) and applied to first order,
/// so that e^(1−t) keeps full relative accuracy for large t (a plain 1 − t costs ~500 ulp at t = 700).</para>
/// <para>Special values: h*(1) = ln 2, h*'(1) = −1/2; h*(+∞) = 0; h*(−∞) = +∞; NaN gives NaN.</para>
/// </remarks>
public static class SmoothHinge
{
    /// <summary>h*(t) = ln(1 + e^(1−t)) = softplus(1 − t).</summary>
    /// <param name="t">The margin; any double.</param>
    /// <returns>h*(t) in [0, +∞]; NaN for NaN.</returns>
    public static double Value(double t)
    {
        var (hi, lo) = ExactArithmetic.TwoSum(1.0, -t);
        return Softplus.ValueOfSum(hi, lo);
    }

    /// <summary>h*'(t) = −σ(1 − t).</summary>
    /// <param name="t">The margin; any double.</param>
    /// <returns>h*'(t) in [−1, 0]; NaN for NaN.</returns>
    public static double Derivative(double t)
    {
        var (hi, lo) = ExactArithmetic.TwoSum(1.0, -t);
        return -Sigmoid.ValueOfSum(hi, lo);
    }
}
