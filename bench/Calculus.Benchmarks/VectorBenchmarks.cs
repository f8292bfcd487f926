using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Calculus.Activations;
using Calculus.Internal;
using Calculus.Losses;

namespace Calculus.Benchmarks;

/// <summary>Target 4: log-sum-exp against TensorPrimitives.Exp into a buffer plus TensorPrimitives.Sum, and a Math.Exp loop;
/// and its two passes alone.</summary>
[Config(typeof(Config))]
public class LogSumExpBenchmarks
{
    private double[] a = [], buffer = [];
    private double max;

    [Params(1_000, 1_000_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        a = [.. Enumerable.Range(0, Length).Select(_ => (rng.NextDouble() - 0.5) * 40)];
        buffer = new double[Length];
        max = a.Max();
    }

    [Benchmark(Baseline = true, Description = "TensorPrimitives.Exp + Sum (throughput limit)")]
    public double TensorExpSum()
    {
        TensorPrimitives.Exp(a, buffer);
        return TensorPrimitives.Sum(buffer);
    }

    [Benchmark(Description = "LogSumExp.Value (library)")]
    public double Library() => LogSumExp.Value(a);

    [Benchmark(Description = "its first pass: TensorPrimitives.Max")]
    public double MaximumPass() => TensorPrimitives.Max(a);

    [Benchmark(Description = "its second pass: the maximum's index and the sum of e^(a_i - max)")]
    public double SumPass() => SpanMap.Width switch
    {
        512 => LogSumExp.ShiftedSum<Lanes512>(a, max),
        256 => LogSumExp.ShiftedSum<Lanes256>(a, max),
        _ => LogSumExp.ShiftedSum<Lanes128>(a, max),
    };

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

/// <summary>Target 5 (issue 14): each span path over 10^6 values in [−10, 10] against its TensorPrimitives
/// counterpart (the baseline of its category, so Ratio is span ÷ TensorPrimitives) and against a loop of the library's
/// own scalar function.</summary>
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
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

    private double Loop(Func<double, double> f)
    {
        for (int k = 0; k < x.Length; k++)
        {
            y[k] = f(x[k]);
        }

        return y[^1];
    }

    [Benchmark(Baseline = true, Description = "TensorPrimitives.Tanh"), BenchmarkCategory("tanh")]
    public double TanhTensor()
    {
        TensorPrimitives.Tanh(x, y);
        return y[^1];
    }

    [Benchmark(Description = "Tanh.Value(span)"), BenchmarkCategory("tanh")]
    public double TanhSpan()
    {
        Tanh.Value(x, y);
        return y[^1];
    }

    [Benchmark(Description = "Tanh.Value loop"), BenchmarkCategory("tanh")]
    public double TanhScalar() => Loop(Tanh.Value);

    [Benchmark(Baseline = true, Description = "TensorPrimitives.Sigmoid"), BenchmarkCategory("sigmoid")]
    public double SigmoidTensor()
    {
        TensorPrimitives.Sigmoid(x, y);
        return y[^1];
    }

    [Benchmark(Description = "Sigmoid.Value(span)"), BenchmarkCategory("sigmoid")]
    public double SigmoidSpan()
    {
        Sigmoid.Value(x, y);
        return y[^1];
    }

    [Benchmark(Description = "Sigmoid.Value loop"), BenchmarkCategory("sigmoid")]
    public double SigmoidScalar() => Loop(Sigmoid.Value);

    [Benchmark(Baseline = true, Description = "TensorPrimitives Multiply, Negate, Exp"), BenchmarkCategory("gaussian")]
    public double GaussianTensor()
    {
        TensorPrimitives.Multiply(x, x, y);
        TensorPrimitives.Negate(y, y);
        TensorPrimitives.Exp(y, y);
        return y[^1];
    }

    [Benchmark(Description = "Gaussian.Value(span)"), BenchmarkCategory("gaussian")]
    public double GaussianSpan()
    {
        Gaussian.Value(x, y);
        return y[^1];
    }

    [Benchmark(Description = "Gaussian.Value loop"), BenchmarkCategory("gaussian")]
    public double GaussianScalar() => Loop(Gaussian.Value);

    [Benchmark(Baseline = true, Description = "TensorPrimitives.Sin"), BenchmarkCategory("sin")]
    public double SinTensor()
    {
        TensorPrimitives.Sin(x, y);
        return y[^1];
    }

    [Benchmark(Description = "Sinusoid.Value(span)"), BenchmarkCategory("sin")]
    public double SinSpan()
    {
        Sinusoid.Value(x, y);
        return y[^1];
    }

    [Benchmark(Description = "Sinusoid.Value loop"), BenchmarkCategory("sin")]
    public double SinScalar() => Loop(Sinusoid.Value);

    [Benchmark(Baseline = true, Description = "Softplus.Value loop"), BenchmarkCategory("softplus")]
    public double SoftplusScalar() => Loop(Softplus.Value);

    [Benchmark(Description = "Softplus.Value(span)"), BenchmarkCategory("softplus")]
    public double SoftplusSpan()
    {
        Softplus.Value(x, y);
        return y[^1];
    }
}
