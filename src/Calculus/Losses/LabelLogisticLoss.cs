using System.Numerics;
using Calculus.Activations;
using Calculus.Internal;

namespace Calculus.Losses;

/// <summary>The label logistic loss ℓ(a; y) = log(1 + e^(−y·a)) of a score a and a label y (sheet 1e).</summary>
/// <remarks>
/// <para>Range: (0, ∞) for y ≠ 0; ℓ(a; 0) = ln 2.</para>
/// <para>Derivative in a: f_e(a) = ∂ℓ/∂a = −y·σ(−y·a). It lies between −y and 0: in [−|y|, 0]·sign(y).</para>
/// <para>The sheet writes f_e(a) = −y·e^(−ya)·σ(ya); that is the same function, but in double it is ∞·0 = NaN for
/// ya ≤ −709.78, where the true value is −y. This library uses −y·σ(−ya), finite for every finite a and y.</para>
/// <para>The product y·a is rounded in double; its rounding error is carried exactly (one fused multiply-add)
/// and applied to first order, so e^(−ya) keeps full relative accuracy at |ya| near 700.</para>
/// <para>Special values: ℓ(0; y) = ln 2, f_e(0) = −y/2; ℓ(a; y) → 0 and f_e → 0 as ya → +∞; ℓ → +∞ and f_e → −y as
/// ya → −∞; ya = 0·∞ and NaN inputs give NaN.</para>
/// </remarks>
public static class LabelLogisticLoss
{
    /// <summary>ℓ(a; y) = log(1 + e^(−y·a)) = softplus(−y·a).</summary>
    /// <param name="a">The score; any double.</param>
    /// <param name="y">The label, ±1 in classification; any real is accepted.</param>
    /// <returns>ℓ(a; y) in [0, +∞]; NaN when y·a is NaN.</returns>
    public static double Value(double a, double y)
    {
        var (hi, lo) = ExactArithmetic.TwoProduct(-y, a);
        return Softplus.ValueOfSum(hi, lo);
    }

    /// <summary>f_e(a) = ∂/∂a log(1 + e^(−y·a)) = −y·σ(−y·a).</summary>
    /// <param name="a">The score; any double.</param>
    /// <param name="y">The label, ±1 in classification; any real is accepted.</param>
    /// <returns>f_e(a), between −y and 0; NaN when y·a is NaN.</returns>
    public static double Derivative(double a, double y)
    {
        var (hi, lo) = ExactArithmetic.TwoProduct(-y, a);
        return Sigmoid.TimesValueOfSum(-y, hi, lo);
    }

    /// <summary>ℓ(a; y) = softplus(−y·a) over complex scores, for a real label y.</summary>
    /// <param name="a">The score.</param>
    /// <param name="y">The label.</param>
    /// <returns>ℓ(a; y).</returns>
    public static Complex OfComplex(Complex a, double y) => Softplus.OfComplex(-y * a);
}
