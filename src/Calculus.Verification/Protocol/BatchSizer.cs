namespace Calculus.Verification.Protocol;

/// <summary>How many points a batched request carries: as many as the subject answers in <see cref="Share"/> of the
/// per-answer timeout at the time per point it took so far, between 1 and <see cref="ProcessSheet.MaxBatch"/>. A right
/// program that takes 50 ms a point gets batches of 50 points at the default 10 s, where 4,096 points would have taken
/// 205 s and failed as a timeout.</summary>
/// <remarks>Time per point is kept per family of requests (one function, value or derivative, and parameters). A family
/// not yet answered starts at the slowest time per point of those answered, or with <see cref="FirstBatch"/> points when
/// none is. Each answer's time (from the previous answer, since the subject answers in order) divided by its points is
/// an upper bound of the time per point, since it also holds the request's own overhead; the estimate takes it when it is
/// larger and otherwise halves towards it, so that one stall of a loaded machine shrinks the batches for a few requests
/// only. A timeout counts as the whole timeout.</remarks>
/// <param name="timeout">The per-answer timeout (<c>--timeout</c>).</param>
internal sealed class BatchSizer(TimeSpan timeout)
{
    /// <summary>The points of a first batch, before any answer has been timed: 50 ms a point answers it in 3.2 s, within
    /// the default 10 s.</summary>
    public const int FirstBatch = 64;

    /// <summary>The share of the timeout a batch is sized to take: a factor 4 for a subject whose speed varies, a slower
    /// point here and there, or a machine that is busy.</summary>
    public const double Share = 0.25;

    private readonly Dictionary<object, double> secondsPerPoint = [];

    /// <summary>The points of the next request of a family.</summary>
    /// <param name="family">The family (any object that identifies it).</param>
    /// <returns>Between 1 and <see cref="ProcessSheet.MaxBatch"/>.</returns>
    public int Size(object family)
    {
        double? seconds = secondsPerPoint.TryGetValue(family, out double own) ? own
            : secondsPerPoint.Count > 0 ? secondsPerPoint.Values.Max()
            : null;
        if (seconds is not { } s)
        {
            return FirstBatch;
        }

        double fit = timeout.TotalSeconds * Share / s; // +∞ for an answer too quick to time
        return fit >= ProcessSheet.MaxBatch ? ProcessSheet.MaxBatch : Math.Max(1, (int)fit);
    }

    /// <summary>Records the time of one answer.</summary>
    /// <param name="family">The family of the request.</param>
    /// <param name="points">Its points (at least 1).</param>
    /// <param name="seconds">The time it took, or the timeout when it timed out.</param>
    public void Observe(object family, int points, double seconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        double perPoint = Math.Max(seconds, 0) / points;
        secondsPerPoint[family] = secondsPerPoint.TryGetValue(family, out double old) ? Math.Max(perPoint, old / 2) : perPoint;
    }
}
