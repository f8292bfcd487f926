using System.Numerics;
using System.Runtime.CompilerServices;
using Calculus.Internal;

namespace Calculus.Activations;

/// <summary>The leaky ReLU f(x) = max(0.01x, x) (sheet 2d).</summary>
/// <remarks>
/// <para>Range: f(ℝ) = (−∞, ∞); strictly increasing; 1-Lipschitz; neither even nor odd.</para>
/// <para>Derivative: 0.01 for x &lt; 0, 1 for x &gt; 0, never 0. Kink at x = 0, where this library returns 0.01 (the
/// smaller one-sided slope, as PyTorch).</para>
/// <para>0.01x is computed as x/100, the correctly rounded value of the exact product.</para>
/// <para>Special values: f(±0) = ±0; f(±∞) = ±∞; NaN gives NaN (derivative too).</para>
/// </remarks>
public static class LeakyRelu
{
    /// <summary>The slope for negative x, 0.01.</summary>
    public const double Slope = 0.01;

    /// <summary>f(x) = max(0.01x, x).</summary>
    /// <param name="x">The argument; any double.</param>
    /// <returns>x for x &gt; 0, x/100 otherwise; NaN for NaN.</returns>
    // Stryker disable once Equality : equivalent: at x = ±0 both branches return x itself (±0/100 = ±0).
    public static double Value(double x) => x > 0 ? x : x / 100.0;

    /// <summary>f'(x) = 1 for x &gt; 0, 0.01 for x ≤ 0 (0.01 at the kink).</summary>
    /// <param name="x">The argument; any double.</param>
    /// <returns>1 or 0.01; NaN for NaN.</returns>
    public static double Derivative(double x) => x > 0 ? 1.0 : double.IsNaN(x) ? x : Slope;

    /// <summary>Leaky ReLU of every element: x for x &gt; 0, x/100 otherwise, vectorised, exactly as the scalar form.</summary>
    /// <param name="x">The arguments.</param>
    /// <param name="result">f(x[i]); the length of x, and x itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps x without being x.</exception>
    public static void Value(ReadOnlySpan<double> x, Span<double> result) => SpanMap.Apply<ValueLanes>(x, result);

    /// <summary>Leaky ReLU' of every element: 1 for x &gt; 0, 0.01 otherwise, NaN for NaN, as the scalar form.</summary>
    /// <param name="x">The arguments.</param>
    /// <param name="result">f'(x[i]); the length of x, and x itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps x without being x.</exception>
    public static void Derivative(ReadOnlySpan<double> x, Span<double> result) => SpanMap.Apply<DerivativeLanes>(x, result);


    /// <summary>Leaky ReLU over complex numbers, piece by piece: z for Re z &gt; 0, z/100 otherwise (slope 0.01 at 0, as
    /// the real form).</summary>
    /// <param name="z">The argument.</param>
    /// <returns>Leaky ReLU(z).</returns>
    public static Complex OfComplex(Complex z) => z.Real > 0 ? z : z / 100.0;
    internal readonly struct ValueLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T> =>
            T.ConditionalSelect(T.GreaterThan(x, T.Zero), x, x / 100.0); // NaN/100 is NaN

        public double Of(double x) => Value(x);
    }

    internal readonly struct DerivativeLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T> =>
            Lanes.KeepNaN(x, T.ConditionalSelect(T.GreaterThan(x, T.Zero), T.One, T.Create(Slope)));

        public double Of(double x) => Derivative(x);
    }
}
