namespace Calculus.Checking;

/// <summary>The floating-point format an implementation computes in: IEEE 754 binary64 (C#'s double, numpy's default)
/// or binary32 (float; PyTorch's and JAX's default).</summary>
/// <remarks>
/// <para>Every number of the checks' protocol is a double. A double implementation reads it exactly; a single-precision
/// one rounds it to the nearest float first (relative error ≤ ε/2 = 2^-24, ±∞ beyond float's largest value
/// 3.4028235e38, the float subnormals below 1.1754944e-38) and returns a float, which a double holds exactly.</para>
/// </remarks>
public enum Precision
{
    /// <summary>binary64: ε = 2^-52, subnormal step 2^-1074.</summary>
    Binary64,

    /// <summary>binary32: ε = 2^-23, subnormal step 2^-149.</summary>
    Binary32,
}

/// <summary>The constants of each <see cref="Precision"/>.</summary>
public static class PrecisionExtensions
{
    /// <summary>ε, the spacing of the format's numbers at 1: 2^-52 or 2^-23. Half of it bounds the relative error of one
    /// correctly rounded operation.</summary>
    /// <param name="precision">The format.</param>
    /// <returns>ε.</returns>
    public static double Epsilon(this Precision precision) => precision == Precision.Binary32 ? Tolerances.SingleEpsilon : Tolerances.Epsilon;

    /// <summary>The spacing of the format's subnormal numbers, its smallest positive value: 2^-1074 or 2^-149. Below the
    /// smallest normal value results round on this fixed grid, so relative bounds stop holding there.</summary>
    /// <param name="precision">The format.</param>
    /// <returns>The step.</returns>
    public static double SubnormalStep(this Precision precision) => precision == Precision.Binary32 ? float.Epsilon : double.Epsilon;

    /// <summary>The format's smallest normal value, 2^-1022 or 2^-126: below it relative bounds stop holding, and an
    /// implementation that flushes subnormal results to zero (FTZ: GPUs, fast-math builds) errs by less than it.</summary>
    /// <param name="precision">The format.</param>
    /// <returns>The smallest normal value.</returns>
    public static double MinNormal(this Precision precision) => Math.ScaleB(1.0, precision == Precision.Binary32 ? -126 : -1022);

    /// <summary>A double rounded to the format, as an implementation in it sees the number: itself in double, the
    /// nearest float (±∞ beyond float's range, NaN kept) in single.</summary>
    /// <param name="precision">The format.</param>
    /// <param name="x">The number.</param>
    /// <returns>The number as the format holds it.</returns>
    public static double Round(this Precision precision, double x) => precision == Precision.Binary32 ? (float)x : x;

    /// <summary>The relative error of rounding a double to the format: 0 in double, ε/2 = 2^-24 in single.</summary>
    /// <param name="precision">The format.</param>
    /// <returns>The bound.</returns>
    public static double InputRounding(this Precision precision) => precision == Precision.Binary32 ? Tolerances.SingleEpsilon / 2 : 0;

    /// <summary>"double" or "single".</summary>
    /// <param name="precision">The format.</param>
    /// <returns>The name, as <c>--precision</c> takes it.</returns>
    public static string Name(this Precision precision) => precision == Precision.Binary32 ? "single" : "double";
}
