using Calculus.Functions;
using Calculus.Verification.Generation;
using FsCheck;
using FsCheck.Fluent;

namespace Calculus.Verification.Checks;

/// <summary>One point of a scalar function, with the function bound to the case's parameters when it takes any.</summary>
/// <param name="X">The point.</param>
/// <param name="Bound">The function with the parameters drawn for this case (PLU with its α and c), or null for a
/// function without parameters.</param>
internal sealed record ScalarCase(double X, ScalarFunction? Bound = null)
{
    /// <summary>"x = 0.5", with the parameters, e.g. "x = 0.5 (α = 0.25, c = 2)".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Describe($"x = {Show.R(X)}");

    /// <summary>A text for the case's point followed by its parameters, e.g. "x₁ = 1 &lt; x₂ = 2 (α = 0.25, c = 2)".</summary>
    /// <param name="point">The point's text.</param>
    /// <returns>The text.</returns>
    public string Describe(string point) => Bound is not { Parameters.Count: > 0 } f ? point
        : $"{point} ({string.Join(", ", f.Parameters.Zip(f.Arguments, (p, v) => $"{p.Symbol} = {Show.R(v)}"))})";
}

/// <summary>The domains of the scalar checks (docs/protocol.md, "Domains").</summary>
internal static class ScalarDomains
{
    /// <summary>The core domain's bound: |x| ≤ 20, where every activation and loss of the sheet is still far from the
    /// overflow and underflow thresholds of exp (±709.78) and textbook forms are accurate.</summary>
    public const double CoreBound = 20;

    /// <summary>|x| ≤ 20: a uniform band, log-uniform magnitudes down to 1e-12, and 0, ±1, ±20.</summary>
    public static Gen<double> Core { get; } = Gen.Frequency(
        (5, Generators.Band(-CoreBound, CoreBound)),
        (3, Generators.LogUniform(1e-12, CoreBound)),
        (1, Gen.Elements(0.0, 1.0, -1.0, CoreBound, -CoreBound)));

    /// <summary>The whole double range: every finite double a property may meet (<see cref="Generators.Finite"/>: the
    /// thresholds where textbook forms break, ±1e300, ±MaxValue, subnormals), and ±∞ where f has limits there.</summary>
    /// <param name="limitsAtInfinity">Whether ±∞ are included.</param>
    /// <returns>The generator.</returns>
    public static Gen<double> Whole(bool limitsAtInfinity) => limitsAtInfinity
        ? Gen.Frequency((12, Generators.Finite), (1, Gen.Elements(double.PositiveInfinity, double.NegativeInfinity)))
        : Generators.Finite;

    /// <summary>Cases for a function: x from the domain, with the function's parameters drawn when it takes any.</summary>
    /// <param name="spec">The function.</param>
    /// <param name="xs">The domain.</param>
    /// <returns>The generator.</returns>
    public static Gen<ScalarCase> Cases(ScalarFunction spec, Gen<double> xs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Parameters.Count > 0
            ? xs.Zip(Generators.Arguments(spec.Parameters), (x, p) => new ScalarCase(x, spec.With(p)))
            : xs.Select(x => new ScalarCase(x));
    }

    /// <summary>Cases at least <see cref="Generators.KinkMargin"/> from every kink (of the case's own parameters).</summary>
    /// <param name="spec">The function.</param>
    /// <param name="xs">The domain.</param>
    /// <returns>The generator.</returns>
    public static Gen<ScalarCase> AwayFromKinks(ScalarFunction spec, Gen<double> xs) =>
        Cases(spec, xs).Select(c => c with { X = Generators.PushOffKinks(Resolve(spec, c).Kinks, c.X) });

    /// <summary>The function with the case's parameters.</summary>
    /// <param name="spec">The function.</param>
    /// <param name="c">The case.</param>
    /// <returns>The descriptor computing with the case's parameters.</returns>
    public static ScalarFunction Resolve(ScalarFunction spec, ScalarCase c)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(c);
        return c.Bound ?? spec;
    }

    /// <summary>Shrinks x toward 0 and short decimals (and the parameters toward their defaults), keeping only
    /// candidates the constraint accepts.</summary>
    /// <param name="keep">The generator's constraint.</param>
    /// <returns>The shrinker.</returns>
    public static Func<ScalarCase, IEnumerable<ScalarCase>> Shrink(Func<ScalarCase, bool> keep) => c =>
    {
        var xs = Generators.ShrinkDouble(_ => true)(c.X).Select(x => c with { X = x });
        var defaults = c.Bound is { } f ? f.With([.. f.Parameters.Select(p => p.Default!.Value)]) : null;
        var parameters = defaults is null || defaults.Arguments.SequenceEqual(c.Bound!.Arguments) ? [] : new[] { c with { Bound = defaults } };
        return parameters.Concat(xs).Where(keep);
    };
}
