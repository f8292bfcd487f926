using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Calculus.Internal;

/// <summary>An element-wise function with a four-lane form, for <see cref="SpanMap"/>.</summary>
/// <remarks>A struct, so that <see cref="SpanMap.Apply{TFunction}"/> is compiled once per function with the calls
/// inlined; its fields carry parameters such as PLU's α and c.</remarks>
internal interface IElementwise
{
    /// <summary>The function of four values at once.</summary>
    Vector256<double> Of(Vector256<double> x);

    /// <summary>The function of one value, for machines without 256-bit vectors.</summary>
    double Of(double x);
}

/// <summary>Applies an element-wise function to a span, four values at a time.</summary>
/// <remarks>
/// <para>Every element goes through the four-lane form, the last partial group too (padded with zeros in a buffer
/// on the stack), so the result for a value does not depend on its position or on the length of the span.
/// Without hardware 256-bit vectors (where <c>Vector256</c> would be emulated one lane at a time) the scalar form
/// runs instead; both keep the same ulp bound.</para>
/// <para>result may be x itself (in place); any other overlap would overwrite values before they are read, and is
/// refused, as TensorPrimitives refuses it.</para>
/// </remarks>
internal static class SpanMap
{
    public static void Apply<TFunction>(ReadOnlySpan<double> x, Span<double> result, TFunction function = default)
        where TFunction : struct, IElementwise
    {
        CheckShapes(x, result);
        int n = x.Length;
        if (!Vector256.IsHardwareAccelerated)
        {
            for (int k = 0; k < n; k++)
            {
                result[k] = function.Of(x[k]);
            }

            return;
        }

        ref double source = ref MemoryMarshal.GetReference(x);
        ref double target = ref MemoryMarshal.GetReference(result);
        const int Lanes = 4; // Vector256<double>.Count
        int whole = n - (n % Lanes);
        int i = 0;
        for (; i + (2 * Lanes) <= whole; i += 2 * Lanes)
        {
            // Two groups per step: their dependency chains are independent, so the processor overlaps them. Both are
            // loaded before either is stored, which in place (result = x) is still element for element.
            var first = Vector256.LoadUnsafe(ref source, (nuint)i);
            var second = Vector256.LoadUnsafe(ref source, (nuint)(i + Lanes));
            function.Of(first).StoreUnsafe(ref target, (nuint)i);
            function.Of(second).StoreUnsafe(ref target, (nuint)(i + Lanes));
        }

        for (; i < whole; i += Lanes)
        {
            function.Of(Vector256.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
        }

        if (whole < n)
        {
            Span<double> buffer = stackalloc double[Lanes];
            function.Of(LoadPadded(x[whole..])).CopyTo(buffer);
            buffer[..(n - whole)].CopyTo(result[whole..]);
        }
    }

    /// <summary>Fewer than four values in the low lanes, zeros above.</summary>
    public static Vector256<double> LoadPadded(ReadOnlySpan<double> part)
    {
        Span<double> buffer = stackalloc double[Vector256<double>.Count];
        buffer.Clear();
        part.CopyTo(buffer);
        return Vector256.Create<double>(buffer);
    }

    /// <summary>result[i] = f(x[i]) one element at a time, for functions without a four-lane form; the same shape
    /// checks as <see cref="Apply{TFunction}"/>.</summary>
    public static void Each(Func<double, double> f, ReadOnlySpan<double> x, Span<double> result)
    {
        CheckShapes(x, result);
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = f(x[i]);
        }
    }

    /// <summary>result must have x's length and may overlap x only by being x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckShapes(ReadOnlySpan<double> x, Span<double> result)
    {
        if (result.Length != x.Length)
        {
            throw new ArgumentException(
                $"result has length {result.Length}, but it must have the length of x, {x.Length}.", nameof(result));
        }

        if (x.Overlaps(result, out int offset) && offset != 0)
        {
            throw new ArgumentException(
                $"result overlaps x shifted by {offset} elements; it may be x itself (in place) or separate memory, nothing between.",
                nameof(result));
        }
    }
}
