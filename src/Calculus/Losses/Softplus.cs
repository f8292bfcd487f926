using System.Numerics;
using System.Runtime.CompilerServices;
using Calculus.Activations;
using Calculus.Internal;

namespace Calculus.Losses;

/// <summary>Softplus, softplus(u) = ln(1 + e^u), the smooth maximum of 0 and u (sheet 3b).</summary>
/// <remarks>
/// <para>Range: (0, ∞). Derivative: softplus'(u) = σ(u) in (0, 1). Convex and increasing.</para>
/// <para>Bounds: 0 &lt; softplus(u) − max(0, u) ≤ ln 2, with equality at u = 0, and ≤ e^(−|u|).</para>
/// <para>In double: softplus(u) rounds to exactly u from about u = 33.27 and is subnormal below −708.4.</para>
/// <para>Special values: softplus(0) = ln 2; softplus(+∞) = +∞; softplus(−∞) = 0; NaN gives NaN.</para>
/// </remarks>
public static class Softplus
{
    /// <summary>softplus(u) = ln(1 + e^u), computed as max(u, 0) + log1p(e^(−|u|)).</summary>
    /// <remarks>The naive form overflows to +∞ for u ≥ 709.78 and returns 0 for u ≤ −36.74. Accurate to 2 ulp.</remarks>
    /// <param name="u">The argument; any double.</param>
    /// <returns>softplus(u) in [0, +∞]; NaN for NaN.</returns>
    public static double Value(double u) => ValueOfSum(u, 0.0);

    /// <summary>softplus'(u) = σ(u).</summary>
    /// <param name="u">The argument; any double.</param>
    /// <returns>σ(u) in [0, 1]; NaN for NaN.</returns>
    public static double Derivative(double u) => Sigmoid.Value(u);

    /// <summary>softplus(hi + lo) for an unevaluated sum with |lo| ≤ ulp(hi)/2, to first order in lo.</summary>
    /// <remarks>softplus(u + δ) = softplus(u) + σ(u)δ + O(δ²). The small parts are added before the large one.</remarks>
    internal static double ValueOfSum(double hi, double lo)
    {
        double tail = Log1p.Of(Math.Exp(-Math.Abs(hi)));
        if (lo != 0)
        {
            tail += Sigmoid.Value(hi) * lo;
        }

        // Stryker disable once Equality : equivalent: at hi = ±0, hi + tail is tail exactly.
        return hi > 0 ? hi + tail : tail;
    }

    /// <summary>softplus of every element: result[i] = ln(1 + e^(u[i])), vectorised.</summary>
    /// <remarks>max(u, 0) + log1p(e^(−|u|)) as in the scalar form, with <see cref="VectorExp"/> and
    /// <see cref="VectorLog1p"/>; within softplus's 2-ulp bound.</remarks>
    /// <param name="u">The arguments.</param>
    /// <param name="result">softplus(u[i]); the length of u, and u itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps u without being u.</exception>
    public static void Value(ReadOnlySpan<double> u, Span<double> result) => SpanMap.Apply<ValueLanes>(u, result);

    /// <summary>softplus' of every element: result[i] = σ(u[i]), vectorised (<see cref="Sigmoid.Value(ReadOnlySpan{double}, Span{double})"/>).</summary>
    /// <param name="u">The arguments.</param>
    /// <param name="result">σ(u[i]); the length of u, and u itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps u without being u.</exception>
    public static void Derivative(ReadOnlySpan<double> u, Span<double> result) => Sigmoid.Value(u, result);

    /// <summary>softplus(hi + lo) lane by lane, lo entering the exponential exactly: for hi &gt; 0,
    /// hi + (lo + log1p(e^(−hi − lo))); otherwise log1p(e^(hi + lo)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T OfSum<T>(T hi, T lo)
        where T : struct, ILanes<T>
    {
        var tail = VectorLog1p.Of(VectorExp.OfMinusAbs(hi, lo));
        var positive = T.GreaterThan(hi, T.Zero);
        return Lanes.KeepNaN(hi, T.ConditionalSelect(positive, hi + (lo + tail), tail));
    }

    /// <summary>softplus lane by lane: max(u, 0) + log1p(e^(−|u|)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Of<T>(T u)
        where T : struct, ILanes<T>
    {
        var tail = VectorLog1p.Of(VectorExp.OfMinusAbs(u));
        var positive = T.GreaterThan(u, T.Zero);
        return Lanes.KeepNaN(u, T.ConditionalSelect(positive, u + tail, tail));
    }


    /// <summary>softplus(u) = ln(1 + e^u) over complex numbers: u + ln(1 + e^(−u)) for Re u &gt; 0, ln(1 + e^u) otherwise,
    /// so that neither exponential overflows.</summary>
    /// <param name="u">The argument.</param>
    /// <returns>softplus(u).</returns>
    public static Complex OfComplex(Complex u) =>
        u.Real > 0 ? u + Complex.Log(1.0 + Complex.Exp(-u)) : Complex.Log(1.0 + Complex.Exp(u));
    internal readonly struct ValueLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T> => Softplus.Of(x);

        public double Of(double x) => Value(x);
    }
}
