namespace Calculus.Verification.Sheet;

/// <summary>ℓ or f_e of sheet 1e at some scores.</summary>
/// <param name="Derivative">f_e instead of ℓ.</param>
/// <param name="A">The scores.</param>
/// <param name="Y">The label.</param>
internal sealed record LabelLogisticCall(bool Derivative, double[] A, double Y)
    : SheetCall<double[]>
{
    /// <inheritdoc/>
    public override string Function => "label-logistic";

    /// <inheritdoc/>
    public override TResult Accept<TResult>(ISheetCallVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.LabelLogistic(this);
    }
}
