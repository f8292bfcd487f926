using Calculus.Activations;
using Calculus.Functions;
namespace Calculus.Properties;

/// <summary>Sheet 2: the closed-form identities and the claims behind each advantage and disadvantage.</summary>
public sealed class Sheet2ClaimProperties
{
    [ScalarProperty]
    public Property Sheet2b_ErfDerivative_EqualsTwoOverSqrtPiTimesGaussian() =>
        Prop.ForAll(Arb.From(Generators.Finite), x =>
        {
            // Both sides share e^(−x²) from the library's Gaussian; the factor 2/√π and one product: 4 ulp.
            double identity = Erf.TwoOverSqrtPi * Gaussian.Value(x);
            return (Ulps.Between(Erf.Derivative(x), identity) <= 4)
                .Label($"x = {R(x)}: erf' = {R(Erf.Derivative(x))}, (2/√π)e^(−x²) = {R(identity)}");
        });

    [ScalarProperty]
    public Property Sheet2b_ErfDerivative_MatchesNaiveFormula_WhereXSquaredIsSmall() =>
        Prop.ForAll(Arb.From(Generators.Band(-5, 5)), x =>
        {
            // Math.Exp(−x·x) loses x²ε relative to the rounding of x·x: (8 + 2x²)ε.
            double naive = 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x);
            double relative = (8 + (2 * x * x)) * Tolerances.Epsilon;
            return Ulps.Close(Erf.Derivative(x), naive, relative).Label($"x = {R(x)}: erf' = {R(Erf.Derivative(x))}, naive = {R(naive)}");
        });

    [ScalarProperty]
    public Property Sheet2f_SinDerivative_IsCos() =>
        // The library's cos (issue 14: its own reduction, within 1 ulp for every double) against the platform's, where
        // the platform's reduction is exact too (|x| ≤ 1e5; beyond, Math.Cos is up to 136,921 ulp off on Linux x64).
        // Both within an ulp of the true value, they are the same double or neighbours.
        Prop.ForAll(Arb.From(Generators.Band(-1e5, 1e5)), x =>
            (Ulps.Between(Sinusoid.Derivative(x), Math.Cos(x)) <= 1).Label($"x = {R(x)}: sin' = {R(Sinusoid.Derivative(x))}, cos = {R(Math.Cos(x))}"));

    [ScalarProperty]
    public Property Sheet2g_GaussianDerivative_IsMinusTwoXGaussian() =>
        Prop.ForAll(Arb.From(Generators.Finite.Where(x => Math.Abs(x) < 26)), x =>
        {
            // −2x·e^(−x²) from the library's value: one more product, 2 ulp more than either side's own 2 and 4.
            double identity = -2 * x * Gaussian.Value(x);
            return (Ulps.Between(Gaussian.Derivative(x), identity) <= 8)
                .Label($"x = {R(x)}: f' = {R(Gaussian.Derivative(x))}, −2x·e^(−x²) = {R(identity)}");
        });

    [ScalarProperty]
    public Property Sheet2c_Relu_UnboundedAbove_IdentityForPositiveX() =>
        Prop.ForAll(Arb.From(Generators.Finite.Select(Math.Abs).Where(x => x > 0)), x =>
            (Relu.Value(x) == x && Relu.Derivative(x) == 1).Label($"x = {R(x)}: ReLU = {R(Relu.Value(x))}"));

    [ScalarProperty]
    public Property Sheet2_OddActivations_AreZeroCentred() =>
        Prop.ForAll(Arb.From(Generators.Finite.Zip(Gen.Elements(Catalog.Activations.Where(a => a.Parity == Parity.Odd).ToArray()))), t =>
        {
            // Odd f: f(0) = 0 and every output pairs with its negative, so the outputs over a symmetric input
            // distribution average to 0 (the advantage of tanh, erf, sin and PLU over σ and ReLU).
            var (x, f) = t;
            return (f.Value(0) == 0 && f.Value(x) + f.Value(-x) == 0).Label($"{f.Name}: f(0) = {R(f.Value(0))}, f({R(x)}) + f(−x) = {R(f.Value(x) + f.Value(-x))}");
        });
}
