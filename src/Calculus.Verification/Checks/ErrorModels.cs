using Calculus.Checking;

namespace Calculus.Verification.Checks;

/// <summary>The error model of each tier and precision (docs/protocol.md, "Precision").</summary>
/// <remarks>
/// <para>The stable tier judges in the precision the run judges (<c>--precision</c>): the model as given in double; in
/// single, ε = 2^-23 and every input rounded to a float (2^-24). Its tails are relative (<see cref="Verify"/>) unless
/// <c>--atol</c> gives an absolute slack, which in single is at least <see cref="Tolerances.SingleAbsolute"/>. The core
/// tier asks whether the formula is right, so it accepts what a
/// right formula computed in single precision or with a bounded approximation gives: it always judges with the
/// single-precision model (the coarser of the two), whichever precision the run judges. Every known mistake is off by
/// far more than that on the core domain (tests/Verification/PrecisionTests.cs, KnownMistake_StaysBelowTheLevelItBreaks).</para>
/// </remarks>
internal static class ErrorModels
{
    /// <summary>The model <c>calculus verify</c> judges the stable tier with: the relative slack (<c>--rtol</c>), and
    /// either the tails judged relatively (<see cref="ElementaryError.RelativeTails"/>: no absolute term where the true
    /// value is a normal number, the smallest normal value below it) or, when <c>--atol</c> is given, that absolute
    /// slack everywhere.</summary>
    /// <param name="relative">The relative slack.</param>
    /// <param name="absolute">The absolute slack, or null for relative tails.</param>
    /// <returns>The model.</returns>
    public static ElementaryError Verify(double relative = Tolerances.DefaultRelative, double? absolute = null) =>
        absolute is { } a ? ElementaryError.Student(relative, a) : ElementaryError.Student(relative, 0) with { RelativeTails = true };

    /// <summary>The model in a precision.</summary>
    /// <param name="model">The model in double (the <c>--rtol</c> and <c>--atol</c> slack).</param>
    /// <param name="precision">The precision judged.</param>
    /// <returns>The model itself in double; in single, with float's ε, the inputs rounded, and an absolute slack (unless
    /// the tails are relative) of at least <see cref="Tolerances.SingleAbsolute"/>.</returns>
    public static ElementaryError In(ElementaryError model, Precision precision)
    {
        ArgumentNullException.ThrowIfNull(model);
        return precision == Precision.Binary64 || model.Precision == Precision.Binary32 ? model
            : model with { Precision = Precision.Binary32, Absolute = model.RelativeTails ? model.Absolute : Math.Max(model.Absolute, Tolerances.SingleAbsolute) };
    }

    /// <summary>The core tier's model: the single-precision model of <paramref name="model"/> with an absolute slack of
    /// at least <see cref="Tolerances.SingleAbsolute"/> everywhere (core judges the formula, not its tails), in either
    /// precision the run judges.</summary>
    /// <param name="model">The run's model.</param>
    /// <returns>The model core judges with.</returns>
    public static ElementaryError Core(ElementaryError model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model with { Precision = Precision.Binary32, RelativeTails = false, Absolute = Math.Max(model.Absolute, Tolerances.SingleAbsolute) };
    }
}
