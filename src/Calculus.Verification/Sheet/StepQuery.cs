namespace Calculus.Verification.Sheet;

/// <summary>A request for one full-batch gradient step on the mean loss (1/n) Σ_k L(W, b, w; x_k, y_k).</summary>
/// <param name="W">W, h rows of d.</param>
/// <param name="B">b.</param>
/// <param name="Wout">w.</param>
/// <param name="Xs">The n points, each of length d.</param>
/// <param name="Ys">The n labels.</param>
/// <param name="LearningRate">η.</param>
/// <param name="Activation">The hidden activation.</param>
/// <param name="Loss">The loss of the score.</param>
internal sealed record StepQuery(
    double[][] W, double[] B, double[] Wout, double[][] Xs, double[] Ys, double LearningRate, string Activation = "sigmoid", string Loss = "logistic")
    : SheetCall<StepAnswer>
{
    /// <inheritdoc/>
    public override string Function => "gd-step";

    /// <inheritdoc/>
    public override TResult Accept<TResult>(ISheetCallVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.GdStep(this);
    }
}

/// <summary>The parameters after one step.</summary>
/// <param name="W">W.</param>
/// <param name="B">b.</param>
/// <param name="Wout">w.</param>
internal sealed record StepAnswer(double[][] W, double[] B, double[] Wout);
