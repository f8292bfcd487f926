namespace Calculus.Verification.Protocol;

/// <summary>An error answer to a whole batch of points, under test as the answer of every point: a subject that answers
/// <c>{"error": "unknown function"}</c> to everything would otherwise cost a request for every halving, 2n − 1 for a
/// batch of n points (8,191 for one of 4,096). The batch's halves and <see cref="SpotPoints"/> of its points alone are
/// asked together; when every one of them answers the same message, it is taken as the answer of every point of the
/// batch. When any answers otherwise, the halving goes on as before, so one bad point still does not fail its
/// neighbours.</summary>
internal sealed class WholeBatchError
{
    /// <summary>Points of the batch asked alone. A function that errors at a fraction p of the points (a domain error)
    /// answers all of them with its error with probability p^8 (1/256 for half of the points), so a point's own error is
    /// hardly ever taken for every point's; and 2 halves + 8 points are 10 requests, against 8,191 for the halving of a
    /// full batch.</summary>
    public const int SpotPoints = 8;

    /// <summary>Starts the test of a batch's error.</summary>
    /// <param name="message">The batch's error message.</param>
    /// <param name="points">The batch's points; more than <see cref="SpotPoints"/>.</param>
    public WholeBatchError(string message, double[][] points)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(points.Length, SpotPoints);
        Message = message;
        Points = points;
    }

    /// <summary>The batch's error message.</summary>
    public string Message { get; }

    /// <summary>Every point of the batch.</summary>
    public double[][] Points { get; }

    /// <summary>Whether every answer seen so far was <see cref="Message"/>.</summary>
    public bool Holds { get; private set; } = true;

    /// <summary>The requests that test it: the two halves, then <see cref="SpotPoints"/> points alone, spread evenly
    /// over the batch (the first among them).</summary>
    public IEnumerable<double[][]> Requests
    {
        get
        {
            int half = Points.Length / 2;
            yield return Points[..half];
            yield return Points[half..];
            for (int k = 0; k < SpotPoints; k++)
            {
                yield return [Points[k * Points.Length / SpotPoints]];
            }
        }
    }

    /// <summary>Records one answer to a request of <see cref="Requests"/>.</summary>
    /// <param name="error">The subject's error message, or null for anything else (a value, "not implemented", a crash).</param>
    public void Saw(string? error) => Holds &= string.Equals(error, Message, StringComparison.Ordinal);
}
