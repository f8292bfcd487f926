using Calculus.Verification.Protocol;

namespace Calculus.Verification.Tests;

/// <summary>The points of a batched request follow the subject's speed: a quarter of the timeout at the time per point
/// seen so far, per family, between 1 and 4,096.</summary>
public sealed class BatchSizerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void BeforeAnyAnswer_ABatchHasTheFirstBatchsPoints()
    {
        var sizer = new BatchSizer(Timeout);
        Assert.Equal(64, BatchSizer.FirstBatch);
        Assert.Equal(BatchSizer.FirstBatch, sizer.Size("tanh"));
    }

    [Fact]
    public void ASlowSubject_GetsBatchesItAnswersInAQuarterOfTheTimeout()
    {
        // 50 ms a point: 2.5 s / 0.05 s = 50 points; 64 points took 3.2 s.
        var sizer = new BatchSizer(Timeout);
        sizer.Observe("tanh", 64, 3.2);
        Assert.Equal(50, sizer.Size("tanh"));

        // One point taking longer than a quarter of the timeout: one point a request, never none.
        sizer.Observe("erf", 1, 4);
        Assert.Equal(1, sizer.Size("erf"));
    }

    [Fact]
    public void AQuickSubject_GetsTheLargestBatch()
    {
        var sizer = new BatchSizer(Timeout);
        sizer.Observe("tanh", 64, 0.002);
        Assert.Equal(ProcessSheet.MaxBatch, sizer.Size("tanh"));
        sizer.Observe("sin", 64, 0); // too quick for the clock
        Assert.Equal(ProcessSheet.MaxBatch, sizer.Size("sin"));
    }

    [Fact]
    public void ANewFamily_StartsAtTheSlowestSeen()
    {
        var sizer = new BatchSizer(Timeout);
        sizer.Observe("tanh", 4096, 0.004); // 1 µs a point
        sizer.Observe("erf", 100, 1); // 10 ms a point
        Assert.Equal(250, sizer.Size("gaussian"));
        Assert.Equal(ProcessSheet.MaxBatch, sizer.Size("tanh"));
    }

    [Fact]
    public void AStall_ShrinksTheBatches_ForAFewAnswersOnly()
    {
        // 1 µs a point, then one answer of 100 points that took 2 s (a stall: 20 ms a point), then quick again: the
        // estimate halves towards the quick answers, 10 ms, 5 ms, …, and the batch doubles, back to the largest after six.
        var sizer = new BatchSizer(Timeout);
        sizer.Observe("tanh", 100, 1e-4);
        sizer.Observe("tanh", 100, 2);
        var sizes = new List<int> { sizer.Size("tanh") };
        for (int k = 0; k < 6; k++)
        {
            sizer.Observe("tanh", 100, 1e-4);
            sizes.Add(sizer.Size("tanh"));
        }

        Assert.Equal([125, 250, 500, 1000, 2000, 4000, ProcessSheet.MaxBatch], sizes);
    }

    [Fact]
    public void ATimeout_CountsAsTheWholeTimeout()
    {
        // 4,096 points not answered within 10 s: at least 2.4 ms a point, so a batch of at most 1,024.
        var sizer = new BatchSizer(Timeout);
        sizer.Observe("tanh", 4096, Timeout.TotalSeconds);
        Assert.Equal(1024, sizer.Size("tanh"));
        Assert.Throws<ArgumentOutOfRangeException>(() => sizer.Observe("tanh", 0, 1));
    }
}
