using BenchmarkDotNet.Running;
using Calculus.Benchmarks;

if (args.Contains("--evaluations"))
{
    GradientCheckBenchmarks.PrintEvaluations(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(NetworkBenchmarks).Assembly).Run(args);
