using System.Numerics;
using System.Runtime.CompilerServices;
using Calculus.Internal;

namespace Calculus.Activations;

/// <summary>The rectified linear unit ReLU(x) = max(0, x) (sheet 2c).</summary>
/// <remarks>
/// <para>Range: ReLU(ℝ) = [0, ∞); monotone non-decreasing; 1-Lipschitz; neither even nor odd.</para>
/// <para>Derivative: 0 for x &lt; 0, 1 for x &gt; 0. Kink at x = 0, where this library returns 0 (the smaller one-sided
/// slope, PyTorch's convention).</para>
/// <para>Special values: ReLU(±0) = +0; ReLU(+∞) = +∞, ReLU(−∞) = 0; NaN gives NaN (derivative too).</para>
/// </remarks>
public static class Relu
{
    /// <summary>ReLU(x) = max(0, x).</summary>
    /// <param name="x">The argument; any double.</param>
    /// <returns>max(0, x): +0 for every x ≤ 0, −0 included; NaN for NaN.</returns>
    public static double Value(double x) => x > 0 ? x : double.IsNaN(x) ? x : 0.0;

    /// <summary>ReLU'(x) = 1 for x &gt; 0, 0 for x ≤ 0 (0 at the kink).</summary>
    /// <param name="x">The argument; any double.</param>
    /// <returns>0 or 1; NaN for NaN.</returns>
    public static double Derivative(double x) => x > 0 ? 1.0 : double.IsNaN(x) ? x : 0.0;

    /// <summary>ReLU of every element: result[i] = max(0, x[i]), vectorised, exactly as the scalar form (+0 for −0).</summary>
    /// <param name="x">The arguments.</param>
    /// <param name="result">ReLU(x[i]); the length of x, and x itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps x without being x.</exception>
    public static void Value(ReadOnlySpan<double> x, Span<double> result) => SpanMap.Apply<ValueLanes>(x, result);

    /// <summary>ReLU' of every element: 1 for x &gt; 0, 0 for x ≤ 0, NaN for NaN, as the scalar form.</summary>
    /// <param name="x">The arguments.</param>
    /// <param name="result">ReLU'(x[i]); the length of x, and x itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps x without being x.</exception>
    public static void Derivative(ReadOnlySpan<double> x, Span<double> result) => SpanMap.Apply<DerivativeLanes>(x, result);


    /// <summary>ReLU over complex numbers, piece by piece: z for Re z &gt; 0, 0 otherwise (ReLU'(0) = 0, as the real form);
    /// NaN for a NaN real part.</summary>
    /// <param name="z">The argument.</param>
    /// <returns>ReLU(z).</returns>
    public static Complex OfComplex(Complex z) => z.Real > 0 ? z : double.IsNaN(z.Real) ? z : Complex.Zero;
    internal readonly struct ValueLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T> =>
            Lanes.KeepNaN(x, T.ConditionalSelect(T.GreaterThan(x, T.Zero), x, T.Zero));

        public double Of(double x) => Value(x);
    }

    internal readonly struct DerivativeLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T> =>
            Lanes.KeepNaN(x, T.ConditionalSelect(T.GreaterThan(x, T.Zero), T.One, T.Zero));

        public double Of(double x) => Derivative(x);
    }
}
