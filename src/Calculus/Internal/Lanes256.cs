using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Calculus.Internal;

/// <summary>Four doubles, <see cref="Vector256{T}"/> (AVX2): <see cref="ILanes{TSelf}"/>'s operations, each one
/// instruction or a few.</summary>
internal readonly struct Lanes256(Vector256<double> v) : ILanes<Lanes256>
{
    private readonly Vector256<double> v = v;

    public static int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256<double>.Count;
    }

    /// <summary>With fused multiply-add in hardware too (FMA3): emulated, it costs more than the scalar loops.</summary>
    public static bool IsHardwareAccelerated
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.IsHardwareAccelerated && Fma.IsSupported;
    }

    public static Lanes256 Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Vector256<double>.Zero);
    }

    public static Lanes256 One
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Vector256<double>.One);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Create(double value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 FromBits(long bits) => new(Vector256.Create(bits).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Create(ReadOnlySpan<double> values) => new(Vector256.Create(values));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Load(ref double source, nuint index) => new(Vector256.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes256 value, ref double target, nuint index) => value.v.StoreUnsafe(ref target, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyTo(Lanes256 value, Span<double> target) => value.v.CopyTo(target);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator +(Lanes256 left, Lanes256 right) => new(left.v + right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator -(Lanes256 left, Lanes256 right) => new(left.v - right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator -(Lanes256 left, double right) => new(left.v - Vector256.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator *(Lanes256 left, Lanes256 right) => new(left.v * right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator *(Lanes256 left, double right) => new(left.v * right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator *(double left, Lanes256 right) => new(left * right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator /(Lanes256 left, Lanes256 right) => new(left.v / right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator /(Lanes256 left, double right) => new(left.v / right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator -(Lanes256 value) => new(-value.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator &(Lanes256 left, Lanes256 right) => new(left.v & right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator ^(Lanes256 left, Lanes256 right) => new(left.v ^ right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 FusedMultiplyAdd(Lanes256 a, Lanes256 b, Lanes256 c) => new(Vector256.FusedMultiplyAdd(a.v, b.v, c.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 FusedMultiplyAdd(Lanes256 a, double b, double c) =>
        new(Vector256.FusedMultiplyAdd(a.v, Vector256.Create(b), Vector256.Create(c)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 FusedMultiplyAdd(Lanes256 a, double b, Lanes256 c) => new(Vector256.FusedMultiplyAdd(a.v, Vector256.Create(b), c.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 ConditionalSelect(Lanes256 mask, Lanes256 ifTrue, Lanes256 ifFalse) =>
        new(Vector256.ConditionalSelect(mask.v, ifTrue.v, ifFalse.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 AndNot(Lanes256 left, Lanes256 right) => new(Vector256.AndNot(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Equal(Lanes256 left, Lanes256 right) => new(Vector256.Equals(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 LessThan(Lanes256 left, Lanes256 right) => new(Vector256.LessThan(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 LessThanOrEqual(Lanes256 left, Lanes256 right) => new(Vector256.LessThanOrEqual(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 GreaterThan(Lanes256 left, Lanes256 right) => new(Vector256.GreaterThan(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 GreaterThanOrEqual(Lanes256 left, Lanes256 right) => new(Vector256.GreaterThanOrEqual(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessThanAll(Lanes256 left, Lanes256 right) => Vector256.LessThanAll(left.v, right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ExtractMostSignificantBits(Lanes256 value) => value.v.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Abs(Lanes256 value) => new(Vector256.Abs(value.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 CopySign(Lanes256 value, Lanes256 sign) => new(Vector256.CopySign(value.v, sign.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Min(Lanes256 left, Lanes256 right) => new(Vector256.Min(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 MinNative(Lanes256 left, Lanes256 right) => new(Vector256.MinNative(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 MaxNative(Lanes256 left, Lanes256 right) => new(Vector256.MaxNative(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Round(Lanes256 value) => new(Vector256.Round(value.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 AddBits(Lanes256 left, Lanes256 right) => new((left.v.AsInt64() + right.v.AsInt64()).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 SubtractBits(Lanes256 left, Lanes256 right) => new((left.v.AsInt64() - right.v.AsInt64()).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 EqualBits(Lanes256 left, Lanes256 right) => new(Vector256.Equals(left.v.AsInt64(), right.v.AsInt64()).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 ShiftLeftBits(Lanes256 value, int count) => new(Vector256.ShiftLeft(value.v.AsInt64(), count).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 ShiftRightArithmeticBits(Lanes256 value, int count) =>
        new(Vector256.ShiftRightArithmetic(value.v.AsInt64(), count).AsDouble());
}
