using System.Numerics;
using System.Runtime.CompilerServices;
using Calculus.Internal;

namespace Calculus.Activations;

/// <summary>The hyperbolic tangent tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)) (sheet 2a).</summary>
/// <remarks>
/// <para>Range: tanh(ℝ) = (−1, 1); odd, strictly increasing, 1-Lipschitz. In double it rounds to ±1 from
/// |x| ≥ 19.0616 (above 55·ln 2 / 2 = 19.06154…).</para>
/// <para>Derivative: tanh'(x) = 1 − tanh²(x) = sech²(x), in (0, 1], even, maximum 1 at 0.</para>
/// <para>Special values: tanh(0) = 0, tanh'(0) = 1; tanh(±∞) = ±1, tanh'(±∞) = 0; NaN gives NaN.</para>
/// </remarks>
public static class Tanh
{
    /// <summary>tanh(x).</summary>
    /// <param name="x">The argument; any double.</param>
    /// <returns>tanh(x) in [−1, 1]; NaN for NaN.</returns>
    public static double Value(double x) => Math.Tanh(x);

    /// <summary>tanh'(x) = sech²(x) = 1/cosh²(x) = 4e^(−2|x|) / (1 + e^(−2|x|))².</summary>
    /// <remarks>
    /// Not 1 − tanh²(x): that is exactly 0 from |x| ≥ 19.06 and 1.7e-4 off (relative) at 15. 1/cosh² for |x| &lt; 20
    /// (≤ 1 exactly); beyond, (1 + e^(−2|x|))² rounds to 1, so (2e^(−|x|))², subnormal results included.
    /// Accurate to 4 ulp everywhere.
    /// </remarks>
    /// <param name="x">The argument; any double.</param>
    /// <returns>tanh'(x) in [0, 1]; 0 at ±∞; NaN for NaN.</returns>
    public static double Derivative(double x)
    {
        double ax = Math.Abs(x);
        // Stryker disable once Equality : equivalent: at |x| = 20 both forms give 1.6993417021166355e-17 exactly.
        if (ax < Sigmoid.CoshLimit)
        {
            // cosh ≥ 1 in double, so this stays ≤ 1 (the exponential form can round one ulp above 1 near 0).
            double c = Math.Cosh(x);
            return 1.0 / (c * c);
        }

        // From |x| = 20 on, e^(−2|x|) < 2^-57, so (1 + e^(−2|x|))² rounds to 1 and sech² = (2e^(−|x|))²: one exponential,
        // squared once, also where the result is subnormal (≤ 1.9 ulp against mpmath on 25,000 points in [20, 400]).
        double sech = 2.0 * Math.Exp(-ax);
        return sech * sech;
    }

    /// <summary>tanh of every element: result[i] = tanh(x[i]), vectorised.</summary>
    /// <remarks>tanh|x| = −m/(2 + m) with m = e^(−2|x|) − 1 from <see cref="VectorExp.MinusOneCore"/> (fdlibm's
    /// expm1 form: no cancellation for small |x|, where m is the polynomial itself); |x| is clamped at 20, where tanh
    /// rounds to 1. Within 3 ulp of the correctly rounded value (first-order analysis: ≤ 2.9 ulp of the exact tanh; the
    /// derivation is at tests/Examples/AccuracyTests.TanhUlps), the bound the scalar path, Math.Tanh, is held to as well.</remarks>
    /// <param name="x">The arguments.</param>
    /// <param name="result">tanh(x[i]); the length of x, and x itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps x without being x.</exception>
    public static void Value(ReadOnlySpan<double> x, Span<double> result) => SpanMap.Apply<ValueLanes>(x, result);

    /// <summary>tanh' of every element: result[i] = sech²(x[i]), vectorised.</summary>
    /// <remarks>sech|x| = 2v/(1 + v²) with v = e^(−|x|) carried as hi + lo, v² and 1 + v² carried exactly, the quotient
    /// corrected by its residual, and the square taken with its rounding error (FMA): subnormal results come from
    /// one rounding of a normal product. Within tanh''s 4-ulp bound.</remarks>
    /// <param name="x">The arguments.</param>
    /// <param name="result">tanh'(x[i]); the length of x, and x itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps x without being x.</exception>
    public static void Derivative(ReadOnlySpan<double> x, Span<double> result) => SpanMap.Apply<DerivativeLanes>(x, result);

    /// <summary>tanh(z) over complex numbers, odd: (sinh 2x + i·sin 2y)/(cosh 2x + cos 2y) for 0 ≤ x = Re z &lt; 1,
    /// (1 − e^(−2z))/(1 + e^(−2z)) beyond (the complex-step oracle).</summary>
    /// <remarks>The exponential form cancels in 1 − e^(−2z) for small x: its real part would err by ε/x relatively, and
    /// a complex step through wᵢ·tanh(aᵢ) carries that real part into the derivative. The sinh/cosh form has no
    /// cancellation there (row <c>RegressionExamples.ComplexTanh_OfASmallArgument_KeepsItsRealPartAccurate</c>); beyond
    /// x = 1, where cosh 2x would overflow far out, the exponential form has none either (1 − e^(−2x) ≥ 0.86).</remarks>
    /// <param name="z">The argument.</param>
    /// <returns>tanh(z).</returns>
    public static Complex OfComplex(Complex z)
    {
        if (z.Real < 0)
        {
            return -OfComplex(-z);
        }

        if (z.Real < 1)
        {
            double denominator = Math.Cosh(2 * z.Real) + Math.Cos(2 * z.Imaginary);
            return new Complex(Math.Sinh(2 * z.Real) / denominator, Math.Sin(2 * z.Imaginary) / denominator);
        }

        var e = Complex.Exp(-2.0 * z);
        return (1.0 - e) / (1.0 + e);
    }

    /// <summary>(nHi + nLo)/(dHi + dLo) with one division: q = nHi/dHi from the reciprocal, then corrected by the
    /// exact residual nHi − q·dHi and the low parts; returns q and its correction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Quotient<T>(T nHi, T nLo, T dHi, T dLo, out T correction)
        where T : struct, ILanes<T>
    {
        var reciprocal = T.One / dHi;
        var q = nHi * reciprocal;
        var residual = T.FusedMultiplyAdd(-q, dHi, nHi);
        correction = (residual + nLo - (q * dLo)) * reciprocal;
        return q;
    }

    internal readonly struct ValueLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T>
        {
            // tanh|x| = −m/(2 + m) with m = e^(−2|x|) − 1 = 2^k(1 + s) − 1 = fma(2^k, s, 2^k − 1): 2^k − 1 is exact
            // (k ≤ 0), and where k = 0 (|x| < 0.17) m = s itself, with no cancellation.
            var twice = T.Min(T.Abs(x) * 2.0, T.Create(2 * Sigmoid.CoshLimit));
            var s = VectorExp.MinusOneCore(-twice, out var k); // k in [−58, 0]
            var scale = VectorExp.PowerOfTwo(k);
            var m = T.FusedMultiplyAdd(scale, s, scale - T.One);
            var magnitude = -m / (T.Create(2.0) + m);
            return Lanes.KeepNaN(x, T.CopySign(magnitude, x));
        }

        public double Of(double x) => Value(x);
    }

    internal readonly struct DerivativeLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T>
        {
            var ax = T.Min(T.Abs(x), T.Create(-VectorExp.Lowest));
            var hi = VectorExp.Parts(-ax, T.Zero, out var lo, out var k);
            var vHi = VectorExp.Scale(hi, k); // exact while v is normal (|x| < 708); beyond, sech² is 0 anyway
            var vLo = VectorExp.Scale(lo, k);

            var v2 = vHi * vHi;
            var v2Lo = T.FusedMultiplyAdd(vHi, vHi, -v2) + (2.0 * vHi * vLo);
            var w = T.One + v2; // 1 + v² = w + wLo (Fast2Sum, v ≤ 1)
            var wLo = (v2 - (w - T.One)) + v2Lo;
            var s = Quotient(2.0 * vHi, 2.0 * vLo, w, wLo, out var correction); // sech = s + correction
            var square = s * s;
            var squareLo = T.FusedMultiplyAdd(s, s, -square) + (2.0 * s * correction);
            return Lanes.KeepNaN(x, square + squareLo);
        }

        public double Of(double x) => Derivative(x);
    }
}
