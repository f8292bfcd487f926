using Calculus.Checking;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Checks;

/// <summary>What a check runs against: the subject, the reference it is compared with (the library, or a known mistake
/// when the runner diagnoses a failure), the error model of one elementary value, and the ulp limit of the accurate
/// tier.</summary>
/// <param name="Subject">The implementation under test.</param>
/// <param name="Reference">The implementation it is compared with.</param>
/// <param name="Model">The error allowed one elementary value of the subject.</param>
/// <param name="MaxUlp">The accurate tier's limit (<c>--max-ulp</c>), or null: then it only reports.</param>
internal sealed record CheckContext(ISheet Subject, ISheet Reference, ElementaryError Model, double? MaxUlp = null)
{
    /// <summary>The subject checked against the library with the default tolerances.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns>The context.</returns>
    public static CheckContext For(ISheet subject) => new(subject, ReferenceSheet.Instance, ElementaryError.Student());
}
