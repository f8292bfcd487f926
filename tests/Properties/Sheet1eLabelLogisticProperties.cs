using Calculus.Activations;
using Calculus.Losses;
namespace Calculus.Properties;

/// <summary>Sheet 1e: f_e(a) = ∂/∂a log(1 + e^(−ya)) = −y·σ(−ya).</summary>
public sealed class Sheet1eLabelLogisticProperties
{
    public static TheoryData<string> Battery1e() => BatteryTheory.Checks("1e");

    /// <summary>The battery's checks of item 1e whose oracle is independent of the reference (src/Calculus.Verification).</summary>
    [Theory]
    [MemberData(nameof(Battery1e))]
    public void Sheet1e_Battery(string check) => BatteryTheory.Check(check);

    /// <summary>(a, y) with y real and y·a spread over the whole range, |ya| ∈ [700, 800] included.</summary>
    private static readonly Gen<(double A, double Y)> AnyScore =
        from y in Generators.RealLabel
        from ya in Gen.Frequency((3, Generators.Finite), (2, Generators.Band(700, 800)), (2, Generators.Band(-800, -700)))
        let a = ya / y
        where double.IsFinite(a)
        select (a, y);

    [ScalarProperty]
    public Property Sheet1e_Derivative_MatchesComplexStep() =>
        Prop.ForAll(Arb.From(Generators.Band(-600, 600).Zip(Generators.Label)), t =>
            GradientCheck.ComplexStep(z => LabelLogisticLoss.OfComplex(z, t.Item2), LabelLogisticLoss.Derivative(t.Item1, t.Item2), t.Item1)
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
