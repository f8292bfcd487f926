using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Calculus.Internal;

/// <summary>An element-wise function with a vector form, for <see cref="SpanMap"/>.</summary>
/// <remarks>A struct, so that <see cref="SpanMap.Apply{TFunction}"/> is compiled once per function and width with the
/// calls inlined; its fields carry parameters such as PLU's α and c. Implementations mark the vector form
/// <c>AggressiveInlining</c>: the JIT does not inline a kernel that large by itself, and a call per vector passes the
/// lanes through memory (measured: tanh at 512 bits 2.8 times slower).</remarks>
internal interface IElementwise
{
    /// <summary>The function of every lane at once, at any width.</summary>
    T Of<T>(T x)
        where T : struct, ILanes<T>;

    /// <summary>The function of one value, for machines without hardware vectors.</summary>
    double Of(double x);
}

/// <summary>Applies an element-wise function to a span, a vector of the widest width the host runs in hardware at a
/// time.</summary>
/// <remarks>
/// <para>Every element goes through the vector form, the last partial group too (padded with zeros in a buffer on the
/// stack), so the result for a value does not depend on its position or on the length of the span; and since the
/// vector forms compute each lane alike at every width, not on the width either (512, 256 or 128 bits, whichever the
/// host accelerates first, as TensorPrimitives chooses). Without hardware vectors and fused multiply-add (where the
/// vector forms would be emulated one lane at a time, slower than the scalar loop) the scalar form runs instead; both
/// keep the same ulp bound.</para>
/// <para>result may be x itself (in place); any other overlap would overwrite values before they are read, and is
/// refused, as TensorPrimitives refuses it.</para>
/// </remarks>
internal static class SpanMap
{
    /// <summary>The bits of the vectors the span paths use on this host: 512, 256 or 128, the widest it runs in
    /// hardware with fused multiply-add; 0 where it runs none, and the scalar loops run.</summary>
    internal static int Width
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // a constant once inlined: Apply compiles only the width taken
        get => Lanes512.IsHardwareAccelerated ? 512 : Lanes256.IsHardwareAccelerated ? 256 : Lanes128.IsHardwareAccelerated ? 128 : 0;
    }

    public static void Apply<TFunction>(ReadOnlySpan<double> x, Span<double> result, TFunction function = default)
        where TFunction : struct, IElementwise
    {
        CheckShapes(x, result);
        switch (Width)
        {
            case 512:
                Map<TFunction, Lanes512>(x, result, function);
                break;
            case 256:
                Map<TFunction, Lanes256>(x, result, function);
                break;
            case 128:
                Map<TFunction, Lanes128>(x, result, function);
                break;
            default:
                for (int k = 0; k < x.Length; k++)
                {
                    result[k] = function.Of(x[k]);
                }

                break;
        }
    }

    /// <summary>result[i] = f(x[i]) with lanes of type T, whether or not the host accelerates them (the shapes
    /// already checked); <see cref="Apply{TFunction}"/> picks T, and the tests run every width.</summary>
    internal static void Map<TFunction, T>(ReadOnlySpan<double> x, Span<double> result, TFunction function)
        where TFunction : struct, IElementwise
        where T : struct, ILanes<T>
    {
        ref double source = ref MemoryMarshal.GetReference(x);
        ref double target = ref MemoryMarshal.GetReference(result);
        int n = x.Length;
        Span<double> buffer = stackalloc double[T.Count];
        for (int i = 0; i < n; i += T.Count)
        {
            // One call of the kernel in the method: the JIT inlines it once, within its budget of locals (the sine's
            // two kernels, inlined four times, exceeded it and left even additions as calls). In place (result = x)
            // each group is loaded before it is stored, element for element.
            bool whole = n - i >= T.Count; // not i + Count <= n, which overflows for a span near int.MaxValue long
            var group = whole ? T.Load(ref source, (nuint)i) : Lanes.LoadPadded<T>(x[i..]);
            var value = function.Of(group);
            if (whole)
            {
                T.Store(value, ref target, (nuint)i);
            }
            else
            {
                T.CopyTo(value, buffer);
                buffer[..(n - i)].CopyTo(result[i..]);
            }
        }
    }

    /// <summary>result[i] = f(x[i]) one element at a time, for functions without a vector form; the same shape
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
