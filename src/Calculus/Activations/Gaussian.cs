using System.Numerics;
using System.Runtime.CompilerServices;
using Calculus.Internal;

namespace Calculus.Activations;

/// <summary>The Gaussian activation f(x) = e^(−x²) (sheet 2g).</summary>
/// <remarks>
/// <para>Range: f(ℝ) = (0, 1], maximum 1 at x = 0; even; not monotone (increasing on (−∞, 0], decreasing on
/// [0, ∞)). Lipschitz constant √2·e^(−1/2) ≈ 0.858, reached at x = ±1/√2.</para>
/// <para>Derivative: f'(x) = −2x·e^(−x²), in [−√2e^(−1/2), √2e^(−1/2)], odd.</para>
/// <para>In double: f(x) = 1 for |x| ≤ 2^-27, subnormal from |x| ≥ 26.6158 (above √(1022·ln 2) = 26.61571…), 0 from
/// |x| ≥ 27.2972 (above √(1075·ln 2) = 27.29712…).</para>
/// <para>Special values: f(0) = 1, f(±1) = e^(−1), f'(0) = 0; f(±∞) = 0, f'(±∞) = ∓0; NaN gives NaN.</para>
/// </remarks>
public static class Gaussian
{
    /// <summary>f(x) = e^(−x²).</summary>
    /// <remarks>x² is split exactly (hi + lo) before the exponential; accurate to 2 ulp everywhere.</remarks>
    /// <param name="x">The argument; any double.</param>
    /// <returns>e^(−x²) in [0, 1]; NaN for NaN.</returns>
    public static double Value(double x) => ExpNegSquare.Times(1.0, x);

    /// <summary>f'(x) = −2x·e^(−x²).</summary>
    /// <remarks>The naive form is −∞·0 = NaN at x = ±∞; this one is 0 there. Accurate to 4 ulp everywhere.</remarks>
    /// <param name="x">The argument; any double.</param>
    /// <returns>f'(x); 0 at ±∞; NaN for NaN.</returns>
    public static double Derivative(double x) => ExpNegSquare.Times(-2.0 * x, x);

    /// <summary>f of every element: result[i] = e^(−x[i]²), vectorised.</summary>
    /// <remarks>The scalar form's exact split of x² lane by lane (<see cref="ExpNegSquare"/>); within f's 2-ulp bound.</remarks>
    /// <param name="x">The arguments.</param>
    /// <param name="result">e^(−x[i]²); the length of x, and x itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps x without being x.</exception>
    public static void Value(ReadOnlySpan<double> x, Span<double> result) => SpanMap.Apply<ValueLanes>(x, result);

    /// <summary>f' of every element: result[i] = −2x[i]·e^(−x[i]²), vectorised; within f''s 4-ulp bound.</summary>
    /// <param name="x">The arguments.</param>
    /// <param name="result">f'(x[i]); the length of x, and x itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps x without being x.</exception>
    public static void Derivative(ReadOnlySpan<double> x, Span<double> result) => SpanMap.Apply<DerivativeLanes>(x, result);


    /// <summary>e^(−z²) over complex numbers, with Re z² = x² − y² and x² split exactly (hi + lo) as the real form does;
    /// y² is dropped (1e-40 for the complex step's y = 1e-20).</summary>
    /// <param name="z">The argument.</param>
    /// <returns>e^(−z²).</returns>
    public static Complex OfComplex(Complex z)
    {
        double hi = z.Real * z.Real;
        double lo = Math.FusedMultiplyAdd(z.Real, z.Real, -hi);
        return Complex.Exp(new Complex(-hi, -2.0 * z.Real * z.Imaginary)) * (1.0 - lo);
    }
    internal readonly struct ValueLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T> => ExpNegSquare.Times(T.One, x);

        public double Of(double x) => Value(x);
    }

    internal readonly struct DerivativeLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T> => ExpNegSquare.Times(-2.0 * x, x);

        public double Of(double x) => Derivative(x);
    }
}
