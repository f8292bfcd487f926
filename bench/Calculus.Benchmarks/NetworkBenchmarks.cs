using BenchmarkDotNet.Attributes;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Benchmarks;

/// <summary>Targets 1 and 2: the gradient against one forward pass, and the sheet's per-entry chain against the fast form.</summary>
[Config(typeof(Config))]
public class NetworkBenchmarks
{
    private double[] w = [], b = [], wo = [], x = [], dW = [], db = [], dw = [], dx = [];

    [Params(64, 256, 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        double Next() => rng.NextDouble() - 0.5;
        w = [.. Enumerable.Range(0, Size * Size).Select(_ => Next() / Math.Sqrt(Size))];
        b = [.. Enumerable.Range(0, Size).Select(_ => Next())];
        wo = [.. Enumerable.Range(0, Size).Select(_ => Next())];
        x = [.. Enumerable.Range(0, Size).Select(_ => Next())];
        dW = new double[Size * Size];
        db = new double[Size];
        dw = new double[Size];
        dx = new double[Size];
    }

    [Benchmark(Baseline = true, Description = "forward pass (loss)")]
    public double Loss() => NetworkSpans.Loss(w, b, wo, x, 1);

    [Benchmark(Description = "gradient W, b, w")]
    public double GradientWbw() => NetworkSpans.Gradient(w, b, wo, x, 1, dW, db, dw, default);

    [Benchmark(Description = "gradient W, b, w, x")]
    public double GradientAll() => NetworkSpans.Gradient(w, b, wo, x, 1, dW, db, dw, dx);
}

/// <summary>Target 2: every ∂L/∂W_ij by the sheet's chain (one forward pass per entry) against the outer-product form, h = d = 64.</summary>
[Config(typeof(Config))]
public class ChainRuleBenchmarks
{
    private Matrix<double> w = null!;
    private Vector<double> b = null!, wo = null!, x = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        w = Matrix<double>.Build.Dense(64, 64, (_, _) => (rng.NextDouble() - 0.5) / 8);
        b = Vector<double>.Build.Dense(64, _ => rng.NextDouble() - 0.5);
        wo = Vector<double>.Build.Dense(64, _ => rng.NextDouble() - 0.5);
        x = Vector<double>.Build.Dense(64, _ => rng.NextDouble() - 0.5);
    }

    [Benchmark(Baseline = true, Description = "fast form (Network.Gradient)")]
    public double Fast() => Network.Gradient(w, b, wo, x, 1).Weights[0, 0];

    [Benchmark(Description = "per-entry chain, every (i, j)")]
    public double Chain()
    {
        double sum = 0;
        for (int i = 0; i < 64; i++)
        {
            for (int j = 0; j < 64; j++)
            {
                sum += NetworkChainRule.WeightPartial(w, b, wo, x, 1, i, j);
            }
        }

        return sum;
    }
}
