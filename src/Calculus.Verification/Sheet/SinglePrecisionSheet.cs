using Calculus.Checking;

namespace Calculus.Verification.Sheet;

/// <summary>A sheet seen as a single-precision implementation of it: every number of a call rounded to the nearest float
/// before the inner sheet answers (±∞ beyond float's range), and every number of the answer rounded to a float after.
/// In <c>--precision single</c> the reference is judged through it, so that the expected values are those of the exact
/// functions at the inputs the subject really computes with.</summary>
/// <param name="inner">The sheet.</param>
internal sealed class SinglePrecisionSheet(ISheet inner) : SheetBase
{
    /// <summary>The sheet seen in single precision (itself if it already is).</summary>
    /// <param name="sheet">The sheet.</param>
    /// <returns>The rounding sheet.</returns>
    public static ISheet Of(ISheet sheet) => sheet is SinglePrecisionSheet ? sheet : new SinglePrecisionSheet(sheet);

    /// <inheritdoc/>
    public override Answer<double[]> Scalar(ScalarQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Rounded(inner.Ask(query with { X = R(query.X), Parameters = query.Parameters?.ToDictionary(p => p.Key, p => R(p.Value), StringComparer.Ordinal) }), R);
    }

    /// <inheritdoc/>
    public override Answer<double[]> LabelLogistic(LabelLogisticCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Rounded(inner.Ask(call with { A = R(call.A), Y = R(call.Y) }), R);
    }

    /// <inheritdoc/>
    public override Answer<double[]> LogSumExp(LogSumExpCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Rounded(inner.Ask(call with { Vectors = R(call.Vectors) }), R);
    }

    /// <inheritdoc/>
    public override Answer<double[]> Affine(AffineCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Rounded(inner.Ask(call with { W = R(call.W), B = R(call.B), X = R(call.X) }), R);
    }

    /// <inheritdoc/>
    public override Answer<double[]> AffinePartial(AffinePartialQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Rounded(inner.Ask(query with { W = R(query.W), B = R(query.B), X = R(query.X) }), R);
    }

    /// <inheritdoc/>
    public override Answer<NetworkAnswer> Network(NetworkQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Rounded(inner.Ask(query with { W = R(query.W), B = R(query.B), Wout = R(query.Wout), X = R(query.X), Y = R(query.Y) }),
            a => new NetworkAnswer(a.Loss is { } l ? R(l) : null, R(a.DWeights), R(a.DBias), R(a.DOutputWeights), R(a.DInput)));
    }

    /// <inheritdoc/>
    public override Answer<StepAnswer> GdStep(StepQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Rounded(inner.Ask(query with { W = R(query.W), B = R(query.B), Wout = R(query.Wout), Xs = R(query.Xs), Ys = R(query.Ys), LearningRate = R(query.LearningRate) }),
            a => new StepAnswer(R(a.W), R(a.B), R(a.Wout)));
    }

    private static Answer<T> Rounded<T>(Answer<T> answer, Func<T, T> round) =>
        answer.Kind == AnswerKind.Value && answer.Value is { } v ? Answer.Of(round(v)) : answer;

    private static double R(double x) => Precision.Binary32.Round(x);

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(values))]
    private static double[]? R(double[]? values) => values is null ? null : [.. values.Select(R)];

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(rows))]
    private static double[][]? R(double[][]? rows) => rows is null ? null : [.. rows.Select(r => R(r))];
}
