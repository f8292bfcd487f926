using System.Numerics;
using System.Runtime.CompilerServices;
using Calculus.Activations;
using Calculus.Internal;

namespace Calculus.Losses;

/// <summary>The logistic loss l(t) = ln(1 + e^(−t)) of a margin t = y·wᵀx (sheet 3, 3c).</summary>
/// <remarks>
/// <para>Range: (0, ∞). Derivative: l'(t) = −σ(−t) in (−1, 0). Convex and decreasing.</para>
/// <para>Relation to the smooth hinge: h*(t) = l(t − 1), so l(t) = h*(t + 1): the logistic loss is h* shifted
/// one unit to the left, and l ≤ h* everywhere.</para>
/// <para>Special values: l(0) = ln 2, l'(0) = −1/2; l(+∞) = 0; l(−∞) = +∞; NaN gives NaN.</para>
/// </remarks>
public static class LogisticLoss
{
    /// <summary>l(t) = ln(1 + e^(−t)) = softplus(−t).</summary>
    /// <param name="t">The margin; any double.</param>
    /// <returns>l(t) in [0, +∞]; NaN for NaN.</returns>
    public static double Value(double t) => Softplus.Value(-t);

    /// <summary>l'(t) = −σ(−t).</summary>
    /// <param name="t">The margin; any double.</param>
    /// <returns>l'(t) in [−1, 0]; NaN for NaN.</returns>
    public static double Derivative(double t) => -Sigmoid.Value(-t);

    /// <summary>l of every element: result[i] = ln(1 + e^(−t[i])) = softplus(−t[i]), vectorised; within 2 ulp.</summary>
    /// <param name="t">The arguments.</param>
    /// <param name="result">l(t[i]); the length of t, and t itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps t without being t.</exception>
    public static void Value(ReadOnlySpan<double> t, Span<double> result) => SpanMap.Apply<ValueLanes>(t, result);

    /// <summary>l' of every element: result[i] = −σ(−t[i]), vectorised; within 4 ulp.</summary>
    /// <param name="t">The arguments.</param>
    /// <param name="result">l'(t[i]); the length of t, and t itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps t without being t.</exception>
    public static void Derivative(ReadOnlySpan<double> t, Span<double> result) => SpanMap.Apply<DerivativeLanes>(t, result);


    /// <summary>l(t) = softplus(−t) over complex numbers.</summary>
    /// <param name="t">The margin.</param>
    /// <returns>l(t).</returns>
    public static Complex OfComplex(Complex t) => Softplus.OfComplex(-t);
    internal readonly struct ValueLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T> => Softplus.Of(-x);

        public double Of(double x) => Value(x);
    }

    internal readonly struct DerivativeLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T> => -Sigmoid.Of(-x);

        public double Of(double x) => Derivative(x);
    }
}
