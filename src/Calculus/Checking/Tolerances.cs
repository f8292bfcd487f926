namespace Calculus.Checking;

/// <summary>Every constant of the gradient check's error model, each derived from the error of its oracle.</summary>
/// <remarks>
/// <para>A check passes when |analytic − numeric| ≤ tolerance. A central difference with step h errs by truncation plus
/// rounding: h²|f'''|/6 + ε|f|/h for 3 points, h⁴|f⁽⁵⁾|/30 + 1.5ε|f|/h for 5 points, plus the rounding of the stencil
/// points x ± kh. The numeric value is the 5-point D5 at step h5/2; its truncation error is estimated by Richardson from
/// the same stencil at h5 (the error scales as h⁴, so |D5(h5) − D5(h5/2)| ≈ 15× the error of D5(h5/2)):</para>
/// <code>
/// tolerance = TruncationSafety · |D5(h5) − D5(h5/2)|                       (truncation, estimated)
///           + FivePointWeight · EvaluationUlps · (ε·S + 2^-1074) / (h5/2)    (rounding of f, S = max |f| on the stencils)
///           + (StencilRounding · ε · |x| / (h5/2) + AnalyticUlps · ε) · max(|analytic|, |numeric|)
///           + AnalyticUlps · ε · n · Σ|g_k v_k|                              (directional checks only)
/// </code>
/// <para>The 3-point D3 (step <see cref="ThreePointStep"/>) is the independent cross-check: where |D3 − D5| exceeds
/// its own error bound by far, f is not smooth across the stencils and the check fails as unreliable rather than
/// passing on an inflated tolerance.</para>
/// <para>No constant was tuned to make a test pass; each follows from the oracle's error bound as its comment says.</para>
/// </remarks>
public static class Tolerances
{
    /// <summary>ε = 2^-52, the spacing of doubles at 1.</summary>
    public const double Epsilon = 2.220446049250313e-16;

    /// <summary>The 3-point step, 2^-17 ≈ 7.6e-6: the power of 2 nearest ε^(1/3) = 6.1e-6, which minimises
    /// h²|f'''|/6 + ε|f|/h for |f'''| ≈ |f|. Absolute, so the stencil does not stretch with |x|.</summary>
    public const double ThreePointStep = 1.0 / (1 << 17);

    /// <summary>The coarser 5-point step h5 = 2^-11 ≈ 4.9e-4 (the numeric value uses h5/2 = 2^-12 ≈ 2.4e-4). Below the
    /// optimum ε^(1/5) ≈ 7e-4 for |f⁽⁵⁾| ≈ |f|, because the network losses vary faster (|f⁽⁵⁾| up to ~1e5|f| at weight
    /// scale 3): at h5/2, h⁴/30 = 1.2e-16, so truncation stays below the 1.1e-11·S rounding term even then.</summary>
    public const double FivePointStep = 1.0 / (1 << 11);

    /// <summary>Safety factor on the Richardson estimate: for a smooth f, D5(h) − D5(h/2) = (15/16)·C·h⁴ while the
    /// error of D5(h/2) is C·h⁴/16, 1/15 of the difference; 2 leaves a factor 30 for higher-order terms.</summary>
    public const double TruncationSafety = 2.0;

    /// <summary>The library's accuracy per evaluation of f: values within 2 ulp (tanh 3), network losses a few ulp more
    /// from their sums. 8 ulp bounds each f(x ± kh) the stencils use.</summary>
    public const double EvaluationUlps = 8.0;

    /// <summary>Σ|c_k| of the 5-point first-derivative stencil (1, −8, 8, −1)/12: 18/12 = 1.5. The rounding error of D5
    /// is at most this times the error of one f value, divided by h.</summary>
    public const double FivePointWeight = 1.5;

    /// <summary>x ± kh rounds to within ε|x|/2 each; through the stencil weights (1.5) that is a relative error of at
    /// most 0.75·ε|x|/h in D5. Rounded up to 1.</summary>
    public const double StencilRounding = 1.0;

    /// <summary>The analytic derivative's own error: 4 ulp for the scalar derivatives; 16 covers the products and sums
    /// of the network gradient, per term of a directional dot product.</summary>
    public const double AnalyticUlps = 16.0;

    /// <summary>|D3 − D5| may be as large as D3's own error, h3²|f'''|/6 + ε|f|/h3 ≈ 1e-11|f'''| + 2.3e-10|f| with
    /// 8-ulp values; a difference above this fraction of max(S, |D5|) (plus D3's rounding bound) is far beyond that for
    /// any smooth f here: a kink within the stencil, or a jump. The oracle is then unreliable.</summary>
    public const double OracleReliability = 1e-6;

    /// <summary>The complex step h = 1e-20: Im f(x + ih)/h = f'(x) − h²f'''(x)/6 + …, a truncation error of 1e-40
    /// relative, and no subtraction, so no cancellation.</summary>
    public const double ComplexStep = 1e-20;

    /// <summary>Complex-step tolerance, relative: Im f(x + ih) passes through ≤ 8 complex operations of ≤ 4 ulp each
    /// (≈ 32 ulp) and the analytic value carries ≤ 4 ulp more: 64ε ≈ 1.4e-14. Directional checks add 2nε·Σ|g_k v_k|
    /// for the dot product and the complex sum (Higham's bound), since both round relative to their terms.</summary>
    public const double ComplexStepUlps = 64.0;

    /// <summary>The affine map is linear, so its finite differences are exact up to rounding: the 3-point quotient of
    /// a linear function has no truncation error, only 2·ulp(u)/2h from the two rounded values. With 4 ulp per value:
    /// 4ε·|u|/h.</summary>
    public const double LinearUlps = 4.0;
}
