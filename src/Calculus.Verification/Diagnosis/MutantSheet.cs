using Calculus.Verification.Sheet;

namespace Calculus.Verification.Diagnosis;

/// <summary>The reference with one function replaced: a known mistake as a subject (a <see cref="SheetDecorator"/>
/// over <see cref="ReferenceSheet.Instance"/>).</summary>
internal static class MutantSheet
{
    /// <summary>A scalar function with its value and/or derivative replaced (with any parameters).</summary>
    /// <param name="function">The protocol name.</param>
    /// <param name="value">The wrong f, or null to keep the reference's.</param>
    /// <param name="derivative">The wrong f', or null to keep the reference's.</param>
    /// <returns>The mutant.</returns>
    public static ISheet Scalars(string function, Func<double, double>? value = null, Func<double, double>? derivative = null) =>
        Of(call => call is ScalarQuery q && q.Function == function && (q.Derivative ? derivative : value) is { } f
            ? Answer.Of<double[]>([.. q.X.Select(f)]) : null);

    /// <summary>ℓ(a; y) and/or f_e(a; y) replaced.</summary>
    /// <param name="value">The wrong ℓ(a, y), or null.</param>
    /// <param name="derivative">The wrong f_e(a, y), or null.</param>
    /// <returns>The mutant.</returns>
    public static ISheet Label(Func<double, double, double>? value = null, Func<double, double, double>? derivative = null) =>
        Of(call => call is LabelLogisticCall l && (l.Derivative ? derivative : value) is { } f
            ? Answer.Of<double[]>([.. l.A.Select(a => f(a, l.Y))]) : null);

    /// <summary>Log-sum-exp replaced.</summary>
    /// <param name="lse">The wrong LSE.</param>
    /// <returns>The mutant.</returns>
    public static ISheet LogSumExpOf(Func<double[], double> lse) =>
        Of(call => call is LogSumExpCall l ? Answer.Of<double[]>([.. l.Vectors.Select(lse)]) : null);

    /// <summary>One partial of the affine map replaced.</summary>
    /// <param name="wrt">"W", "b" or "x".</param>
    /// <param name="partial">The wrong partial.</param>
    /// <returns>The mutant.</returns>
    public static ISheet AffinePartialOf(string wrt, Func<AffinePartialQuery, double[]> partial) =>
        Of(call => call is AffinePartialQuery q && q.Wrt == wrt ? Guarded(() => partial(q)) : null);

    /// <summary>The network's answer replaced.</summary>
    /// <param name="network">The wrong loss and gradient.</param>
    /// <returns>The mutant.</returns>
    public static ISheet NetworkOf(Func<NetworkQuery, NetworkAnswer> network) =>
        Of(call => call is NetworkQuery q ? Guarded(() => network(q)) : null);

    /// <summary>The gradient step replaced.</summary>
    /// <param name="step">The wrong step.</param>
    /// <returns>The mutant.</returns>
    public static ISheet StepOf(Func<StepQuery, StepAnswer> step) =>
        Of(call => call is StepQuery q ? Guarded(() => step(q)) : null);

    private static SheetDecorator Of(Func<SheetCall, object?> replace) => new(ReferenceSheet.Instance, replace);

    /// <summary>A mistake that cannot be formed for this shape (an index out of range) answers an error.</summary>
    private static Answer<T> Guarded<T>(Func<T> compute)
    {
        try
        {
            return Answer.Of(compute());
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException)
        {
            return Answer.Error<T>(e.Message);
        }
    }
}
