using Calculus.Verification.Checks;
using Calculus.Verification.Sheet;
namespace Calculus.Verification.Diagnosis;

/// <summary>Names the known mistake a failed check's subject agrees with: every answer the subject gave for the
/// mistake's function during the check equals the mistake's own answer to the same call (to 1e-6 relative, 1e-12
/// absolute, non-finite with non-finite), and at least one of them differs from the reference's: far tighter than the
/// O(1) difference between two different formulas.</summary>
internal static class MistakeMatch
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

        var functions = run.Check.Functions;
        return KnownMistakes.All.FirstOrDefault(m => functions.Contains(m.Function) && AgreesEverywhere(answers, m));
    }

    /// <summary>Agreement on every call the subject answered with a value, and on at least one call where the mistake
    /// differs from the reference: agreeing only where the two coincide is no evidence of the mistake.</summary>
    private static bool AgreesEverywhere(IReadOnlyList<(SheetCall Call, IAnswer Answer)> answers, KnownMistake mistake)
    {
        int distinguishing = 0;
        foreach (var (call, answer) in answers)
        {
            if (call.Function != mistake.Function || answer.Kind != AnswerKind.Value)
            {
                continue;
            }

            var theirs = call.AskOf(mistake.Sheet);
            if (!Same(answer, theirs))
            {
                return false;
            }

            // A call whose right answer is not a number (f(NaN)) tells formulas apart by how they treat NaN, not by
            // the formula: no evidence of a mistake.
            var right = call.AskOf(ReferenceSheet.Instance);
            distinguishing += Same(theirs, right) || HasNaN(right) ? 0 : 1;
        }

        return distinguishing > 0;
    }

    private static bool HasNaN(IAnswer answer) => answer.Value is double[] v && v.Any(double.IsNaN);

    private static bool Same(IAnswer subject, IAnswer mistake) => mistake.Kind == AnswerKind.Value && (subject.Value, mistake.Value) switch
    {
        (double[] s, double[] m) => Same(s, m),
        (NetworkAnswer s, NetworkAnswer m) => Same(s, m),
        (StepAnswer s, StepAnswer m) => Same(s.W, m.W) && Same(s.B, m.B) && Same(s.Wout, m.Wout),
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
    /// <param name="a">One value.</param>
    /// <param name="b">The other.</param>
    /// <returns>Whether they agree (<see cref="GenericDiagnosis"/> agrees by the same rule).</returns>
    internal static bool Same(double a, double b) =>
        a == b || (!double.IsFinite(a) && !double.IsFinite(b))
        || (double.IsFinite(a) && double.IsFinite(b) && Math.Abs(a - b) <= (Relative * Math.Max(Math.Abs(a), Math.Abs(b))) + Absolute);
}
