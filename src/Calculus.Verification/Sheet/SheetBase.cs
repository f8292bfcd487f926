namespace Calculus.Verification.Sheet;

/// <summary>A sheet written as one member per kind of call: <see cref="ISheet.Ask{TValue}"/> dispatches each call to
/// its member.</summary>
internal abstract class SheetBase : ISheet
{
    /// <inheritdoc/>
    public Answer<TValue> Ask<TValue>(SheetCall<TValue> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return (Answer<TValue>)call.Accept(new Dispatch(this));
    }

    /// <summary>f(x) or f'(x) for every x, for a scalar function of the catalog.</summary>
    /// <param name="query">The function, value or derivative, the points and the parameters.</param>
    /// <returns>One value per x.</returns>
    public abstract Answer<double[]> Scalar(ScalarQuery query);

    /// <summary>ℓ(a; y) or f_e(a) for every a (1e).</summary>
    /// <param name="call">The call.</param>
    /// <returns>One value per a.</returns>
    public abstract Answer<double[]> LabelLogistic(LabelLogisticCall call);

    /// <summary>LSE of every vector of a batch (3a).</summary>
    /// <param name="call">The call.</param>
    /// <returns>One value per vector.</returns>
    public abstract Answer<double[]> LogSumExp(LogSumExpCall call);

    /// <summary>u = Wx + b (1a–1c).</summary>
    /// <param name="call">The call.</param>
    /// <returns>u.</returns>
    public abstract Answer<double[]> Affine(AffineCall call);

    /// <summary>∂u/∂W_ij, ∂u/∂b_i or ∂u/∂x_i of u = Wx + b (1a, 1b, 1c).</summary>
    /// <param name="query">W, b, x, which variable and the indices.</param>
    /// <returns>The partial derivative, length h.</returns>
    public abstract Answer<double[]> AffinePartial(AffinePartialQuery query);

    /// <summary>The loss of the sheet-1f network and its gradient (1f); any gradient block may be left out.</summary>
    /// <param name="query">W, b, w, x, y, the hidden activation and the loss.</param>
    /// <returns>The loss and the blocks given.</returns>
    public abstract Answer<NetworkAnswer> Network(NetworkQuery query);

    /// <summary>One full-batch gradient-descent step on the mean loss (4).</summary>
    /// <param name="query">W, b, w, the data, the step, the activation and the loss.</param>
    /// <returns>W, b, w after the step.</returns>
    public abstract Answer<StepAnswer> GdStep(StepQuery query);

    /// <summary>Each call to its member, the answer as an object (<see cref="Ask{TValue}"/> gives it back its type).</summary>
    private sealed class Dispatch(SheetBase sheet) : ISheetCallVisitor<object>
    {
        public object Scalar(ScalarQuery query) => sheet.Scalar(query);

        public object LabelLogistic(LabelLogisticCall call) => sheet.LabelLogistic(call);

        public object LogSumExp(LogSumExpCall call) => sheet.LogSumExp(call);

        public object Affine(AffineCall call) => sheet.Affine(call);

        public object AffinePartial(AffinePartialQuery query) => sheet.AffinePartial(query);

        public object Network(NetworkQuery query) => sheet.Network(query);

        public object GdStep(StepQuery query) => sheet.GdStep(query);
    }
}
