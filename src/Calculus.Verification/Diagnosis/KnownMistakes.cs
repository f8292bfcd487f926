using Calculus.Activations;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Verification.Sheet;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Verification.Diagnosis;

/// <summary>A mistake people make on this sheet, as a subject: the reference with that one function wrong.</summary>
/// <param name="Id">A short name, the function and a number: "sigmoid-1" (for <c>calculus serve --mistake</c>).</param>
/// <param name="Item">The sheet item it belongs to.</param>
/// <param name="Function">The protocol name of the function it gets wrong.</param>
/// <param name="Description">The wrong formula, as a diagnosis names it.</param>
/// <param name="Sheet">The reference with the mistake in it.</param>
internal sealed record KnownMistake(string Id, string Item, string Function, string Description, ISheet Sheet)
{
    /// <summary>"sigmoid: σ(x)(1 + σ(x))".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Function}: {Description}";
}

/// <summary>The mistakes the suite knows: the diagnosis of a failure names the one the subject agrees with at every
/// sampled case, the battery must reject each of them, and the false-alarm sweep measures how often the gradient check
/// catches the network ones.</summary>
internal static class KnownMistakes
{
    /// <summary>Every known mistake, by item.</summary>
    public static IReadOnlyList<KnownMistake> All { get; } = Numbered(
    [
        ("1a", "affine-partial", "∂u/∂W_ij = x_i·e_j (i and j swapped)", MutantSheet.AffinePartialOf("W", q => Unit(q.B.Length, q.J, q.X[q.I]))),
        ("1b", "affine-partial", "∂u/∂b_i = x_i·e_i (the x_j of 1a carried over)", MutantSheet.AffinePartialOf("b", q => Unit(q.B.Length, q.I, q.X[q.I]))),
        ("1c", "affine-partial", "∂u/∂x_i = row i of W (W_(i,·) instead of the column W_(·,i))", MutantSheet.AffinePartialOf("x", q => q.W[q.I])),
        ("1d", "sigmoid", "σ'(x) = σ(x)(1 + σ(x))", MutantSheet.Scalars("sigmoid", derivative: x => Sigmoid.Value(x) * (1 + Sigmoid.Value(x)))),
        ("1d", "sigmoid", "σ'(x) = σ(x)² (σ(x) instead of 1 − σ(x))", MutantSheet.Scalars("sigmoid", derivative: x => Sigmoid.Value(x) * Sigmoid.Value(x))),
        ("1d", "sigmoid", "σ'(x) = e^(−x)/(1 + e^(−x)) (the square of 1 + e^(−x) dropped)", MutantSheet.Scalars("sigmoid", derivative: x => Sigmoid.Value(-x))),
        ("1d", "sigmoid", "σ(x) = 1/(1 + e^x) (the sign of the exponent)", MutantSheet.Scalars("sigmoid", value: x => Sigmoid.Value(-x))),
        ("1e", "label-logistic", "f_e(a) = +y·σ(−ya) (the sign)", MutantSheet.Label(derivative: (a, y) => -LabelLogisticLoss.Derivative(a, y))),
        ("1e", "label-logistic", "f_e(a) = −σ(−ya) (y dropped)", MutantSheet.Label(derivative: (a, y) => -Sigmoid.Value(-y * a))),
        ("1e", "label-logistic", "f_e(a) = −y·e^(ya)·σ(ya) (the sign of the exponent)", MutantSheet.Label(derivative: (a, y) => -y * Math.Exp(y * a) * Sigmoid.Value(y * a))),
        ("1e", "label-logistic", "f_e(a) = −y·e^(−ya)·σ(ya), the sheet's literal form (∞·0 = NaN for ya ≤ −709.8)",
            MutantSheet.Label(derivative: (a, y) => -y * Math.Exp(-y * a) * Sigmoid.Value(y * a))),
        ("1e", "label-logistic", "ℓ(a) = log(1 + e^(ya)) (the sign of the exponent)", MutantSheet.Label(value: (a, y) => LabelLogisticLoss.Value(-a, y))),
        ("1f", "network", "∂L/∂W_ij = g_j·x_i (i and j swapped)", MutantSheet.NetworkOf(q => Chain.Of(q).Answer(dW: c => c.Outer((i, j) => j < c.G.Count && i < c.X.Count ? c.G[j] * c.X[i] : 0)))),
        ("1f", "network", "the factor f_d(a_i) dropped: ∂L/∂a_i = f_e·w_i", MutantSheet.NetworkOf(q => Chain.Of(q).WithG(c => c.W2 * c.Fe))),
        ("1f", "network", "∂L/∂x = W·g instead of Wᵀ·g", MutantSheet.NetworkOf(q => Chain.Of(q).Answer(dx: c => c.Weights.RowCount == c.Weights.ColumnCount
            ? c.Weights * c.G : throw new ArgumentException($"W·g needs a square W; W is {c.Weights.RowCount}×{c.Weights.ColumnCount}")))),
        ("1f", "network", "every gradient entry with the wrong sign (ascent)", MutantSheet.NetworkOf(q => Chain.Of(q).WithG(c => -c.G, dw: c => -c.Dw))),
        ("1f", "network", "y dropped from f_e: −σ(−yz) instead of −y·σ(−yz)", MutantSheet.NetworkOf(q => Chain.Of(q).WithFe(c => c.Y == 0 ? 0 : c.Fe / c.Y))),
        ("1f", "network", "the sheet's literal f_e = −y·e^(−yz)·σ(yz) (∞·0 = NaN for yz ≤ −709.8)",
            MutantSheet.NetworkOf(q => Chain.Of(q).WithFe(c => c.Loss.Name == "logistic" ? -c.Y * Math.Exp(-c.Y * c.Z) * Sigmoid.Value(c.Y * c.Z) : c.Fe))),
        ("1f", "network", "∂L/∂w = f_e·a (the pre-activation a instead of σ̂(a))", MutantSheet.NetworkOf(q => Chain.Of(q).Answer(dw: c => c.A * c.Fe))),
        ("1f", "network", "∂L/∂b_i = g_i·x_i (the x_j of ∂L/∂W carried over)", MutantSheet.NetworkOf(q => Chain.Of(q).Answer(db: c => Vector<double>.Build.Dense(c.G.Count, i => c.G[i] * c.X[i % c.X.Count])))),
        ("2a", "tanh", "tanh'(x) = 1 − tanh(x) (the square dropped)", MutantSheet.Scalars("tanh", derivative: x => 1 - Math.Tanh(x))),
        ("2a", "tanh", "tanh'(x) = 1 + tanh²(x) (the sign)", MutantSheet.Scalars("tanh", derivative: x => 1 + (Math.Tanh(x) * Math.Tanh(x)))),
        ("2a", "tanh", "tanh'(x) = sech(x) (not squared)", MutantSheet.Scalars("tanh", derivative: x => 1 / Math.Cosh(x))),
        ("2b", "erf", "erf'(x) = e^(−x²) (the factor 2/√π dropped)", MutantSheet.Scalars("erf", derivative: Gaussian.Value)),
        ("2c", "relu", "ReLU'(x) = 1 everywhere (the dead half forgotten)", MutantSheet.Scalars("relu", derivative: x => double.IsNaN(x) ? x : 1)),
        ("2d", "leaky-relu", "max(0.1x, x): the slope 0.1 instead of 0.01", MutantSheet.Scalars("leaky-relu", value: x => Math.Max(0.1 * x, x), derivative: x => x > 0 ? 1 : 0.1)),
        ("2e", "plu", "min and max swapped: min(α(x + c) − c, max(α(x − c) + c, x))",
            MutantSheet.Scalars("plu", value: x => Math.Min((0.1 * (x + 1)) - 1, Math.Max((0.1 * (x - 1)) + 1, x)))),
        ("2f", "sin", "sin'(x) = −cos(x) (the sign)", MutantSheet.Scalars("sin", derivative: x => -Math.Cos(x))),
        ("2g", "gaussian", "(e^(−x²))' = −x·e^(−x²) (the factor 2 dropped)", MutantSheet.Scalars("gaussian", derivative: x => -x * Gaussian.Value(x))),
        ("2g", "gaussian", "(e^(−x²))' = 2x·e^(−x²) (the sign)", MutantSheet.Scalars("gaussian", derivative: x => -Gaussian.Derivative(x))),
        ("3a", "logsumexp", "ln Σ e^(a_i) without the shift by max a (overflows to ∞ from a_i ≥ 709.8)", MutantSheet.LogSumExpOf(a => Math.Log(a.Sum(Math.Exp)))),
        ("3a", "logsumexp", "m + ln Σ_(i≠k) e^(a_i − m): the term e⁰ = 1 of the maximum dropped", MutantSheet.LogSumExpOf(a =>
        {
            double m = a.Max();
            int k = Array.IndexOf(a, m);
            return m + Math.Log(a.Where((_, i) => i != k).Sum(v => Math.Exp(v - m)));
        })),
        ("3b", "smooth-hinge", "h*(t) = ln(1 + e^(−t)) (the 1 of 1 − t dropped)", MutantSheet.Scalars("smooth-hinge", value: LogisticLoss.Value, derivative: LogisticLoss.Derivative)),
        ("3b", "hinge", "max(0, −t) (the 1 of 1 − t dropped)", MutantSheet.Scalars("hinge", value: t => Math.Max(0, -t), derivative: t => t < 0 ? -1 : 0)),
        ("3b", "softplus", "softplus'(x) = σ(−x) (the sign)", MutantSheet.Scalars("softplus", derivative: x => Sigmoid.Value(-x))),
        ("3c", "logistic", "l(t) = ln(1 + e^(2 − t)): shifted the wrong way", MutantSheet.Scalars("logistic", value: t => Softplus.Value(2 - t), derivative: t => -Sigmoid.Value(2 - t))),
        ("3c", "logistic", "l'(t) = σ(−t) (the sign)", MutantSheet.Scalars("logistic", derivative: t => Sigmoid.Value(-t))),
        ("4", "gd-step", "θ + η·∇L: a step up the gradient", MutantSheet.StepOf(q => StepWith(q, -q.LearningRate, mean: true))),
        ("4", "gd-step", "θ − η·Σ_k ∇L_k: the sum over the examples instead of the mean", MutantSheet.StepOf(q => StepWith(q, q.LearningRate, mean: false))),
    ]);

    /// <summary>The mistake with this id.</summary>
    /// <param name="id">An <see cref="KnownMistake.Id"/>.</param>
    /// <returns>The mistake.</returns>
    /// <exception cref="ArgumentException">No mistake has that id; the message lists them.</exception>
    public static KnownMistake Find(string id) =>
        All.FirstOrDefault(m => m.Id == id) ?? throw new ArgumentException($"unknown mistake '{id}'; known: {string.Join(", ", All.Select(m => m.Id))}", nameof(id));

    private static KnownMistake[] Numbered((string Item, string Function, string Description, ISheet Sheet)[] mistakes) =>
        [.. mistakes.Select((m, k) => new KnownMistake($"{m.Function}-{mistakes.Take(k + 1).Count(o => o.Function == m.Function)}", m.Item, m.Function, m.Description, m.Sheet))];

    /// <summary>The mistakes of one function.</summary>
    /// <param name="function">A protocol name.</param>
    /// <returns>Its known mistakes.</returns>
    public static IEnumerable<KnownMistake> Of(string function) => All.Where(m => m.Function == function);

    private static double[] Unit(int length, int at, double value)
    {
        var v = new double[length];
        v[at] = value; // out of range throws IndexOutOfRangeException: the mistake cannot be formed for this shape
        return v;
    }

    private static StepAnswer StepWith(StepQuery q, double rate, bool mean)
    {
        var w = Matrix<double>.Build.DenseOfRowArrays(q.W);
        var b = Vector<double>.Build.DenseOfArray(q.B);
        var wout = Vector<double>.Build.DenseOfArray(q.Wout);
        var f = Catalog.FindActivation(q.Activation);
        var loss = MarginLosses.Find(q.Loss);
        var gw = Matrix<double>.Build.Dense(w.RowCount, w.ColumnCount);
        var gb = Vector<double>.Build.Dense(b.Count);
        var gwo = Vector<double>.Build.Dense(wout.Count);
        for (int k = 0; k < q.Xs.Length; k++)
        {
            var g = Calculus.Networks.Network.Gradient(w, b, wout, Vector<double>.Build.DenseOfArray(q.Xs[k]), q.Ys[k], f, loss);
            gw += g.Weights;
            gb += g.Bias;
            gwo += g.OutputWeights;
        }

        double scale = rate / (mean ? q.Xs.Length : 1);
        return new StepAnswer((w - (gw * scale)).ToRowArrays(), (b - (gb * scale)).ToArray(), (wout - (gwo * scale)).ToArray());
    }

    /// <summary>The reference's forward and backward pass at a query, pieces exposed so that a mistake can replace one.</summary>
    private sealed record Chain(
        Matrix<double> Weights, Vector<double> X, double Y, Vector<double> A, Vector<double> S, Vector<double> W2, Vector<double> Fd, double Z, double Fe, IMarginLoss Loss)
    {
        public Vector<double> G => W2.PointwiseMultiply(Fd) * Fe;

        public Vector<double> Dw => S * Fe;

        public static Chain Of(NetworkQuery q)
        {
            var w = Matrix<double>.Build.DenseOfRowArrays(q.W);
            var x = Vector<double>.Build.DenseOfArray(q.X);
            var f = Catalog.FindActivation(q.Activation);
            var loss = MarginLosses.Find(q.Loss);
            var a = (w * x) + Vector<double>.Build.DenseOfArray(q.B);
            var s = a.Map(f.Value);
            var wout = Vector<double>.Build.DenseOfArray(q.Wout);
            double z = wout.DotProduct(s);
            return new Chain(w, x, q.Y, a, s, wout, a.Map(f.Derivative), z, loss.DerivativeInScore(z, q.Y), loss);
        }

        public Matrix<double> Outer(Func<int, int, double> entry) => Matrix<double>.Build.Dense(Weights.RowCount, Weights.ColumnCount, entry);

        /// <summary>The right answer with some blocks replaced.</summary>
        public NetworkAnswer Answer(
            Func<Chain, Matrix<double>>? dW = null, Func<Chain, Vector<double>>? db = null, Func<Chain, Vector<double>>? dw = null, Func<Chain, Vector<double>>? dx = null)
        {
            var g = G;
            return new NetworkAnswer(Loss.Value(Z, Y), (dW?.Invoke(this) ?? g.OuterProduct(X)).ToRowArrays(), (db?.Invoke(this) ?? g).ToArray(),
                (dw?.Invoke(this) ?? Dw).ToArray(), (dx?.Invoke(this) ?? Weights.TransposeThisAndMultiply(g)).ToArray());
        }

        /// <summary>Every block that flows from g = ∂L/∂a rebuilt from a wrong g (and ∂L/∂w from its own rule).</summary>
        public NetworkAnswer WithG(Func<Chain, Vector<double>> g, Func<Chain, Vector<double>>? dw = null)
        {
            var wrong = g(this);
            return Answer(_ => wrong.OuterProduct(X), _ => wrong, dw, _ => Weights.TransposeThisAndMultiply(wrong));
        }

        /// <summary>Every block rebuilt from a wrong f_e.</summary>
        public NetworkAnswer WithFe(Func<Chain, double> fe) => (this with { Fe = fe(this) }).Answer();
    }
}
