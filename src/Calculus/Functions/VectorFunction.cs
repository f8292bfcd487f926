namespace Calculus.Functions;

/// <summary>A function of a whole vector of the sheet (log-sum-exp of 3a and its excess over the maximum).</summary>
/// <param name="Name">The name the protocol and the command line take.</param>
/// <param name="Item">The sheet item, e.g. "3a".</param>
/// <param name="Formula">f(a) in plain text.</param>
/// <param name="Value">f; an empty vector is allowed where f has a value there (LSE of nothing is −∞).</param>
public sealed record VectorFunction(string Name, string Item, string Formula, Func<double[], double> Value)
{
    /// <summary>The name.</summary>
    /// <returns>The short name.</returns>
    public override string ToString() => Name;
}
