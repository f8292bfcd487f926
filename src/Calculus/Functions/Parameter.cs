namespace Calculus.Functions;

/// <summary>A real parameter of a function of the catalog, such as PLU's α and c or the label y of sheet 1e.</summary>
/// <param name="Name">The name as the protocol and the command line spell it ("alpha", "c", "y"; the option is
/// <c>--</c> and the name).</param>
/// <param name="Symbol">The symbol in formulas and messages ("α").</param>
/// <param name="Default">The value used when none is given; null when the parameter must be given.</param>
/// <param name="Valid">The values the function accepts; others are an <see cref="ArgumentOutOfRangeException"/>.</param>
/// <param name="Typical">Values across the valid range that tests and checks draw most often.</param>
/// <param name="Edge">Values near the edges of the valid range, drawn now and then.</param>
public sealed record Parameter(string Name, string Symbol, double? Default, Interval Valid, IReadOnlyList<double> Typical, IReadOnlyList<double> Edge)
{
    /// <summary>"α ∈ [0, 1], default 0.1".</summary>
    /// <returns>The parameter in words.</returns>
    public override string ToString() => $"{Symbol} ∈ {Valid}{(Default is { } d ? $", default {d.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "")}";
}
