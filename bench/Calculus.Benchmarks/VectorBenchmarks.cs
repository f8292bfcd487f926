using BenchmarkDotNet.Attributes;
using System.Numerics.Tensors;

namespace Calculus.Benchmarks;

/// <summary>Target 4: log-sum-exp against TensorPrimitives.Exp into a buffer plus TensorPrimitives.Sum, and a Math.Exp loop.</summary>
[Config(typeof(Config))]
public class LogSumExpBenchmarks
{
    private double[] a = [], buffer = [];

    [Params(1_000, 1_000_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        a = [.. Enumerable.Range(0, Length).Select(_ => (rng.NextDouble() - 0.5) * 40)];
        buffer = new double[Length];
    }

    [Benchmark(Baseline = true, Description = "TensorPrimitives.Exp + Sum (throughput limit)")]
    public double TensorExpSum()
    {
        TensorPrimitives.Exp(a, buffer);
        return TensorPrimitives.Sum(buffer);
    }

    [Benchmark(Description = "LogSumExp.Value (library)")]
    public double Library() => LogSumExp.Value(a);

    [Benchmark(Description = "Math.Exp loop")]
    public double ScalarExp()
    {
        double sum = 0;
        foreach (double v in a)
        {
            sum += Math.Exp(v);
        }

        return Math.Log(sum);
    }
}

/// <summary>Target 5: activations over a vector of 10^6.</summary>
[Config(typeof(Config))]
public class ActivationBenchmarks
{
    private const int Length = 1_000_000;
    private double[] x = [], y = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        x = [.. Enumerable.Range(0, Length).Select(_ => (rng.NextDouble() - 0.5) * 20)];
        y = new double[Length];
    }

    [Benchmark(Baseline = true, Description = "tanh: library through the catalog delegate")]
    public double TanhLibrary()
    {
        var f = ActivationCatalog.Tanh.Value;
        for (int k = 0; k < x.Length; k++)
        {
            y[k] = f(x[k]);
        }

        return y[^1];
    }

    [Benchmark(Description = "tanh: Math.Tanh loop")]
    public double TanhScalar()
    {
        for (int k = 0; k < x.Length; k++)
        {
            y[k] = Math.Tanh(x[k]);
        }

        return y[^1];
    }

    [Benchmark(Description = "tanh: TensorPrimitives.Tanh")]
    public double TanhTensor()
    {
        TensorPrimitives.Tanh(x, y);
        return y[^1];
    }

    [Benchmark(Description = "σ: library (Sigmoid.Value loop)")]
    public double SigmoidLibrary()
    {
        for (int k = 0; k < x.Length; k++)
        {
            y[k] = Sigmoid.Value(x[k]);
        }

        return y[^1];
    }

    [Benchmark(Description = "σ: naive 1/(1 + Math.Exp(−x)) loop")]
    public double SigmoidScalar()
    {
        for (int k = 0; k < x.Length; k++)
        {
            y[k] = 1 / (1 + Math.Exp(-x[k]));
        }

        return y[^1];
    }

    [Benchmark(Description = "σ: TensorPrimitives.Sigmoid")]
    public double SigmoidTensor()
    {
        TensorPrimitives.Sigmoid(x, y);
        return y[^1];
    }
}
