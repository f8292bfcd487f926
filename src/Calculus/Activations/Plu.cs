using System.Runtime.CompilerServices;
using Calculus.Internal;

namespace Calculus.Activations;

/// <summary>The piecewise linear unit PLU(x) = max(α(x + c) − c, min(α(x − c) + c, x)) (sheet 2e).</summary>
/// <remarks>
/// <para>Three pieces: α(x + c) − c for x &lt; −c, x on [−c, c], α(x − c) + c for x &gt; c. Parameters α ∈ [0, 1] and
/// c &gt; 0 (finite); the defaults are α = 0.1, c = 1.</para>
/// <para>Range: (−∞, ∞) for α &gt; 0; [−c, c] for α = 0 (then PLU is the hard clip). Odd; monotone
/// non-decreasing (strictly for α &gt; 0); 1-Lipschitz; identity on [−c, c].</para>
/// <para>Derivative: 1 on (−c, c), α for |x| &gt; c, so always ≥ α. Kinks at x = ±c, where this library returns α
/// (the smaller one-sided slope, as for ReLU).</para>
/// <para>Special values: PLU(0) = 0; PLU(±2) = ±1.1 with the defaults; PLU(±∞) = ±∞ (±c when α = 0); NaN gives NaN.</para>
/// </remarks>
public static class Plu
{
    /// <summary>The default slope outside [−c, c].</summary>
    public const double DefaultAlpha = 0.1;

    /// <summary>The default half-width of the identity piece.</summary>
    public const double DefaultC = 1.0;

    /// <summary>PLU(x) = max(α(x + c) − c, min(α(x − c) + c, x)).</summary>
    /// <remarks>The outer pieces use one fused multiply-add: accurate to 1 ulp (x ∓ c is exact near the kinks).</remarks>
    /// <param name="x">The argument; any double.</param>
    /// <param name="alpha">The outer slope α ∈ [0, 1].</param>
    /// <param name="c">The half-width c &gt; 0 of the identity piece, finite.</param>
    /// <returns>PLU(x); NaN for NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException">α outside [0, 1] or c not in (0, ∞).</exception>
    public static double Value(double x, double alpha = DefaultAlpha, double c = DefaultC)
    {
        Validate(alpha, c);
        // Stryker disable once Equality : equivalent: at x = c both branches give c (FMA(α, 0, c) and x).
        if (x > c)
        {
            return alpha == 0 ? c : Math.FusedMultiplyAdd(alpha, x - c, c);
        }

        // Stryker disable once Equality : equivalent: at x = −c both branches give −c (FMA(α, 0, −c) and x).
        if (x < -c)
        {
            return alpha == 0 ? -c : Math.FusedMultiplyAdd(alpha, x + c, -c);
        }

        return x;
    }

    /// <summary>PLU'(x) = 1 for |x| &lt; c, α for |x| ≥ c (α at the kinks ±c).</summary>
    /// <param name="x">The argument; any double.</param>
    /// <param name="alpha">The outer slope α ∈ [0, 1].</param>
    /// <param name="c">The half-width c &gt; 0 of the identity piece, finite.</param>
    /// <returns>1 or α; NaN for NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException">α outside [0, 1] or c not in (0, ∞).</exception>
    public static double Derivative(double x, double alpha = DefaultAlpha, double c = DefaultC)
    {
        Validate(alpha, c);
        if (double.IsNaN(x))
        {
            return x;
        }

        return Math.Abs(x) < c ? 1.0 : alpha;
    }

    /// <summary>Checks α ∈ [0, 1] and c ∈ (0, ∞).</summary>
    /// <param name="alpha">The outer slope.</param>
    /// <param name="c">The half-width of the identity piece.</param>
    /// <exception cref="ArgumentOutOfRangeException">α outside [0, 1] (or NaN), or c not in (0, ∞).</exception>
    public static void Validate(double alpha, double c)
    {
        if (!(alpha >= 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"PLU's alpha must lie in [0, 1]; got {alpha}.");
        }

        if (!(c > 0 && double.IsFinite(c)))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, $"PLU's c must be finite and > 0; got {c}.");
        }
    }

    /// <summary>PLU of every element, vectorised, exactly as the scalar form (the same fused multiply-adds).</summary>
    /// <param name="x">The arguments.</param>
    /// <param name="result">PLU(x[i]); the length of x, and x itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps x without being x.</exception>
    /// <param name="alpha">The outer slope α in [0, 1].</param>
    /// <param name="c">The half-width c &gt; 0 (finite) of the identity part.</param>
    /// <exception cref="ArgumentOutOfRangeException">α or c is out of range.</exception>
    public static void Value(ReadOnlySpan<double> x, Span<double> result, double alpha = DefaultAlpha, double c = DefaultC)
    {
        Validate(alpha, c);
        SpanMap.Apply(x, result, new ValueLanes(alpha, c));
    }

    /// <summary>PLU' of every element: 1 for |x| &lt; c, α otherwise, NaN for NaN, as the scalar form.</summary>
    /// <param name="x">The arguments.</param>
    /// <param name="result">PLU'(x[i]); the length of x, and x itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps x without being x.</exception>
    /// <param name="alpha">The outer slope α in [0, 1].</param>
    /// <param name="c">The half-width c &gt; 0 (finite) of the identity part.</param>
    /// <exception cref="ArgumentOutOfRangeException">α or c is out of range.</exception>
    public static void Derivative(ReadOnlySpan<double> x, Span<double> result, double alpha = DefaultAlpha, double c = DefaultC)
    {
        Validate(alpha, c);
        SpanMap.Apply(x, result, new DerivativeLanes(alpha, c));
    }

    internal readonly struct ValueLanes(double alpha, double c) : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T>
        {
            var a = T.Create(alpha);
            var cc = T.Create(c);
            var above = alpha == 0 ? cc : T.FusedMultiplyAdd(a, x - cc, cc);
            var below = alpha == 0 ? -cc : T.FusedMultiplyAdd(a, x + cc, -cc);
            var value = T.ConditionalSelect(T.GreaterThan(x, cc), above, x);
            return T.ConditionalSelect(T.LessThan(x, -cc), below, value); // NaN fails both: x
        }

        public double Of(double x) => Value(x, alpha, c);
    }

    internal readonly struct DerivativeLanes(double alpha, double c) : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T> =>
            Lanes.KeepNaN(x, T.ConditionalSelect(T.LessThan(T.Abs(x), T.Create(c)), T.One, T.Create(alpha)));

        public double Of(double x) => Derivative(x, alpha, c);
    }
}
