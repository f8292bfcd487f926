using System.Numerics;
using System.Runtime.CompilerServices;
using Calculus.Internal;

namespace Calculus.Activations;

/// <summary>The sinusoid activation f(x) = sin(x) (sheet 2f).</summary>
/// <remarks>
/// <para>Range: f(ℝ) = [−1, 1], both ends attained (at x = ±π/2 + 2kπ); odd; 2π-periodic; not monotone;
/// 1-Lipschitz.</para>
/// <para>Derivative: f'(x) = cos(x), in [−1, 1], even.</para>
/// <para>Computed here, not by the platform's <c>Math.Sin</c>/<c>Math.Cos</c>, which hand the argument to the C
/// library: its reduction loses the low bits where x is near a multiple of π/2, and differs between platforms (on
/// Linux x64, sin(2.4189825415928567e23) is 16,655 ulp off and the rows of Reference/trig.csv up to 102,825 ulp for sin
/// and 136,921 for cos). Here |x| = nπ/2 + r with r carried as a double-double to about 2^-69 relative for every double
/// (Cody–Waite with π/2 in three parts below 2^28, Payne–Hanek with 1280 bits of 2/π from there), then sin or cos of r
/// by its Taylor series, chosen and signed by n mod 4 (<c>Internal/TrigReduction.cs</c>).</para>
/// <para>Accuracy: within 1 ulp of the correctly rounded value for every finite double. Measured (max ulp distance,
/// sin / cos): tests/Examples/Reference/trig.csv, 2,963 arguments (the double nearest to a multiple of π/2 in every
/// binade up to 2^1023, CORE-MATH's hard cases, quadrant boundaries, random doubles of every exponent), 1 / 1 with
/// 98.7% / 99.0% correctly rounded (Math.Sin/Math.Cos: 102,825 / 136,921); 1,515 published conformance values
/// (glibc, musl, NumPy, CORE-MATH, Go, CPython), 1 / 1 (Math.Sin/Math.Cos: 16,655 / 1). The same bits on every
/// platform: only IEEE +, ×, fused multiply-add and integer arithmetic. Odd and even exactly: sin(−x) = −sin(x) and
/// cos(−x) = cos(x) bit for bit.</para>
/// <para>Beyond about 2^53 consecutive doubles are more than 2π apart, so the values, though exact, carry no useful
/// shape.</para>
/// <para>Special values: f(±0) = ±0, f'(±0) = 1; sin(x) = x for |x| &lt; 2^-26 and cos(x) = 1 for |x| &lt; 2^-27
/// (the correctly rounded values); f(±∞) and f'(±∞) are NaN (no limit exists); NaN gives NaN.</para>
/// </remarks>
public static class Sinusoid
{
    /// <summary>f(x) = sin(x).</summary>
    /// <param name="x">The argument; any double.</param>
    /// <returns>sin(x) in [−1, 1], within 1 ulp; NaN for NaN and ±∞.</returns>
    public static double Value(double x)
    {
        double ax = Math.Abs(x);
        if (!(ax >= TrigReduction.SinTiny))
        {
            return x; // ±0, |x| < 2^-26 (sin x = x(1 − x²/6) rounds to x) and NaN
        }

        if (ax <= TrigReduction.PiOver4)
        {
            double s = TrigReduction.Sin(ax, 0.0);
            return x < 0 ? -s : s;
        }

        if (double.IsInfinity(ax))
        {
            return double.NaN;
        }

        int n = TrigReduction.Reduce(ax, out double hi, out double lo);
        double v = (n & 1) == 0 ? TrigReduction.Sin(hi, lo) : TrigReduction.Cos(hi, lo);
        return ((n & 2) == 0) == (x > 0) ? v : -v; // quadrants 2 and 3 negate, and so does x < 0
    }

    /// <summary>f'(x) = cos(x).</summary>
    /// <param name="x">The argument; any double.</param>
    /// <returns>cos(x) in [−1, 1], within 1 ulp; NaN for NaN and ±∞.</returns>
    public static double Derivative(double x)
    {
        double ax = Math.Abs(x);
        // Stryker disable once Block,Statement : equivalent: below 2^-27, x²/2 < 2^-55 and the kernel's 1 − x²/2 rounds to 1 exactly.
        if (ax < TrigReduction.CosTiny)
        {
            return 1.0; // cos x = 1 − x²/2 + … rounds to 1
        }

        if (ax <= TrigReduction.PiOver4)
        {
            return TrigReduction.Cos(ax, 0.0);
        }

        if (!double.IsFinite(ax))
        {
            return double.NaN;
        }

        int n = TrigReduction.Reduce(ax, out double hi, out double lo);
        double v = (n & 1) == 0 ? TrigReduction.Cos(hi, lo) : TrigReduction.Sin(hi, lo);
        return n is 0 or 3 ? v : -v; // cos, −sin, −cos, sin
    }

    /// <summary>sin of every element: result[i] = sin(x[i]), vectorised.</summary>
    /// <remarks>The scalar <see cref="Value(double)"/> lane by lane (<see cref="VectorTrig"/>): the same operations in
    /// the same order, both kernels evaluated and the quadrant selecting one, so every element is the same bits as
    /// <see cref="Value(double)"/> gives it, within 1 ulp. A group with a lane at or beyond 2^28 (Payne–Hanek's
    /// range), ±∞ or NaN is computed by the scalar function.</remarks>
    /// <param name="x">The arguments.</param>
    /// <param name="result">sin(x[i]); the length of x, and x itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps x without being x.</exception>
    public static void Value(ReadOnlySpan<double> x, Span<double> result) => SpanMap.Apply<ValueLanes>(x, result);

    /// <summary>cos of every element: result[i] = cos(x[i]) = f'(x[i]), vectorised.</summary>
    /// <remarks>The scalar <see cref="Derivative(double)"/> lane by lane, as <see cref="Value(ReadOnlySpan{double}, Span{double})"/>
    /// is <see cref="Value(double)"/>: the same bits for every element, within 1 ulp.</remarks>
    /// <param name="x">The arguments.</param>
    /// <param name="result">cos(x[i]); the length of x, and x itself or separate memory.</param>
    /// <exception cref="ArgumentException">result has another length, or overlaps x without being x.</exception>
    public static void Derivative(ReadOnlySpan<double> x, Span<double> result) => SpanMap.Apply<DerivativeLanes>(x, result);


    /// <summary>sin(z) over complex numbers (the complex-step oracle).</summary>
    /// <param name="z">The argument.</param>
    /// <returns>sin(z).</returns>
    public static Complex OfComplex(Complex z) => Complex.Sin(z);

    internal readonly struct ValueLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T>
        {
            var ax = T.Abs(x);
            if (!VectorTrig.AllMedium(ax))
            {
                return Lanes.Each(x, Value);
            }

            var n = VectorTrig.Reduce(ax, out var hi, out var lo);
            var odd = T.EqualBits(n & T.FromBits(1), T.FromBits(1));
            var v = T.ConditionalSelect(odd, VectorTrig.Cos(hi, lo), VectorTrig.Sin(hi, lo));

            // Quadrants 2 and 3 negate, and so does x < 0 (x ≠ 0 here): flip v's sign by bit 1 of n xor x's sign.
            var sign = T.ShiftLeftBits(n & T.FromBits(2), 62) ^ (x & T.Create(-0.0));
            return T.ConditionalSelect(
                T.GreaterThanOrEqual(ax, T.Create(TrigReduction.SinTiny)), v ^ sign, x);
        }

        public double Of(double x) => Value(x);
    }

    internal readonly struct DerivativeLanes : IElementwise
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Of<T>(T x)
            where T : struct, ILanes<T>
        {
            var ax = T.Abs(x);
            if (!VectorTrig.AllMedium(ax))
            {
                return Lanes.Each(x, Derivative);
            }

            var n = VectorTrig.Reduce(ax, out var hi, out var lo);
            var odd = T.EqualBits(n & T.FromBits(1), T.FromBits(1));
            var v = T.ConditionalSelect(odd, VectorTrig.Sin(hi, lo), VectorTrig.Cos(hi, lo));

            // cos, −sin, −cos, sin: quadrants 1 and 2 negate, those where bit 1 of n + 1 is set.
            var sign = T.ShiftLeftBits(T.AddBits(n, T.FromBits(1)) & T.FromBits(2), 62);
            return T.ConditionalSelect(
                T.LessThan(ax, T.Create(TrigReduction.CosTiny)), T.One, v ^ sign);
        }

        public double Of(double x) => Derivative(x);
    }
}
