namespace Calculus.Verification.Protocol;

/// <summary>How many points a batched request carries: as many as the subject answers in <see cref="Share"/> of the
/// per-answer timeout at the time per point it took so far, between 1 and <see cref="ProcessSheet.MaxBatch"/>. A right
/// program that takes 50 ms a point gets batches of 50 points at the default 10 s, where 4,096 points would have taken
/// 205 s and failed as a timeout.</summary>
/// <remarks>Time per point is kept per family of requests (one function, value or derivative, and parameters); a family
/// not yet timed sends <see cref="FirstBatch"/> points alone first (<see cref="ProcessSheet"/>), so that no batch is
/// sized by a guess, and a function that hung does not shrink the others'. Each answer's time (from the previous answer,
/// since the subject answers in order) divided by its points is an upper bound of the time per point, since it also
/// holds the request's own overhead; the estimate takes it when it is larger and otherwise halves towards it, so that
/// one stall of a loaded machine shrinks the family's batches for a few fetches only. A timeout counts as the whole
/// timeout.</remarks>
/// <param name="timeout">The per-answer timeout (<c>--timeout</c>).</param>
internal sealed class BatchSizer(TimeSpan timeout)
{
    /// <summary>The points of a family's first batch, sent before any answer of it has been timed: a program taking up to
    /// 0.6 s a point answers it within the default 10 s.</summary>
    public const int FirstBatch = 16;

    /// <summary>The fewest points of an answer that is timed (<see cref="Observe"/>): half a first batch.</summary>
    public const int LeastTimedPoints = FirstBatch / 2;

    /// <summary>The share of the timeout a batch is sized to take: a factor 4 for a subject whose speed varies, a slower
    /// point here and there, or a machine that is busy.</summary>
    public const double Share = 0.25;

    private readonly Dictionary<object, double> secondsPerPoint = [];

    /// <summary>Whether an answer of the family has been timed.</summary>
    /// <param name="family">The family (any object that identifies it).</param>
    /// <returns>True once <see cref="Observe"/> has seen it.</returns>
    public bool Timed(object family) => secondsPerPoint.ContainsKey(family);

    /// <summary>The points of the next request of a family.</summary>
    /// <param name="family">The family (any object that identifies it).</param>
    /// <returns>Between 1 and <see cref="ProcessSheet.MaxBatch"/>; <see cref="FirstBatch"/> for a family not timed.</returns>
    public int Size(object family)
    {
        if (!secondsPerPoint.TryGetValue(family, out double seconds))
        {
            return FirstBatch;
        }

        double fit = timeout.TotalSeconds * Share / seconds; // +∞ for an answer too quick to time
        return fit >= ProcessSheet.MaxBatch ? ProcessSheet.MaxBatch : Math.Max(1, (int)fit);
    }

    /// <summary>Records the time of one answer. An answer to fewer than <see cref="LeastTimedPoints"/> points is not
    /// timed unless it timed out: its time is mostly the request's own overhead (a point asked alone after a crash, the
    /// points the test of a whole batch's error asks alone), which would pass for a slow point.</summary>
    /// <param name="family">The family of the request.</param>
    /// <param name="points">Its points (at least 1).</param>
    /// <param name="seconds">The time it took, or the timeout when it timed out.</param>
    /// <param name="timedOut">Whether it timed out.</param>
    public void Observe(object family, int points, double seconds, bool timedOut = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        if (points < LeastTimedPoints && !timedOut)
        {
            return;
        }

        double perPoint = Math.Max(seconds, 0) / points;
        secondsPerPoint[family] = secondsPerPoint.TryGetValue(family, out double old) ? Math.Max(perPoint, old / 2) : perPoint;
    }
}
