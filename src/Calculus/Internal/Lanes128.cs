using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Calculus.Internal;

/// <summary>Two doubles, <see cref="Vector128{T}"/> (SSE2 with FMA3, or ARM64's AdvSimd): <see cref="ILanes{TSelf}"/>'s operations, each one
/// instruction or a few.</summary>
internal readonly struct Lanes128(Vector128<double> v) : ILanes<Lanes128>
{
    private readonly Vector128<double> v = v;

    public static int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128<double>.Count;
    }

    /// <summary>With fused multiply-add in hardware too (x86's FMA3, every Arm64): emulated, it costs more than the scalar
    /// loops.</summary>
    public static bool IsHardwareAccelerated
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128.IsHardwareAccelerated && (Fma.IsSupported || AdvSimd.IsSupported);
    }

    public static Lanes128 Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Vector128<double>.Zero);
    }

    public static Lanes128 One
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Vector128<double>.One);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Create(double value) => new(Vector128.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 FromBits(long bits) => new(Vector128.Create(bits).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Create(ReadOnlySpan<double> values) => new(Vector128.Create(values));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Load(ref double source, nuint index) => new(Vector128.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes128 value, ref double target, nuint index) => value.v.StoreUnsafe(ref target, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyTo(Lanes128 value, Span<double> target) => value.v.CopyTo(target);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator +(Lanes128 left, Lanes128 right) => new(left.v + right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator -(Lanes128 left, Lanes128 right) => new(left.v - right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator -(Lanes128 left, double right) => new(left.v - Vector128.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator *(Lanes128 left, Lanes128 right) => new(left.v * right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator *(Lanes128 left, double right) => new(left.v * right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator *(double left, Lanes128 right) => new(left * right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator /(Lanes128 left, Lanes128 right) => new(left.v / right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator /(Lanes128 left, double right) => new(left.v / right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator -(Lanes128 value) => new(-value.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator &(Lanes128 left, Lanes128 right) => new(left.v & right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator ^(Lanes128 left, Lanes128 right) => new(left.v ^ right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 FusedMultiplyAdd(Lanes128 a, Lanes128 b, Lanes128 c) => new(Vector128.FusedMultiplyAdd(a.v, b.v, c.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 FusedMultiplyAdd(Lanes128 a, double b, double c) =>
        new(Vector128.FusedMultiplyAdd(a.v, Vector128.Create(b), Vector128.Create(c)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 FusedMultiplyAdd(Lanes128 a, double b, Lanes128 c) => new(Vector128.FusedMultiplyAdd(a.v, Vector128.Create(b), c.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 ConditionalSelect(Lanes128 mask, Lanes128 ifTrue, Lanes128 ifFalse) =>
        new(Vector128.ConditionalSelect(mask.v, ifTrue.v, ifFalse.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 AndNot(Lanes128 left, Lanes128 right) => new(Vector128.AndNot(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Equal(Lanes128 left, Lanes128 right) => new(Vector128.Equals(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 LessThan(Lanes128 left, Lanes128 right) => new(Vector128.LessThan(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 LessThanOrEqual(Lanes128 left, Lanes128 right) => new(Vector128.LessThanOrEqual(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 GreaterThan(Lanes128 left, Lanes128 right) => new(Vector128.GreaterThan(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 GreaterThanOrEqual(Lanes128 left, Lanes128 right) => new(Vector128.GreaterThanOrEqual(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessThanAll(Lanes128 left, Lanes128 right) => Vector128.LessThanAll(left.v, right.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ExtractMostSignificantBits(Lanes128 value) => value.v.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Abs(Lanes128 value) => new(Vector128.Abs(value.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 CopySign(Lanes128 value, Lanes128 sign) => new(Vector128.CopySign(value.v, sign.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Min(Lanes128 left, Lanes128 right) => new(Vector128.Min(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 MinNative(Lanes128 left, Lanes128 right) => new(Vector128.MinNative(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 MaxNative(Lanes128 left, Lanes128 right) => new(Vector128.MaxNative(left.v, right.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Round(Lanes128 value) => new(Vector128.Round(value.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 AddBits(Lanes128 left, Lanes128 right) => new((left.v.AsInt64() + right.v.AsInt64()).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 SubtractBits(Lanes128 left, Lanes128 right) => new((left.v.AsInt64() - right.v.AsInt64()).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 EqualBits(Lanes128 left, Lanes128 right) => new(Vector128.Equals(left.v.AsInt64(), right.v.AsInt64()).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 ShiftLeftBits(Lanes128 value, int count) => new(Vector128.ShiftLeft(value.v.AsInt64(), count).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 ShiftRightArithmeticBits(Lanes128 value, int count) =>
        new(Vector128.ShiftRightArithmetic(value.v.AsInt64(), count).AsDouble());
}
