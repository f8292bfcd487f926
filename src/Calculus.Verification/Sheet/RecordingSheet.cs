namespace Calculus.Verification;

/// <summary>ℓ or f_e of sheet 1e at some scores (a recorded call of <see cref="ISheet.LabelLogistic"/>).</summary>
/// <param name="Derivative">f_e instead of ℓ.</param>
/// <param name="A">The scores.</param>
/// <param name="Y">The label.</param>
public sealed record LabelLogisticCall(bool Derivative, double[] A, double Y);

/// <summary>A batch of log-sum-exp vectors (a recorded call of <see cref="ISheet.LogSumExp"/>).</summary>
/// <param name="Vectors">The vectors.</param>
public sealed record LogSumExpCall(double[][] Vectors);

/// <summary>u = Wx + b (a recorded call of <see cref="ISheet.Affine"/>).</summary>
/// <param name="W">W.</param>
/// <param name="B">b.</param>
/// <param name="X">x.</param>
public sealed record AffineCall(double[][] W, double[] B, double[] X);

/// <summary>A sheet that answers as the sheet it wraps and records every call: the runner evaluates a check's cases
/// against it first, to learn every request a process subject will get, and sends those in batches.</summary>
/// <param name="inner">The sheet that answers (the reference).</param>
public sealed class RecordingSheet(ISheet inner) : ISheet
{
    private readonly List<object> calls = [];

    /// <summary>Every call so far, as its query or call record, in order.</summary>
    public IReadOnlyList<object> Calls => calls;

    /// <inheritdoc/>
    public Answer<double[]> Scalar(ScalarQuery query) => Record(query, inner.Scalar(query));

    /// <inheritdoc/>
    public Answer<double[]> LabelLogistic(bool derivative, double[] a, double y) => Record(new LabelLogisticCall(derivative, a, y), inner.LabelLogistic(derivative, a, y));

    /// <inheritdoc/>
    public Answer<double[]> LogSumExp(double[][] vectors) => Record(new LogSumExpCall(vectors), inner.LogSumExp(vectors));

    /// <inheritdoc/>
    public Answer<double[]> Affine(double[][] w, double[] b, double[] x) => Record(new AffineCall(w, b, x), inner.Affine(w, b, x));

    /// <inheritdoc/>
    public Answer<double[]> AffinePartial(AffinePartialQuery query) => Record(query, inner.AffinePartial(query));

    /// <inheritdoc/>
    public Answer<NetworkAnswer> Network(NetworkQuery query) => Record(query, inner.Network(query));

    /// <inheritdoc/>
    public Answer<StepAnswer> GdStep(StepQuery query) => Record(query, inner.GdStep(query));

    private T Record<T>(object call, T answer)
    {
        calls.Add(call);
        return answer;
    }
}
