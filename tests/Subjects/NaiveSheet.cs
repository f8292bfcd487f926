using Calculus.Verification.Sheet;
using MathNet.Numerics;

namespace Calculus.Subjects;

/// <summary>A correct but naive textbook implementation of the sheet, as a student writes it from the formulas:
/// σ = 1/(1 + e^(−x)) (guarded against overflow only by IEEE arithmetic: 1/(1 + ∞) = 0), σ' = σ(1 − σ), tanh' = 1 − tanh²,
/// e^(−x·x), ln(1 + e^x), the sheet's literal f_e = −y·e^(−ya)·σ(ya), log-sum-exp without the shift, and the network
/// by the sheet's chain with those pieces. Every formula is right; only its floating-point form is naive. It must pass
/// every core check (no false alarm); its stable failures are real and known.</summary>
internal sealed class NaiveSheet : SheetBase
{
    private static double Sigma(double x) => 1 / (1 + Math.Exp(-x));

    private static double Value(string f, double x, double alpha, double c) => f switch
    {
        "sigmoid" => Sigma(x),
        "tanh" => Math.Tanh(x),
        "erf" => SpecialFunctions.Erf(x),
        "relu" => Math.Max(0, x),
        "leaky-relu" => Math.Max(0.01 * x, x),
        "plu" => Math.Max((alpha * (x + c)) - c, Math.Min((alpha * (x - c)) + c, x)),
        "sin" => Math.Sin(x),
        "gaussian" => Math.Exp(-x * x),
        "softplus" => Math.Log(1 + Math.Exp(x)),
        "logistic" => Math.Log(1 + Math.Exp(-x)),
        "hinge" => Math.Max(0, 1 - x),
        "smooth-hinge" => Math.Log(1 + Math.Exp(1 - x)),
        _ => throw new ArgumentException($"unknown function {f}"),
    };

    private static double Derivative(string f, double x, double alpha, double c) => f switch
    {
        "sigmoid" => Sigma(x) * (1 - Sigma(x)),
        "tanh" => 1 - (Math.Tanh(x) * Math.Tanh(x)),
        "erf" => 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x),
        "relu" => x > 0 ? 1 : 0,
        "leaky-relu" => x > 0 ? 1 : 0.01,
        "plu" => Math.Abs(x) < c ? 1 : alpha,
        "sin" => Math.Cos(x),
        "gaussian" => -2 * x * Math.Exp(-x * x),
        "softplus" => Sigma(x),
        "logistic" => -Math.Exp(-x) / (1 + Math.Exp(-x)),
        "hinge" => x < 1 ? -1 : 0,
        "smooth-hinge" => -Math.Exp(1 - x) / (1 + Math.Exp(1 - x)),
        _ => throw new ArgumentException($"unknown function {f}"),
    };

    private static double Fe(double a, double y) => -y * Math.Exp(-y * a) * Sigma(y * a);

    public override Answer<double[]> Scalar(ScalarQuery query) =>
        Answer.Of<double[]>([.. query.X.Select(x => (query.Derivative ? Derivative(query.Function, x, query.Parameter("alpha") ?? 0.1, query.Parameter("c") ?? 1) : Value(query.Function, x, query.Parameter("alpha") ?? 0.1, query.Parameter("c") ?? 1)))]);

    public override Answer<double[]> LabelLogistic(LabelLogisticCall call) =>
        Answer.Of<double[]>([.. call.A.Select(v => call.Derivative ? Fe(v, call.Y) : Math.Log(1 + Math.Exp(-call.Y * v)))]);

    public override Answer<double[]> LogSumExp(LogSumExpCall call) => Answer.Of<double[]>([.. call.Vectors.Select(v => Math.Log(v.Sum(Math.Exp)))]);

    public override Answer<double[]> Affine(AffineCall call) =>
        Answer.Of<double[]>([.. call.W.Select((row, i) => row.Select((wij, j) => wij * call.X[j]).Sum() + call.B[i])]);

    public override Answer<double[]> AffinePartial(AffinePartialQuery query)
    {
        var q = query;
        var p = new double[q.B.Length];
        switch (q.Wrt)
        {
            case "W": p[q.I] = q.X[q.J]; break;
            case "b": p[q.I] = 1; break;
            default:
                for (int k = 0; k < p.Length; k++)
                {
                    p[k] = q.W[k][q.I];
                }

                break;
        }

        return Answer.Of(p);
    }

    public override Answer<NetworkAnswer> Network(NetworkQuery query)
    {
        var q = query;
        int h = q.B.Length, d = q.X.Length;
        var a = Affine(new AffineCall(q.W, q.B, q.X)).Value!;
        double z = 0;
        for (int i = 0; i < h; i++)
        {
            z += q.Wout[i] * Value(q.Activation, a[i], 0.1, 1);
        }

        double loss = q.Loss switch
        {
            "logistic" => Math.Log(1 + Math.Exp(-q.Y * z)),
            "smooth-hinge" => Math.Log(1 + Math.Exp(1 - (q.Y * z))),
            _ => Math.Max(0, 1 - (q.Y * z)),
        };
        double fe = q.Loss switch
        {
            "logistic" => Fe(z, q.Y),
            "smooth-hinge" => q.Y * Derivative("smooth-hinge", q.Y * z, 0, 0),
            _ => q.Y * Derivative("hinge", q.Y * z, 0, 0),
        };
        var g = Enumerable.Range(0, h).Select(i => fe * q.Wout[i] * Derivative(q.Activation, a[i], 0.1, 1)).ToArray();
        return Answer.Of(new NetworkAnswer(
            loss,
            [.. Enumerable.Range(0, h).Select(i => q.X.Select(xj => g[i] * xj).ToArray())],
            g,
            [.. Enumerable.Range(0, h).Select(i => fe * Value(q.Activation, a[i], 0.1, 1))],
            [.. Enumerable.Range(0, d).Select(j => Enumerable.Range(0, h).Sum(i => q.W[i][j] * g[i]))]));
    }

    public override Answer<StepAnswer> GdStep(StepQuery query)
    {
        var q = query;
        int h = q.B.Length, d = q.W[0].Length, n = q.Xs.Length;
        var w = q.W.Select(r => (double[])r.Clone()).ToArray();
        var b = (double[])q.B.Clone();
        var wout = (double[])q.Wout.Clone();
        for (int k = 0; k < n; k++)
        {
            var g = Network(new NetworkQuery(q.W, q.B, q.Wout, q.Xs[k], q.Ys[k], q.Activation, q.Loss)).Value!;
            for (int i = 0; i < h; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    w[i][j] -= q.LearningRate * g.DWeights![i][j] / n;
                }

                b[i] -= q.LearningRate * g.DBias![i] / n;
                wout[i] -= q.LearningRate * g.DOutputWeights![i] / n;
            }
        }

        return Answer.Of(new StepAnswer(w, b, wout));
    }
}
