using Calculus.Checking;

namespace Calculus.Verification.Checks;

/// <summary>The error model of each tier and precision (docs/protocol.md, "Precision").</summary>
/// <remarks>
/// <para>The stable tier judges in the precision the run judges (<c>--precision</c>): the model as given in double; in
/// single, ε = 2^-23, every input rounded to a float (2^-24), and an absolute slack of at least
/// <see cref="Tolerances.SingleAbsolute"/>. The core tier asks whether the formula is right, so it accepts what a
/// right formula computed in single precision or with a bounded approximation gives: it always judges with the
/// single-precision model (the coarser of the two), whichever precision the run judges. Every known mistake is off by
/// far more than that on the core domain (tests/Verification/CoreToleranceTests.cs).</para>
/// </remarks>
internal static class ErrorModels
{
    /// <summary>The model in a precision.</summary>
    /// <param name="model">The model in double (the <c>--rtol</c> and <c>--atol</c> slack).</param>
    /// <param name="precision">The precision judged.</param>
    /// <returns>The model itself in double; in single, with float's ε, the inputs rounded, and the absolute slack at
    /// least <see cref="Tolerances.SingleAbsolute"/>.</returns>
    public static ElementaryError In(ElementaryError model, Precision precision)
    {
        ArgumentNullException.ThrowIfNull(model);
        return precision == Precision.Binary64 || model.Precision == Precision.Binary32 ? model
            : model with { Precision = Precision.Binary32, Absolute = Math.Max(model.Absolute, Tolerances.SingleAbsolute) };
    }

    /// <summary>The core tier's model: the single-precision model of <paramref name="model"/>.</summary>
    /// <param name="model">The run's model.</param>
    /// <returns>The model core judges with.</returns>
    public static ElementaryError Core(ElementaryError model) => In(model, Precision.Binary32);
}
