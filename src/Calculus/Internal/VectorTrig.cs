using System.Runtime.CompilerServices;
using static Calculus.Internal.TrigReduction;

namespace Calculus.Internal;

/// <summary>
/// The reduction by π/2 and the sin and cos kernels of <see cref="TrigReduction"/> for every lane at once, giving
/// the same bits as the scalar functions in every lane that <see cref="AllMedium"/> accepts.
/// </summary>
/// <remarks>
/// <para>A lane-wise transcription, operation for operation and in the same order: × and + as the scalar ×
/// and + (neither the JIT nor the vector types fuse them), <c>T.FusedMultiplyAdd</c> for
/// <c>Math.FusedMultiplyAdd</c>, <c>T.Round</c> (to nearest, ties to even) for <c>Math.Round</c>. IEEE
/// arithmetic rounds each operation on the same operands to the same double, so equal steps give equal bits.</para>
/// <para>Branches become selections: both kernels are evaluated and the quadrant picks one. Where |x| ≤ π/4 the scalar
/// code calls the kernels on (|x|, 0) without reduction; here those lanes get hi = |x|, lo = 0 and quadrant 0, the
/// same call. The quadrant n mod 4 is read from the low bits of n + 1.5·2^52 (exact: n is a non-negative integer
/// below 2^28, so the sum is an integer below 2^53 whose last bits are n's).</para>
/// <para>Only Cody–Waite (|x| &lt; 2^28) has a vector form; Payne–Hanek's 64-bit products and table look-ups do not
/// vectorise, and arguments that large are rare in a network. Callers send a group with any lane at or
/// beyond 2^28, ±∞ or NaN to the scalar functions.</para>
/// </remarks>
internal static class VectorTrig
{
    // 1.5·2^52: n + Shift is an integer below 2^53 with n mod 4 in its two lowest bits.
    private const double Shift = 6755399441055744.0;

    /// <summary>Whether every lane of |x| is below 2^28 (false for ±∞ and NaN): the lanes this class handles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllMedium<T>(T ax)
        where T : struct, ILanes<T> =>
        T.LessThanAll(ax, T.Create(MediumLimit));

    /// <summary>ax = nπ/2 + (hi + lo) for finite 0 ≤ ax &lt; 2^28: n = 0, hi = ax, lo = 0 where ax ≤ π/4 (the scalar
    /// code's unreduced case), <see cref="TrigReduction.ReduceMedium"/> elsewhere; returns n mod 4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Reduce<T>(T ax, out T hi, out T lo)
        where T : struct, ILanes<T>
    {
        var n = T.Round(ax * InvPio2);
        var a = T.FusedMultiplyAdd(-n, T.Create(PioA), ax);
        var b = n * PioB;
        var bLo = T.FusedMultiplyAdd(n, T.Create(PioB), -b);
        var s = a - b;
        var bVirtual = a - s;
        var sLo = (a - (s + bVirtual)) + (bVirtual - b);
        var tail = sLo - bLo - (n * PioC);
        var rHi = s + tail;
        var rLo = tail - (rHi - s);
        var quadrant = (n + T.Create(Shift)) & T.FromBits(3);

        var small = T.LessThanOrEqual(ax, T.Create(PiOver4));
        hi = T.ConditionalSelect(small, ax, rHi);
        lo = T.ConditionalSelect(small, T.Zero, rLo);
        return T.AndNot(quadrant, small);
    }

    /// <summary><see cref="TrigReduction.Sin"/> lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sin<T>(T hi, T lo)
        where T : struct, ILanes<T>
    {
        var z = hi * hi;
        var v = z * hi;
        var q = T.Create(S2) + (z * (T.Create(S3) + (z * (T.Create(S4) + (z * (T.Create(S5)
            + (z * (T.Create(S6) + (z * (T.Create(S7) + (z * S8)))))))))));
        return hi - (((z * ((0.5 * lo) - (v * q))) - lo) - (v * S1));
    }

    /// <summary><see cref="TrigReduction.Cos"/> lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Cos<T>(T hi, T lo)
        where T : struct, ILanes<T>
    {
        var one = T.One;
        var z = hi * hi;
        var zLo = T.FusedMultiplyAdd(hi, hi, -z);
        var half = 0.5 * z;
        var w = one - half;
        var wError = (one - w) - half;
        var q = z * z * (T.Create(C2) + (z * (T.Create(C3) + (z * (T.Create(C4) + (z * (T.Create(C5)
            + (z * (T.Create(C6) + (z * (T.Create(C7) + (z * (T.Create(C8) + (z * C9))))))))))))));
        return w + ((wError - ((0.5 * zLo) + (hi * lo))) + q);
    }
}
