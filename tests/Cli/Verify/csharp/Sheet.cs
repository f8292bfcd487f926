// templates/csharp/Sheet.cs filled in with right answers, in stable forms: the tests build a copy of the template with this
// file in place of its Sheet.cs, and the build must pass every check of calculus verify (CSharpTemplateTests). Not
// compiled into the tests (Cli.csproj removes it); the template's build settings apply, not the repository's.
using static System.Math;

namespace Solution;

public static class Sheet
{
    public static double[] Affine(double[][] w, double[] b, double[] x) => [.. w.Select((row, i) => Dot(row, x) + b[i])];

    public static double[] AffinePartialW(double[][] w, double[] b, double[] x, int i, int j) => Unit(w.Length, i, x[j]);

    public static double[] AffinePartialB(double[][] w, double[] b, double[] x, int i) => Unit(w.Length, i, 1.0);

    public static double[] AffinePartialX(double[][] w, double[] b, double[] x, int i) => [.. w.Select(row => row[i])];

    public static double Sigmoid(double x)
    {
        double e = Exp(-Abs(x));
        return x >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    public static double SigmoidDerivative(double x)
    {
        double e = Exp(-Abs(x));
        return e / ((1.0 + e) * (1.0 + e));
    }

    public static double Tanh(double x) => Math.Tanh(x);

    public static double TanhDerivative(double x)
    {
        double e = Exp(-2.0 * Abs(x));
        return 4.0 * e / ((1.0 + e) * (1.0 + e));
    }

    /// <summary>.NET has no erf: 2/√π · e^(−x²) · Σ 2ⁿx^(2n+1)/(1·3···(2n+1)), a series of positive terms (no
    /// cancellation); erf(x) rounds to ±1 from |x| = 6 on.</summary>
    public static double Erf(double x)
    {
        double a = Abs(x);
        if (!(a < 6.0))
        {
            return double.IsNaN(x) ? x : CopySign(1.0, x);
        }

        double term = a, sum = a;
        for (int n = 1; term > sum * 1e-17; n++)
        {
            term *= 2.0 * a * a / (2 * n + 1);
            sum += term;
        }

        return CopySign(2.0 / Sqrt(PI) * Exp(-a * a) * sum, x);
    }

    public static double ErfDerivative(double x) => 2.0 / Sqrt(PI) * Exp(-x * x);

    public static double Relu(double x) => x <= 0 ? 0.0 : x; // NaN in, NaN out

    public static double ReluDerivative(double x) => double.IsNaN(x) ? x : x > 0 ? 1.0 : 0.0;

    public static double LeakyRelu(double x) => x > 0 ? x : 0.01 * x;

    public static double LeakyReluDerivative(double x) => double.IsNaN(x) ? x : x > 0 ? 1.0 : 0.01;

    /// <summary>Piecewise, so that α = 0 at x = ±∞ gives ±c rather than 0·∞ = NaN.</summary>
    public static double Plu(double x, double alpha, double c) =>
        x > c ? c + (alpha != 0 ? alpha * (x - c) : 0.0)
        : x < -c ? -c + (alpha != 0 ? alpha * (x + c) : 0.0)
        : x;

    public static double PluDerivative(double x, double alpha, double c) => double.IsNaN(x) ? x : -c < x && x < c ? 1.0 : alpha;

    public static double Sin(double x) => Math.Sin(x);

    public static double SinDerivative(double x) => Cos(x);

    public static double Gaussian(double x) => Exp(-x * x);

    public static double GaussianDerivative(double x)
    {
        double g = Exp(-x * x);
        return g == 0.0 ? 0.0 : -2.0 * x * g;
    }

    public static double Softplus(double x) => Max(x, 0.0) + Log1P(Exp(-Abs(x)));

    public static double SoftplusDerivative(double x) => Sigmoid(x);

    public static double Logistic(double t) => Softplus(-t);

    public static double LogisticDerivative(double t) => -Sigmoid(-t);

    public static double Hinge(double t) => Max(0.0, 1.0 - t); // Math.Max propagates NaN

    public static double HingeDerivative(double t) => double.IsNaN(t) ? t : t < 1 ? -1.0 : 0.0;

    public static double SmoothHinge(double t) => Softplus(1.0 - t);

    public static double SmoothHingeDerivative(double t) => -Sigmoid(1.0 - t);

    public static double LabelLogistic(double a, double y) => Softplus(-y * a);

    public static double LabelLogisticDerivative(double a, double y) => -y * Sigmoid(-y * a);

    public static double LogSumExp(double[] a)
    {
        double m = a.Aggregate(double.NegativeInfinity, Max);
        return double.IsInfinity(m) ? m : m + Log(a.Sum(v => Exp(v - m)));
    }

    public static NetworkResult Network(double[][] w, double[] b, double[] wout, double[] x, double y, string activation, string loss)
    {
        var (f, fd) = Activation(activation);
        var (value, dvalue) = Loss(loss);
        double[] a = Affine(w, b, x);
        double[] s = [.. a.Select(f)];
        double z = Dot(wout, s);
        double fe = dvalue(z, y);
        double[] g = [.. a.Select((ai, i) => fe * wout[i] * fd(ai))];
        return new NetworkResult(
            value(z, y),
            [.. g.Select(gi => x.Select(xj => gi * xj).ToArray())],
            g,
            [.. s.Select(si => fe * si)],
            [.. x.Select((_, j) => g.Select((gi, i) => w[i][j] * gi).Sum())]);
    }

    public static StepResult GdStep(double[][] w, double[] b, double[] wout, double[][] xs, double[] ys, double lr, string activation, string loss)
    {
        var grads = xs.Select((x, k) => Network(w, b, wout, x, ys[k], activation, loss)).ToArray();
        double scale = lr / xs.Length; // the mean loss: the gradients' sum over the examples divided by their number
        return new StepResult(
            [.. w.Select((row, i) => row.Select((wij, j) => wij - scale * grads.Sum(r => r.DW![i][j])).ToArray())],
            [.. b.Select((bi, i) => bi - scale * grads.Sum(r => r.Db![i]))],
            [.. wout.Select((wi, i) => wi - scale * grads.Sum(r => r.Dw![i]))]);
    }

    private static double Dot(double[] u, double[] v) => u.Select((ui, k) => ui * v[k]).Sum();

    private static double[] Unit(int length, int i, double value) => [.. Enumerable.Range(0, length).Select(k => k == i ? value : 0.0)];

    /// <summary>ln(1 + u) for u ≥ 0, exact where 1 + u rounds (.NET has no log1p).</summary>
    private static double Log1P(double u)
    {
        double v = 1.0 + u;
        return v == 1.0 ? u : Log(v) * u / (v - 1.0);
    }

    private static (Func<double, double> F, Func<double, double> Fd) Activation(string name) => name switch
    {
        "sigmoid" => (Sigmoid, SigmoidDerivative),
        "tanh" => (Tanh, TanhDerivative),
        "erf" => (Erf, ErfDerivative),
        "relu" => (Relu, ReluDerivative),
        "leaky-relu" => (LeakyRelu, LeakyReluDerivative),
        "plu" => (x => Plu(x, 0.1, 1.0), x => PluDerivative(x, 0.1, 1.0)),
        "sin" => (Sin, SinDerivative),
        "gaussian" => (Gaussian, GaussianDerivative),
        _ => throw new ArgumentException($"unknown activation {name}"),
    };

    /// <summary>The loss of a score z with label y, and its derivative in z.</summary>
    private static (Func<double, double, double> Value, Func<double, double, double> Derivative) Loss(string name) => name switch
    {
        "logistic" => (LabelLogistic, LabelLogisticDerivative),
        "smooth-hinge" => ((z, y) => SmoothHinge(y * z), (z, y) => y * SmoothHingeDerivative(y * z)),
        "hinge" => ((z, y) => Hinge(y * z), (z, y) => y * HingeDerivative(y * z)),
        _ => throw new ArgumentException($"unknown loss {name}"),
    };
}
