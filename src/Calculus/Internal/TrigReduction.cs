namespace Calculus.Internal;

/// <summary>
/// sin and cos of any double: the argument reduced by π/2 exactly enough for every double, then two polynomial
/// kernels on the reduced argument, which is carried as a double-double.
/// </summary>
/// <remarks>
/// <para>Reduction: |x| = nπ/2 + r with n an integer and |r| ≤ π/4 (a hair more where x·2/π rounds across a
/// half-integer), r returned as hi + lo. The double nearest to a multiple of π/2 is 6381956970095103·2^797, with
/// |r| = 2^-60.9 (Muller, <i>Elementary Functions</i>, ch. 11; the generator of tests/Examples/Reference/trig.csv finds
/// it again): for r to keep 53 correct bits there, about 61 + 53 bits of x·2/π past the binary point must be exact,
/// and they sit up to 2^1023 places to the right of it.</para>
/// <para>|x| &lt; 2^28 (Cody–Waite): n = round(x·2/π); π/2 = A + B + C in three doubles (159 bits); x − nA is exact
/// (one fused multiply-add: the difference is below 1 and a multiple of 2^-53), nB is split exactly (FMA), and the
/// differences are carried by TwoSum. Absolute error below 2^-130, relative below 2^-69 even at the nearest case
/// of this range (x = 45.553093477052, |r| = 2^-60.5).</para>
/// <para>|x| ≥ 2^28 (Payne–Hanek): x = m·2^e with m a 53-bit integer, so x·2/π mod 4 needs only the bits of 2/π from
/// weight 2^(1−e) on: 192 of them times m (three 64×64-bit products) give x·2/π mod 4 to 2^-137. The table holds
/// 1280 bits of 2/π (enough for e = 971, the largest exponent), made with mpmath; a test checks it against
/// tests/Examples/Reference/two_over_pi.txt, written by the generator.</para>
/// <para>Kernels: the Taylor series of sin through r^17 and of cos through r^18 (the first omitted terms are below
/// 2^-62 relative at π/4), with the tail lo entering as lo·cos(hi) ≈ lo·(1 − hi²/2) and −lo·sin(hi) ≈ −lo·hi, and
/// cos's 1 − hi²/2 formed with its rounding errors (hi² split by FMA) so that only the last addition rounds
/// noticeably. Measured against trig.csv and the conformance rows: within 1 ulp of the correctly rounded value.</para>
/// <para>Every step is IEEE arithmetic (+, ×, fused multiply-add, 64-bit integer products): no call into the
/// platform's C library, so the results are the same bits on every platform.</para>
/// </remarks>
internal static class TrigReduction
{
    /// <summary>Below this, the Cody–Waite reduction; at or above, Payne–Hanek.</summary>
    internal const double MediumLimit = 268435456.0; // 2^28

    /// <summary>2^-26: below it sin(x) = x(1 − x²/6 + …) rounds to x.</summary>
    internal const double SinTiny = 1.4901161193847656e-8;

    /// <summary>2^-27: below it cos(x) = 1 − x²/2 + … rounds to 1 (from 2^-26.5 on it rounds to 1 − 2^-53).</summary>
    internal const double CosTiny = 7.450580596923828e-9;

    /// <summary>The double just below π/4: up to it the kernels take x itself.</summary>
    internal const double PiOver4 = 0.7853981633974483;

    /// <summary>2/π rounded to double.</summary>
    internal const double InvPio2 = 0.6366197723675814;

    // π/2 = PioA + PioB + PioC + 5.6e-50: 0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54, -0x1.f1976b7ed8fbcp-110.
    internal const double PioA = 1.5707963267948966;
    internal const double PioB = 6.123233995736766e-17;
    internal const double PioC = -1.4973849048591698e-33;

    // sin r = r + r³(S1 + r²(S2 + … + r²·S8)): 1/n! with alternating signs, n = 3, 5, …, 17.
    internal const double S1 = -1.0 / 6;
    internal const double S2 = 1.0 / 120;
    internal const double S3 = -1.0 / 5040;
    internal const double S4 = 1.0 / 362880;
    internal const double S5 = -1.0 / 39916800;
    internal const double S6 = 1.0 / 6227020800;
    internal const double S7 = -1.0 / 1307674368000;
    internal const double S8 = 1.0 / 355687428096000;

    // cos r = 1 − r²/2 + r⁴(C2 + r²(C3 + … + r²·C9)): 1/n!, n = 4, 6, …, 18.
    internal const double C2 = 1.0 / 24;
    internal const double C3 = -1.0 / 720;
    internal const double C4 = 1.0 / 40320;
    internal const double C5 = -1.0 / 3628800;
    internal const double C6 = 1.0 / 479001600;
    internal const double C7 = -1.0 / 87178291200;
    internal const double C8 = 1.0 / 20922789888000;
    internal const double C9 = -1.0 / 6402373705728000;

    /// <summary>The first 1280 bits of 2/π = 0.a2f9836e4e441529…(hexadecimal), most significant word first.</summary>
    internal static ReadOnlySpan<ulong> TwoOverPi =>
    [
        0xa2f9836e_4e441529, 0xfc2757d1_f534ddc0, 0xdb629599_3c439041, 0xfe5163ab_debbc561,
        0xb7246e3a_424dd2e0, 0x06492eea_09d1921c, 0xfe1deb1c_b129a73e, 0xe88235f5_2ebb4484,
        0xe99c7026_b45f7e41, 0x3991d639_835339f4, 0x9c845f8b_bdf9283b, 0x1ff897ff_de05980f,
        0xef2f118b_5a0a6d1f, 0x6d367ecf_27cb09b7, 0x4f463f66_9e5fea2d, 0x7527bac7_ebe5f17b,
        0x3d0739f7_8a5292ea, 0x6bfb5fb1_1f8d5d08, 0x56033046_fc7b6bab, 0xf0cfbc20_9af4361d,
    ];

    /// <summary>ax = nπ/2 + (hi + lo) for finite ax ≥ π/4; returns n mod 4.</summary>
    public static int Reduce(double ax, out double hi, out double lo) =>
        ax < MediumLimit ? ReduceMedium(ax, out hi, out lo) : ReduceLarge(ax, out hi, out lo);

    /// <summary>sin(hi + lo) for |hi + lo| ≲ π/4 and |lo| ≤ ulp(hi)/2.</summary>
    public static double Sin(double hi, double lo)
    {
        double z = hi * hi;
        double v = z * hi;
        double q = S2 + (z * (S3 + (z * (S4 + (z * (S5 + (z * (S6 + (z * (S7 + (z * S8)))))))))));

        // hi + lo·(1 − z/2) + v·S1 + v·z·q, with the large terms added last.
        return hi - (((z * ((0.5 * lo) - (v * q))) - lo) - (v * S1));
    }

    /// <summary>cos(hi + lo) for |hi + lo| ≲ π/4 and |lo| ≤ ulp(hi)/2.</summary>
    public static double Cos(double hi, double lo)
    {
        double z = hi * hi;
        double zLo = Math.FusedMultiplyAdd(hi, hi, -z); // hi² = z + zLo exactly
        double half = 0.5 * z;
        double w = 1.0 - half;
        double wError = (1.0 - w) - half; // 1 − z/2 = w + wError exactly (|z/2| < 0.31)
        double q = z * z * (C2 + (z * (C3 + (z * (C4 + (z * (C5 + (z * (C6 + (z * (C7 + (z * (C8 + (z * C9))))))))))))));

        // 1 − hi²/2 − lo·hi + hi⁴·q.
        return w + ((wError - ((0.5 * zLo) + (hi * lo))) + q);
    }

    /// <summary>Cody–Waite with three parts of π/2, for π/4 ≤ ax &lt; 2^28; returns n mod 4.</summary>
    internal static int ReduceMedium(double ax, out double hi, out double lo)
    {
        double n = Math.Round(ax * InvPio2); // n < 2^28: every product below is exact or nearly so
        double a = Math.FusedMultiplyAdd(-n, PioA, ax); // exact: |ax − nA| < 1 and a multiple of 2^-53
        double b = n * PioB;
        double bLo = Math.FusedMultiplyAdd(n, PioB, -b); // n·B = b + bLo exactly
        double s = a - b;
        double bVirtual = a - s;
        double sLo = (a - (s + bVirtual)) + (bVirtual - b); // a − b = s + sLo exactly (TwoSum)
        double tail = sLo - bLo - (n * PioC); // below 2^-78; |s| ≥ 2^-61
        hi = s + tail;
        lo = tail - (hi - s);
        return (int)((long)n & 3);
    }

    /// <summary>Payne–Hanek with 192 bits of 2/π at the position x's exponent calls for, for finite ax ≥ 2^-10
    /// (used from 2^28 on); returns n mod 4.</summary>
    internal static int ReduceLarge(double ax, out double hi, out double lo)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(ax);
        int e = (int)(bits >> 52) - 1075; // ax = m·2^e
        ulong m = (bits & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000;

        // With 2/π = Σ t_i 2^-i, the bits with i ≤ e − 2 add multiples of 4 to m·2^e·2/π and drop out mod 4.
        // Bit index (from 0, counting one word of zeros before the table) of weight 2^(1−e): e + 62 ≥ 0 for e ≥ −62.
        int first = e + 62;
        int word = first >> 6, shift = first & 63;
        ulong f0 = Window(word, shift), f1 = Window(word + 1, shift), f2 = Window(word + 2, shift);

        // The low 192 bits of m·(f0, f1, f2): frac(m·F), where x·2/π ≡ 4·m·F (mod 4).
        ulong h2 = Math.BigMul(m, f2, out ulong p2);
        ulong h1 = Math.BigMul(m, f1, out ulong l1);
        ulong p1 = l1 + h2;
        ulong p0 = (m * f0) + h1 + (p1 < l1 ? 1UL : 0UL);

        // x·2/π mod 4 = (p0, p1, p2)/2^190: the top two bits count quadrants, the other 190 are the fraction of one,
        // read as a signed number so that a fraction of one half or more rounds the quadrant up.
        int quadrant = (int)(p0 >> 62);
        UInt128 top = ((UInt128)((p0 << 2) | (p1 >> 62)) << 64) | ((p1 << 2) | (p2 >> 62));
        ulong rest = p2 << 2;
        bool negative = (top >> 127) != 0;
        if (negative)
        {
            quadrant++;
            (top, rest) = rest == 0 ? (UInt128.Zero - top, 0UL) : (~top, 0UL - rest);
        }

        // |r|/(π/2) = (top, rest)/2^192 ≥ 2^-62, so top has a bit set among its upper 66: normalise it.
        int lz = (int)UInt128.LeadingZeroCount(top);
        UInt128 normal = lz == 0 ? top : (top << lz) | (rest >> (64 - lz));
        double scale = BitConverter.UInt64BitsToDouble((ulong)(1023 - 53 - lz) << 52); // 2^(-53-lz)
        double qHi = (ulong)(normal >> 75) * scale; // the top 53 bits, exactly
        double qLo = (long)((ulong)(normal >> 12) & 0x7FFF_FFFF_FFFF_FFFF) * scale * 1.0842021724855044e-19; // × 2^-63 // the next 63

        // r = (qHi + qLo)·π/2 as a double-double (relative error about 2^-100).
        double rHi = qHi * PioA;
        double rLo = Math.FusedMultiplyAdd(qHi, PioA, -rHi) + ((qHi * PioB) + (qLo * PioA));
        hi = rHi + rLo;
        lo = rLo - (hi - rHi);
        if (negative)
        {
            hi = -hi;
            lo = -lo;
        }

        return quadrant & 3;
    }

    /// <summary>64 bits of 2/π starting <paramref name="shift"/> bits into word <paramref name="index"/> of the
    /// table with one word of zeros in front.</summary>
    private static ulong Window(int index, int shift)
    {
        ulong high = index == 0 ? 0 : TwoOverPi[index - 1];
        return shift == 0 ? high : (high << shift) | (TwoOverPi[index] >> (64 - shift));
    }
}
