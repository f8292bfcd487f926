namespace Calculus.Verification.Sheet;

/// <summary>A request for the sheet-1f loss and gradient.</summary>
/// <param name="W">W, h rows of d.</param>
/// <param name="B">b, length h.</param>
/// <param name="Wout">w, length h.</param>
/// <param name="X">x, length d.</param>
/// <param name="Y">The label.</param>
/// <param name="Activation">The hidden activation (a scalar function name; PLU with its defaults).</param>
/// <param name="Loss">"logistic" (the sheet's), "smooth-hinge" or "hinge".</param>
internal sealed record NetworkQuery(double[][] W, double[] B, double[] Wout, double[] X, double Y, string Activation = "sigmoid", string Loss = "logistic")
    : SheetCall<NetworkAnswer>
{
    /// <inheritdoc/>
    public override string Function => "network";

    /// <inheritdoc/>
    public override TResult Accept<TResult>(ISheetCallVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Network(this);
    }
}

/// <summary>The loss and gradient blocks a subject gave; a block left out is null (not implemented).</summary>
/// <param name="Loss">L, or null.</param>
/// <param name="DWeights">∂L/∂W (protocol key "dW"), h rows of d, or null.</param>
/// <param name="DBias">∂L/∂b ("db"), or null.</param>
/// <param name="DOutputWeights">∂L/∂w ("dw"), or null.</param>
/// <param name="DInput">∂L/∂x ("dx"), or null.</param>
internal sealed record NetworkAnswer(double? Loss, double[][]? DWeights, double[]? DBias, double[]? DOutputWeights, double[]? DInput);
