using System.Numerics;

namespace Calculus.Functions;

/// <summary>A function applied to every element of a span: result[i] = f(x[i]).</summary>
/// <param name="x">The arguments.</param>
/// <param name="result">The values; the length of x, and either x itself (in place) or separate memory.</param>
public delegate void SpanFunction(ReadOnlySpan<double> x, Span<double> result);

/// <summary>One function of one real variable of the sheet, with every fact the library, the tests, the checker and the
/// command line use: name and sheet item, formulas, its scalar, span and complex forms, kinks, ranges in ℝ and in
/// double, parity, monotonicity, limits, parameters, and for an activation the facts sheet 2 asks for. The
/// <see cref="Catalog"/> holds one per function.</summary>
/// <remarks>Equality is the record's, member by member; delegates compare by reference, so compare two descriptors read
/// from the catalog (it hands out the same instance each time) or compare their names.</remarks>
public sealed record ScalarFunction
{
    private readonly Func<double, double> value = null!, derivative = null!;
    private readonly SpanFunction? values, derivatives;
    private readonly Func<Complex, Complex>? complexForm;

    /// <summary>The short name, as the protocol and the command line take it (e.g. "tanh", "leaky-relu").</summary>
    public required string Name { get; init; }

    /// <summary>The sheet item, e.g. "2a".</summary>
    public required string Item { get; init; }

    /// <summary>Activation or loss.</summary>
    public required FunctionRole Role { get; init; }

    /// <summary>f(x) in plain text.</summary>
    public required string Formula { get; init; }

    /// <summary>f'(x) in plain text.</summary>
    public required string DerivativeFormula { get; init; }

    /// <summary>f. Setting it (<c>f with { Value = g }</c>) drops the span path and the complex form given with the old
    /// f, so that <see cref="Values"/> loops over g and no oracle computes the old f; give new ones after it if there are
    /// any.</summary>
    public required Func<double, double> Value
    {
        get => value;
        init
        {
            this.value = value;
            values = null;
            complexForm = null;
        }
    }

    /// <summary>f', with the stated convention at each kink. Setting it drops the span path given with the old f', as
    /// for <see cref="Value"/>.</summary>
    public required Func<double, double> Derivative
    {
        get => derivative;
        init
        {
            this.derivative = value;
            derivatives = null;
        }
    }

    /// <summary>f over a span, vectorised, within the same ulp bound as <see cref="Value"/>; where none is given, a loop
    /// over <see cref="Value"/> (a new delegate on each read).</summary>
    public SpanFunction Values
    {
        get => values ?? ((x, result) => Internal.SpanMap.Each(Value, x, result));
        init => values = value;
    }

    /// <summary>f' over a span; where none is given, a loop over <see cref="Derivative"/>.</summary>
    public SpanFunction Derivatives
    {
        get => derivatives ?? ((x, result) => Internal.SpanMap.Each(Derivative, x, result));
        init => derivatives = value;
    }

    /// <summary>f over complex numbers for the complex-step oracle, Im f(x + ih)/h ≈ f'(x): the analytic functions exactly,
    /// the piecewise-linear ones piece by piece (the piece chosen by the real part), erf to first order in Im z. Null
    /// where the function has none (PLU, whose pieces depend on its parameters, is checked by differences only).</summary>
    public Func<Complex, Complex>? ComplexForm
    {
        get => complexForm;
        init => complexForm = value;
    }

    /// <summary>The points where f is not differentiable; empty for a smooth f.</summary>
    public IReadOnlyList<Kink> Kinks { get; init; } = [];

    /// <summary>The mathematical range f(ℝ), with open and closed ends.</summary>
    public required Interval Range { get; init; }

    /// <summary>The closed hull of f over the finite doubles: in double arithmetic open ends close (tanh(20) == 1.0).</summary>
    public required Interval FloatingPointRange { get; init; }

    /// <summary>Where f reaches its bounds or stops changing in double, in words.</summary>
    public required string SaturatesInDouble { get; init; }

    /// <summary>For |x| below this, f(x) in double lies in <see cref="Range"/> itself (open ends not yet reached by
    /// rounding); +∞ where no end is ever reached.</summary>
    public required double InsideRangeBelow { get; init; }

    /// <summary>The smallest L with |f(x) − f(y)| ≤ L|x − y|, i.e. sup |f'|.</summary>
    public required double Lipschitz { get; init; }

    /// <summary>Even, odd or neither.</summary>
    public required Parity Parity { get; init; }

    /// <summary>Increasing, decreasing, non-strictly either, or not monotone.</summary>
    public required Monotonicity Monotonicity { get; init; }

    /// <summary>Whether f and f' have limits at ±∞ (sin and cos have none).</summary>
    public bool LimitsAtInfinity { get; init; } = true;

    /// <summary>The real parameters f takes (PLU's α and c); empty for most functions.</summary>
    public IReadOnlyList<Parameter> Parameters { get; init; } = [];

    /// <summary>The values of <see cref="Parameters"/> this descriptor computes with, in their order: the defaults in
    /// the catalog's entry, the given values after <see cref="With"/>.</summary>
    public IReadOnlyList<double> Arguments { get; init; } = [];

    /// <summary>The vanishing-gradient claim of an activation that saturates; otherwise null.</summary>
    public Saturation? Saturation { get; init; }

    /// <summary>One sentence: why one would use it (activations).</summary>
    public string? Advantage { get; init; }

    /// <summary>One sentence: why one might not (activations).</summary>
    public string? Disadvantage { get; init; }

    /// <summary>Builds the descriptor for other parameter values (set by the catalog for functions with parameters).</summary>
    internal Func<double[], ScalarFunction>? Bind { get; init; }

    /// <summary>The span path given for f, or null (callers that must not allocate loop over <see cref="Value"/>).</summary>
    internal SpanFunction? GivenValues => values;

    /// <summary>The span path given for f', or null.</summary>
    internal SpanFunction? GivenDerivatives => derivatives;

    /// <summary>The same function with other parameter values (for PLU, <c>With(α, c)</c>).</summary>
    /// <param name="arguments">One value per parameter, in the order of <see cref="Parameters"/>.</param>
    /// <returns>The descriptor computing with those values.</returns>
    /// <exception cref="ArgumentException">The count does not match the parameters.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value outside its parameter's valid range.</exception>
    public ScalarFunction With(params double[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Length != Parameters.Count)
        {
            throw new ArgumentException(
                $"{Name} takes {Parameters.Count} parameter{(Parameters.Count == 1 ? "" : "s")}" +
                $"{(Parameters.Count > 0 ? $" ({string.Join(", ", Parameters.Select(p => p.Symbol))})" : "")}; got {arguments.Length}.",
                nameof(arguments));
        }

        return Bind is null ? this : Bind(arguments);
    }

    /// <summary>The name.</summary>
    /// <returns>The short name.</returns>
    public override string ToString() => Name;
}
