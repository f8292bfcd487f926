namespace Calculus.Verification.Protocol;

/// <summary>An error answer to a whole batch of points, under test as the answer of every point: a subject that answers
/// <c>{"error": "unknown function"}</c> to everything, or one value too many to every request, would otherwise cost a
/// request for every halving, 2n − 1 for a batch of n points (8,191 for one of 4,096). The batch's halves and
/// <see cref="SpotPoints"/> of its points alone are asked together; when every one of them answers alike, the answer of
/// the points alone is taken as the answer of every point of the batch. When any answers otherwise, the halving goes on
/// as before, so one bad point still does not fail its neighbours.</summary>
/// <remarks>An error is alike when its message is the batch's. A wrong shape names the request's size ("1,000 inputs need
/// 1,000 values; got 1,001"), so the halves need only answer a wrong shape, and the points alone one and the same
/// message, which is every point's.</remarks>
internal sealed class WholeBatchError
{
    /// <summary>Points of the batch asked alone. A function that errors at a fraction p of the points (a domain error)
    /// answers all of them with its error with probability p^8 (1/256 for half of the points), so a point's own error is
    /// hardly ever taken for every point's; and 2 halves + 8 points are 10 requests, against 8,191 for the halving of a
    /// full batch.</summary>
    public const int SpotPoints = 8;

    private readonly bool shape;

    /// <summary>Starts the test of a batch's error.</summary>
    /// <param name="message">The batch's error message.</param>
    /// <param name="points">The batch's points; more than <see cref="SpotPoints"/>.</param>
    /// <param name="shape">Whether the error is a wrong shape (an answer with another number of values than points).</param>
    public WholeBatchError(string message, double[][] points, bool shape = false)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(points.Length, SpotPoints);
        Message = message;
        Points = points;
        this.shape = shape;
    }

    /// <summary>The error of every point once the test holds: the batch's message, or for a wrong shape the message of
    /// the points alone.</summary>
    public string Message { get; private set; }

    /// <summary>Every point of the batch.</summary>
    public double[][] Points { get; }

    /// <summary>Whether every answer seen so far was alike.</summary>
    public bool Holds { get; private set; } = true;

    private bool sawOnePoint;

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
    /// <param name="shape">Whether the error is a wrong shape.</param>
    /// <param name="points">How many points the request asked.</param>
    public void Saw(string? error, bool shape, int points)
    {
        if (!this.shape)
        {
            Holds &= !shape && string.Equals(error, Message, StringComparison.Ordinal);
            return;
        }

        Holds &= shape && error is not null;
        if (Holds && points == 1)
        {
            Holds &= !sawOnePoint || string.Equals(error, Message, StringComparison.Ordinal);
            Message = error!;
            sawOnePoint = true;
        }
    }
}
