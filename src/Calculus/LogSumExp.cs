using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using Calculus.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus;

/// <summary>Log-sum-exp LSE(a) = ln(e^(a_1) + … + e^(a_n)), the smooth maximum of sheet 3a, and its excess over
/// the maximum.</summary>
/// <remarks>
/// <para>Computed as m + log1p(Σ_{i≠k} e^(a_i − m)) with m = a_k = max a: no overflow for any finite input (±1.7e308
/// included), no underflow to −∞ for very negative inputs. The naive ln Σ e^(a_i) is +∞ once any a_i ≥ 709.78.</para>
/// <para>Bounds: max a ≤ LSE(a) ≤ max a + ln n, and 0 ≤ LSE(a) − max a ≤ ln(1 + (n − 1)e^(a** − a*)) ≤
/// (n − 1)e^(a** − a*), where a** is the second largest entry: LSE → max as the gap a** − a* → −∞.</para>
/// <para>Special values: the empty set gives −∞; any NaN gives NaN; any +∞ entry gives +∞; all entries −∞ give −∞.</para>
/// <para>Accuracy: within 1e-14 relative to max(|LSE|, 1) for n ≤ 8 (log1p of the sum has an absolute error of a
/// few ulp of 1; the relative error is larger only where LSE itself is near 0 by cancellation).</para>
/// </remarks>
public static class LogSumExp
{
    /// <summary>LSE(a) = ln Σ e^(a_i).</summary>
    /// <param name="a">The values; may be empty.</param>
    /// <returns>LSE(a); −∞ for the empty set; NaN if any entry is NaN.</returns>
    public static double Value(ReadOnlySpan<double> a)
    {
        if (a.IsEmpty)
        {
            return double.NegativeInfinity;
        }

        var (max, sum) = ShiftedSum(a);
        return max + Log1p.Of(sum); // max = ±∞ leaves a finite sum (n − 1 or 0), so ±∞ + ln(1 + sum) = max
    }

    /// <summary>LSE(a) = ln Σ e^(a_i) of a MathNet vector.</summary>
    /// <param name="a">The values.</param>
    /// <returns>LSE(a).</returns>
    public static double Value(Vector<double> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return Value(a.ToArray()); // a copy: AsArray() is null for sparse storage
    }

    /// <summary>The excess LSE(a) − max a = log1p(Σ_{i≠k} e^(a_i − a_k)), a_k = max a, computed directly.</summary>
    /// <remarks>
    /// Subtracting max from LSE loses everything below ulp(max): for [0, −40] it gives 0, while the true excess is
    /// 4.248354255291589e-18. Each difference a_i − max is carried exactly (TwoSum) into its exponential, so the
    /// excess is accurate to 1e-13 relative even when it is subnormal. With an infinite maximum the excess is
    /// ln k, k the number of entries equal to it (the limit as they grow together).
    /// </remarks>
    /// <param name="a">The values; at least one.</param>
    /// <returns>LSE(a) − max a, in [0, ln n]; NaN if any entry is NaN.</returns>
    /// <exception cref="ArgumentException">a is empty (the maximum of the empty set does not exist).</exception>
    public static double Excess(ReadOnlySpan<double> a)
    {
        if (a.IsEmpty)
        {
            throw new ArgumentException("The excess LSE(a) − max a needs at least one value; a has length 0.", nameof(a));
        }

        return Log1p.Of(ShiftedSum(a).Sum);
    }

    /// <summary>The excess LSE(a) − max a of a MathNet vector.</summary>
    /// <param name="a">The values; at least one.</param>
    /// <returns>LSE(a) − max a.</returns>
    /// <exception cref="ArgumentException">a is empty.</exception>
    public static double Excess(Vector<double> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return Excess(a.ToArray());
    }

    /// <summary>m = max a and Σ_{i≠k} e^(a_i − m) over every entry but the first maximum (NaN if any entry is NaN).</summary>
    /// <remarks>The maximum by <see cref="TensorPrimitives.Max{T}(ReadOnlySpan{T})"/> (NaN if any entry is NaN); the
    /// first index and the sum by vectors of the widest width the host accelerates (two lanes without any).</remarks>
    private static (double Max, double Sum) ShiftedSum(ReadOnlySpan<double> a)
    {
        double max = TensorPrimitives.Max(a); // NaN if any entry is NaN
        if (double.IsNaN(max))
        {
            // Needed for one entry: Excess([NaN]) has no other term to carry the NaN (log1p(0) = 0).
            return (double.NaN, double.NaN);
        }

        double sum = SpanMap.Width switch
        {
            512 => ShiftedSum<Lanes512>(a, max),
            256 => ShiftedSum<Lanes256>(a, max),
            _ => ShiftedSum<Lanes128>(a, max), // also without hardware vectors: emulated, the same bits
        };
        return (max, sum);
    }

    /// <summary>Σ_{i≠k} e^(a_i − max), k the first index of max, in lanes of type T.</summary>
    /// <remarks>The terms are summed in <see cref="Block"/> running sums, sum j taking the entries j, j + 8, j + 16, …
    /// of the parts before and after k, and the eight are added in one fixed order at the end: the same additions at
    /// every width (one vector of eight, two of four or four of two), so the same bits on every host.</remarks>
    internal static double ShiftedSum<T>(ReadOnlySpan<double> a, double max)
        where T : struct, ILanes<T>
    {
        int k = FirstIndexOf<T>(a, max);
        var sums = default(BlockSums<T>);
        Sum(a[..k], max, ref sums);
        Sum(a[(k + 1)..], max, ref sums);

        Span<double> lanes = stackalloc double[Block];
        T.CopyTo(sums.S0, lanes);
        if (T.Count <= 4)
        {
            T.CopyTo(sums.S1, lanes[T.Count..]);
        }

        if (T.Count == 2)
        {
            T.CopyTo(sums.S2, lanes[4..]);
            T.CopyTo(sums.S3, lanes[6..]);
        }

        return ((lanes[0] + lanes[4]) + (lanes[2] + lanes[6])) + ((lanes[1] + lanes[5]) + (lanes[3] + lanes[7]));
    }

    /// <summary>The first i with a[i] == value (−0 and +0 equal), a vector at a time; value occurs in a.</summary>
    private static int FirstIndexOf<T>(ReadOnlySpan<double> a, double value)
        where T : struct, ILanes<T>
    {
        var v = T.Create(value);
        int i = 0;
        // Stryker disable once Equality : equivalent: with i + Count < a.Length the last whole group goes to the loop below, which finds the same first index.
        for (; i + T.Count <= a.Length; i += T.Count)
        {
            uint equal = T.ExtractMostSignificantBits(T.Equal(T.Create(a.Slice(i, T.Count)), v));
            if (equal != 0)
            {
                return i + System.Numerics.BitOperations.TrailingZeroCount(equal);
            }
        }

        while (a[i] != value)
        {
            i++;
        }

        return i;
    }

    /// <summary>The number of running sums of <see cref="ShiftedSum{T}"/>, whatever the width.</summary>
    private const int Block = 8;

    /// <summary>The <see cref="Block"/> running sums as vectors: S0 alone for eight lanes, S0 and S1 for four, all
    /// four for two.</summary>
    private struct BlockSums<T>
        where T : struct, ILanes<T>
    {
        public T S0, S1, S2, S3;
    }

    /// <summary>The running sums gain e^(a_i − max), entry i to sum i mod 8 (the lanes past the end of the last
    /// partial block gain 0).</summary>
    private static void Sum<T>(ReadOnlySpan<double> a, double maximum, ref BlockSums<T> sums)
        where T : struct, ILanes<T>
    {
        int whole = a.Length - (a.Length % Block);
        ref double start = ref MemoryMarshal.GetReference(a);
        int c = T.Count;
        var max = T.Create(maximum); // made here: a vector passed on the stack was written back to it at every step
        var (s0, s1, s2, s3) = (sums.S0, sums.S1, sums.S2, sums.S3); // locals through the loop, not fields behind the ref
        for (int i = 0; i < whole; i += c)
        {
            // One term per step (one inlined kernel: two spilled the AVX2 registers), and the sums rotate so that each
            // group reaches its own: after the 8 / c groups of a block every sum is back in its place.
            var term = Term(T.Load(ref start, (nuint)i), max);
            if (c == 8)
            {
                s0 += term;
            }
            else if (c == 4)
            {
                (s0, s1) = (s1, s0 + term);
            }
            else
            {
                (s0, s1, s2, s3) = (s1, s2, s3, s0 + term);
            }
        }

        // Stryker disable once Equality : equivalent: with whole = a.Length no lane is used, and the sums gain +0.
        if (whole < a.Length)
        {
            Span<double> block = stackalloc double[Block];
            block.Clear();
            a[whole..].CopyTo(block);
            var used = T.Create(a.Length - whole);
            s0 += Partial(block, 0, used, max);
            if (c <= 4)
            {
                s1 += Partial(block, c, used, max);
            }

            if (c == 2)
            {
                s2 += Partial(block, 4, used, max);
                s3 += Partial(block, 6, used, max);
            }
        }

        (sums.S0, sums.S1, sums.S2, sums.S3) = (s0, s1, s2, s3);
    }

    /// <summary>The terms of block[offset..] where offset + lane &lt; used, 0 in the other lanes.</summary>
    private static T Partial<T>(ReadOnlySpan<double> block, int offset, T used, T max)
        where T : struct, ILanes<T>
    {
        var inside = T.LessThan(T.Create(LaneIndices.AsSpan(offset)), used);
        return T.ConditionalSelect(inside, Term(T.Create(block[offset..]), max), T.Zero);
    }

    /// <summary>0, 1, …, 7: the place of each lane in a block.</summary>
    private static readonly double[] LaneIndices = [0, 1, 2, 3, 4, 5, 6, 7];

    /// <summary>e^(a − max) with a − max = d + dLo exactly; 1 where a = max (also ±∞, where a − max is NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Term<T>(T a, T max)
        where T : struct, ILanes<T>
    {
        var d = ExactArithmetic.TwoSum(a, -max, out var dLo);
        // d ≤ 0. Where it is below −746 (−∞ included, where dLo is NaN) the term is 0 and dLo is dropped; NaN
        // (a = max = ±∞) is selected away below.
        var clamped = T.MaxNative(d, T.Create(VectorExp.Lowest));
        dLo = T.ConditionalSelect(T.Equal(clamped, d), dLo, T.Zero);
        var term = VectorExp.Rough(clamped, dLo);
        return T.ConditionalSelect(T.Equal(a, max), T.One, term);
    }
}
