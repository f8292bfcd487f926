namespace Calculus.Verification;

/// <summary>The reference with one function replaced: a known mistake as a subject.</summary>
public sealed class MutantSheet : ISheet
{
    private readonly ReferenceSheet inner = ReferenceSheet.Instance;

    private MutantSheet()
    {
    }

    private string? ScalarFunction { get; init; }

    private Func<double, double>? ScalarValue { get; init; }

    private Func<double, double>? ScalarDerivative { get; init; }

    private Func<double, double, double>? LabelValue { get; init; }

    private Func<double, double, double>? LabelDerivative { get; init; }

    private Func<double[], double>? Lse { get; init; }

    private string? PartialWrt { get; init; }

    private Func<AffinePartialQuery, double[]>? Partial { get; init; }

    private Func<NetworkQuery, NetworkAnswer>? NetworkOverride { get; init; }

    private Func<StepQuery, StepAnswer>? Step { get; init; }

    /// <summary>A scalar function with its value and/or derivative replaced (PLU with its default parameters).</summary>
    /// <param name="function">The protocol name.</param>
    /// <param name="value">The wrong f, or null to keep the reference's.</param>
    /// <param name="derivative">The wrong f', or null to keep the reference's.</param>
    /// <returns>The mutant.</returns>
    public static MutantSheet Scalars(string function, Func<double, double>? value = null, Func<double, double>? derivative = null) =>
        new() { ScalarFunction = function, ScalarValue = value, ScalarDerivative = derivative };

    /// <summary>ℓ(a; y) and/or f_e(a; y) replaced.</summary>
    /// <param name="value">The wrong ℓ(a, y), or null.</param>
    /// <param name="derivative">The wrong f_e(a, y), or null.</param>
    /// <returns>The mutant.</returns>
    public static MutantSheet Label(Func<double, double, double>? value = null, Func<double, double, double>? derivative = null) =>
        new() { LabelValue = value, LabelDerivative = derivative };

    /// <summary>Log-sum-exp replaced.</summary>
    /// <param name="lse">The wrong LSE.</param>
    /// <returns>The mutant.</returns>
    public static MutantSheet LogSumExpOf(Func<double[], double> lse) => new() { Lse = lse };

    /// <summary>One partial of the affine map replaced.</summary>
    /// <param name="wrt">"W", "b" or "x".</param>
    /// <param name="partial">The wrong partial.</param>
    /// <returns>The mutant.</returns>
    public static MutantSheet AffinePartialOf(string wrt, Func<AffinePartialQuery, double[]> partial) => new() { PartialWrt = wrt, Partial = partial };

    /// <summary>The network's answer replaced.</summary>
    /// <param name="network">The wrong loss and gradient.</param>
    /// <returns>The mutant.</returns>
    public static MutantSheet NetworkOf(Func<NetworkQuery, NetworkAnswer> network) => new() { NetworkOverride = network };

    /// <summary>The gradient step replaced.</summary>
    /// <param name="step">The wrong step.</param>
    /// <returns>The mutant.</returns>
    public static MutantSheet StepOf(Func<StepQuery, StepAnswer> step) => new() { Step = step };

    /// <inheritdoc/>
    public Answer<double[]> Scalar(ScalarQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var f = query.Function != ScalarFunction ? null : query.Derivative ? ScalarDerivative : ScalarValue;
        return f is null ? inner.Scalar(query) : Answer.Of<double[]>([.. query.X.Select(f)]);
    }

    /// <inheritdoc/>
    public Answer<double[]> LabelLogistic(bool derivative, double[] a, double y)
    {
        ArgumentNullException.ThrowIfNull(a);
        var f = derivative ? LabelDerivative : LabelValue;
        return f is null ? inner.LabelLogistic(derivative, a, y) : Answer.Of<double[]>([.. a.Select(v => f(v, y))]);
    }

    /// <inheritdoc/>
    public Answer<double[]> LogSumExp(double[][] vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        return Lse is null ? inner.LogSumExp(vectors) : Answer.Of<double[]>([.. vectors.Select(Lse)]);
    }

    /// <inheritdoc/>
    public Answer<double[]> Affine(double[][] w, double[] b, double[] x) => inner.Affine(w, b, x);

    /// <inheritdoc/>
    public Answer<double[]> AffinePartial(AffinePartialQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Partial is null || query.Wrt != PartialWrt ? inner.AffinePartial(query) : Guarded(() => Partial(query));
    }

    /// <inheritdoc/>
    public Answer<NetworkAnswer> Network(NetworkQuery query) =>
        NetworkOverride is null ? inner.Network(query) : Guarded(() => NetworkOverride(query));

    /// <inheritdoc/>
    public Answer<StepAnswer> GdStep(StepQuery query) => Step is null ? inner.GdStep(query) : Guarded(() => Step(query));

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
