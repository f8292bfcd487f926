using System.Runtime.CompilerServices;

namespace Calculus.Internal;

/// <summary>A hardware vector of doubles of one width (<see cref="Lanes128"/>, <see cref="Lanes256"/>,
/// <see cref="Lanes512"/>), with the operations the vector kernels use; each kernel is written once, generic over
/// its lanes type, and compiled by the JIT for each width.</summary>
/// <remarks>
/// <para>Every operation acts lane by lane with IEEE rounding, so a lane's result does not depend on the width: a
/// kernel gives the same bits for an element at every width (tested in <c>tests/Examples/LaneWidthExamples</c>).</para>
/// <para>Masks (the comparisons) have every bit of a lane set where the comparison holds. The <c>…Bits</c> operations
/// read each lane's 64 bits as a two's-complement integer, for exponent arithmetic (2^k) and quadrant numbers.</para>
/// <para>The implementations mark every member <c>AggressiveInlining</c>: in a kernel of a few hundred operations the
/// JIT's inlining budget runs out, and past it even an addition became a call (measured: sin at 512 bits).</para>
/// </remarks>
/// <typeparam name="TSelf">The lanes type itself.</typeparam>
internal interface ILanes<TSelf>
    where TSelf : struct, ILanes<TSelf>
{
    /// <summary>The number of doubles.</summary>
    static abstract int Count { get; }

    /// <summary>Whether the host runs this width in hardware; kernels take the widest one that it does.</summary>
    static abstract bool IsHardwareAccelerated { get; }

    /// <summary>Every lane +0.</summary>
    static abstract TSelf Zero { get; }

    /// <summary>Every lane 1.</summary>
    static abstract TSelf One { get; }

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TSelf Create(double value);

    /// <summary>Every lane the 64 bits of <paramref name="bits"/>.</summary>
    static abstract TSelf FromBits(long bits);

    /// <summary>The first <see cref="Count"/> values of <paramref name="values"/>.</summary>
    static abstract TSelf Create(ReadOnlySpan<double> values);

    /// <summary>The <see cref="Count"/> values from <paramref name="source"/> + <paramref name="index"/>.</summary>
    static abstract TSelf Load(ref double source, nuint index);

    /// <summary>Writes the lanes to <paramref name="target"/> + <paramref name="index"/>.</summary>
    static abstract void Store(TSelf value, ref double target, nuint index);

    /// <summary>Writes the lanes to the first <see cref="Count"/> places of <paramref name="target"/>.</summary>
    static abstract void CopyTo(TSelf value, Span<double> target);

    static abstract TSelf operator +(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf left, double right);

    static abstract TSelf operator *(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, double right);

    static abstract TSelf operator *(double left, TSelf right);

    static abstract TSelf operator /(TSelf left, TSelf right);

    static abstract TSelf operator /(TSelf left, double right);

    static abstract TSelf operator -(TSelf value);

    static abstract TSelf operator &(TSelf left, TSelf right);

    static abstract TSelf operator ^(TSelf left, TSelf right);

    /// <summary>a·b + c rounded once.</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, TSelf b, TSelf c);

    /// <summary>a·b + c rounded once, b and c in every lane.</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, double b, double c);

    /// <summary>a·b + c rounded once, b in every lane.</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, double b, TSelf c);

    /// <summary>Where a lane of <paramref name="mask"/> is set, <paramref name="ifTrue"/>'s lane; elsewhere
    /// <paramref name="ifFalse"/>'s.</summary>
    static abstract TSelf ConditionalSelect(TSelf mask, TSelf ifTrue, TSelf ifFalse);

    /// <summary>left &amp; ~right, bit by bit.</summary>
    static abstract TSelf AndNot(TSelf left, TSelf right);

    static abstract TSelf Equal(TSelf left, TSelf right);

    static abstract TSelf LessThan(TSelf left, TSelf right);

    static abstract TSelf LessThanOrEqual(TSelf left, TSelf right);

    static abstract TSelf GreaterThan(TSelf left, TSelf right);

    static abstract TSelf GreaterThanOrEqual(TSelf left, TSelf right);

    /// <summary>Whether every lane of <paramref name="left"/> is below <paramref name="right"/>'s (false for NaN).</summary>
    static abstract bool LessThanAll(TSelf left, TSelf right);

    /// <summary>Bit i set where lane i's sign bit is (a mask's lanes: where it holds).</summary>
    static abstract uint ExtractMostSignificantBits(TSelf value);

    static abstract TSelf Abs(TSelf value);

    static abstract TSelf CopySign(TSelf value, TSelf sign);

    /// <summary>The IEEE minimum (NaN if either is NaN; −0 below +0).</summary>
    static abstract TSelf Min(TSelf left, TSelf right);

    /// <summary>The platform's minimum: which operand a NaN or a pair of zeros gives is not specified.</summary>
    static abstract TSelf MinNative(TSelf left, TSelf right);

    /// <summary>The platform's maximum: which operand a NaN or a pair of zeros gives is not specified.</summary>
    static abstract TSelf MaxNative(TSelf left, TSelf right);

    /// <summary>To the nearest integer, ties to even.</summary>
    static abstract TSelf Round(TSelf value);

    static abstract TSelf AddBits(TSelf left, TSelf right);

    static abstract TSelf SubtractBits(TSelf left, TSelf right);

    static abstract TSelf EqualBits(TSelf left, TSelf right);

    static abstract TSelf ShiftLeftBits(TSelf value, int count);

    static abstract TSelf ShiftRightArithmeticBits(TSelf value, int count);
}

/// <summary>Helpers over any <see cref="ILanes{TSelf}"/> width.</summary>
internal static class Lanes
{
    /// <summary>Fewer than <c>TLanes.Count</c> values in the low lanes, zeros above.</summary>
    public static TLanes LoadPadded<TLanes>(ReadOnlySpan<double> part)
        where TLanes : struct, ILanes<TLanes>
    {
        Span<double> buffer = stackalloc double[TLanes.Count];
        buffer.Clear();
        part.CopyTo(buffer);
        return TLanes.Create(buffer);
    }

    /// <summary>f of each lane, one at a time (for the lanes a vector kernel does not cover).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TLanes Each<TLanes>(TLanes x, Func<double, double> f)
        where TLanes : struct, ILanes<TLanes>
    {
        Span<double> buffer = stackalloc double[TLanes.Count];
        TLanes.CopyTo(x, buffer);
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = f(buffer[i]);
        }

        return TLanes.Create(buffer);
    }

    /// <summary>value, or x where x is NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes KeepNaN<TLanes>(TLanes x, TLanes value)
        where TLanes : struct, ILanes<TLanes> =>
        TLanes.ConditionalSelect(TLanes.Equal(x, x), value, x);
}
