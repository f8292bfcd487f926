using Calculus.Activations;
namespace Calculus.Properties;

/// <summary>Sheet 1d: σ'(a) = σ(a)(1 − σ(a)).</summary>
public sealed class Sheet1dSigmoidProperties
{
    public static TheoryData<string> Battery1d() => BatteryTheory.Checks("1d");

    /// <summary>The battery's checks of item 1d whose oracle is independent of the reference (src/Calculus.Verification).</summary>
    [Theory]
    [MemberData(nameof(Battery1d))]
    public void Sheet1d_Battery(string check) => BatteryTheory.Check(check);

    /// <summary>Up to |a| = 600, σ'(a)·1e-20 is still a normal double (to 661), so the complex step keeps full precision.</summary>
    private static readonly Gen<double> ComplexStepRange = Generators.ComplexStepBand(600);

    [ScalarProperty]
    public Property Sheet1d_SigmoidDerivative_MatchesComplexStep() =>
        Specs.DerivativeMatchesComplexStep("σ' = complex step of σ", Sigmoid.OfComplex, Sigmoid.Derivative, ComplexStepRange);

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
