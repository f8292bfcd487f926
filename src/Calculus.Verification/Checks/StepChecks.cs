using Calculus.Checking;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Training;
using Calculus.Verification.Generation;
using Calculus.Verification.Sheet;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Verification.Checks;

/// <summary>One gradient-descent step of exercise 4: the network's parameters, n examples, the step η, activation and loss.</summary>
/// <param name="Network">W, b, w (its x and y are unused), activation and loss.</param>
/// <param name="Xs">The n points.</param>
/// <param name="Ys">The n labels.</param>
/// <param name="Rate">η.</param>
internal sealed record StepCase(NetworkCase Network, double[][] Xs, double[] Ys, double Rate)
{
    /// <summary>The protocol request.</summary>
    public StepQuery Query => new(Network.W.ToRowArrays(), Network.B.ToArray(), Network.Wout.ToArray(), Xs, Ys, Rate, Network.Activation.Name, Network.Loss.Name);

    /// <summary>Every number, round-trip.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"η = {Show.R(Rate)}, activation = {Network.Activation.Name}, loss = {Network.Loss.Name}, W = {Show.Matrix(Network.W.ToRowArrays())}, b = {Show.Vector(Network.B)}, " +
        $"w = {Show.Vector(Network.Wout)}, X = {Show.Matrix(Xs)}, Y = {Show.Vector(Ys)}";
}

/// <summary>Exercise 4 ("solve programming task 4"): one full-batch gradient step on the mean loss, against the reference
/// and as a descent step.</summary>
internal static class StepChecks
{
    private const string Item = "4", Function = "gd-step";

    /// <summary>Steps on h ≤ 6, d ≤ 4, n ≤ 12 examples, weights at scale 0.1, 1, 3, σ or tanh, the logistic or smooth-hinge
    /// loss, η ∈ {1e-3, 0.1, 1}.</summary>
    public static Gen<StepCase> Steps { get; } =
        from net in Generators.Network(6, Generators.Label, Generators.ModerateScale, Gen.Elements(Catalog.Sigmoid, Catalog.Tanh),
            Gen.Elements(MarginLosses.Logistic, MarginLosses.SmoothHinge)).Where(n => n.Inputs <= 4)
        from n in Gen.Choose(1, 12)
        from xs in Generators.Band(-3, 3).ArrayOf(net.Inputs).ArrayOf(n)
        from ys in Generators.Label.ArrayOf(n)
        from rate in Gen.Elements(1e-3, 0.1, 1.0)
        select new StepCase(net, xs, ys, rate);

    /// <summary>Both checks of item 4.</summary>
    public static IEnumerable<Check> All
    {
        get
        {
            yield return new PropertyCheck<StepCase>(Item, [Function], "one full-batch step gives θ − η·(1/n)Σ_k ∇L(θ; x_k, y_k) for W, b and w", Tier.Core, NetworkChecks.Cases, false,
                Steps, Shrink, s => s.ToString(), Step, s => NetworkChecks.Configuration(s.Network));
            yield return new PropertyCheck<StepCase>(Item, [Function], "a small step (η = 1e-3) does not raise the mean loss", Tier.Core, NetworkChecks.Cases, true,
                Steps.Select(s => s with { Rate = 1e-3 }), Shrink, s => s.ToString(), Descends, s => NetworkChecks.Configuration(s.Network));
        }
    }

    /// <summary>Each new entry against the reference's, within η times the bound of the mean gradient entry (the mean of the
    /// per-example bounds of subject and reference, and nε·mean|g| for the sum) plus the rounding of the update itself.</summary>
    private static CaseOutcome Step(StepCase s, CheckContext ctx)
    {
        var got = Ask.GdStep(ctx.Subject, s.Query);
        var expected = Ask.Value(ctx.Reference.Ask(s.Query));
        var layout = s.Network.Layout;
        var bound = new double[layout.Count];
        var size = new double[layout.Count];
        for (int k = 0; k < s.Xs.Length; k++)
        {
            var point = new NetworkCase(s.Network.Example with { X = Vector<double>.Build.DenseOfArray(s.Xs[k]), Y = s.Ys[k] }, s.Network.Scale);
            var mine = NetworkErrorBounds.Compute(layout, point.Theta, point.Y, point.Activation, point.Loss, ctx.Model);
            double[] g = layout.Flatten(point.Gradient());
            for (int e = 0; e < bound.Length; e++)
            {
                bound[e] += (mine.Gradient[e] + point.Bounds.Gradient[e] + (s.Xs.Length * ctx.Model.Epsilon * Math.Abs(g[e]))) / s.Xs.Length;
                size[e] += Math.Abs(g[e]) / s.Xs.Length;
            }
        }

        double[] before = s.Network.Theta, gotFlat = Flatten(layout, got, before), expectedFlat = Flatten(layout, expected, before);
        var outcomes = new List<Func<CaseOutcome>>();
        for (int e = 0; e < layout.Input(0); e++)
        {
            int k = e;
            double tolerance = (s.Rate * bound[k]) + (2 * ctx.Model.Epsilon * (Math.Abs(before[k]) + (s.Rate * size[k]))) + ctx.Model.Of(expectedFlat[k]) + Compare.Subnormal(ctx.Model);
            outcomes.Add(() => Compare.Values(() => $"{NetworkGradientCheck.EntryName(layout, k)} after the step", expectedFlat[k], gotFlat[k], tolerance));
        }

        return Compare.All([.. outcomes]);
    }

    /// <summary>The reference's mean loss at the subject's new parameters is at most the old one, up to the rounding of
    /// both means: η = 1e-3 is far below 2/λ_max of the mean loss's Hessian here (λ_max ≲ 150 for |x| ≤ 3, |w| ≤ 3, h ≤ 6).</summary>
    private static CaseOutcome Descends(StepCase s, CheckContext ctx)
    {
        var got = Ask.GdStep(ctx.Subject, s.Query);
        var data = new Dataset([.. s.Xs.Select(x => Vector<double>.Build.DenseOfArray(x))], s.Ys);
        var before = new NetworkModel(s.Network.W, s.Network.B, s.Network.Wout, s.Network.Activation);
        var after = before with
        {
            Weights = Matrix<double>.Build.DenseOfRowArrays(got.W), Bias = Vector<double>.Build.DenseOfArray(got.B), OutputWeights = Vector<double>.Build.DenseOfArray(got.Wout),
        };
        double old = Trainer.MeanLoss(before, data, s.Network.Loss), now = Trainer.MeanLoss(after, data, s.Network.Loss);
        double tolerance = 2 * Enumerable.Range(0, s.Xs.Length).Average(k =>
            new NetworkCase(s.Network.Example with { X = Vector<double>.Build.DenseOfArray(s.Xs[k]), Y = s.Ys[k] }, s.Network.Scale).Bounds.Loss) + ((s.Xs.Length + 4) * Tolerances.Epsilon * old)
            + Rounded(s, data, before, ctx);
        return now <= old + tolerance ? CaseOutcome.Pass
            : CaseOutcome.Fail("the mean loss rose after a step of η = 1e-3 (an ascent step?)", Expectation.AtMost(old), now, tolerance);
    }

    /// <summary>In single precision the new parameters are floats: each θ_k within 2r·|θ_k| of the exact step (its
    /// input and its result rounded, r = 2^-24), which moves the mean loss by up to Σ_k |∂L/∂θ_k|·2r·|θ_k|; 0 in
    /// double. The factor 2 over first order covers the gradient's change over the step (η = 1e-3).</summary>
    private static double Rounded(StepCase s, Dataset data, NetworkModel before, CheckContext ctx)
    {
        double r = ctx.Model.Precision.InputRounding();
        if (r == 0)
        {
            return 0;
        }

        var g = Trainer.MeanGradient(before, data, s.Network.Loss);
        double sum = 0;
        for (int i = 0; i < g.Weights.RowCount; i++)
        {
            sum += (Math.Abs(g.Bias[i]) * Math.Abs(before.Bias[i])) + (Math.Abs(g.OutputWeights[i]) * Math.Abs(before.OutputWeights[i]));
            for (int j = 0; j < g.Weights.ColumnCount; j++)
            {
                sum += Math.Abs(g.Weights[i, j]) * Math.Abs(before.Weights[i, j]);
            }
        }

        return 2 * (2 * r * sum);
    }

    private static double[] Flatten(NetworkParameters layout, StepAnswer a, double[] before) =>
        [.. a.W.SelectMany(r => r), .. a.B, .. a.Wout, .. before[layout.Input(0)..]];

    /// <summary>One example fewer, or the network shrunk (its inputs cut from every example too).</summary>
    private static IEnumerable<StepCase> Shrink(StepCase s)
    {
        if (s.Xs.Length > 1)
        {
            yield return s with { Xs = s.Xs[..^1], Ys = s.Ys[..^1] };
        }

        foreach (var n in s.Network.Shrink())
        {
            yield return s with { Network = n, Xs = [.. s.Xs.Select(x => x[..n.Inputs])] };
        }
    }
}
