using System.Globalization;
using System.Numerics;

namespace Calculus.Properties.Support;

/// <summary>Helpers of the reference-only properties (the generic checks that run on students too live in the battery,
/// src/Calculus.Verification).</summary>
internal static class Specs
{
    public static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A check result as a labelled property: it fails only on a failed comparison (never on an inconclusive
    /// one), with the property, the whole input and every number of the check.</summary>
    public static Property Holds(this CheckResult result, string property, string input) =>
        (!result.Failed).Label($"{property}: {result} — at {input}");

    /// <summary>f'(x) matches the complex step of f for every x the generator gives (analytic functions of the reference).</summary>
    public static Property DerivativeMatchesComplexStep(
        string property, Func<Complex, Complex> f, Func<double, double> derivative, Gen<double> xs) =>
        Prop.ForAll(Generators.Arbitrary(xs, _ => true), x =>
            GradientCheck.ComplexStep(f, derivative(x), x).Holds(property, $"x = {R(x)}"));

    /// <summary>Names a flat parameter index as a partial derivative, e.g. "∂L/∂W[2,0]".</summary>
    public static string Describe(NetworkParameters layout, int k) => $"∂L/∂{NetworkGradientCheck.EntryName(layout, k)}";
}
