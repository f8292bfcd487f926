using Calculus.Checking;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Checks;

/// <summary>What a check runs against: the subject, the reference it is compared with (the library, or a known mistake
/// when the runner diagnoses a failure), the error model of one elementary value, the ulp limit of the accurate tier,
/// and the precision the run judges.</summary>
/// <param name="Subject">The implementation under test.</param>
/// <param name="Reference">The implementation it is compared with.</param>
/// <param name="Model">The error allowed one elementary value of the subject, in <paramref name="Precision"/>.</param>
/// <param name="MaxUlp">The accurate tier's limit (<c>--max-ulp</c>), or null: then it only reports.</param>
/// <param name="Precision">The precision the subject is judged in.</param>
internal sealed record CheckContext(ISheet Subject, ISheet Reference, ElementaryError Model, double? MaxUlp = null, Precision Precision = Precision.Binary64)
{
    /// <summary>The subject checked against the library with the default tolerances, in double.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns>The context.</returns>
    public static CheckContext For(ISheet subject) => new(subject, ReferenceSheet.Instance, ErrorModels.Verify());

    /// <summary>The subject checked against the library with the default tolerances in a precision.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="precision">The precision judged.</param>
    /// <returns>The context.</returns>
    public static CheckContext For(ISheet subject, Precision precision) =>
        new(subject, ReferenceSheet.Instance, ErrorModels.In(ErrorModels.Verify(), precision), null, precision);

    /// <summary>The context a check of <paramref name="tier"/> judges in: the core tier with the core model
    /// (<see cref="ErrorModels.Core"/>); in single precision the reference seen through float inputs and results
    /// (<see cref="SinglePrecisionSheet"/>). Idempotent.</summary>
    /// <param name="tier">The check's tier.</param>
    /// <returns>The context.</returns>
    public CheckContext For(Tier tier)
    {
        var model = tier == Tier.Core ? ErrorModels.Core(Model) : Model;
        var reference = Precision == Precision.Binary32 ? SinglePrecisionSheet.Of(Reference) : Reference;
        return ReferenceEquals(model, Model) && ReferenceEquals(reference, Reference) ? this : this with { Model = model, Reference = reference };
    }
}
