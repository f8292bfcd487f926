namespace Calculus.Properties;

/// <summary>Sheet 1e: f_e(a) = ∂/∂a log(1 + e^(−ya)) = −y·σ(−ya).</summary>
public sealed class Sheet1eLabelLogisticProperties
{
    /// <summary>Real labels for the finite-difference oracle: |y| ≤ 10, so that ℓ's feature scale 1/|y| ≥ 0.1 stays
    /// far above the 5-point stencil's width 2h5 ≈ 2e-3 (larger |y| are covered by the bound and literal-form properties).</summary>
    private static readonly Gen<double> FiniteDifferenceLabel =
        Gen.Frequency((1, Generators.Label), (3, Generators.LogUniform(1e-3, 10)));

    /// <summary>(a, y) with y real and y·a spread over the whole range, |ya| ∈ [700, 800] included.</summary>
    private static readonly Gen<(double A, double Y)> AnyScore =
        from y in Generators.RealLabel
        from ya in Gen.Frequency((3, Generators.Finite), (2, Generators.Band(700, 800)), (2, Generators.Band(-800, -700)))
        let a = ya / y
        where double.IsFinite(a)
        select (a, y);

    [ScalarProperty]
    public Property Sheet1e_Derivative_MatchesFiniteDifference_PlusMinusOne() =>
        LabelDerivativeMatchesFiniteDifference("f_e = FD of ℓ (y = ±1)", LabelLogisticLoss.Value, LabelLogisticLoss.Derivative, Generators.Label);

    [ScalarProperty]
    public Property Sheet1e_Derivative_MatchesFiniteDifference_RealLabel() =>
        LabelDerivativeMatchesFiniteDifference("f_e = FD of ℓ (real y)", LabelLogisticLoss.Value, LabelLogisticLoss.Derivative, FiniteDifferenceLabel);

    [ScalarProperty]
    public Property Sheet1e_Derivative_MatchesComplexStep() =>
        Prop.ForAll(Arb.From(Generators.Band(-600, 600).Zip(Generators.Label)), t =>
            GradientCheck.ComplexStep(z => ComplexForms.LabelLogistic(z, t.Item2), LabelLogisticLoss.Derivative(t.Item1, t.Item2), t.Item1)
                .Holds("f_e = complex step of ℓ", $"a = {R(t.Item1)}, y = {R(t.Item2)}"));

    [ScalarProperty]
    public Property Sheet1e_Derivative_EqualsSheetLiteral_WhereThatIsFinite() =>
        Prop.ForAll(Arb.From(AnyScore), t =>
        {
            var (a, y) = t;
            double literal = -y * Math.Exp(-y * a) * Sigmoid.Value(y * a);
            if (!double.IsFinite(literal))
            {
                return true.Label("literal not finite (tested in Sheet1e examples)");
            }

            // The literal rounds ya before e^(−ya): relative error up to |ya|ε, plus ~8 ulp for the rest; where it
            // is subnormal it also loses up to 4|y| subnormal ulps to the rounding onto the subnormal grid.
            double library = LabelLogisticLoss.Derivative(a, y);
            double relative = (8 + (2 * Math.Abs(y * a))) * Tolerances.Epsilon;
            double absolute = 4 * Math.Max(1, Math.Abs(y)) * double.Epsilon;
            return Ulps.Close(library, literal, relative, absolute)
                .Label($"a = {R(a)}, y = {R(y)}: f_e = {R(library)}, literal = {R(literal)}, relative tolerance {R(relative)}");
        });

    [ScalarProperty]
    public Property Sheet1e_Derivative_FiniteAndBetweenMinusYAndZero() =>
        Prop.ForAll(Arb.From(AnyScore), t =>
        {
            var (a, y) = t;
            double fe = LabelLogisticLoss.Derivative(a, y);
            double loss = LabelLogisticLoss.Value(a, y);
            bool bounded = y > 0 ? fe >= -y && fe <= 0 : fe <= -y && fe >= 0;
            return (double.IsFinite(fe) && bounded && loss >= 0 && !double.IsNaN(loss))
                .Label($"a = {R(a)}, y = {R(y)}, ya = {R(y * a)}: f_e = {R(fe)}, ℓ = {R(loss)}");
        });
}
