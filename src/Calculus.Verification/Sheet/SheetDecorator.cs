namespace Calculus.Verification.Sheet;

/// <summary>A sheet that answers as the sheet it wraps, except where <c>replace</c> gives an answer of its own, and keeps
/// each call with its answer when asked to. The one decorator of the battery: the recording pass (which calls a check's
/// cases will make, to send them in batches), the log a diagnosis reads after a failure, and a known mistake (the
/// reference with one function replaced).</summary>
/// <param name="inner">The sheet that answers.</param>
/// <param name="replace">An answer of this sheet's own to a call (an <see cref="Answer{T}"/> of the call's value type), or
/// null to let <paramref name="inner"/> answer; null for none.</param>
/// <param name="log">Whether to keep every call and answer in <see cref="Entries"/>.</param>
internal sealed class SheetDecorator(ISheet inner, Func<SheetCall, object?>? replace = null, bool log = false) : ISheet
{
    private readonly List<(SheetCall Call, IAnswer Answer)> entries = [];

    /// <summary>Every call and its answer, in order (empty unless the sheet logs).</summary>
    public IReadOnlyList<(SheetCall Call, IAnswer Answer)> Entries => entries;

    /// <summary>Every call, in order (empty unless the sheet logs).</summary>
    public IEnumerable<SheetCall> Calls => entries.Select(e => e.Call);

    /// <inheritdoc/>
    public Answer<TValue> Ask<TValue>(SheetCall<TValue> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var answer = replace?.Invoke(call) as Answer<TValue> ?? inner.Ask(call);
        if (log)
        {
            entries.Add((call, answer));
        }

        return answer;
    }
}
