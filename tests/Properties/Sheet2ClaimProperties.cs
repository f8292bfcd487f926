namespace Calculus.Properties;

/// <summary>Sheet 2: the closed-form identities and the claims behind each advantage and disadvantage.</summary>
public sealed class Sheet2ClaimProperties
{
    [ScalarProperty]
    public Property Sheet2a_TanhDerivative_EqualsOneMinusTanhSquared_WhereRepresentable() =>
        Prop.ForAll(Arb.From(Generators.Band(-15, 15)), x =>
        {
            // 1 − tanh² cancels: the rounding of tanh (≤ 3 ulp of 1) costs 6ε/sech²x = 6ε·cosh²x relative; plus 8 ulp.
            double t = Tanh.Value(x);
            double identity = 1 - (t * t);
            double relative = (8 + (6 * Math.Cosh(x) * Math.Cosh(x))) * Tolerances.Epsilon;
            return Ulps.Close(Tanh.Derivative(x), identity, relative)
                .Label($"x = {R(x)}: tanh' = {R(Tanh.Derivative(x))}, 1 − tanh² = {R(identity)}, relative tolerance {R(relative)}");
        });

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
        Prop.ForAll(Arb.From(Generators.Finite), x =>
            (Sinusoid.Derivative(x) == Math.Cos(x)).Label($"x = {R(x)}: sin' = {R(Sinusoid.Derivative(x))}, cos = {R(Math.Cos(x))}"));

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
    public Property Sheet2c_DeadRelu_ZeroValueAndGradient_ForNegativeX() =>
        Prop.ForAll(Arb.From(Generators.Finite.Select(x => -Math.Abs(x)).Where(x => x < 0)), x =>
            (Relu.Value(x) == 0 && Relu.Derivative(x) == 0).Label($"x = {R(x)}: ReLU = {R(Relu.Value(x))}, ReLU' = {R(Relu.Derivative(x))}"));

    [ScalarProperty]
    public Property Sheet2c_Relu_UnboundedAbove_IdentityForPositiveX() =>
        Prop.ForAll(Arb.From(Generators.Finite.Select(Math.Abs).Where(x => x > 0)), x =>
            (Relu.Value(x) == x && Relu.Derivative(x) == 1).Label($"x = {R(x)}: ReLU = {R(Relu.Value(x))}"));

    [ScalarProperty]
    public Property Sheet2d_LeakyRelu_GradientNeverZero() =>
        Prop.ForAll(Arb.From(Generators.Finite), x =>
        {
            double d = LeakyRelu.Derivative(x);
            return (d == 1 || d == 0.01).Label($"x = {R(x)}: leaky' = {R(d)}");
        });

    [ScalarProperty]
    public Property Sheet2e_Plu_GradientAtLeastAlpha_IdentityInside_AndMatchesFiniteDifference() =>
        Prop.ForAll(Arb.From(Generators.PluParameters.Zip(Generators.Finite)), t =>
        {
            var ((alpha, c), x) = t;
            var plu = ActivationCatalog.CreatePlu(alpha, c);
            double d = plu.Derivative(x);
            bool identity = Math.Abs(x) > c || plu.Value(x) == x;
            bool inRange = plu.FloatingPointRange.Contains(plu.Value(x)) && plu.Range.Contains(plu.Value(x));
            double y = Generators.PushOffKinks(plu, Math.Clamp(x, -1e3, 1e3));
            var fd = GradientCheck.FiniteDifference(plu.Value, plu.Derivative(y), y);
            return (d >= alpha && identity && inRange).Label($"α = {R(alpha)}, c = {R(c)}, x = {R(x)}: PLU = {R(plu.Value(x))}, PLU' = {R(d)}, range {plu.Range}")
                .And(fd.Holds("PLU' = FD", $"α = {R(alpha)}, c = {R(c)}, x = {R(y)}"));
        });

    [ScalarProperty]
    public Property Sheet2f_Sin_IsPeriodic() =>
        Prop.ForAll(Arb.From(Generators.Band(-1e3, 1e3)), x =>
        {
            // x + 2π rounds (ε|x + 2π|/2) and 2π itself is rounded (1.2e-16 off): |sin(x + 2π) − sin x| ≤ ε(|x| + 8) + 4ε.
            double shifted = Sinusoid.Value(x + (2 * Math.PI));
            double tolerance = Tolerances.Epsilon * (Math.Abs(x) + 12);
            return (Math.Abs(shifted - Sinusoid.Value(x)) <= tolerance)
                .Label($"x = {R(x)}: sin(x + 2π) = {R(shifted)}, sin x = {R(Sinusoid.Value(x))}, tolerance {R(tolerance)}");
        });

    [ScalarProperty]
    public Property Sheet2_OddActivations_AreZeroCentred() =>
        Prop.ForAll(Arb.From(Generators.Finite.Zip(Gen.Elements(ActivationCatalog.All.Where(a => a.Parity == Parity.Odd).ToArray()))), t =>
        {
            // Odd f: f(0) = 0 and every output pairs with its negative, so the outputs over a symmetric input
            // distribution average to 0 (the advantage of tanh, erf, sin and PLU over σ and ReLU).
            var (x, f) = t;
            return (f.Value(0) == 0 && f.Value(x) + f.Value(-x) == 0).Label($"{f.Name}: f(0) = {R(f.Value(0))}, f({R(x)}) + f(−x) = {R(f.Value(x) + f.Value(-x))}");
        });
}
