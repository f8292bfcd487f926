namespace Calculus.Verification.Sheet;

/// <summary>LSE(a) = ln Σ e^(a_i) of every vector of a batch (3a).</summary>
/// <param name="Vectors">The vectors.</param>
internal sealed record LogSumExpCall(double[][] Vectors)
    : SheetCall<double[]>
{
    /// <inheritdoc/>
    public override string Function => "logsumexp";

    /// <inheritdoc/>
    public override TResult Accept<TResult>(ISheetCallVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.LogSumExp(this);
    }
}
