using BenchmarkDotNet.Attributes;
using Calculus.Checking;
using Calculus.Networks;

namespace Calculus.Benchmarks;

/// <summary>Target 3: the directional check of an h = d = 256 network against a full central-difference gradient.</summary>
[Config(typeof(Config))]
public class GradientCheckBenchmarks
{
    private const int Size = 256;
    private NetworkParameters layout = null!;
    private double[] theta = [], gradient = [], direction = [];

    [GlobalSetup]
    public void Setup() => (layout, theta, gradient, direction) = Build();

    private static (NetworkParameters, double[], double[], double[]) Build()
    {
        var rng = new Random(1);
        var layout = new NetworkParameters(Size, Size);
        double[] theta = [.. Enumerable.Range(0, layout.Count).Select(_ => (rng.NextDouble() - 0.5) / 4)];
        var (w, b, wo, x) = layout.Unflatten(theta);
        double[] gradient = layout.Flatten(Network.Gradient(w, b, wo, x, 1));
        double[] direction = [.. Enumerable.Range(0, layout.Count).Select(_ => rng.NextDouble() - 0.5)];
        double norm = Math.Sqrt(direction.Sum(v => v * v));
        return (layout, theta, gradient, [.. direction.Select(v => v / norm)]);
    }

    [Benchmark(Baseline = true, Description = "directional check (all parameters at once)")]
    public bool Directional() => GradientCheck.Directional(t => layout.Loss(t, 1), gradient, theta, direction).Passed;

    /// <summary>2·(h·d + 2h + d) loss evaluations: the 3-point central difference of every parameter.</summary>
    [Benchmark(Description = "full central-difference gradient (3-point, every parameter)")]
    [IterationCount(3)]
    [WarmupCount(1)]
    public double FullCentralDifference()
    {
        var work = (double[])theta.Clone();
        double h = Tolerances.ThreePointStep, worst = 0;
        for (int k = 0; k < work.Length; k++)
        {
            double keep = work[k];
            work[k] = keep + h;
            double up = layout.Loss(work, 1);
            work[k] = keep - h;
            double down = layout.Loss(work, 1);
            work[k] = keep;
            worst = Math.Max(worst, Math.Abs(((up - down) / (2 * h)) - gradient[k]));
        }

        return worst;
    }

    /// <summary>Counts the loss evaluations of one directional check and of the full gradient.</summary>
    public static void PrintEvaluations(TextWriter output)
    {
        var (layout, theta, gradient, direction) = Build();
        GradientCheck.ResetEvaluations();
        var result = GradientCheck.Directional(t => layout.Loss(t, 1), gradient, theta, direction);
        output.WriteLine($"directional check, h = d = {Size}: {GradientCheck.Evaluations} loss evaluations ({result})");
        output.WriteLine($"full central-difference gradient: 2·(h·d + 2h + d) = {2 * layout.Count} loss evaluations");
    }
}
