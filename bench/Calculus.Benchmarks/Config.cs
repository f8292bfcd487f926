using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Calculus.Benchmarks;

/// <summary>One job for every benchmark: 3 warm-ups and 10 measured iterations in one process, with allocations
/// counted, so that the whole set runs in minutes on 2 cores.</summary>
public sealed class Config : ManualConfig
{
    public Config()
    {
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
