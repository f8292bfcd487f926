namespace Calculus;

/// <summary>A function applied to every element of a span: result[i] = f(x[i]).</summary>
/// <param name="x">The arguments.</param>
/// <param name="result">The values; the length of x, and either x itself (in place) or separate memory.</param>
public delegate void SpanFunction(ReadOnlySpan<double> x, Span<double> result);

/// <summary>One activation function with the facts the sheet asks for: value, gradient, range, kinks, advantage and
/// disadvantage. The catalog (<see cref="ActivationCatalog"/>) lists them all and drives the generic tests.</summary>
/// <param name="Name">The short name, as the command line takes it (e.g. "tanh", "leaky-relu").</param>
/// <param name="Formula">f(x) in plain text.</param>
/// <param name="DerivativeFormula">f'(x) in plain text.</param>
/// <param name="Value">f.</param>
/// <param name="Derivative">f', with the stated convention at each kink.</param>
/// <param name="Range">The mathematical range f(ℝ), with open and closed ends.</param>
/// <param name="FloatingPointRange">The closed hull of f over the finite doubles: in double arithmetic open ends
/// close (tanh(20) == 1.0 exactly).</param>
/// <param name="SaturatesInDouble">Where f reaches its bounds or stops changing in double, in words.</param>
/// <param name="InsideRangeBelow">For |x| below this, f(x) in double lies in <paramref name="Range"/> itself (open ends
/// not yet reached by rounding); +∞ where no end is ever reached.</param>
/// <param name="Kinks">The points where f is not differentiable; empty for smooth f.</param>
/// <param name="Lipschitz">The smallest L with |f(x) − f(y)| ≤ L|x − y|, i.e. sup |f'|.</param>
/// <param name="Parity">Even, odd or neither.</param>
/// <param name="Monotonicity">Increasing, non-decreasing or not monotone.</param>
/// <param name="Saturation">The vanishing-gradient claim, for activations that saturate; otherwise null.</param>
/// <param name="Advantage">One sentence: why one would use it.</param>
/// <param name="Disadvantage">One sentence: why one might not.</param>
public sealed record Activation(
    string Name,
    string Formula,
    string DerivativeFormula,
    Func<double, double> Value,
    Func<double, double> Derivative,
    Interval Range,
    Interval FloatingPointRange,
    string SaturatesInDouble,
    double InsideRangeBelow,
    IReadOnlyList<Kink> Kinks,
    double Lipschitz,
    Parity Parity,
    Monotonicity Monotonicity,
    Saturation? Saturation,
    string Advantage,
    string Disadvantage)
{
    private readonly Func<double, double> value = Value, derivative = Derivative;
    private readonly SpanFunction? values, derivatives;

    /// <summary>f. Setting it (<c>activation with { Value = g }</c>) drops the span path given with the old f, so
    /// that <see cref="Values"/> loops over g; give a new span path after it if there is one.</summary>
    public Func<double, double> Value
    {
        get => value;
        init
        {
            this.value = value;
            values = null;
        }
    }

    /// <summary>f', with the stated convention at each kink. Setting it drops the span path given with the old f',
    /// as for <see cref="Value"/>.</summary>
    public Func<double, double> Derivative
    {
        get => derivative;
        init
        {
            this.derivative = value;
            derivatives = null;
        }
    }

    /// <summary>f over a span, vectorised, within the same ulp bound as <see cref="Value"/>; where none is given, a
    /// loop over <see cref="Value"/> (a new delegate on each read; the field stays null, so two records that differ
    /// in nothing else stay equal).</summary>
    public SpanFunction Values
    {
        get => values ?? ((x, result) => Internal.SpanMap.Each(Value, x, result));
        init => values = value;
    }

    /// <summary>f' over a span, vectorised, within the same ulp bound as <see cref="Derivative"/>; where none is
    /// given, a loop over <see cref="Derivative"/>.</summary>
    public SpanFunction Derivatives
    {
        get => derivatives ?? ((x, result) => Internal.SpanMap.Each(Derivative, x, result));
        init => derivatives = value;
    }

    /// <summary>The span path given for f, or null (callers that must not allocate loop over <see cref="Value"/>).</summary>
    internal SpanFunction? GivenValues => values;

    /// <summary>The span path given for f', or null.</summary>
    internal SpanFunction? GivenDerivatives => derivatives;

    /// <summary>The name.</summary>
    /// <returns>The short name.</returns>
    public override string ToString() => Name;
}
