using Calculus.Verification.Protocol;

namespace Calculus.Verification.Tests;

/// <summary>The points of a batched request follow the subject's speed: a quarter of the timeout at the time per point
/// seen so far, per family, between 1 and 4,096; a family not yet timed gets a first batch of 16.</summary>
public sealed class BatchSizerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void AFamilyNotTimed_GetsTheFirstBatch_WhateverTheOthersTook()
    {
        // A function that hung (10 s a point) does not shrink the first batch of the next function.
        var sizer = new BatchSizer(Timeout);
        Assert.Equal(16, BatchSizer.FirstBatch);
        Assert.False(sizer.Timed("tanh"));
        Assert.Equal(BatchSizer.FirstBatch, sizer.Size("tanh"));
        sizer.Observe("erf", 1, 10, timedOut: true);
        Assert.True(sizer.Timed("erf"));
        Assert.Equal(1, sizer.Size("erf"));
        Assert.False(sizer.Timed("tanh"));
        Assert.Equal(BatchSizer.FirstBatch, sizer.Size("tanh"));
    }

    [Fact]
    public void ASlowSubject_GetsBatchesItAnswersInAQuarterOfTheTimeout()
    {
        // 50 ms a point: 2.5 s / 0.05 s = 50 points; 16 points took 0.8 s.
        var sizer = new BatchSizer(Timeout);
        sizer.Observe("tanh", 16, 0.8);
        Assert.Equal(50, sizer.Size("tanh"));

        // 4 s a point, more than a quarter of the timeout: one point a request, never none.
        sizer.Observe("erf", 16, 64);
        Assert.Equal(1, sizer.Size("erf"));
    }

    [Fact]
    public void AQuickSubject_GetsTheLargestBatch()
    {
        var sizer = new BatchSizer(Timeout);
        sizer.Observe("tanh", 16, 0.002);
        Assert.Equal(ProcessSheet.MaxBatch, sizer.Size("tanh"));
        sizer.Observe("sin", 16, 0); // too quick for the clock
        Assert.Equal(ProcessSheet.MaxBatch, sizer.Size("sin"));
    }

    [Fact]
    public void AnAnswerOfAFewPoints_IsNotTimed_UnlessItTimedOut()
    {
        // A point asked alone that took 5 ms is the request's overhead, not 5 ms a point: it would have made batches of
        // 500 where 4,096 fit.
        var sizer = new BatchSizer(Timeout);
        Assert.Equal(8, BatchSizer.LeastTimedPoints);
        sizer.Observe("tanh", 7, 0.005);
        Assert.False(sizer.Timed("tanh"));
        sizer.Observe("tanh", 8, 0.001);
        Assert.Equal(ProcessSheet.MaxBatch, sizer.Size("tanh"));
        sizer.Observe("tanh", 1, 0.005);
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
        sizer.Observe("tanh", 4096, Timeout.TotalSeconds, timedOut: true);
        Assert.Equal(1024, sizer.Size("tanh"));
        Assert.Throws<ArgumentOutOfRangeException>(() => sizer.Observe("tanh", 0, 1));
    }
}
