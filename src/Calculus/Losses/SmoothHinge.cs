using System.Numerics;
using System.Runtime.CompilerServices;
using Calculus.Activations;
using Calculus.Internal;

namespace Calculus.Losses;

/// <summary>The smooth hinge h*(t) = ln(1 + e^(1−t)), the log-sum-exp approximation of max(0, 1 − t) (sheet 3b, 3c).</summary>
/// <remarks>
/// <para>Range: (0, ∞). Derivative: h*'(t) = −σ(1 − t) in (−1, 0). Convex and decreasing.</para>
/// <para>Bounds: 0 &lt; h*(t) − max(0, 1 − t) ≤ ln 2 with equality only at t = 1, and ≤ e^(−|1 − t|).</para>
/// <para>h*(t) = l(t − 1) where l is the logistic loss.</para>
/// <para>1 − t is rounded in double; its rounding error is carried exactly (TwoSum) and applied to first order,
/// so that e^(1−t) keeps full relative accuracy for large t (a plain 1 − t costs ~500 ulp at t = 700).</para>
/// <para>Special values: h*(1) = ln 2, h*'(1) = −1/2; h*(+∞) = 0; h*(−∞) = +∞; NaN gives NaN.</para>
/// </remarks>
public static class SmoothHinge
{
    /// <summary>h*(t) = ln(1 + e^(1−t)) = softplus(1 − t).</summary>
    /// <param name="t">The margin; any double.</param>
    /// <returns>h*(t) in [0, +∞]; NaN for NaN.</returns>
    public static double Value(double t)
    {
        var (hi, lo) = ExactArithmetic.TwoSum(1.0, -t);
        return Softplus.ValueOfSum(hi, lo);
    }

    /// <summary>h*'(t) = −σ(1 − t).</summary>
    /// <param name="t">The margin; any double.</param>
    /// <returns>h*'(t) in [−1, 0]; NaN for NaN.</returns>
    public static double Derivative(double t)
    {
        var (hi, lo) = ExactArithmetic.TwoSum(1.0, -t);
        return -Sigmoid.ValueOfSum(hi, lo);
    }

    /// <summary>h* of every element: result[i] = ln(1 + e^(1−t[i])), vectorised; 1 − t carried exactly (TwoSum) into
    /// the exponential as in the scalar form; within 2 ulp.</summary>
    /// <param name="t">The arguments.</param>
    /// <param name="result">h*(t[i]); the length of t, and t itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps t without being t.</exception>
    public static void Value(ReadOnlySpan<double> t, Span<double> result) => SpanMap.Apply<ValueLanes>(t, result);

    /// <summary>h*' of every element: result[i] = −σ(1 − t[i]), vectorised, 1 − t carried exactly; within 4 ulp.</summary>
    /// <param name="t">The arguments.</param>
    /// <param name="result">h*'(t[i]); the length of t, and t itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps t without being t.</exception>
    public static void Derivative(ReadOnlySpan<double> t, Span<double> result) => SpanMap.Apply<DerivativeLanes>(t, result);

    /// <summary>h*(t) = softplus(1 − t) over complex numbers.</summary>
    /// <param name="t">The margin.</param>
    /// <returns>h*(t).</returns>
    public static Complex OfComplex(Complex t) => Softplus.OfComplex(1.0 - t);

    /// <summary>1 − t = hi + lo exactly (TwoSum); lo = 0 where hi is not finite, as in the scalar form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T OneMinus<T>(T t, out T lo)
        where T : struct, ILanes<T>
    {
        var hi = ExactArithmetic.TwoSum(T.One, -t, out lo);
        var finite = T.LessThan(T.Abs(hi), T.Create(double.PositiveInfinity));
        lo = T.ConditionalSelect(finite, lo, T.Zero);
        return hi;
    }

    internal readonly struct ValueLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T> => Softplus.OfSum(OneMinus(x, out var lo), lo);

        public double Of(double x) => Value(x);
    }

    internal readonly struct DerivativeLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T> => -Sigmoid.OfSum(OneMinus(x, out var lo), lo);

        public double Of(double x) => Derivative(x);
    }
}
