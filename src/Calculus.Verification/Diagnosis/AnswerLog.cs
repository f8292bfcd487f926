namespace Calculus.Verification;

/// <summary>A sheet that passes every call to the subject and keeps each call with its answer: what the diagnosis
/// compares with the known mistakes after a check fails.</summary>
/// <param name="inner">The subject.</param>
internal sealed class AnswerLog(ISheet inner) : ISheet
{
    private readonly List<(object Call, object Answer)> entries = [];

    /// <summary>Every call and answer so far.</summary>
    public IReadOnlyList<(object Call, object Answer)> Entries => entries;

    public Answer<double[]> Scalar(ScalarQuery query) => Log(query, inner.Scalar(query));

    public Answer<double[]> LabelLogistic(bool derivative, double[] a, double y) => Log(new LabelLogisticCall(derivative, a, y), inner.LabelLogistic(derivative, a, y));

    public Answer<double[]> LogSumExp(double[][] vectors) => Log(new LogSumExpCall(vectors), inner.LogSumExp(vectors));

    public Answer<double[]> Affine(double[][] w, double[] b, double[] x) => Log(new AffineCall(w, b, x), inner.Affine(w, b, x));

    public Answer<double[]> AffinePartial(AffinePartialQuery query) => Log(query, inner.AffinePartial(query));

    public Answer<NetworkAnswer> Network(NetworkQuery query) => Log(query, inner.Network(query));

    public Answer<StepAnswer> GdStep(StepQuery query) => Log(query, inner.GdStep(query));

    private T Log<T>(object call, T answer)
        where T : notnull
    {
        entries.Add((call, answer));
        return answer;
    }
}

/// <summary>Names the known mistake a failed check's subject agrees with: every answer the subject gave for the
/// mistake's function during the check equals the mistake's own answer to the same call (to 1e-6 relative, 1e-12
/// absolute, non-finite with non-finite), and at least one of them differs from the reference's: far tighter than the
/// O(1) difference between two different formulas.</summary>
public static class Diagnosis
{
    /// <summary>Relative agreement of two answers to one call.</summary>
    public const double Relative = 1e-6;

    /// <summary>Absolute agreement, for values near 0.</summary>
    public const double Absolute = 1e-12;

    /// <summary>The first known mistake of the check's functions that the subject agrees with on every call it answered.</summary>
    /// <param name="run">A failed run.</param>
    /// <returns>The mistake, or null.</returns>
    public static KnownMistake? Of(CheckRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Answers is not { Count: > 0 } answers)
        {
            return null;
        }

        var functions = run.Check.Function.Split(", ");
        return KnownMistakes.All.FirstOrDefault(m => functions.Contains(m.Function) && AgreesEverywhere(answers, m));
    }

    /// <summary>Agreement on every call the subject answered with a value, and on at least one call where the mistake
    /// differs from the reference: agreeing only where the two coincide is no evidence of the mistake.</summary>
    private static bool AgreesEverywhere(IReadOnlyList<(object Call, object Answer)> answers, KnownMistake mistake)
    {
        int distinguishing = 0;
        foreach (var (call, answer) in answers)
        {
            if (FunctionOf(call) != mistake.Function || !IsValue(answer))
            {
                continue;
            }

            var theirs = Ask(mistake.Sheet, call);
            if (!Same(answer, theirs))
            {
                return false;
            }

            distinguishing += Same(theirs, Ask(ReferenceSheet.Instance, call)) ? 0 : 1;
        }

        return distinguishing > 0;
    }

    private static string FunctionOf(object call) => call switch
    {
        ScalarQuery q => q.Function,
        LabelLogisticCall => "label-logistic",
        LogSumExpCall => "logsumexp",
        AffineCall => "affine",
        AffinePartialQuery => "affine-partial",
        NetworkQuery => "network",
        _ => "gd-step",
    };

    private static object Ask(ISheet sheet, object call) => call switch
    {
        ScalarQuery q => sheet.Scalar(q),
        LabelLogisticCall l => sheet.LabelLogistic(l.Derivative, l.A, l.Y),
        LogSumExpCall l => sheet.LogSumExp(l.Vectors),
        AffineCall a => sheet.Affine(a.W, a.B, a.X),
        AffinePartialQuery p => sheet.AffinePartial(p),
        NetworkQuery n => sheet.Network(n),
        StepQuery s => sheet.GdStep(s),
        _ => throw new ArgumentException($"not a sheet call: {call.GetType().Name}", nameof(call)),
    };

    private static bool IsValue(object answer) => answer switch
    {
        Answer<double[]> a => a.Kind == AnswerKind.Value,
        Answer<NetworkAnswer> a => a.Kind == AnswerKind.Value,
        Answer<StepAnswer> a => a.Kind == AnswerKind.Value,
        _ => false,
    };

    private static bool Same(object subject, object mistake) => (subject, mistake) switch
    {
        (Answer<double[]> s, Answer<double[]> m) => m.Kind == AnswerKind.Value && Same(s.Value, m.Value),
        (Answer<NetworkAnswer> s, Answer<NetworkAnswer> m) => m.Kind == AnswerKind.Value && Same(s.Value!, m.Value!),
        (Answer<StepAnswer> s, Answer<StepAnswer> m) => m.Kind == AnswerKind.Value
            && Same(s.Value!.W, m.Value!.W) && Same(s.Value.B, m.Value.B) && Same(s.Value.Wout, m.Value.Wout),
        _ => false,
    };

    /// <summary>Every block the subject gave agrees with the mistake's.</summary>
    private static bool Same(NetworkAnswer s, NetworkAnswer m) =>
        (s.Loss is not { } loss || (m.Loss is { } other && Same(loss, other)))
        && (s.DWeights is null || Same(s.DWeights, m.DWeights)) && (s.DBias is null || Same(s.DBias, m.DBias))
        && (s.DOutputWeights is null || Same(s.DOutputWeights, m.DOutputWeights)) && (s.DInput is null || Same(s.DInput, m.DInput));

    private static bool Same(double[][]? a, double[][]? b) => a is not null && b is not null && a.Length == b.Length && a.Zip(b).All(p => Same(p.First, p.Second));

    private static bool Same(double[]? a, double[]? b) => a is not null && b is not null && a.Length == b.Length && a.Zip(b).All(p => Same(p.First, p.Second));

    /// <summary>Equal, both not finite (NaN or ±∞: two forms of one formula break at the same points, one into ∞·0 = NaN,
    /// the other into ∞, depending on how σ underflows inside them), or both finite and close (an infinity is close only
    /// to another non-finite value, never by |∞ − 1000| ≤ 1e-6·∞).</summary>
    private static bool Same(double a, double b) =>
        a == b || (!double.IsFinite(a) && !double.IsFinite(b))
        || (double.IsFinite(a) && double.IsFinite(b) && Math.Abs(a - b) <= (Relative * Math.Max(Math.Abs(a), Math.Abs(b))) + Absolute);
}
