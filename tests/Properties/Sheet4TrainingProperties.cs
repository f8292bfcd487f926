using Calculus.Functions;
using Calculus.Losses;
using Calculus.Training;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Properties;

/// <summary>Exercise 4: the training code is proved like the calculus: its batch gradient against finite differences,
/// and gradient descent with a small step against the loss it is meant to decrease.</summary>
public sealed class Sheet4TrainingProperties
{
    public static TheoryData<string> Battery4() => BatteryTheory.Checks("4");

    /// <summary>The battery's checks of item 4 whose oracle is independent of the reference (src/Calculus.Verification).</summary>
    [Theory]
    [MemberData(nameof(Battery4))]
    public void Sheet4_Battery(string check) => BatteryTheory.Check(check);

    private sealed record Problem(NetworkModel Model, Dataset Data, string Name, int Seed)
    {
        public override string ToString() =>
            $"{Name} (seed {Seed}), n = {Data.Count}, h = {Model.Weights.RowCount}, activation {Model.Activation.Name}";
    }

    private static readonly Gen<Problem> Problems =
        from name in Gen.Elements("blobs", "xor", "moons")
        from n in Gen.Choose(4, 60)
        from h in Gen.Choose(1, 8)
        from seed in Gen.Choose(0, 1_000_000)
        from activation in Gen.Elements(Catalog.Sigmoid, Catalog.Tanh)
        select new Problem(NetworkModel.Initialize(h, 2, activation, seed), Datasets.Generate(name, n, seed), name, seed);

    /// <summary>θ = (W, b, w) of a model, the parameters training changes.</summary>
    private static double[] Theta(NetworkModel m) => [.. m.Weights.ToRowMajorArray(), .. m.Bias, .. m.OutputWeights];

    private static NetworkModel FromTheta(NetworkModel like, double[] theta)
    {
        int h = like.Weights.RowCount, d = like.Weights.ColumnCount;
        return like with
        {
            Weights = Matrix<double>.Build.Dense(h, d, (i, j) => theta[(i * d) + j]),
            Bias = Vector<double>.Build.Dense(h, i => theta[(h * d) + i]),
            OutputWeights = Vector<double>.Build.Dense(h, i => theta[(h * d) + h + i]),
        };
    }

    public static TheoryData<string> SmoothLosses() => [.. MarginLosses.All.Where(l => l.IsSmooth).Select(l => l.Name)];

    [Theory]
    [MemberData(nameof(SmoothLosses))]
    public void Sheet4_BatchGradient_MatchesDirectionalFiniteDifference(string lossName)
    {
        var loss = MarginLosses.Find(lossName);
        var gen = from p in Problems from v in Generators.UnitDirection(Theta(p.Model).Length) select (p, v);
        PropertySettings.Check(Prop.ForAll(Arb.From(gen), t =>
        {
            var (p, v) = t;
            var g = Trainer.MeanGradient(p.Model, p.Data, loss);
            double[] analytic = [.. g.Weights.ToRowMajorArray(), .. g.Bias, .. g.OutputWeights];
            // The mean loss rounds like each example's loss (NetworkParameters.LossErrorBound) plus n additions of
            // terms of its own size: mean of the per-example bounds + (n + 4)ε·mean loss.
            var layout = new NetworkParameters(p.Model.Weights.RowCount, 2);
            double perExample = Enumerable.Range(0, p.Data.Count).Average(k => layout.LossErrorBound(
                layout.Flatten(p.Model.Weights, p.Model.Bias, p.Model.OutputWeights, p.Data.Points[k]), p.Data.Labels[k], p.Model.Activation, loss));
            double valueError = perExample + ((p.Data.Count + 4) * Tolerances.Epsilon * Trainer.MeanLoss(p.Model, p.Data, loss));
            return GradientCheck.Directional(th => Trainer.MeanLoss(FromTheta(p.Model, th), p.Data, loss), analytic, Theta(p.Model), v, valueError)
                .Holds($"batch gradient ({lossName}) = FD along v", p.ToString());
        }), PropertySettings.VectorCases);
    }

    private const double Rate = 0.01;

    /// <summary>Bounds on |f|, |f'| and |f''| of the activations the problems use: σ ≤ 1, σ' ≤ ¼, |σ''| ≤ 1/(6√3);
    /// |tanh| ≤ 1, tanh' ≤ 1, |tanh''| ≤ 4/(3√3).</summary>
    private static readonly Dictionary<string, (double F0, double F1, double F2)> ActivationBounds = new()
    {
        ["sigmoid"] = (1, 0.25, 0.0962250448649376),
        ["tanh"] = (1, 1, 0.769800358919501),
    };

    private const int Steps = 50;

    /// <summary>Full-batch descent with η = 0.01 lowers the logistic loss at every one of 50 steps (up to the rounding of
    /// the mean loss itself, (n + 8)ε relative), because η·L ≤ 2 for L a bound on the Hessian of the mean loss wherever
    /// the run can go (<see cref="HessianBound"/>): the descent lemma, f(θ − ηg) ≤ f(θ) − η(1 − ηL/2)|g|². The bound is
    /// computed for each problem, and the property fails, saying so, where η·L exceeds 2.</summary>
    [VectorProperty]
    public Property Sheet4_FullBatchDescent_NeverIncreasesTheLogisticLoss_In50Steps() =>
        Prop.ForAll(Arb.From(Problems), p =>
        {
            double bound = HessianBound(p.Model, p.Data);
            if (Rate * bound > 2)
            {
                return false.Label($"{p}: η·L = {R(Rate * bound)} > 2, so the descent lemma does not apply");
            }

            var h = Trainer.Train(p.Model, p.Data, MarginLosses.Logistic, new TrainingOptions(Steps, Rate, 0, 1)).History;
            var rise = Enumerable.Range(1, h.Count - 1).FirstOrDefault(k => h[k].Loss > h[k - 1].Loss * (1 + ((p.Data.Count + 8) * Tolerances.Epsilon)));
            return (rise == 0).Label($"{p}: loss rose at step {rise}: {R(h[Math.Max(rise - 1, 0)].Loss)} → {R(h[rise].Loss)} (η·L = {R(Rate * bound)})");
        });

    /// <summary>A bound L on the spectral norm of the Hessian of the mean logistic loss in θ = (W, b, w) over every θ that
    /// 50 steps of size η can reach from the model, for the problems' labels y = ±1. Per example, ∇²ℓ(yz) = ℓ''·∇z∇zᵀ +
    /// yℓ'·∇²z with ℓ'' ≤ ¼ and |ℓ'| ≤ 1; |∇z|² = Σ_i f(a_i)² + w_i²f'(a_i)²(1 + |x|²); ∇²z is block diagonal by unit,
    /// block i (in w_i, b_i, W_i) [[0, f'(a_i)vᵀ], [f'(a_i)v, w_i f''(a_i)vvᵀ]] with v = (1, x), of norm
    /// ≤ |f'|·|v| + |w_i||f''|·|v|². The mean is bounded by the largest |x| = R over the data. Only w enters, and
    /// |∂L/∂w_i| = |mean of ℓ'·y·f(a_i)| ≤ F0, so in 50 steps |w_i| grows by at most 50ηF0:
    /// L = ¼·Σ_i (F0² + W_i²F1²(1 + R²)) + max_i (F1·√(1 + R²) + W_i·F2·(1 + R²)), W_i = |w_i| + 50ηF0.</summary>
    private static double HessianBound(NetworkModel model, Dataset data)
    {
        var (f0, f1, f2) = ActivationBounds[model.Activation.Name];
        double r2 = 1 + data.Points.Max(x => x.DotProduct(x));
        double outer = 0, block = 0;
        foreach (double wi in model.OutputWeights)
        {
            double w = Math.Abs(wi) + (Steps * Rate * f0);
            outer += (f0 * f0) + (w * w * f1 * f1 * r2);
            block = Math.Max(block, (f1 * Math.Sqrt(r2)) + (w * f2 * r2));
        }

        return (outer / 4) + block;
    }
}
