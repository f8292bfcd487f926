using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
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
    /// <remarks>The maximum by <see cref="TensorPrimitives.Max{T}(ReadOnlySpan{T})"/> (NaN if any entry is NaN) and its
    /// first index by a four-lane search; the sum four lanes at a time, each a_i − m carried exactly (TwoSum) into
    /// <see cref="VectorExp"/>, skipping index k by summing the parts before and after it.</remarks>
    private static (double Max, double Sum) ShiftedSum(ReadOnlySpan<double> a)
    {
        double max = TensorPrimitives.Max(a); // NaN if any entry is NaN
        if (double.IsNaN(max))
        {
            // Needed for one entry: Excess([NaN]) has no other term to carry the NaN (log1p(0) = 0).
            return (double.NaN, double.NaN);
        }

        int k = FirstIndexOf(a, max);

        var lanes = Sum(a[..k], max, Vector256<double>.Zero);
        lanes = Sum(a[(k + 1)..], max, lanes);
        return (max, Vector256.Sum(lanes));
    }

    /// <summary>The first i with a[i] == value (−0 and +0 equal), four lanes at a time; value occurs in a.</summary>
    private static int FirstIndexOf(ReadOnlySpan<double> a, double value)
    {
        var v = Vector256.Create(value);
        int i = 0;
        // Stryker disable once Equality : equivalent: with i + 4 < a.Length the last whole group goes to the loop below, which finds the same first index.
        for (; i + 4 <= a.Length; i += 4)
        {
            uint equal = Vector256.Equals(Vector256.Create(a.Slice(i, 4)), v).ExtractMostSignificantBits();
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

    /// <summary>accumulator + e^(a_i − max) lane by lane (the lanes past the end of the last partial group add 0).</summary>
    private static Vector256<double> Sum(ReadOnlySpan<double> a, double max, Vector256<double> accumulator)
    {
        var m = Vector256.Create(max);
        int whole = a.Length - (a.Length % Vector256<double>.Count);
        int i = 0;
        var second = Vector256<double>.Zero; // two accumulators: independent chains the processor overlaps
        for (; i + 8 <= whole; i += 8)
        {
            accumulator += Term(Vector256.Create(a.Slice(i, 4)), m);
            second += Term(Vector256.Create(a.Slice(i + 4, 4)), m);
        }

        accumulator += second;
        for (; i < whole; i += Vector256<double>.Count)
        {
            accumulator += Term(Vector256.Create(a.Slice(i, Vector256<double>.Count)), m);
        }

        // Stryker disable once Equality : equivalent: with whole = a.Length no lane is used, and the accumulator gains +0.
        if (whole < a.Length)
        {
            var used = Vector256.LessThan(Vector256.Create(0.0, 1.0, 2.0, 3.0), Vector256.Create((double)(a.Length - whole)));
            accumulator += Vector256.ConditionalSelect(used, Term(SpanMap.LoadPadded(a[whole..]), m), Vector256<double>.Zero);
        }

        return accumulator;
    }

    /// <summary>e^(a − max) with a − max = d + dLo exactly; 1 where a = max (also ±∞, where a − max is NaN).</summary>
    private static Vector256<double> Term(Vector256<double> a, Vector256<double> max)
    {
        var d = ExactArithmetic.TwoSum(a, -max, out var dLo);
        // d ≤ 0. Where it is below −746 (−∞ included, where dLo is NaN) the term is 0 and dLo is dropped; NaN
        // (a = max = ±∞) is selected away below.
        var clamped = Vector256.MaxNative(d, Vector256.Create(VectorExp.Lowest));
        dLo = Vector256.ConditionalSelect(Vector256.Equals(clamped, d), dLo, Vector256<double>.Zero);
        var term = VectorExp.Rough(clamped, dLo);
        return Vector256.ConditionalSelect(Vector256.Equals(a, max), Vector256<double>.One, term);
    }
}
