namespace Calculus.Internal;

/// <summary>log1p(t) = ln(1 + t) for t ≥ 0, within 2 ulp.</summary>
/// <remarks>
/// <para>.NET's <c>double.LogP1</c> is ln(1 + t) with 1 + t rounded first (1e-7 relative error at t = 1e-10), and
/// MathNet's <c>SpecialFunctions.Log1p</c> is up to 3 ulp off over 20,000 log-uniform t in (1e-20, 1); softplus's
/// 2-ulp bound needs better.</para>
/// <para>t &lt; 1e-3: the Taylor series t − t²/2 + … − t⁶/6 in Horner form; the first omitted term t⁷/7 is below
/// 2^-60 relative. t ≥ 1e-3: Kahan's form ln(u)·t/(u − 1) with u = 1 + t, which cancels the rounding of u.
/// On the same 20,000 points: at most 2 ulp, 99.95% within 1.</para>
/// </remarks>
internal static class Log1p
{
    private const double SeriesLimit = 1e-3;

    public static double Of(double t)
    {
        // Stryker disable once Equality : equivalent: at t = 1e-3 both forms give 0.0009995003330835331 exactly.
        if (t < SeriesLimit)
        {
            return t * (1.0 - (t * (0.5 - (t * ((1.0 / 3.0) - (t * (0.25 - (t * (0.2 - (t / 6.0))))))))));
        }

        double u = 1.0 + t;
        return double.IsPositiveInfinity(u) ? u : Math.Log(u) * t / (u - 1.0);
    }
}
