namespace Calculus;

/// <summary>The sinusoid activation f(x) = sin(x) (sheet 2f).</summary>
/// <remarks>
/// <para>Range: f(ℝ) = [−1, 1], both ends attained (at x = ±π/2 + 2kπ); odd; 2π-periodic; not monotone;
/// 1-Lipschitz.</para>
/// <para>Derivative: f'(x) = cos(x), in [−1, 1], even.</para>
/// <para>Arguments of any size are reduced exactly by the platform's sin and cos (sin(1e300) is correct), but
/// for |x| beyond about 2^53 consecutive doubles are more than 2π apart, so the values carry no useful shape.</para>
/// <para>Special values: f(0) = 0, f'(0) = 1; f(±∞) and f'(±∞) are NaN (no limit exists); NaN gives NaN.</para>
/// </remarks>
public static class Sinusoid
{
    /// <summary>f(x) = sin(x).</summary>
    /// <param name="x">The argument; any double.</param>
    /// <returns>sin(x) in [−1, 1]; NaN for NaN and ±∞.</returns>
    public static double Value(double x) => Math.Sin(x);

    /// <summary>f'(x) = cos(x).</summary>
    /// <param name="x">The argument; any double.</param>
    /// <returns>cos(x) in [−1, 1]; NaN for NaN and ±∞.</returns>
    public static double Derivative(double x) => Math.Cos(x);
}
