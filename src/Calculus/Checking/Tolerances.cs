namespace Calculus.Checking;

/// <summary>Every constant of the checks' error model, each derived from the error of its oracle or from the
/// conditioning of the quantity checked.</summary>
/// <remarks>
/// <para><b>Two sides, two errors.</b> A check compares an analytic value with an oracle. It fails only when
/// |analytic − oracle| exceeds the sum of two bounds: how far <i>any</i> backward-stable implementation of the analytic
/// value may be from the exact one (its conditioning, <see cref="ElementaryError"/> and
/// <see cref="NetworkErrorBounds"/>: c·ε·(the sum of the magnitudes of the terms that form it) plus the rounding of its
/// inputs carried through), and how far the oracle may be (truncation and rounding, below). Neither bound comes from the
/// analytic value alone, so a sum that cancels (∂L/∂x = Wᵀg) or an exponential of a rounded argument (σ'(334)) keeps the
/// tolerance its terms need.</para>
/// <para><b>Central differences.</b> With step h, the 5-point D5 errs by h⁴|f⁽⁵⁾|/30 + 1.5·N/h, N the noise of the
/// values of f (their rounding). The numeric value is D5 at h5/2; its truncation error is estimated by Richardson from
/// the same stencil at h5 and h5/4 (the error scales as h⁴, so |D5(h5) − D5(h5/2)| ≈ 16·|D5(h5/2) − D5(h5/4)| ≈ 15× the
/// error of D5(h5/2); the larger of the two is kept, the finer one less the rounding of its two values, R(h)):</para>
/// <code>
/// tolerance = TruncationSafety · max(|D5(h5) − D5(h5/2)|,
///                 FivePointOrderRatio · (|D5(h5/2) − D5(h5/4)| − R(h5/2) − R(h5/4)))   (truncation, estimated)
///           + FivePointWeight · N / (h5/2)                              (noise of f: its running error bound)
///           + StencilRounding · ε · |x| / (h5/2) · max(|analytic|, |numeric|)
///           + the analytic value's own error bound
/// </code>
/// <para>The 3-point D3 at h5·<see cref="CrossCheckRatio"/> is the independent cross-check: where |D3 − D5| exceeds its
/// own error bound by far, f is not smooth across the stencils. The check then tries a finer step (h5 divided by
/// <see cref="StepRefinement"/>, up to <see cref="StepLevels"/> steps), and is <i>inconclusive</i> if no step is
/// reliable, never a failure: an oracle that cannot decide says so.</para>
/// <para>No constant was tuned to make a test pass; each follows from an error bound as its comment says.</para>
/// </remarks>
public static class Tolerances
{
    /// <summary>ε = 2^-52, the spacing of doubles at 1.</summary>
    internal const double Epsilon = 2.220446049250313e-16;

    /// <summary>ε of single precision, 2^-23 ≈ 1.19e-7, the spacing of floats at 1 (<see cref="Precision.Binary32"/>).</summary>
    internal const double SingleEpsilon = 1.1920928955078125e-7;

    /// <summary>The 3-point step of the first level, 2^-17 ≈ 7.6e-6: the power of 2 nearest ε^(1/3) = 6.1e-6, which
    /// minimises h²|f'''|/6 + ε|f|/h for |f'''| ≈ |f|. Absolute, so the stencil does not stretch with |x|.</summary>
    internal const double ThreePointStep = 1.0 / (1 << 17);

    /// <summary>The 3-point step as a fraction of the 5-point step h5 at every level: 2^-17 / 2^-11 = 2^-6.</summary>
    internal const double CrossCheckRatio = ThreePointStep / FivePointStep;

    /// <summary>The coarser 5-point step h5 = 2^-11 ≈ 4.9e-4 of the first level (the numeric value uses h5/2 = 2^-12 ≈
    /// 2.4e-4). Below the optimum ε^(1/5) ≈ 7e-4 for |f⁽⁵⁾| ≈ |f|, because the network losses vary faster (|f⁽⁵⁾| up to
    /// ~1e5|f| at weight scale 3): at h5/2, h⁴/30 = 1.2e-16, so truncation stays below the 1.1e-11·S rounding term even
    /// then.</summary>
    internal const double FivePointStep = 1.0 / (1 << 11);

    /// <summary>Each finer level divides both steps by 8 = 2³: truncation falls by 8⁴ = 4096 while the rounding term
    /// grows by 8, so one level suffices for a function that varies 8× faster than the first step assumes (a network at
    /// weight scale 50 with the sinusoid), and no level is skipped in between.</summary>
    internal const double StepRefinement = 8.0;

    /// <summary>Three levels: h5 = 2^-11, 2^-14, 2^-17. The finest D3 step is then 2^-23 ≈ 1.2e-7, still 5·10⁸ ulp of
    /// an |x| ≤ 1 argument, so the stencil points stay distinct at every |x| ≤ 1e3 the checks use.</summary>
    internal const int StepLevels = 3;

    /// <summary>2⁴ = 16: halving the step divides the 5-point truncation error by 16, so the Richardson difference at
    /// h/2, h/4 is 1/16 of the one at h, h/2 in the h⁴ regime. Outside that regime (a coarse stencil that sweeps through
    /// a region where f bends, such as a margin crossing the logistic loss's curvature) the coarse difference can come
    /// out far too small by chance; the finer one, scaled by this ratio, still bounds the error, and the larger of the
    /// two is kept (row <c>GradcheckRegressionTests.SinusoidNetwork_AtWeightScale1000_ItsRightGradientPasses</c>).</summary>
    internal const double FivePointOrderRatio = 16.0;

    /// <summary>Safety factor on the Richardson estimate: for a smooth f, D5(h) − D5(h/2) = (15/16)·C·h⁴ while the
    /// error of D5(h/2) is C·h⁴/16, 1/15 of the difference; 2 leaves a factor 30 for higher-order terms.</summary>
    internal const double TruncationSafety = 2.0;

    /// <summary>An estimated truncation error above this fraction of the derivative makes a passing comparison
    /// meaningless (a factor-2 or sign mistake of a derivative that small could hide under it): the check is then
    /// inconclusive. 1e-2 sits far above any level the step selection accepts for a smooth f (≤ 1e-8 relative) and far
    /// below the ≥ 1e-1 relative difference of every wrong formula the suite knows.</summary>
    internal const double TruncationLimit = 1e-2;

    /// <summary>The library's accuracy per evaluation of f: values within 2 ulp (tanh 3), network losses a few ulp more
    /// from their sums. 8 ulp bounds each f(x ± kh) the stencils use, where no running error bound is given.</summary>
    internal const double EvaluationUlps = 8.0;

    /// <summary>Σ|c_k| of the 5-point first-derivative stencil (1, −8, 8, −1)/12: 18/12 = 1.5. The rounding error of D5
    /// is at most this times the error of one f value, divided by h.</summary>
    internal const double FivePointWeight = 1.5;

    /// <summary>x ± kh rounds to within ε|x|/2 each; through the stencil weights (1.5) that is a relative error of at
    /// most 0.75·ε|x|/h in D5. Rounded up to 1.</summary>
    internal const double StencilRounding = 1.0;

    /// <summary>The analytic derivative's own error where no running error bound is given: 4 ulp for the scalar
    /// derivatives; 16 covers the products and sums of a short chain, per term of a directional dot product.</summary>
    internal const double AnalyticUlps = 16.0;

    /// <summary>|D3 − D5| may be as large as D3's own error, h3²|f'''|/6 + ε|f|/h3 ≈ 1e-11|f'''| + 2.3e-10|f| with
    /// 8-ulp values at the first level; a difference above this fraction of max(S, |D5|) (plus D3's rounding bound) is
    /// far beyond that for any smooth f here: a kink within the stencil, a jump, or noise above the stated bound. The
    /// oracle is then unreliable at that step.</summary>
    internal const double OracleReliability = 1e-6;

    /// <summary>The complex step h = 1e-20: Im f(x + ih)/h = f'(x) − h²f'''(x)/6 + …, a truncation error of 1e-40
    /// relative, and no subtraction, so no cancellation.</summary>
    internal const double ComplexStep = 1e-20;

    /// <summary>Complex-step tolerance, relative: Im f(x + ih) passes through ≤ 8 complex operations of ≤ 4 ulp each
    /// (≈ 32 ulp) and the analytic value carries ≤ 4 ulp more: 64ε ≈ 1.4e-14. Directional checks add 2nε·Σ|g_k v_k|
    /// for the dot product and the complex sum (Higham's bound), since both round relative to their terms.</summary>
    internal const double ComplexStepUlps = 64.0;

    /// <summary>Where Im f(x + ih) falls below the smallest normal double (|f'| ≲ 1e-288), each operation rounds it onto
    /// the subnormal grid, 2^-1074 apart: ≤ 2^-1075 per rounding, /h in the derivative. For the
    /// <see cref="ComplexStepUlps"/> = 64 roundings the relative term already allows: 64·2^-1075/1e-20 ≈ 1.6e-302, doubled
    /// for the roundings of intermediate imaginary parts the later factors carry (weights ≤ 1e2): 64·2^-1074/h ≈ 3.2e-302,
    /// an absolute floor far below any derivative a wrong formula would give instead of a right one.</summary>
    internal const double ComplexStepSubnormal = ComplexStepUlps * double.Epsilon / ComplexStep;

    /// <summary>Below this |Im f(x + ih)| = 2^-970 the complex step is inconclusive. An intermediate imaginary part m
    /// below the smallest normal 2^-1022 is rounded on the subnormal grid (error ≤ 2^-1075, relative 2^-1075/m), and the
    /// later factors F of the chain (weights, inputs, the loss's derivative) carry that relative error into Im f = m·F.
    /// For |Im f| ≥ 2^-970 with m &lt; 2^-1022 it takes F &gt; 2^52, and the relative error 2^-1075·F/|Im f| stays ≤ ε as
    /// long as F ≤ 2^53 — far beyond the chain factors of any network here (weight scale 1e3: F ≲ 1e9). Below 2^-970
    /// no such bound holds without knowing F: the floor <see cref="ComplexStepSubnormal"/> assumes F ≤ 1e2, which a
    /// network at weight scale 33 already exceeds (F ≈ 2e3; row
    /// <c>RegressionExamples.TanhNetwork_AtWeightScale33_TheUnderflowingComplexStepIsInconclusive_NotAFailure</c>).</summary>
    internal static readonly double ComplexStepUnderflow = Math.ScaleB(1.0, -970);

    /// <summary>With a running error bound B of the analytic entry (<see cref="NetworkErrorBounds"/>), the complex step
    /// is bounded by the same analysis: its imaginary part is the forward-mode derivative, each complex operation
    /// rounding its imaginary part relative to its terms, at most twice the ulps of a real one (complex exp: e^a times
    /// cos, sin; complex division: two products and a sum). B for the analytic value plus 2B for the complex step: 3.</summary>
    internal const double ComplexStepBoundFactor = 3.0;

    /// <summary>The affine map is linear, so its finite differences are exact up to rounding: the 3-point quotient of
    /// a linear function has no truncation error, only 2·ulp(u)/2h from the two rounded values. With 4 ulp per value:
    /// 4ε·|u|/h.</summary>
    internal const double LinearUlps = 4.0;

    /// <summary>The accuracy of one elementary function value (σ, tanh, e^x, ln(1 + e^x), …) in a backward-stable
    /// implementation: the library's are within 2 ulp (derivatives 4, checked against mpmath), libm's within 1;
    /// 4 ulp covers both.</summary>
    internal const double FunctionUlps = 4.0;

    /// <summary>The running error bounds are first order (Higham, ch. 3): products of two errors, which are ≤ 1e-10
    /// relative at every weight scale the checks reach, are dropped; the order of summation is the implementation's,
    /// so each sum of n terms is charged γ_n = nε of the sum of its magnitudes whatever order it used. 2 covers the
    /// dropped terms and the constant of γ_n = nε/(1 − nε).</summary>
    internal const double BoundSafety = 2.0;

    /// <summary>The default relative tolerance of one function value for <c>calculus verify</c> (<c>--rtol</c>), on top of
    /// the backward-stable bound: 1e-9 is ten times the largest relative error of a right double implementation we know
    /// of that cuts a tail off (softplus(x) = x beyond 20, as PyTorch does: e^(−20)/20 = 1.03e-10), and still 60 times
    /// below single precision (2^-24 = 5.96e-8) and 10⁸ times below the error of a wrong formula.</summary>
    public const double DefaultRelative = 1e-9;

    /// <summary>The default absolute tolerance of one function value for <c>calculus verify</c> (<c>--atol</c>): 2^-48 =
    /// 16ε ≈ 3.6e-15. The textbook forms cancel terms of size 1 and so err absolutely, not relatively: σ(1 − σ) by
    /// ≤ 1.5ε, 1 − tanh² by ≤ 2.5ε (2|t|·ulp(t)/2 + ulp(1)/2 + the final rounding), ln(1 + e^(−t)) by ≤ 1.5ε, and
    /// ln Σe^(a_i) of n ≤ 8 terms by ≤ nε; 16ε covers each with a margin of 2 or more.</summary>
    public const double DefaultAbsolute = 16 * Epsilon;

    /// <summary>The absolute slack in single precision, and the least of the core tier's: 16ε of binary32 = 2^-19 ≈
    /// 1.9e-6, by the derivation of <see cref="DefaultAbsolute"/> in float's ε (σ(1 − σ) computed in float errs by up to
    /// 1.5·2^-23 where σ is near 1).</summary>
    internal const double SingleAbsolute = 16 * SingleEpsilon;
}
