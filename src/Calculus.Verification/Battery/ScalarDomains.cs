using Calculus.Verification.Generation;

namespace Calculus.Verification;

/// <summary>One point of a scalar function, with PLU's parameters when the function is plu.</summary>
/// <param name="X">The point.</param>
/// <param name="Alpha">PLU's α, or null.</param>
/// <param name="C">PLU's c, or null.</param>
public sealed record ScalarCase(double X, double? Alpha = null, double? C = null)
{
    /// <summary>"x = 0.5", with α and c for plu.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Alpha is null ? $"x = {Show.R(X)}" : $"x = {Show.R(X)} (α = {Show.R(Alpha.Value)}, c = {Show.R(C ?? Plu.DefaultC)})";
}

/// <summary>The domains of the scalar checks (docs/protocol.md, "Domains").</summary>
public static class ScalarDomains
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

    /// <summary>Cases for a function: x from the domain, with PLU's α and c drawn for plu.</summary>
    /// <param name="spec">The function.</param>
    /// <param name="xs">The domain.</param>
    /// <returns>The generator.</returns>
    public static Gen<ScalarCase> Cases(ScalarSpec spec, Gen<double> xs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Name == "plu"
            ? xs.Zip(Generators.PluParameters, (x, p) => new ScalarCase(x, p.Alpha, p.C))
            : xs.Select(x => new ScalarCase(x));
    }

    /// <summary>Cases at least <see cref="Generators.KinkMargin"/> from every kink (for plu, of its own α and c).</summary>
    /// <param name="spec">The function.</param>
    /// <param name="xs">The domain.</param>
    /// <returns>The generator.</returns>
    public static Gen<ScalarCase> AwayFromKinks(ScalarSpec spec, Gen<double> xs) =>
        Cases(spec, xs).Select(c => c with { X = Generators.PushOffKinks(Resolve(spec, c).Kinks, c.X) });

    /// <summary>The function with the case's parameters.</summary>
    /// <param name="spec">The function.</param>
    /// <param name="c">The case.</param>
    /// <returns>The descriptor (for plu, with α and c).</returns>
    public static ScalarSpec Resolve(ScalarSpec spec, ScalarCase c)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(c);
        return c.Alpha is null ? spec : ScalarSpec.Find(spec.Name, c.Alpha, c.C);
    }

    /// <summary>Shrinks x toward 0 and short decimals (and PLU's parameters toward their defaults), keeping only
    /// candidates the constraint accepts.</summary>
    /// <param name="keep">The generator's constraint.</param>
    /// <returns>The shrinker.</returns>
    public static Func<ScalarCase, IEnumerable<ScalarCase>> Shrink(Func<ScalarCase, bool> keep) => c =>
    {
        var xs = Generators.ShrinkDouble(_ => true)(c.X).Select(x => c with { X = x });
        var parameters = c.Alpha is null || (c.Alpha == Plu.DefaultAlpha && c.C == Plu.DefaultC)
            ? []
            : new[] { c with { Alpha = Plu.DefaultAlpha, C = Plu.DefaultC } };
        return parameters.Concat(xs).Where(keep);
    };
}
