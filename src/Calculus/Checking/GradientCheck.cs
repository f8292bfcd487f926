using System.Numerics;
using MathNet.Numerics.Differentiation;

namespace Calculus.Checking;

/// <summary>Checks an analytic derivative against numeric oracles: central differences through MathNet's
/// <see cref="NumericalDerivative"/> (3- and 5-point), the complex step, and directional derivatives for many
/// parameters. The tolerance model is <see cref="Tolerances"/>.</summary>
/// <remarks>
/// <para>Central differences: the 5-point D5 at steps h5 and h5/2 (<see cref="Tolerances.FivePointStep"/>) and the
/// 3-point D3 at <see cref="Tolerances.ThreePointStep"/>, all absolute; D5(h5/2) is the reported numeric value, the
/// Richardson difference of the two D5 its truncation error, and D3 the cross-check. Use them away from kinks: a kink
/// within 2·h5 ≈ 1e-3 of x makes the oracle unreliable, which the check reports as a failure with that reason.</para>
/// <para>Complex step: f'(x) ≈ Im f(x + ih)/h, h = 1e-20, for functions written over <see cref="Complex"/>
/// (see <see cref="ComplexForms"/>). Needs |f'(x)|·h above the smallest normal double, i.e. |f'| ≳ 1e-288.</para>
/// <para>Directional: for a unit direction v, ⟨∇f, v⟩ against the derivative of t ↦ f(θ + t·v) at 0; that costs
/// at most 10 evaluations of f however many parameters θ has (<see cref="Evaluations"/> counts them).</para>
/// <para><see cref="NumericalDerivative"/> is mutable and not thread-safe, so each check makes its own.</para>
/// </remarks>
public static class GradientCheck
{
    /// <summary>The oracle name of the central-difference checks.</summary>
    public const string CentralDifferenceOracle = "central difference, 5-point (3-point for the error estimate)";

    /// <summary>The oracle name of the complex-step checks.</summary>
    public const string ComplexStepOracle = "complex step, h = 1e-20";

    [ThreadStatic]
    private static int evaluations;

    /// <summary>How many function evaluations the checks of this thread have made since the last <see cref="ResetEvaluations"/>.</summary>
    public static int Evaluations => evaluations;

    /// <summary>Sets <see cref="Evaluations"/> to 0.</summary>
    public static void ResetEvaluations() => evaluations = 0;

    /// <summary>f'(x) against central differences of f at x.</summary>
    /// <param name="f">The function.</param>
    /// <param name="analytic">The derivative under test, f'(x).</param>
    /// <param name="x">The point; |x| ≤ ~1e6 so that the absolute steps stay above ulp(x).</param>
    /// <param name="valueError">A bound on the rounding error of each computed f value near x, where it exceeds
    /// <see cref="Tolerances.EvaluationUlps"/> ulp of |f| (composite functions such as the network loss; see
    /// <see cref="NetworkParameters.LossErrorBound"/>); null for the default.</param>
    /// <returns>The comparison.</returns>
    public static CheckResult FiniteDifference(Func<double, double> f, double analytic, double x, double? valueError = null) =>
        FiniteDifference(f, analytic, x, 0.0, valueError ?? 0.0);

    private static CheckResult FiniteDifference(Func<double, double> f, double analytic, double x, double termScale, double valueErrorBound)
    {
        ArgumentNullException.ThrowIfNull(f);
        double scale = 0.0;
        double Tracked(double t)
        {
            evaluations++;
            double v = f(t);
            scale = Math.Max(scale, Math.Abs(v));
            return v;
        }

        const double fine = Tolerances.FivePointStep / 2;
        double coarse5 = Derivative(5, Tolerances.FivePointStep, Tracked, x);
        double d5 = Derivative(5, fine, Tracked, x);
        double d3 = Derivative(3, Tolerances.ThreePointStep, Tracked, x);
        double valueError = Math.Max(valueErrorBound, Tolerances.EvaluationUlps * ((Tolerances.Epsilon * scale) + double.Epsilon));
        double size = Math.Max(Math.Abs(analytic), Math.Abs(d5));
        double tolerance = (Tolerances.TruncationSafety * Math.Abs(coarse5 - d5))
            + (Tolerances.FivePointWeight * valueError / fine)
            + (((Tolerances.StencilRounding * Tolerances.Epsilon * Math.Abs(x) / fine) + (Tolerances.AnalyticUlps * Tolerances.Epsilon)) * size)
            + (Tolerances.AnalyticUlps * Tolerances.Epsilon * termScale);
        double crossCheck = Math.Abs(d3 - d5);
        string? problem = !double.IsFinite(d5) ? "oracle not finite"
            : crossCheck > (Tolerances.OracleReliability * Math.Max(scale, Math.Abs(d5))) + (valueError / Tolerances.ThreePointStep)
                ? $"oracle unreliable: 3-point {CheckResult.R(d3)} and 5-point differ by {CheckResult.R(crossCheck)} (not smooth within {CheckResult.R(2 * Tolerances.FivePointStep)} of x?)"
                : null;
        return new CheckResult(CentralDifferenceOracle, analytic, d5, tolerance, problem);
    }

    /// <summary>∂f/∂θ_index against central differences in that coordinate.</summary>
    /// <param name="f">The function of all parameters.</param>
    /// <param name="analytic">The partial derivative under test.</param>
    /// <param name="point">θ; not modified.</param>
    /// <param name="index">The coordinate.</param>
    /// <param name="valueError">A bound on the rounding error of f near θ, or null (see <see cref="FiniteDifference(Func{double, double}, double, double, double?)"/>).</param>
    /// <returns>The comparison.</returns>
    public static CheckResult Partial(Func<double[], double> f, double analytic, double[] point, int index, double? valueError = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(point);
        var work = (double[])point.Clone();
        return FiniteDifference(s =>
        {
            work[index] = s;
            return f(work);
        }, analytic, point[index], valueError);
    }

    /// <summary>⟨∇f(θ), v⟩ against the central-difference derivative of t ↦ f(θ + t·v) at t = 0.</summary>
    /// <param name="f">The function of all parameters.</param>
    /// <param name="gradient">∇f(θ) under test, the same length as θ.</param>
    /// <param name="point">θ; not modified.</param>
    /// <param name="direction">v; a unit vector keeps the tolerance meaningful.</param>
    /// <param name="valueError">A bound on the rounding error of f near θ, or null (see <see cref="FiniteDifference(Func{double, double}, double, double, double?)"/>).</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">The three arrays differ in length.</exception>
    public static CheckResult Directional(Func<double[], double> f, double[] gradient, double[] point, double[] direction, double? valueError = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckLengths(gradient, point, direction);
        var work = new double[point.Length];
        return FiniteDifference(t =>
        {
            for (int k = 0; k < work.Length; k++)
            {
                work[k] = point[k] + (t * direction[k]);
            }

            return f(work);
        }, Dot(gradient, direction), 0.0, point.Length * AbsoluteDot(gradient, direction), valueError ?? 0.0);
    }

    /// <summary>f'(x) against the complex step Im f(x + ih)/h, h = 1e-20.</summary>
    /// <param name="f">The function written over complex numbers (analytic near x).</param>
    /// <param name="analytic">The derivative under test.</param>
    /// <param name="x">The point.</param>
    /// <returns>The comparison, with the relative tolerance <see cref="Tolerances.ComplexStepUlps"/>·ε.</returns>
    public static CheckResult ComplexStep(Func<Complex, Complex> f, double analytic, double x)
    {
        ArgumentNullException.ThrowIfNull(f);
        evaluations++;
        double numeric = f(new Complex(x, Tolerances.ComplexStep)).Imaginary / Tolerances.ComplexStep;
        double tolerance = Tolerances.ComplexStepUlps * Tolerances.Epsilon * Math.Max(Math.Abs(analytic), Math.Abs(numeric));
        return new CheckResult(ComplexStepOracle, analytic, numeric, tolerance, double.IsFinite(numeric) ? null : "oracle not finite");
    }

    /// <summary>⟨∇f(θ), v⟩ against the complex step of t ↦ f(θ + t·v) at t = 0.</summary>
    /// <param name="f">The function of all parameters, written over complex numbers.</param>
    /// <param name="gradient">∇f(θ) under test.</param>
    /// <param name="point">θ.</param>
    /// <param name="direction">v.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">The three arrays differ in length.</exception>
    public static CheckResult ComplexDirectional(Func<Complex[], Complex> f, double[] gradient, double[] point, double[] direction)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckLengths(gradient, point, direction);
        var result = ComplexStep(t => f([.. point.Select((p, k) => p + (t * direction[k]))]), Dot(gradient, direction), 0.0);

        // ⟨g, v⟩ and the complex evaluation both round relative to Σ|g_k v_k|, not to their (possibly cancelled) result.
        double dotError = 2 * point.Length * Tolerances.Epsilon * AbsoluteDot(gradient, direction);
        return result with { Tolerance = result.Tolerance + dotError };
    }

    private static double Derivative(int points, double step, Func<double, double> f, double x)
    {
        var derivative = new NumericalDerivative(points, points / 2) { StepType = StepType.Absolute, StepSize = step };
        return derivative.EvaluateDerivative(f, x, 1);
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

    private static void CheckLengths(double[] gradient, double[] point, double[] direction)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(direction);
        if (gradient.Length != point.Length || direction.Length != point.Length)
        {
            throw new ArgumentException(
                $"gradient, point and direction must have one length; got {gradient.Length}, {point.Length} and {direction.Length}.",
                nameof(direction));
        }
    }
}
