using System.Runtime.CompilerServices;

namespace Calculus.Internal;

/// <summary>
/// Error-free transformations: a rounded result plus the exact rounding error it dropped.
/// </summary>
/// <remarks>
/// The exponential magnifies the rounding error of its argument: e^(u(1+δ)) = e^u·e^(uδ), a relative error
/// of |u|·δ, about 350 ulp at |u| = 700. Functions whose argument is itself a rounded product or difference
/// (e^(−x²), ln(1 + e^(1−t)), ln(1 + e^(−ya)), e^(a_i − max)) keep the dropped part and apply it as a
/// first-order correction, which is exact to well under one ulp because the dropped part is below half an ulp.
/// </remarks>
internal static class ExactArithmetic
{
    /// <summary>x·y = hi + lo exactly (one fused multiply-add); lo = 0 when hi is not finite.</summary>
    public static (double Hi, double Lo) TwoProduct(double x, double y)
    {
        double hi = x * y;
        if (!double.IsFinite(hi))
        {
            return (hi, 0.0);
        }

        return (hi, Math.FusedMultiplyAdd(x, y, -hi));
    }

    /// <summary>x + y = hi + lo exactly (Knuth's TwoSum); lo = 0 when hi is not finite.</summary>
    public static (double Hi, double Lo) TwoSum(double x, double y)
    {
        double hi = x + y;
        if (!double.IsFinite(hi))
        {
            return (hi, 0.0);
        }

        double yVirtual = hi - x;
        double xVirtual = hi - yVirtual;
        return (hi, (x - xVirtual) + (y - yVirtual));
    }

    /// <summary>x + y = hi + lo lane by lane (Knuth's TwoSum, as the scalar form); lo is NaN where hi is not finite,
    /// and the callers mask it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TwoSum<T>(T x, T y, out T lo)
        where T : struct, ILanes<T>
    {
        var hi = x + y;
        var yVirtual = hi - x;
        var xVirtual = hi - yVirtual;
        lo = (x - xVirtual) + (y - yVirtual);
        return hi;
    }
}
