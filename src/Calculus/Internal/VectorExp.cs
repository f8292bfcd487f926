using System.Runtime.CompilerServices;

namespace Calculus.Internal;

/// <summary>e^(x + xLo) for a vector of doubles (any <see cref="ILanes{TSelf}"/> width), as 2^k·(hi + lo) before the final rounding, within about
/// 0.5 ulp once rounded.</summary>
/// <remarks>
/// <para>Why not <c>Vector256.Exp</c> and its other widths (TensorPrimitives' exponential): measured against mpmath on 30,000 points in
/// [−745, 709.7] it is up to 2 ulp off (2 ulp at x = −707.98), and σ = e/(1 + e) built on it adds one rounding per
/// operation, past σ's 2-ulp bound. This one keeps the exact parts (Muller, <i>Elementary Functions</i>, ch. 6):</para>
/// <list type="bullet">
/// <item>k = round(x/ln 2) and r = x − k·ln 2 with ln 2 = <see cref="Ln2Hi"/> + <see cref="Ln2Lo"/> (fdlibm's
/// split: Ln2Hi has 32 significant bits, so k·Ln2Hi and x − k·Ln2Hi are exact for |k| &lt; 2^21). The caller's
/// low part xLo (the rounding error of its own argument, as in e^(−x²) or e^(a_i − max)) joins the small part
/// rLo = xLo − k·Ln2Lo, whose rounding is below 2^-75 relative.</item>
/// <item>e^r = 1 + r + r²/2 + r³·q(r), |r| ≤ 0.35, q the Taylor series 1/3! … r^10/13! by Estrin's scheme (the first omitted term
/// r^14/14! is below 2^-57); 1 + rHi and the sum with r²/2 + r³q are carried by Fast2Sum, so hi + lo is e^r to about
/// 2^-60 relative and only the caller's last rounding counts.</item>
/// <item>2^k is applied in two factors 2^(k/2)·2^(k − k/2), each a normal double for every k in [−2044, 2046]:
/// exact while the result is normal, one rounding where it is subnormal.</item>
/// </list>
/// </remarks>
internal static class VectorExp
{
    /// <summary>The arguments are clamped to [<see cref="Lowest"/>, <see cref="Highest"/>]: e^(−746) rounds to 0 and
    /// e^710 to +∞, as the clamped-off arguments do.</summary>
    public const double Lowest = -746.0, Highest = 710.0;

    // ln 2 = Ln2Hi + Ln2Lo + 1.9e-27 (fdlibm e_exp.c: 0x3fe62e42fee00000, 0x3dea39ef35793c76).
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Log2E = 1.4426950408889634;

    // 1.5·2^52: adding it rounds a double of magnitude below 2^51 to an integer, which lands in the low bits.
    private const double Round = 6755399441055744.0;
    private const long RoundBits = 0x4338_0000_0000_0000;

    /// <summary>e^(x + xLo) = 2^k·(hi + lo) for x already clamped to [Lowest, Highest]; hi in [0.70, 1.42], |lo| up
    /// to 2e-7 (not renormalised: a product factor·(hi + lo) takes it in one fused multiply-add).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Core<T>(T x, T xLo, out T lo, out T k)
        where T : struct, ILanes<T> =>
        Kernel(x, xLo, out lo, out k, carry: true);

    /// <summary>e^(x + xLo) rounded, about 1 ulp, for x already clamped: 1 + (r + (r²/2 + r³q)) without the carried
    /// errors, for sums of many terms (log-sum-exp) where one ulp per term is far inside the bound.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Rough<T>(T x, T xLo)
        where T : struct, ILanes<T> => Scale(RoughCore(x, xLo, out var k), k);

    /// <summary>e^(x + xLo) = 2^k·m with m rounded (about 1 ulp), before the scaling, for x already clamped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T RoughCore<T>(T x, T xLo, out T k)
        where T : struct, ILanes<T> =>
        Kernel(x, xLo, out _, out k, carry: false);

    /// <summary>e^x = 2^k·(1 + s) for x already clamped, s = r + (r²/2 + r³q) rounded once: e^r − 1 to about one
    /// ulp of s, without the cancellation of (1 + s) − 1, for expm1-based forms (tanh).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MinusOneCore<T>(T x, out T k)
        where T : struct, ILanes<T>
    {
        Kernel(x, T.Zero, out var s, out k, carry: false);
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Kernel<T>(T x, T xLo, out T lo, out T k, bool carry)
        where T : struct, ILanes<T>
    {
        var shifted = T.FusedMultiplyAdd(x, Log2E, Round);
        var n = shifted - Round;
        k = T.SubtractBits(shifted, T.FromBits(RoundBits)); // k as a 64-bit integer in each lane

        var rHi = T.FusedMultiplyAdd(-n, Ln2Hi, x); // exact
        var rLo = T.FusedMultiplyAdd(-n, Ln2Lo, xLo);
        var r = rHi + rLo;

        var r2 = r * r;
        var half = r2 * 0.5; // r²/2, the part of e^r − 1 − r that the Fast2Sum below carries
        // q(r) = 1/3! + r/4! + … + r^10/13! by Estrin's scheme (pairs, then powers r², r⁴): five multiply-adds deep
        // instead of Horner's ten, so that neighbouring lanes' chains overlap.
        var r4 = r2 * r2;
        var q01 = T.FusedMultiplyAdd(r, 1.0 / 24, 1.0 / 6);
        var q23 = T.FusedMultiplyAdd(r, 1.0 / 720, 1.0 / 120);
        var q45 = T.FusedMultiplyAdd(r, 1.0 / 40320, 1.0 / 5040);
        var q67 = T.FusedMultiplyAdd(r, 1.0 / 3628800, 1.0 / 362880);
        var q89 = T.FusedMultiplyAdd(r, 1.0 / 479001600, 1.0 / 39916800);
        var q03 = T.FusedMultiplyAdd(r2, q23, q01);
        var q47 = T.FusedMultiplyAdd(r2, q67, q45);
        var q810 = T.FusedMultiplyAdd(r2, 1.0 / 6227020800, q89);
        var q = T.FusedMultiplyAdd(r4, T.FusedMultiplyAdd(r4, q810, q47), q03);
        var cubic = q * r2 * r;

        // 1 + rHi + (r²/2 + r³q) with both additions' errors kept (Fast2Sum: |1| ≥ |rHi|, |1 + rHi| ≥ |r²/2 + r³q|);
        // the rounding of r²/2 + r³q (below 0.07) is under 2^-57 relative to the result.
        if (!carry)
        {
            lo = r + (half + cubic); // e^r − 1
            return T.One + lo;
        }

        var halfLo = T.FusedMultiplyAdd(r, r, -r2) * 0.5;
        var s1 = T.One + rHi;
        var e1 = rHi - (s1 - T.One);
        var p = half + cubic;
        var hi = s1 + p;
        var e2 = p - (hi - s1);
        lo = e1 + e2 + rLo + halfLo; // e^r = hi + lo, with |lo| up to 2e-7 (rLo = −k·Ln2Lo)
        return hi;
    }

    /// <summary>As <see cref="Core"/>, renormalised so that |lo| ≤ ulp(hi)/2, for callers that carry the low part
    /// through further arithmetic.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Parts<T>(T x, T xLo, out T lo, out T k)
        where T : struct, ILanes<T>
    {
        var hi = Core(x, xLo, out var tail, out k);
        var sum = hi + tail;
        lo = tail - (sum - hi);
        return sum;
    }

    /// <summary>e^(x + xLo) rounded, for x already clamped to [Lowest, Highest]; NaN comes out as a number (callers
    /// that may see NaN restore it with <see cref="Lanes.KeepNaN"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OfClamped<T>(T x, T xLo)
        where T : struct, ILanes<T>
    {
        var hi = Core(x, xLo, out var lo, out var k);
        return Scale(hi + lo, k);
    }

    /// <summary>y·2^k (k a 64-bit integer in each lane), in two exact factors (one rounding if the result is
    /// subnormal), for k in [−2044, 2046].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Scale<T>(T y, T k)
        where T : struct, ILanes<T>
    {
        var k1 = T.ShiftRightArithmeticBits(k, 1);
        var k2 = T.SubtractBits(k, k1);
        return y * PowerOfTwo(k1) * PowerOfTwo(k2);
    }

    /// <summary>2^k for k in [−1022, 1023] (a 64-bit integer in each lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T PowerOfTwo<T>(T k)
        where T : struct, ILanes<T> =>
        T.ShiftLeftBits(T.AddBits(k, T.FromBits(1023)), 52);

    /// <summary>Clamps x to [Lowest, Highest]; what a NaN gives depends on the platform (a bound on x64, NaN on Arm64),
    /// so callers restore it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Clamp<T>(T x)
        where T : struct, ILanes<T> =>
        T.MinNative(T.MaxNative(x, T.Create(Lowest)), T.Create(Highest));

    /// <summary>e^(x + xLo), rounded (xLo = 0 for a plain exponential); NaN for NaN. Where x is clamped, xLo is
    /// dropped: it can be as large as ulp(x)/2 (1e253 for a difference near −1e269), and the result is 0 or +∞
    /// anyway.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T x, T xLo)
        where T : struct, ILanes<T>
    {
        var clamped = Clamp(x);
        xLo = T.ConditionalSelect(T.Equal(clamped, x), xLo, T.Zero);
        return Lanes.KeepNaN(x, OfClamped(clamped, xLo));
    }

    /// <summary>e^(−|x|) rounded, the exponential of σ and softplus; NaN comes out as a number (callers restore it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OfMinusAbs<T>(T x)
        where T : struct, ILanes<T> =>
        OfClamped(T.MaxNative(-T.Abs(x), T.Create(Lowest)), T.Zero);

    /// <summary>e^(−|hi + lo|) rounded, for an unevaluated sum with |lo| ≤ ulp(hi)/2 (the sign of hi decides |·|);
    /// NaN for NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OfMinusAbs<T>(T hi, T lo)
        where T : struct, ILanes<T> =>
        Of(-T.Abs(hi), T.ConditionalSelect(T.LessThan(hi, T.Zero), lo, -lo));
}
