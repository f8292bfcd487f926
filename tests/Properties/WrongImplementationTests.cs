using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Properties;

/// <summary>The suite catches the mistakes people really make on this sheet: each deliberately wrong implementation
/// below goes through the same generic check the library passes, with the default case count, and must be rejected.</summary>
public sealed class WrongImplementationTests
{
    private static void AssertRejected(Property property, int cases)
    {
        var failure = Assert.ThrowsAny<Exception>(() => PropertySettings.Check(property, cases));
        Assert.Contains("Falsifiable", failure.Message, StringComparison.Ordinal);
    }

    private static void AssertRejectedScalar(Property property) => AssertRejected(property, PropertySettings.ScalarCases);

    private static Activation Mutant(Activation f, Func<double, double>? value = null, Func<double, double>? derivative = null) =>
        f with { Value = value ?? f.Value, Derivative = derivative ?? f.Derivative };

    [Fact]
    public void SigmoidDerivative_AsSigmaTimesOnePlusSigma_IsRejected() =>
        AssertRejectedScalar(DerivativeMatchesFiniteDifference("σ(1 + σ)", Sigmoid.Value, a => Sigmoid.Value(a) * (1 + Sigmoid.Value(a)), Generators.Moderate));

    [Fact]
    public void SigmoidDerivative_AsNaiveSigmaOneMinusSigma_NearSaturation_IsRejected() =>
        // Right formula, unstable form: exactly 0 from a ≥ 36.74, 1e-3 off at 30. The complex step sees it.
        AssertRejectedScalar(DerivativeMatchesComplexStep("σ(1 − σ)", ComplexForms.Sigmoid, a => Sigmoid.Value(a) * (1 - Sigmoid.Value(a)), Generators.ComplexStepBand(600)));

    [Fact]
    public void LabelLogisticDerivative_WithWrongSign_IsRejected() =>
        AssertRejectedScalar(LabelDerivativeMatchesFiniteDifference("+y σ(−ya)", LabelLogisticLoss.Value, (a, y) => -LabelLogisticLoss.Derivative(a, y), Generators.Label));

    [Fact]
    public void LabelLogisticDerivative_WithExpOfPlusYa_IsRejected() =>
        AssertRejectedScalar(LabelDerivativeMatchesFiniteDifference("−y e^(ya) σ(ya)", LabelLogisticLoss.Value, (a, y) => -y * Math.Exp(y * a) * Sigmoid.Value(y * a), Generators.Label));

    [Fact]
    public void TanhDerivative_AsOneMinusTanh_IsRejected() =>
        AssertRejectedScalar(Sheet2ActivationProperties.DerivativeAwayFromKinks(Mutant(ActivationCatalog.Tanh, derivative: x => 1 - Math.Tanh(x))));

    [Fact]
    public void GaussianDerivative_MissingTheTwo_IsRejected() =>
        AssertRejectedScalar(Sheet2ActivationProperties.DerivativeAwayFromKinks(Mutant(ActivationCatalog.Gaussian, derivative: x => -x * Math.Exp(-x * x))));

    [Fact]
    public void ErfDerivative_MissingTwoOverSqrtPi_IsRejected() =>
        AssertRejectedScalar(Sheet2ActivationProperties.DerivativeAwayFromKinks(Mutant(ActivationCatalog.Erf, derivative: x => Math.Exp(-x * x))));

    [Fact]
    public void PluWithMinAndMaxSwapped_IsRejected() =>
        AssertRejectedScalar(Sheet2ActivationProperties.DerivativeAwayFromKinks(Mutant(ActivationCatalog.Plu,
            value: x => Math.Min((0.1 * (x + 1)) - 1, Math.Max((0.1 * (x - 1)) + 1, x)))));

    [Fact]
    public void LeakyReluWithSlopePointOne_IsRejected() =>
        // Value and derivative agree with each other, so only the catalog's stated kink slope 0.01 can catch it.
        AssertRejectedScalar(Sheet2ActivationProperties.Kinks(Mutant(ActivationCatalog.LeakyRelu,
            value: x => Math.Max(0.1 * x, x), derivative: x => x > 0 ? 1 : 0.1)));

    [Fact]
    public void LseWithoutMaxShift_IsRejected() =>
        AssertRejected(Sheet3aLogSumExpProperties.Bounds(a => Math.Log(a.Sum(Math.Exp))), PropertySettings.VectorCases);

    [Fact]
    public void LseExcessViaLogInsteadOfLog1p_IsRejected() =>
        AssertRejected(Sheet3aLogSumExpProperties.ExcessBounds(a =>
        {
            double m = a.Max();
            return Math.Log(1 + a.Where((_, k) => k != Array.IndexOf(a, m)).Sum(v => Math.Exp(v - m)));
        }), PropertySettings.VectorCases);

    [Fact]
    public void SmoothHingeWithoutTheOne_IsRejected() =>
        AssertRejectedScalar(Sheet3LossProperties.SmoothHingeAboveHinge(t => Softplus.Value(-t)));

    [Fact]
    public void LogisticShiftedTheWrongWay_IsRejected() =>
        AssertRejectedScalar(Sheet3LossProperties.ShiftRelation(t => Softplus.Value(2 - t)));

    [Fact]
    public void NetworkGradient_WithIAndJSwapped_IsRejected() =>
        AssertRejected(NetworkGradientMatchesPartials("i/j swapped", n => Mutate(n, (g, i, j, x) => i < x.Count && j < g.Count ? g[j] * x[i] : 0, null),
            Generators.SmallNetwork(Generators.Label)), PropertySettings.VectorCases);

    [Fact]
    public void NetworkGradient_WithoutTheActivationDerivative_IsRejected() =>
        AssertRejected(NetworkGradientMatchesPartials("f_d dropped", n =>
        {
            var right = n.Gradient();
            double fe = LabelLogisticLoss.Derivative(right.Z, n.Y);
            var g = n.Wout * fe; // f_e·w_i without f_d(a_i)
            return right with { Weights = g.OuterProduct(n.X), Bias = g, Input = n.W.TransposeThisAndMultiply(g) };
        }, Generators.SmallNetwork(Generators.Label)), PropertySettings.VectorCases);

    [Fact]
    public void NetworkBiasGradient_MultipliedByX_IsRejected() =>
        AssertRejected(NetworkGradientMatchesPartials("∂L/∂b_i·x_j", n => Mutate(n, null, (g, i, x) => g[i] * x[i % x.Count]),
            Generators.SmallNetwork(Generators.Label)), PropertySettings.VectorCases);

    /// <summary>The right gradient with ∂L/∂W or ∂L/∂b rebuilt entry by entry from g = ∂L/∂b and x.</summary>
    private static NetworkGradient Mutate(
        NetworkCase n, Func<Vector<double>, int, int, Vector<double>, double>? weight, Func<Vector<double>, int, Vector<double>, double>? bias)
    {
        var right = n.Gradient();
        var g = right.Bias;
        return right with
        {
            Weights = weight is null ? right.Weights : Matrix<double>.Build.Dense(n.Hidden, n.Inputs, (i, j) => weight(g, i, j, n.X)),
            Bias = bias is null ? right.Bias : Vector<double>.Build.Dense(n.Hidden, i => bias(g, i, n.X)),
        };
    }
}
