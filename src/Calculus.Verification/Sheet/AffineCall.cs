namespace Calculus.Verification.Sheet;

/// <summary>u = Wx + b (1a–1c).</summary>
/// <param name="W">W, h rows of d.</param>
/// <param name="B">b, length h.</param>
/// <param name="X">x, length d.</param>
internal sealed record AffineCall(double[][] W, double[] B, double[] X)
    : SheetCall<double[]>
{
    /// <inheritdoc/>
    public override string Function => "affine";

    /// <inheritdoc/>
    public override TResult Accept<TResult>(ISheetCallVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Affine(this);
    }
}
