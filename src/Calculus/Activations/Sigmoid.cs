using System.Numerics;
using System.Runtime.CompilerServices;
using Calculus.Internal;

namespace Calculus.Activations;

/// <summary>The logistic sigmoid σ(a) = 1 / (1 + e^(−a)) and its derivative (sheet 1d).</summary>
/// <remarks>
/// <para>Range: σ(ℝ) = (0, 1). In double, σ(a) rounds to 1 from a ≥ 37.43 (above 54·ln 2 = 37.4299…), is subnormal
/// below −1022·ln 2 = −708.3964… and 0 below −1075·ln 2 = −745.1332….</para>
/// <para>Derivative: σ'(a) = σ(a)(1 − σ(a)) = σ(a)σ(−a), in (0, 1/4], maximum 1/4 at a = 0, even.</para>
/// <para>Special values:</para>
/// <list type="bullet">
/// <item>σ(0) = 1/2, σ'(0) = 1/4.</item>
/// <item>σ(+∞) = 1, σ(−∞) = 0, σ'(±∞) = 0; NaN gives NaN.</item>
/// </list>
/// </remarks>
public static class Sigmoid
{
    /// <summary>σ(a) = 1 / (1 + e^(−a)).</summary>
    /// <remarks>
    /// Branches on the sign so that e^x never overflows: a &lt; 0 → e^a/(1 + e^a); a ≥ 0 → 1 − e^(−a)/(1 + e^(−a)).
    /// The naive 1/(1 + e^(−a)) returns 0 instead of a subnormal for a ≤ −709.78 and rounds to 1 from 36.74 instead
    /// of 37.43. Accurate to 2 ulp everywhere.
    /// </remarks>
    /// <param name="a">The argument; any double.</param>
    /// <returns>σ(a) in [0, 1]; NaN for NaN.</returns>
    public static double Value(double a)
    {
        // Stryker disable once Equality : equivalent: at a = ±0 both branches give exactly 1/2 (1 − 1/2 and 1/2).
        if (a >= 0)
        {
            // 1 − σ(−a) rather than 1/(1 + e^(−a)): the latter rounds 1 + e^(−a) to 1 from a ≈ 36.74, the former stays
            // correctly rounded below 1 up to a ≈ 37.43, as σ itself does.
            double t = Math.Exp(-a);
            return 1.0 - (t / (1.0 + t));
        }

        double e = Math.Exp(a);
        return e / (1.0 + e);
    }

    /// <summary>σ'(a) = σ(a)·σ(−a) = 1/(2 + 2cosh a) = e^(−|a|) / (1 + e^(−|a|))².</summary>
    /// <remarks>
    /// Not σ(1 − σ): that form is exactly 0 from a ≥ 36.74 (the true σ'(37) is 8.5e-17) and has 1e-3 relative
    /// error at a = 30. For |a| &lt; 20 this uses 1/(2 + 2cosh a), whose denominator is ≥ 4 in double, so σ' ≤ 1/4 holds
    /// exactly (e/(1 + e)² gives 0.25000000000000006 at a = 3.3e-11: row
    /// <c>RegressionExamples.SigmoidDerivative_NeverAboveQuarter_NearZero</c>); beyond, where cosh would overflow from
    /// 710, e^(−|a|)/(1 + e^(−|a|))². Accurate to 4 ulp everywhere, subnormal results included.
    /// </remarks>
    /// <param name="a">The argument; any double.</param>
    /// <returns>σ'(a) in [0, 1/4]; 0 at ±∞; NaN for NaN.</returns>
    public static double Derivative(double a)
    {
        double abs = Math.Abs(a);
        // Stryker disable once Equality : equivalent: at |a| = 20 both forms give 2.061153613941849e-09 exactly.
        if (abs < CoshLimit)
        {
            return 1.0 / (2.0 + (2.0 * Math.Cosh(a)));
        }

        double e = Math.Exp(-abs);
        double denominator = 1.0 + e;
        return e / (denominator * denominator);
    }

    /// <summary>σ of every element: result[i] = σ(a[i]), vectorised.</summary>
    /// <remarks>With t = e^(−|a|) from <see cref="VectorExp"/>: t/(1 + t) for a &lt; 0 and 1 − t/(1 + t) for a ≥ 0,
    /// the scalar form's two branches as one select. Within σ's 2-ulp bound (tested against the reference table).</remarks>
    /// <param name="a">The arguments.</param>
    /// <param name="result">σ(a[i]); the length of a, and a itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps a without being a.</exception>
    public static void Value(ReadOnlySpan<double> a, Span<double> result) => SpanMap.Apply<ValueLanes>(a, result);

    /// <summary>σ' of every element: result[i] = σ'(a[i]), vectorised.</summary>
    /// <remarks>t/(1 + t)² with t = e^(−|a|) and (1 + t)² formed from the exact 1 + t (Fast2Sum) and its error;
    /// subnormal where t is. Within σ''s 4-ulp bound.</remarks>
    /// <param name="a">The arguments.</param>
    /// <param name="result">σ'(a[i]); the length of a, and a itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps a without being a.</exception>
    public static void Derivative(ReadOnlySpan<double> a, Span<double> result) => SpanMap.Apply<DerivativeLanes>(a, result);

    /// <summary>σ(hi + lo) lane by lane, with lo entering the exponential exactly (see <see cref="ValueOfSum"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T OfSum<T>(T hi, T lo)
        where T : struct, ILanes<T>
    {
        return FromExp(hi, VectorExp.OfMinusAbs(hi, lo));
    }

    /// <summary>σ lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Of<T>(T a)
        where T : struct, ILanes<T> => FromExp(a, VectorExp.OfMinusAbs(a));

    /// <summary>σ(z) = 1/(1 + e^(−z)) over complex numbers, branched on Re z like the real form (the complex-step oracle).</summary>
    /// <param name="z">The argument.</param>
    /// <returns>σ(z).</returns>
    public static Complex OfComplex(Complex z)
    {
        if (z.Real >= 0)
        {
            return 1.0 / (1.0 + Complex.Exp(-z));
        }

        var e = Complex.Exp(z);
        return e / (1.0 + e);
    }

    /// <summary>σ(a) from t = e^(−|a|): t/(1 + t) for a &lt; 0, 1 − t/(1 + t) otherwise; NaN for NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FromExp<T>(T a, T t)
        where T : struct, ILanes<T>
    {
        var q = t / (T.One + t);
        var negative = T.LessThan(a, T.Zero);
        return Lanes.KeepNaN(a, T.ConditionalSelect(negative, q, T.One - q));
    }

    internal readonly struct ValueLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T> => Sigmoid.Of(x);

        public double Of(double x) => Value(x);
    }

    internal readonly struct DerivativeLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T>
        {
            var t = VectorExp.OfMinusAbs(x);
            var d = T.One + t;
            var dLo = t - (d - T.One); // 1 + t = d + dLo exactly
            var square = d * d;
            var squareLo = T.FusedMultiplyAdd(d, d, -square) + (2.0 * d * dLo);
            var reciprocal = T.One / square;
            var q = t * reciprocal;
            var residual = T.FusedMultiplyAdd(-q, square, t); // t − q·square, exact
            return Lanes.KeepNaN(x, T.FusedMultiplyAdd(residual - (q * squareLo), reciprocal, q)); // t/(square + squareLo)
        }

        public double Of(double x) => Derivative(x);
    }

    /// <summary>Below this |a|, σ' and tanh' use cosh (well inside its range; e^(−20) ≈ 2e-9 beyond).</summary>
    internal const double CoshLimit = 20.0;

    /// <summary>σ(hi + lo) for an unevaluated sum with |lo| ≤ ulp(hi)/2, to first order in lo.</summary>
    /// <remarks>σ(u + δ) = σ(u)(1 + σ(−u)δ + O(δ²)); the correction keeps the relative error of e^u-sized results.</remarks>
    internal static double ValueOfSum(double hi, double lo) => TimesValueOfSum(1.0, hi, lo);

    /// <summary>factor·σ(hi + lo) with one final rounding, also where σ(hi + lo) alone would be subnormal.</summary>
    /// <remarks>
    /// For hi &lt; −708, σ(hi) = e^hi·(1 − e^hi + …) equals e^hi far below one ulp, and it is formed as
    /// (factor·e^(hi/2)·(1 + lo))·e^(hi/2) so that a factor |y| &gt; 1 does not scale up a subnormal's rounding error
    /// (−y·σ(−ya) at y = −359, ya = 712 would be 6 ulp off). hi/2 is exact.
    /// </remarks>
    internal static double TimesValueOfSum(double factor, double hi, double lo)
    {
        if (hi < SubnormalExponent)
        {
            if (double.IsNegativeInfinity(hi))
            {
                return Math.CopySign(0.0, factor);
            }

            double half = Math.Exp(0.5 * hi);
            return factor * half * (1.0 + lo) * half;
        }

        double s = Value(hi);
        return factor * (lo == 0 ? s : s + (s * Value(-hi) * lo));
    }

    /// <summary>Below this exponent e^x is under 2^-1021, near the smallest normal double.</summary>
    private const double SubnormalExponent = -708.0;
}
