using Calculus.Functions;

namespace Calculus.Verification.Sheet;

/// <summary>A request for a scalar function.</summary>
/// <param name="Function">The protocol name: sigmoid, tanh, erf, relu, leaky-relu, plu, sin, gaussian, softplus,
/// logistic, hinge or smooth-hinge (<see cref="Catalog.All"/>).</param>
/// <param name="Derivative">f' instead of f.</param>
/// <param name="X">The points.</param>
/// <param name="Parameters">The function's parameters by name (PLU's "alpha" and "c"); one left out takes its default.</param>
internal sealed record ScalarQuery(string Function, bool Derivative, double[] X, IReadOnlyDictionary<string, double>? Parameters = null)
    : SheetCall<double[]>
{
    /// <inheritdoc/>
    public override string Function { get; } = Function;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(ISheetCallVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Scalar(this);
    }

    /// <summary>A request for a descriptor of the catalog, with every parameter it takes at the value it computes with.</summary>
    /// <param name="function">The function, its parameters bound.</param>
    /// <param name="derivative">f' instead of f.</param>
    /// <param name="x">The points.</param>
    /// <returns>The request.</returns>
    public static ScalarQuery For(ScalarFunction function, bool derivative, double[] x)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new(function.Name, derivative, x, function.Parameters.Count == 0 ? null
            : function.Parameters.Zip(function.Arguments).ToDictionary(p => p.First.Name, p => p.Second, StringComparer.Ordinal));
    }

    /// <summary>The value of a parameter given in the request, or null.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns>Its value, or null when the request leaves it out.</returns>
    public double? Parameter(string name) => Parameters is not null && Parameters.TryGetValue(name, out double v) ? v : null;
}
