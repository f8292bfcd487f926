using System.Numerics;
using System.Runtime.CompilerServices;
using Calculus.Internal;
using MathNet.Numerics;

namespace Calculus.Activations;

/// <summary>The error function erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt (sheet 2b), by MathNet's <c>SpecialFunctions.Erf</c>.</summary>
/// <remarks>
/// <para>Range: erf(ℝ) = (−1, 1); odd, strictly increasing, Lipschitz with constant 2/√π ≈ 1.128. In double it
/// rounds to ±1 from |x| ≥ 5.9216.</para>
/// <para>Derivative: erf'(x) = (2/√π)·e^(−x²), in (0, 2/√π], even; subnormal from |x| ≈ 26.6, 0 from ≈ 27.3.</para>
/// <para>Special values: erf(±0) = ±0, erf'(0) = 2/√π; erf(±∞) = ±1, erf'(±∞) = 0; NaN gives NaN.</para>
/// </remarks>
public static class Erf
{
    /// <summary>2/√π, the derivative of erf at 0 (correctly rounded).</summary>
    public const double TwoOverSqrtPi = 1.1283791670955126;

    /// <summary>erf(x).</summary>
    /// <param name="x">The argument; any double.</param>
    /// <returns>erf(x) in [−1, 1]; NaN for NaN.</returns>
    public static double Value(double x) => x == 0 || double.IsNaN(x) ? x : SpecialFunctions.Erf(x);

    /// <summary>erf'(x) = (2/√π)·e^(−x²).</summary>
    /// <remarks>x² is split exactly before the exponential (see the Gaussian); accurate to 4 ulp everywhere.</remarks>
    /// <param name="x">The argument; any double.</param>
    /// <returns>erf'(x) in [0, 2/√π]; 0 at ±∞; NaN for NaN.</returns>
    public static double Derivative(double x) => ExpNegSquare.Times(TwoOverSqrtPi, x);

    /// <summary>erf of every element: result[i] = erf(x[i]), one element at a time.</summary>
    /// <remarks>Not vectorised: MathNet's erf is a scalar function (rational approximations on eight intervals,
    /// chosen by branches), and a vector erf within the 2-ulp bound is a project of its own; this overload is here
    /// so that every activation has one, with the scalar function's exact results.</remarks>
    /// <param name="x">The arguments.</param>
    /// <param name="result">erf(x[i]); the length of x, and x itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps x without being x.</exception>
    public static void Value(ReadOnlySpan<double> x, Span<double> result) => SpanMap.Each(Value, x, result);

    /// <summary>erf' of every element: result[i] = (2/√π)·e^(−x[i]²), vectorised like the Gaussian; within 4 ulp.</summary>
    /// <param name="x">The arguments.</param>
    /// <param name="result">erf'(x[i]); the length of x, and x itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps x without being x.</exception>
    public static void Derivative(ReadOnlySpan<double> x, Span<double> result) => SpanMap.Apply<DerivativeLanes>(x, result);


    /// <summary>erf(z) to first order in Im z: erf(x) + i·y·(2/√π)e^(−x²), whose errors are O(y²) in the real part and
    /// O(y³) in the imaginary part, far below an ulp for the complex step's y = 1e-20.</summary>
    /// <remarks>The slope is computed here with x² split exactly, not taken from <see cref="Derivative(double)"/>, so a
    /// wrong erf' is caught by the complex step too.</remarks>
    /// <param name="z">The argument x + iy, |y| tiny.</param>
    /// <returns>erf(z) to first order.</returns>
    public static Complex OfComplex(Complex z) => new(Value(z.Real), z.Imaginary * Constants.TwoInvSqrtPi * Gaussian.OfComplex(z.Real).Real);
    internal readonly struct DerivativeLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T> => ExpNegSquare.Times(T.Create(TwoOverSqrtPi), x);

        public double Of(double x) => Derivative(x);
    }
}
