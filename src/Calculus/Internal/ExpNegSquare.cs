using System.Runtime.CompilerServices;

namespace Calculus.Internal;

/// <summary>factor·e^(−x²) with one final rounding, for the Gaussian, its derivative and erf'.</summary>
/// <remarks>
/// <para>Math.Exp(−x·x) rounds x·x first, and e^(−x²) turns that absolute error into a relative one of up to
/// x²·2^-53: about 400 ulp near |x| = 26. Here x² = hi + lo exactly (lo from one fused multiply-add) and
/// e^(−x²) = e^(−hi)·e^(−lo) ≈ e^(−hi)·(1 − lo), since |lo| ≤ ulp(hi)/2 &lt; 2^-43.</para>
/// <para>Where the result is subnormal (x² &gt; 708) it is formed as (factor·e^(−hi/2)·(1 − lo))·e^(−hi/2): hi/2 is
/// exact, both factors are normal, and only the last product rounds onto the subnormal grid.</para>
/// </remarks>
internal static class ExpNegSquare
{
    /// <summary>Above this x², e^(−x²) is below the smallest normal double (e^(−708.3964) = 2^-1022).</summary>
    private const double SubnormalSquare = 708.0;

    /// <summary>Beyond this x², factor·e^(−x²) rounds to 0 for every |factor| &lt; 2^70 (e^(−800) = 2^-1154.2, and
    /// half the smallest subnormal is 2^-1075); the vector form returns ±0 there. Its 2^k (k down to −1155) is
    /// applied as two normal factors by <see cref="VectorExp.Scale"/>.</summary>
    private const double VanishingSquare = 800.0;

    public static double Times(double factor, double x)
    {
        // A NaN x makes hi NaN, which fails both tests below and propagates; the callers' factor is NaN only then.
        double hi = x * x;
        if (hi > VanishingSquare)
        {
            // Also x = ±∞. Beyond 800 the result is ±0 with factor's sign; the first-order correction 1 − lo below would
            // not be small there (lo reaches ulp(x²)/2, 1e36 at x = 3e26) and could flip that sign (row
            // RegressionExamples.Gaussian_OfAHugeArgument_IsPlusZero_AndItsDerivativeHasTheSignOfMinusX).
            return Math.CopySign(0.0, factor);
        }

        double lo = Math.FusedMultiplyAdd(x, x, -hi);
        if (hi <= SubnormalSquare)
        {
            return factor * (Math.Exp(-hi) * (1.0 - lo));
        }

        double half = Math.Exp(-0.5 * hi);
        return factor * half * (1.0 - lo) * half;
    }

    /// <summary>factor·e^(−x²) lane by lane: x² = hi + lo exactly (FMA) enters <see cref="VectorExp.RoughCore"/> as
    /// e^(−hi − lo), factor multiplies the unrounded hi + lo, and 2^k is applied last, so a subnormal result is
    /// rounded once (and a factor up to 2·27 does not scale up a subnormal's rounding error). ±0 with factor's sign
    /// where x² &gt; <see cref="VanishingSquare"/> (x = ±∞ included); NaN for NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Times<T>(T factor, T x)
        where T : struct, ILanes<T>
    {
        var hi = x * x;
        var lo = T.FusedMultiplyAdd(x, x, -hi);
        var beyond = T.GreaterThan(hi, T.Create(VanishingSquare)); // false for NaN
        var e = VectorExp.RoughCore(T.MaxNative(-hi, T.Create(-VanishingSquare)), -lo, out var k);
        var scaled = VectorExp.Scale(factor * e, k);
        var zero = T.CopySign(T.Zero, factor);
        return Lanes.KeepNaN(x, T.ConditionalSelect(beyond, zero, scaled));
    }
}
