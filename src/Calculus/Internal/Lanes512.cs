using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Calculus.Internal;

/// <summary>Eight doubles, <see cref="Vector512{T}"/> (AVX-512): <see cref="ILanes{TSelf}"/>'s operations, each one
/// instruction or a few.</summary>
internal readonly struct Lanes512(Vector512<double> v) : ILanes<Lanes512>
{
    private readonly Vector512<double> v = v;

    public static int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512<double>.Count;
    }

    public static bool IsHardwareAccelerated
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.IsHardwareAccelerated;
    }

    public static Lanes512 Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Vector512<double>.Zero);
    }

    public static Lanes512 One
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Vector512<double>.One);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Create(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 FromBits(long bits) => new(Vector512.Create(bits).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Create(ReadOnlySpan<double> values) => new(Vector512.Create(values));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Load(ref double source, nuint index) => new(Vector512.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes512 value, ref double target, nuint index) => value.v.StoreUnsafe(ref target, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyTo(Lanes512 value, Span<double> target) => value.v.CopyTo(target);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator +(Lanes512 left, Lanes512 right) => new(left.v + right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator -(Lanes512 left, Lanes512 right) => new(left.v - right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator -(Lanes512 left, double right) => new(left.v - Vector512.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator *(Lanes512 left, Lanes512 right) => new(left.v * right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator *(Lanes512 left, double right) => new(left.v * right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator *(double left, Lanes512 right) => new(left * right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator /(Lanes512 left, Lanes512 right) => new(left.v / right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator /(Lanes512 left, double right) => new(left.v / right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator -(Lanes512 value) => new(-value.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator &(Lanes512 left, Lanes512 right) => new(left.v & right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator ^(Lanes512 left, Lanes512 right) => new(left.v ^ right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 FusedMultiplyAdd(Lanes512 a, Lanes512 b, Lanes512 c) => new(Vector512.FusedMultiplyAdd(a.v, b.v, c.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 FusedMultiplyAdd(Lanes512 a, double b, double c) =>
        new(Vector512.FusedMultiplyAdd(a.v, Vector512.Create(b), Vector512.Create(c)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 FusedMultiplyAdd(Lanes512 a, double b, Lanes512 c) => new(Vector512.FusedMultiplyAdd(a.v, Vector512.Create(b), c.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 ConditionalSelect(Lanes512 mask, Lanes512 ifTrue, Lanes512 ifFalse) =>
        new(Vector512.ConditionalSelect(mask.v, ifTrue.v, ifFalse.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 AndNot(Lanes512 left, Lanes512 right) => new(Vector512.AndNot(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Equal(Lanes512 left, Lanes512 right) => new(Vector512.Equals(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 LessThan(Lanes512 left, Lanes512 right) => new(Vector512.LessThan(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 LessThanOrEqual(Lanes512 left, Lanes512 right) => new(Vector512.LessThanOrEqual(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 GreaterThan(Lanes512 left, Lanes512 right) => new(Vector512.GreaterThan(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 GreaterThanOrEqual(Lanes512 left, Lanes512 right) => new(Vector512.GreaterThanOrEqual(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessThanAll(Lanes512 left, Lanes512 right) => Vector512.LessThanAll(left.v, right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ExtractMostSignificantBits(Lanes512 value) => (uint)value.v.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Abs(Lanes512 value) => new(Vector512.Abs(value.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 CopySign(Lanes512 value, Lanes512 sign) => new(Vector512.CopySign(value.v, sign.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Min(Lanes512 left, Lanes512 right) => new(Vector512.Min(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 MinNative(Lanes512 left, Lanes512 right) => new(Vector512.MinNative(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 MaxNative(Lanes512 left, Lanes512 right) => new(Vector512.MaxNative(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Round(Lanes512 value) => new(Vector512.Round(value.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 AddBits(Lanes512 left, Lanes512 right) => new((left.v.AsInt64() + right.v.AsInt64()).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 SubtractBits(Lanes512 left, Lanes512 right) => new((left.v.AsInt64() - right.v.AsInt64()).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 EqualBits(Lanes512 left, Lanes512 right) => new(Vector512.Equals(left.v.AsInt64(), right.v.AsInt64()).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 ShiftLeftBits(Lanes512 value, int count) => new(Vector512.ShiftLeft(value.v.AsInt64(), count).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 ShiftRightArithmeticBits(Lanes512 value, int count) =>
        new(Vector512.ShiftRightArithmetic(value.v.AsInt64(), count).AsDouble());
}
