namespace Calculus.Verification.Sheet;

/// <summary>A request for a partial derivative of u = Wx + b.</summary>
/// <param name="W">W, h rows of d.</param>
/// <param name="B">b, length h.</param>
/// <param name="X">x, length d.</param>
/// <param name="Wrt">"W", "b" or "x".</param>
/// <param name="I">The row of W, the entry of b, or the entry of x.</param>
/// <param name="J">The column of W (ignored otherwise).</param>
internal sealed record AffinePartialQuery(double[][] W, double[] B, double[] X, string Wrt, int I, int J = 0)
    : SheetCall<double[]>
{
    /// <inheritdoc/>
    public override string Function => "affine-partial";

    /// <inheritdoc/>
    public override TResult Accept<TResult>(ISheetCallVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.AffinePartial(this);
    }
}
