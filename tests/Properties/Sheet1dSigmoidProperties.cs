namespace Calculus.Properties;

/// <summary>Sheet 1d: σ'(a) = σ(a)(1 − σ(a)).</summary>
public sealed class Sheet1dSigmoidProperties
{
    /// <summary>Up to |a| = 600, σ'(a)·1e-20 is still a normal double (to 661), so the complex step keeps full precision.</summary>
    private static readonly Gen<double> ComplexStepRange = Generators.ComplexStepBand(600);

    [ScalarProperty]
    public Property Sheet1d_SigmoidDerivative_MatchesFiniteDifference() =>
        DerivativeMatchesFiniteDifference("σ' = FD of σ", Sigmoid.Value, Sigmoid.Derivative, Generators.Moderate);

    [ScalarProperty]
    public Property Sheet1d_SigmoidDerivative_MatchesComplexStep() =>
        DerivativeMatchesComplexStep("σ' = complex step of σ", ComplexForms.Sigmoid, Sigmoid.Derivative, ComplexStepRange);

    [ScalarProperty]
    public Property Sheet1d_SigmoidDerivative_EqualsSigmaTimesSigmaOfMinusA() =>
        Prop.ForAll(Arb.From(Generators.Finite), a =>
        {
            // σ(a)σ(−a) multiplies two values within 2 ulp each: within 5 ulp of σ' (itself within 4 of exact), 9 in all.
            double product = Sigmoid.Value(a) * Sigmoid.Value(-a);
            ulong ulps = Ulps.Between(Sigmoid.Derivative(a), product);
            return (ulps <= 9).Label($"a = {R(a)}: σ'(a) = {R(Sigmoid.Derivative(a))}, σ(a)σ(−a) = {R(product)}, {ulps} ulp");
        });

    [ScalarProperty]
    public Property Sheet1d_SigmoidDerivative_EqualsSigmaOneMinusSigma_WhereRepresentable() =>
        Prop.ForAll(Arb.From(Generators.Band(-30, 30)), a =>
        {
            // The sheet's σ(1 − σ): for a > 0, 1 − σ(a) cancels, losing ε/(1 − σ) = ε(1 + e^a) relative; for a < 0
            // it is exact to a few ulp. Tolerance: that loss plus 16 ulp for the rest.
            double s = Sigmoid.Value(a);
            double sheet = s * (1 - s);
            double relative = (16 + 1 + Math.Exp(Math.Abs(a))) * Tolerances.Epsilon;
            return Ulps.Close(Sigmoid.Derivative(a), sheet, relative)
                .Label($"a = {R(a)}: σ'(a) = {R(Sigmoid.Derivative(a))}, σ(1 − σ) = {R(sheet)}, relative tolerance {R(relative)}");
        });

    [ScalarProperty]
    public Property Sheet1d_SigmoidDerivative_IsEven() =>
        Prop.ForAll(Arb.From(Generators.Finite), a =>
            (Sigmoid.Derivative(a) == Sigmoid.Derivative(-a))
                .Label($"a = {R(a)}: σ'(a) = {R(Sigmoid.Derivative(a))}, σ'(−a) = {R(Sigmoid.Derivative(-a))}"));

    [ScalarProperty]
    public Property Sheet1d_SigmoidDerivative_InOpenZeroToQuarter_ForAbsBelow745() =>
        Prop.ForAll(Arb.From(Gen.Frequency((3, Generators.Finite), (1, Generators.Band(-745, 745))).Where(a => Math.Abs(a) < 745)), a =>
        {
            double d = Sigmoid.Derivative(a);
            return (d > 0 && d <= 0.25).Label($"a = {R(a)}: σ'(a) = {R(d)}");
        });
}
