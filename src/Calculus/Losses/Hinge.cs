using System.Numerics;
using System.Runtime.CompilerServices;
using Calculus.Internal;

namespace Calculus.Losses;

/// <summary>The hinge loss h(t) = max(0, 1 − t) of a margin t = y·wᵀx (sheet 3).</summary>
/// <remarks>
/// <para>Range: [0, ∞). Convex, non-increasing, not differentiable at t = 1.</para>
/// <para>Subgradient: −1 for t &lt; 1, 0 for t &gt; 1; at the kink t = 1 this library returns 0 (h = ReLU(1 − t) with
/// ReLU'(0) = 0, PyTorch's convention); any value in [−1, 0] is a valid subgradient there.</para>
/// <para>Special values: h(1) = 0, h(0) = 1; h(+∞) = 0; h(−∞) = +∞; NaN gives NaN.</para>
/// </remarks>
public static class Hinge
{
    /// <summary>h(t) = max(0, 1 − t).</summary>
    /// <param name="t">The margin; any double.</param>
    /// <returns>h(t) in [0, +∞]; NaN for NaN.</returns>
    public static double Value(double t) => Math.Max(0.0, 1.0 - t); // Math.Max propagates NaN

    /// <summary>A subgradient of h: −1 for t &lt; 1, 0 for t ≥ 1.</summary>
    /// <param name="t">The margin; any double.</param>
    /// <returns>−1 or 0; NaN for NaN.</returns>
    public static double Subgradient(double t) => double.IsNaN(t) ? double.NaN : t < 1.0 ? -1.0 : 0.0;

    /// <summary>h of every element: result[i] = max(0, 1 − t[i]), vectorised, exactly as the scalar form.</summary>
    /// <param name="t">The arguments.</param>
    /// <param name="result">h(t[i]); the length of t, and t itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps t without being t.</exception>
    public static void Value(ReadOnlySpan<double> t, Span<double> result) => SpanMap.Apply<ValueLanes>(t, result);

    /// <summary>The subgradient of every element: −1 for t &lt; 1, 0 for t ≥ 1, NaN for NaN, as the scalar form.</summary>
    /// <param name="t">The arguments.</param>
    /// <param name="result">the subgradient at t[i]; the length of t, and t itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps t without being t.</exception>
    public static void Subgradient(ReadOnlySpan<double> t, Span<double> result) => SpanMap.Apply<SubgradientLanes>(t, result);


    /// <summary>The hinge over complex numbers, piece by piece: 1 − t for Re t &lt; 1, 0 otherwise (subgradient 0 at
    /// t = 1, as the real form); NaN for a NaN real part.</summary>
    /// <param name="t">The margin.</param>
    /// <returns>h(t).</returns>
    public static Complex OfComplex(Complex t) => t.Real < 1 ? 1.0 - t : double.IsNaN(t.Real) ? t : Complex.Zero;
    internal readonly struct ValueLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T>
        {
            var r = T.One - x;
            return Lanes.KeepNaN(x, T.ConditionalSelect(T.GreaterThan(r, T.Zero), r, T.Zero));
        }

        public double Of(double x) => Value(x);
    }

    internal readonly struct SubgradientLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T> => Lanes.KeepNaN(x,
            T.ConditionalSelect(T.LessThan(x, T.One), T.Create(-1.0), T.Zero));

        public double Of(double x) => Subgradient(x);
    }
}
