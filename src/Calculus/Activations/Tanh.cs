namespace Calculus;

/// <summary>The hyperbolic tangent tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)) (sheet 2a).</summary>
/// <remarks>
/// <para>Range: tanh(ℝ) = (−1, 1); odd, strictly increasing, 1-Lipschitz. In double it rounds to ±1 from
/// |x| ≥ 19.0616 (above 55·ln 2 / 2 = 19.06154…).</para>
/// <para>Derivative: tanh'(x) = 1 − tanh²(x) = sech²(x), in (0, 1], even, maximum 1 at 0.</para>
/// <para>Special values: tanh(0) = 0, tanh'(0) = 1; tanh(±∞) = ±1, tanh'(±∞) = 0; NaN gives NaN.</para>
/// </remarks>
public static class Tanh
{
    /// <summary>tanh(x).</summary>
    /// <param name="x">The argument; any double.</param>
    /// <returns>tanh(x) in [−1, 1]; NaN for NaN.</returns>
    public static double Value(double x) => Math.Tanh(x);

    /// <summary>tanh'(x) = sech²(x) = 1/cosh²(x) = 4e^(−2|x|) / (1 + e^(−2|x|))².</summary>
    /// <remarks>
    /// Not 1 − tanh²(x): that is exactly 0 from |x| ≥ 19.06 and 1.7e-4 off (relative) at 15. 1/cosh² for |x| &lt; 20
    /// (≤ 1 exactly); beyond, (1 + e^(−2|x|))² rounds to 1, so (2e^(−|x|))², subnormal results included.
    /// Accurate to 4 ulp everywhere.
    /// </remarks>
    /// <param name="x">The argument; any double.</param>
    /// <returns>tanh'(x) in [0, 1]; 0 at ±∞; NaN for NaN.</returns>
    public static double Derivative(double x)
    {
        double ax = Math.Abs(x);
        // Stryker disable once Equality : equivalent: at |x| = 20 both forms give 1.6993417021166355e-17 exactly.
        if (ax < Sigmoid.CoshLimit)
        {
            // cosh ≥ 1 in double, so this stays ≤ 1 (the exponential form can round one ulp above 1 near 0).
            double c = Math.Cosh(x);
            return 1.0 / (c * c);
        }

        // From |x| = 20 on, e^(−2|x|) < 2^-57, so (1 + e^(−2|x|))² rounds to 1 and sech² = (2e^(−|x|))²: one exponential,
        // squared once, also where the result is subnormal (≤ 1.9 ulp against mpmath on 25,000 points in [20, 400]).
        double sech = 2.0 * Math.Exp(-ax);
        return sech * sech;
    }
}
