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

    [VectorProperty]
    public Property Sheet4_FullBatchDescent_NeverIncreasesTheLogisticLoss_In50Steps() =>
        Prop.ForAll(Arb.From(Problems), p =>
        {
            // η = 0.01 is below 1/L: with |x| ≤ ~3.5 and initial |w| ~ 1, the Hessian of the mean loss in (W, b, w)
            // is bounded by about (1 + |x|²)(1 + |w|²)/4 ≤ ~25, so 1/L ≥ 0.04. Each step may then only lower the loss,
            // up to the rounding of the mean loss itself, (n + 8)ε relative.
            var result = Trainer.Train(p.Model, p.Data, MarginLosses.Logistic, new TrainingOptions(50, 0.01, 0, 1));
            var h = result.History;
            var rise = Enumerable.Range(1, h.Count - 1).FirstOrDefault(k => h[k].Loss > h[k - 1].Loss * (1 + ((p.Data.Count + 8) * Tolerances.Epsilon)));
            return (rise == 0).Label($"{p}: loss rose at step {rise}: {R(h[Math.Max(rise - 1, 0)].Loss)} → {R(h[rise].Loss)}");
        });
}
