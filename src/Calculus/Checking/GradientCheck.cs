using System.Numerics;
using Calculus.Functions;
using Calculus.Internal;
using MathNet.Numerics.Differentiation;

namespace Calculus.Checking;

/// <summary>Checks an analytic derivative against numeric oracles: central differences through MathNet's
/// <see cref="NumericalDerivative"/> (3- and 5-point), the complex step, and directional derivatives for many
/// parameters. The tolerance model is <see cref="Tolerances"/>; each result is a <see cref="Verdict"/>.</summary>
/// <remarks>
/// <para>Central differences: the 5-point D5 at steps h5, h5/2 and h5/4 and the 3-point D3 at h5·2^-6, all absolute;
/// D5(h5/2) is the reported numeric value, the larger of the two Richardson differences its truncation error, and D3 the
/// cross-check.
/// The first step is h5 = 2^-11 (<see cref="Tolerances.FivePointStep"/>). Where D3 and D5 disagree beyond their error
/// bounds (f not smooth across the stencil) or the truncation estimate exceeds the rounding term, finer steps are tried
/// (÷8, up to <see cref="Tolerances.StepLevels"/> levels) and the reliable level with the smallest tolerance is used;
/// where none is reliable the check is inconclusive, never failed.</para>
/// <para>The caller states the noise of f's values (a running error bound, e.g. <see cref="NetworkErrorBounds.Loss"/>)
/// and the error bound of the analytic value (<see cref="NetworkErrorBounds.Gradient"/>); without them, 8 ulp of f and
/// 16 ulp of the derivative are assumed.</para>
/// <para>Complex step: f'(x) ≈ Im f(x + ih)/h, h = 1e-20, for functions written over <see cref="Complex"/>
/// (see <see cref="ScalarFunction.ComplexForm"/>). Needs |f'(x)|·h above the smallest normal double, i.e. |f'| ≳ 1e-288.</para>
/// <para>Directional: for a unit direction v, ⟨∇f, v⟩ against the derivative of t ↦ f(θ + t·v) at 0; that costs
/// 10 evaluations of f per step level however many parameters θ has (<see cref="Evaluations"/> counts them).</para>
/// <para><see cref="NumericalDerivative"/> is mutable and not thread-safe, so each thread keeps its own per stencil.</para>
/// </remarks>
public static class GradientCheck
{
    [ThreadStatic]
    private static int evaluations;

    /// <summary>How many function evaluations the checks of this thread have made since the last <see cref="ResetEvaluations"/>.</summary>
    internal static int Evaluations => evaluations;

    /// <summary>Sets <see cref="Evaluations"/> to 0.</summary>
    internal static void ResetEvaluations() => evaluations = 0;

    /// <summary>f'(x) against central differences of f at x.</summary>
    /// <param name="f">The function.</param>
    /// <param name="analytic">The derivative under test, f'(x).</param>
    /// <param name="x">The point; |x| ≤ ~1e6 so that the absolute steps stay above ulp(x).</param>
    /// <param name="valueError">A bound on the error of each computed f value near x, where it exceeds
    /// <see cref="Tolerances.EvaluationUlps"/> ulp of |f| (composite functions such as the network loss; see
    /// <see cref="NetworkErrorBounds.Loss"/>); null for the default.</param>
    /// <param name="analyticError">A bound on the error of <paramref name="analytic"/> itself; null for
    /// <see cref="Tolerances.AnalyticUlps"/> ulp of it.</param>
    /// <param name="firstLevel">The coarsest step level to use, 0 to <see cref="Tolerances.StepLevels"/> − 1: a caller
    /// that knows f has a kink within <see cref="Reach"/>(0) of x but none within Reach(l) starts at level l.</param>
    /// <returns>The comparison.</returns>
    public static CheckResult FiniteDifference(
        Func<double, double> f, double analytic, double x, double? valueError = null, double? analyticError = null, int firstLevel = 0)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Central(f, analytic, x, valueError ?? 0.0, analyticError, 0.0, firstLevel);
    }

    /// <summary>The 5-point step of a level: h5/8^level.</summary>
    /// <param name="level">0 to <see cref="Tolerances.StepLevels"/> − 1.</param>
    /// <returns>The step.</returns>
    public static double Step(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, Tolerances.StepLevels);
        return Tolerances.FivePointStep / Math.Pow(Tolerances.StepRefinement, level);
    }

    /// <summary>The farthest a stencil of that level or a finer one reaches from x: 2·<see cref="Step"/>(level).</summary>
    /// <param name="level">0 to <see cref="Tolerances.StepLevels"/> − 1.</param>
    /// <returns>The reach.</returns>
    public static double Reach(int level) => 2 * Step(level);

    /// <summary>∂f/∂θ_index against central differences in that coordinate.</summary>
    /// <param name="f">The function of all parameters.</param>
    /// <param name="analytic">The partial derivative under test.</param>
    /// <param name="point">θ; not modified.</param>
    /// <param name="index">The coordinate.</param>
    /// <param name="valueError">A bound on the error of f near θ, or null (see <see cref="FiniteDifference"/>).</param>
    /// <param name="analyticError">A bound on the error of <paramref name="analytic"/>, or null.</param>
    /// <param name="firstLevel">The coarsest step level (see <see cref="FiniteDifference"/>).</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a coordinate of θ.</exception>
    public static CheckResult Partial(
        Func<double[], double> f, double analytic, double[] point, int index, double? valueError = null, double? analyticError = null, int firstLevel = 0)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(point);
        Guard.Index(index, point.Length, nameof(index), "length of point");
        var work = (double[])point.Clone();
        return FiniteDifference(s =>
        {
            work[index] = s;
            return f(work);
        }, analytic, point[index], valueError, analyticError, firstLevel);
    }

    /// <summary>⟨∇f(θ), v⟩ against the central-difference derivative of t ↦ f(θ + t·v) at t = 0.</summary>
    /// <param name="f">The function of all parameters.</param>
    /// <param name="gradient">∇f(θ) under test, the same length as θ.</param>
    /// <param name="point">θ; not modified.</param>
    /// <param name="direction">v; a unit vector keeps the tolerance meaningful.</param>
    /// <param name="valueError">A bound on the error of f near θ, or null (see <see cref="FiniteDifference"/>).</param>
    /// <param name="gradientError">A bound on the error of each gradient entry (<see cref="NetworkErrorBounds.Gradient"/>),
    /// or null for <see cref="Tolerances.AnalyticUlps"/> ulp per term of the dot product.</param>
    /// <param name="firstLevel">The coarsest step level (see <see cref="FiniteDifference"/>).</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public static CheckResult Directional(
        Func<double[], double> f, double[] gradient, double[] point, double[] direction, double? valueError = null,
        IReadOnlyList<double>? gradientError = null, int firstLevel = 0)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckLengths(gradient, point, direction, gradientError);
        var work = new double[point.Length];
        return Central(t =>
        {
            for (int k = 0; k < work.Length; k++)
            {
                work[k] = point[k] + (t * direction[k]);
            }

            return f(work);
        }, Dot(gradient, direction), 0.0, valueError ?? 0.0, DotError(gradient, direction, gradientError),
            gradientError is null ? point.Length * AbsoluteDot(gradient, direction) : 0.0, firstLevel);
    }

    /// <summary>f'(x) against the complex step Im f(x + ih)/h, h = 1e-20.</summary>
    /// <param name="f">The function written over complex numbers (analytic near x).</param>
    /// <param name="analytic">The derivative under test.</param>
    /// <param name="x">The point.</param>
    /// <param name="analyticError">A running error bound B of the analytic value, or null; the tolerance then adds
    /// <see cref="Tolerances.ComplexStepBoundFactor"/>·B (B for the analytic value, 2B for the complex evaluation).</param>
    /// <returns>The comparison, with the relative tolerance <see cref="Tolerances.ComplexStepUlps"/>·ε plus that term.</returns>
    public static CheckResult ComplexStep(Func<Complex, Complex> f, double analytic, double x, double? analyticError = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        evaluations++;
        double imaginary = f(new Complex(x, Tolerances.ComplexStep)).Imaginary;
        double numeric = imaginary / Tolerances.ComplexStep;
        if (imaginary != 0 && Math.Abs(imaginary) < Tolerances.ComplexStepUnderflow)
        {
            return CheckResult.Inconclusive(Oracle.ComplexStep, analytic,
                $"the complex step underflows: Im f(x + ih) = {imaginary} is within 2^52 of the subnormal range, where its intermediate parts lose their relative precision");
        }

        double size = Math.Max(Math.Abs(analytic), Math.Abs(numeric));
        double tolerance = (Tolerances.ComplexStepUlps * Tolerances.Epsilon * size)
            + (Tolerances.ComplexStepBoundFactor * (analyticError ?? 0.0)) + Tolerances.ComplexStepSubnormal;
        return new CheckResult(Oracle.ComplexStep, analytic, numeric, tolerance, double.IsFinite(numeric) ? null : "oracle not finite");
    }

    /// <summary>⟨∇f(θ), v⟩ against the complex step of t ↦ f(θ + t·v) at t = 0.</summary>
    /// <param name="f">The function of all parameters, written over complex numbers.</param>
    /// <param name="gradient">∇f(θ) under test.</param>
    /// <param name="point">θ.</param>
    /// <param name="direction">v.</param>
    /// <param name="gradientError">A bound on the error of each gradient entry, or null.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public static CheckResult ComplexDirectional(
        Func<Complex[], Complex> f, double[] gradient, double[] point, double[] direction, IReadOnlyList<double>? gradientError = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckLengths(gradient, point, direction, gradientError);
        var result = ComplexStep(t => f([.. point.Select((p, k) => p + (t * direction[k]))]), Dot(gradient, direction), 0.0,
            gradientError is null ? null : CarriedError(direction, gradientError));

        // ⟨g, v⟩ and the complex evaluation both round relative to Σ|g_k v_k|, not to their (possibly cancelled) result.
        double dotError = 2 * point.Length * Tolerances.Epsilon * AbsoluteDot(gradient, direction);
        return result with { Tolerance = result.Tolerance + dotError };
    }

    /// <summary>One level of the central-difference oracle: its estimates, error terms and reliability.</summary>
    private sealed record Level(double Step, double Numeric, double Coarse, double CrossCheck, double Scale, double Truncation, double Rounding, bool Reliable);

    private static CheckResult Central(
        Func<double, double> f, double analytic, double x, double noise, double? analyticError, double termScale, int firstLevel)
    {
        double reach = Reach(firstLevel);
        Level? best = null, first = null;
        for (int level = firstLevel; level < Tolerances.StepLevels; level++)
        {
            var l = Measure(f, analytic, x, noise, Step(level));
            first ??= l;
            if (level == firstLevel && l.Reliable && l.Truncation <= l.Rounding)
            {
                best = l;
                break;
            }

            if (l.Reliable && (best is null || l.Truncation + l.Rounding < best.Truncation + best.Rounding))
            {
                best = l;
            }
        }

        if (best is null)
        {
            string problem = !double.IsFinite(first!.Numeric)
                ? "oracle not finite"
                : $"oracle unreliable: 3-point {CheckResult.R(first.CrossCheck)} and 5-point differ by {CheckResult.R(Math.Abs(first.CrossCheck - first.Numeric))} " +
                  $"at every step down to h = {CheckResult.R(Step(Tolerances.StepLevels - 1))} " +
                  $"(not smooth within {CheckResult.R(reach)} of x?)";
            return new CheckResult(Oracle.CentralDifference, analytic, first.Numeric, double.NaN, problem);
        }

        double size = Math.Max(Math.Abs(analytic), Math.Abs(best.Numeric));
        double analyticTerm = analyticError ?? (Tolerances.AnalyticUlps * Tolerances.Epsilon * (size + termScale));
        double tolerance = best.Truncation + best.Rounding + analyticTerm;
        var result = new CheckResult(Oracle.CentralDifference, analytic, best.Numeric, tolerance);
        if (result.Passed && best.Truncation > best.Rounding && best.Truncation > Tolerances.TruncationLimit * size)
        {
            return result with
            {
                Problem = $"truncation estimate too large: {CheckResult.R(best.Truncation)} at h = {CheckResult.R(best.Step)} (f varies too fast for the step)",
            };
        }

        return result;
    }

    private static Level Measure(Func<double, double> f, double analytic, double x, double noise, double step)
    {
        // The three 5-point stencils share points (x ± h5 of the first two, x ± h5/2 of the last two: the steps are powers
        // of 2, so the points are the same doubles), and f is evaluated once per point: 8 points for the three D5 and 2
        // for D3: 10 evaluations per level (row GradientCheckExamples.Directional_CountsAtMostTenEvaluations).
        double scale = 0.0;
        var values = new Dictionary<double, double>(10);
        double Tracked(double t)
        {
            if (values.TryGetValue(t, out double known))
            {
                return known;
            }

            evaluations++;
            double v = f(t);
            values[t] = v;
            scale = Math.Max(scale, Math.Abs(v));
            return v;
        }

        double fine = step / 2, quarter = step / 4;
        double threePoint = step * Tolerances.CrossCheckRatio;
        double coarse5 = Derivative(5, step, Tracked, x);
        double d5 = Derivative(5, fine, Tracked, x);
        double quarter5 = Derivative(5, quarter, Tracked, x);
        double d3 = Derivative(3, threePoint, Tracked, x);
        double valueError = Math.Max(noise, Tolerances.EvaluationUlps * ((Tolerances.Epsilon * scale) + double.Epsilon));
        double size = Math.Max(Math.Abs(analytic), Math.Abs(d5));
        double Rounding(double h) => (Tolerances.FivePointWeight * valueError / h) + (Tolerances.StencilRounding * Tolerances.Epsilon * Math.Abs(x) / h * size);
        double rounding = Rounding(fine);

        // Two Richardson differences: in the h⁴ regime 16·|D5(h/2) − D5(h/4)| equals |D5(h) − D5(h/2)|; where the error
        // does not yet shrink as h⁴ (the coarse stencil reaching a region where f bends, e.g. a margin crossing the
        // logistic loss's curvature at yz ≈ 0) one of them can be small by chance, so the larger is taken. The finer
        // difference counts only beyond the rounding of its two values, so noise is never multiplied by 16.
        double finer = Tolerances.FivePointOrderRatio * Math.Max(0, Math.Abs(d5 - quarter5) - rounding - Rounding(quarter));
        double truncation = Tolerances.TruncationSafety * Math.Max(Math.Abs(coarse5 - d5), finer);
        bool reliable = double.IsFinite(d5) && double.IsFinite(coarse5) && double.IsFinite(d3)
            && Math.Abs(d3 - d5) <= (Tolerances.OracleReliability * Math.Max(scale, Math.Abs(d5))) + (valueError / threePoint);
        return new Level(step, d5, coarse5, d3, scale, truncation, rounding, reliable);
    }

    /// <summary>One <see cref="NumericalDerivative"/> per stencil and step, per thread: building one computes its
    /// finite-difference coefficients, which cost more than the few evaluations a check makes, and an instance is mutable
    /// (so never shared between threads).</summary>
    [ThreadStatic]
    private static Dictionary<(int Points, double Step), NumericalDerivative>? derivatives;

    private static double Derivative(int points, double step, Func<double, double> f, double x)
    {
        derivatives ??= [];
        if (!derivatives.TryGetValue((points, step), out var derivative))
        {
            derivatives[(points, step)] = derivative = new NumericalDerivative(points, points / 2) { StepType = StepType.Absolute, StepSize = step };
        }

        return derivative.EvaluateDerivative(f, x, 1);
    }

    /// <summary>The error bound of ⟨g, v⟩: Σ|v_k|·δg_k carried from the entries, plus nε·Σ|g_k v_k| for the sum; null
    /// (the default model) when no entry bounds are given.</summary>
    private static double? DotError(double[] gradient, double[] direction, IReadOnlyList<double>? gradientError) =>
        gradientError is null ? null
            : CarriedError(direction, gradientError) + (gradient.Length * Tolerances.Epsilon * AbsoluteDot(gradient, direction));

    private static double CarriedError(double[] direction, IReadOnlyList<double> gradientError)
    {
        double sum = 0.0;
        for (int k = 0; k < direction.Length; k++)
        {
            sum += Math.Abs(direction[k]) * gradientError[k];
        }

        return sum;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0.0;
        for (int k = 0; k < a.Length; k++)
        {
            sum += a[k] * b[k];
        }

        return sum;
    }

    private static double AbsoluteDot(double[] a, double[] b)
    {
        double sum = 0.0;
        for (int k = 0; k < a.Length; k++)
        {
            sum += Math.Abs(a[k] * b[k]);
        }

        return sum;
    }

    private static void CheckLengths(double[] gradient, double[] point, double[] direction, IReadOnlyList<double>? gradientError)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(direction);
        if (gradient.Length != point.Length || direction.Length != point.Length || (gradientError is not null && gradientError.Count != point.Length))
        {
            throw new ArgumentException(
                $"gradient, point and direction must have one length; got {gradient.Length}, {point.Length} and {direction.Length}" +
                (gradientError is null ? "." : $", and {gradientError.Count} error bounds."),
                nameof(direction));
        }
    }
}
