using Calculus.Functions;
using Calculus.Losses;

namespace Calculus.Checking;

/// <summary>Running error bounds (Higham, ch. 3) for the sheet-1f loss and every entry of its gradient: how far any
/// implementation whose elementary values obey an <see cref="ElementaryError"/> may be from the exact values, whatever
/// order it sums in. The tolerance of every network check is built from them.</summary>
/// <remarks>
/// <para>First order, with γ_n = nε charged on the sum of the magnitudes of the n terms of every sum, and the error
/// of each argument carried through the function it enters (δφ(u) = |φ'(u)|·δu + the evaluation's own error):</para>
/// <code>
/// a_i = Σ_j W_ij x_j + b_i      δa_i = (γ_(d+1) + 2r)·(Σ_j |W_ij x_j| + |b_i|)
/// s_i = f(a_i)                   δs_i = |f'(a_i)|·δa_i + e(s_i)
/// f_d,i = f'(a_i)                δf_d,i = |f''(a_i)|·δa_i + e(f_d,i)
/// z = Σ_i w_i s_i                δz = (γ_h + r)·Σ_i |w_i s_i| + Σ_i |w_i|·δs_i
/// f_e = ℓ'(z), L = ℓ(z)          δf_e = |ℓ''(z)|·δz + e(f_e),  δL = |f_e|·δz + e(L)
/// g_i = f_e·w_i·f_d,i            δg_i = |w_i f_d,i|·δf_e + |f_e w_i|·δf_d,i + (2ε + r)|g_i|
/// ∂L/∂W_ij = g_i x_j             |x_j|·δg_i + (ε + r)|g_i x_j|
/// ∂L/∂b_i = g_i                  δg_i
/// ∂L/∂w_i = f_e s_i              |s_i|·δf_e + |f_e|·δs_i + ε|f_e s_i|
/// ∂L/∂x_j = Σ_i W_ij g_i         (γ_h + r)·Σ_i |W_ij g_i| + Σ_i |W_ij|·δg_i
/// </code>
/// <para>ε is that of the model's <see cref="ElementaryError.Precision"/>, and r its <see cref="PrecisionExtensions.InputRounding"/>:
/// 0 in double, which reads the inputs exactly; 2^-24 in single, which rounds each input W_ij, x_j, b_i, w_i to a float
/// (each product W_ij x_j then carries 2r; each w_i s_i, f_e·w_i, g_i x_j and W_ij g_i one r more).</para>
/// <para>e(·) is <see cref="ElementaryError.Of"/>. f'' and ℓ'' are one-sided difference quotients of the library's
/// f' and ℓ' (a factor-2 estimate is all a bound needs). Every bound is multiplied by
/// <see cref="Tolerances.BoundSafety"/>.</para>
/// </remarks>
/// <param name="Loss">The bound on the computed loss.</param>
/// <param name="Gradient">The bound on each gradient entry, in the layout of <see cref="NetworkParameters"/>.</param>
/// <param name="PreActivation">The bound δa_i on each a_i = (Wx + b)_i, for deciding whether a kink is within reach.</param>
/// <param name="Score">The bound δz on the score.</param>
public sealed record NetworkErrorBounds(double Loss, IReadOnlyList<double> Gradient, IReadOnlyList<double> PreActivation, double Score)
{
    /// <summary>The bounds at θ.</summary>
    /// <param name="layout">The shape.</param>
    /// <param name="theta">θ = (W, b, w, x).</param>
    /// <param name="y">The label.</param>
    /// <param name="activation">The hidden activation.</param>
    /// <param name="loss">The loss of the score.</param>
    /// <param name="model">The error of one elementary value; <see cref="ElementaryError.Reference"/> when null.</param>
    /// <returns>The bounds.</returns>
    public static NetworkErrorBounds Compute(
        NetworkParameters layout, double[] theta, double y, ScalarFunction activation, IMarginLoss loss, ElementaryError? model = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(loss);
        var e = model ?? ElementaryError.Reference;
        var (w, b, wout, x) = layout.Unflatten(theta);
        int h = layout.Hidden, d = layout.Inputs;
        double eps = e.Epsilon;
        double r = e.Precision.InputRounding(); // W, b, w and x as the implementation holds them: each within r of its value

        var a = new double[h];
        var da = new double[h];
        var s = new double[h];
        var ds = new double[h];
        var fd = new double[h];
        var dfd = new double[h];
        double z = 0, zTerms = 0, zError = 0;
        for (int i = 0; i < h; i++)
        {
            double sum = b[i], terms = Math.Abs(b[i]);
            for (int j = 0; j < d; j++)
            {
                sum += w[i, j] * x[j];
                terms += Math.Abs(w[i, j] * x[j]);
            }

            a[i] = sum;
            da[i] = (((d + 1) * eps) + (2 * r)) * terms;
            s[i] = activation.Value(sum);
            fd[i] = activation.Derivative(sum);
            ds[i] = e.OfRounded(s[i], fd[i], sum, da[i]);
            dfd[i] = e.OfRounded(fd[i], SecondDerivative(activation.Derivative, sum), sum, da[i]);
            z += wout[i] * s[i];
            zTerms += Math.Abs(wout[i] * s[i]);
            zError += Math.Abs(wout[i]) * ds[i];
        }

        zError += ((h * eps) + r) * zTerms;
        double fe = loss.DerivativeInScore(z, y);
        double dfe = e.OfRounded(fe, SecondDerivative(t => loss.DerivativeInScore(t, y), z), z, zError);
        double lossError = e.OfRounded(loss.Value(z, y), fe, z, zError);

        var bounds = new double[layout.Count];
        var dg = new double[h];
        for (int i = 0; i < h; i++)
        {
            double g = fe * wout[i] * fd[i];
            dg[i] = (Math.Abs(wout[i] * fd[i]) * dfe) + (Math.Abs(fe * wout[i]) * dfd[i]) + (((2 * eps) + r) * Math.Abs(g));
            for (int j = 0; j < d; j++)
            {
                bounds[layout.Weight(i, j)] = (Math.Abs(x[j]) * dg[i]) + ((eps + r) * Math.Abs(g * x[j]));
            }

            bounds[layout.Bias(i)] = dg[i];
            bounds[layout.OutputWeight(i)] = (Math.Abs(s[i]) * dfe) + (Math.Abs(fe) * ds[i]) + (eps * Math.Abs(fe * s[i]));
        }

        for (int j = 0; j < d; j++)
        {
            double terms = 0, carried = 0;
            for (int i = 0; i < h; i++)
            {
                terms += Math.Abs(w[i, j] * fe * wout[i] * fd[i]);
                carried += Math.Abs(w[i, j]) * dg[i];
            }

            bounds[layout.Input(j)] = (((h * eps) + r) * terms) + carried;
        }

        const double k = Tolerances.BoundSafety;
        return new NetworkErrorBounds(
            k * lossError, [.. bounds.Select(v => k * v)], [.. da.Select(v => k * v)], k * zError);
    }

    /// <summary>|φ''(u)| from one-sided difference quotients of φ' over a step of 2^-20·max(1, |u|), at most 2^-10 and
    /// at least 16 ulp(u): the larger of the two, so that a bound never rests on a quotient that happens to straddle an
    /// inflection. The cap keeps the step far below the scale on which φ' varies (1 for every activation and loss here;
    /// sin' has period 2π, which an uncapped relative step spans from |u| ≈ 6.6e6 on, where its quotients come out near
    /// 0 and the running bounds would drop the error of a rounded a_i: row
    /// <c>RegressionExamples.SinusoidNetwork_AtWeightScale4315_TheRoundedPreActivationIsInTheTolerance</c>); the floor
    /// keeps u ± step distinct from u. 0 where φ' is not finite nearby (the argument then is too: the bound is not
    /// finite either way).</summary>
    /// <param name="derivative">φ'.</param>
    /// <param name="u">The point.</param>
    /// <returns>An estimate of |φ''(u)|.</returns>
    public static double SecondDerivative(Func<double, double> derivative, double u)
    {
        ArgumentNullException.ThrowIfNull(derivative);
        double ulp = Math.BitIncrement(Math.Abs(u)) - Math.Abs(u);
        double step = Math.Max(Math.Min(Math.ScaleB(1, -20) * Math.Max(1, Math.Abs(u)), Math.ScaleB(1, -10)), 16 * ulp);
        double centre = derivative(u);
        double right = Math.Abs(derivative(u + step) - centre);
        double left = Math.Abs(centre - derivative(u - step));
        double q = Math.Max(right, left) / step;
        return double.IsFinite(q) ? q : 0;
    }
}
