using Calculus.Activations;
using Calculus.Examples.Support;
using Calculus.Losses;

namespace Calculus.Examples;

/// <summary>The special-value contract for every scalar function: NaN in, NaN out; ±∞ give the limit where it
/// exists; ±0, ±710, ±800 and ±1e300 give finite, correct values (never NaN or ±∞ where the true value is finite).</summary>
/// <remarks>
/// Sources of the expected values: exact arithmetic for the piecewise-linear functions; the limits for ±∞;
/// <c>Math.Exp</c> for e^(−710) and e^(−709) (e^(−800) and below underflow to 0, as do 4e^(−1420) and e^(−x²) at
/// x = 710); mpmath at 4000 bits for sin and cos of 710, 800 and 1e300; ln 2, ln(1 + e) and σ(1) as in the
/// sheet examples. Tolerance: 2 ulp, the library's accuracy bound for values (4 for derivatives is not needed here).
/// </remarks>
public sealed class SpecialValueExamples
{
    private const double Inf = double.PositiveInfinity;
    private const double NaN = double.NaN;
    private static readonly double Ln2 = Math.Log(2);
    private static readonly double E710 = Math.Exp(-710);
    private static readonly double E709 = Math.Exp(-709);

    // Inputs of every row, in this order.
    private static readonly double[] Inputs = [NaN, Inf, -Inf, 0.0, -0.0, 710, -710, 800, -800, 1e300, -1e300];

    /// <summary>Expected outputs per function, one per entry of <see cref="Inputs"/>.</summary>
    private static readonly Dictionary<string, double[]> Expected = new()
    {
        ["sigmoid"] = [NaN, 1, 0, 0.5, 0.5, 1, E710, 1, 0, 1, 0],
        ["sigmoid'"] = [NaN, 0, 0, 0.25, 0.25, E710, E710, 0, 0, 0, 0],
        ["tanh"] = [NaN, 1, -1, 0, -0.0, 1, -1, 1, -1, 1, -1],
        ["tanh'"] = [NaN, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0],
        ["erf"] = [NaN, 1, -1, 0, -0.0, 1, -1, 1, -1, 1, -1],
        ["erf'"] = [NaN, 0, 0, Erf.TwoOverSqrtPi, Erf.TwoOverSqrtPi, 0, 0, 0, 0, 0, 0],
        ["relu"] = [NaN, Inf, 0, 0, 0, 710, 0, 800, 0, 1e300, 0],
        ["relu'"] = [NaN, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0],
        ["leaky_relu"] = [NaN, Inf, -Inf, 0, -0.0, 710, -7.1, 800, -8, 1e300, -1e298],
        ["leaky_relu'"] = [NaN, 1, 0.01, 0.01, 0.01, 1, 0.01, 1, 0.01, 1, 0.01],
        ["plu"] = [NaN, Inf, -Inf, 0, -0.0, 71.9, -71.9, 80.9, -80.9, 1e299, -1e299],
        ["plu'"] = [NaN, 0.1, 0.1, 1, 1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
        ["sin"] = [NaN, NaN, NaN, 0, -0.0, 6.0288706691585265e-05, -6.0288706691585265e-05, 0.8939696481970214, -0.8939696481970214, -0.8178819121159085, 0.8178819121159085],
        ["sin'"] = [NaN, NaN, NaN, 1, 1, 0.999999998182636, 0.999999998182636, -0.44812751321749233, -0.44812751321749233, -0.5753861119575491, -0.5753861119575491],
        ["gaussian"] = [NaN, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0],
        ["gaussian'"] = [NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        ["softplus"] = [NaN, Inf, 0, Ln2, Ln2, 710, E710, 800, 0, 1e300, 0],
        ["softplus'"] = [NaN, 1, 0, 0.5, 0.5, 1, E710, 1, 0, 1, 0],
        ["logistic"] = [NaN, 0, Inf, Ln2, Ln2, E710, 710, 0, 800, 0, 1e300],
        ["logistic'"] = [NaN, 0, -1, -0.5, -0.5, -E710, -1, 0, -1, 0, -1],
        ["smooth_hinge"] = [NaN, 0, Inf, 1.3132616875182228, 1.3132616875182228, E709, 711, 0, 801, 0, 1e300],
        ["smooth_hinge'"] = [NaN, 0, -1, -0.7310585786300049, -0.7310585786300049, -E709, -1, 0, -1, 0, -1],
        ["hinge"] = [NaN, 0, Inf, 1, 1, 0, 711, 0, 801, 0, 1e300],
        ["hinge'"] = [NaN, 0, -1, -1, -1, 0, -1, 0, -1, 0, -1],
    };

    public static TheoryData<string, double, double> Rows()
    {
        var rows = new TheoryData<string, double, double>();
        foreach (var (name, outputs) in Expected)
        {
            for (int k = 0; k < Inputs.Length; k++)
            {
                rows.Add(name, Inputs[k], outputs[k]);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void SpecialValue_GivesContractedOutput(string function, double x, double expected)
    {
        double actual = ScalarFunctions.ByName[function](x);
        Expect.Ulps(expected, actual, 2, $"{function}({Expect.R(x)})");
        if (double.IsFinite(expected))
        {
            Assert.True(double.IsFinite(actual), $"{function}({Expect.R(x)}) must be finite");
        }
    }

    [Fact]
    public void SpecialValue_Table_CoversEveryScalarFunction()
    {
        Assert.Equal(ScalarFunctions.ByName.Keys.Order(), Expected.Keys.Order());
        Assert.All(Expected.Values, outputs => Assert.Equal(Inputs.Length, outputs.Length));
    }

    [Theory]
    [InlineData(-800.0, 1.0, 800.0, -1.0)] // ya = −800: ℓ = 800 + ln(1 + e^(−800)), f_e = −σ(800) = −1
    [InlineData(800.0, 1.0, 0.0, -0.0)] // ya = 800: ℓ = e^(−800) → 0, f_e → −0
    [InlineData(710.0, -1.0, 710.0, 1.0)] // ya = −710
    [InlineData(1e300, -1.0, 1e300, 1.0)] // ya = −1e300
    [InlineData(double.PositiveInfinity, 1.0, 0.0, -0.0)] // limit ya → ∞
    [InlineData(double.NegativeInfinity, 1.0, double.PositiveInfinity, -1.0)] // limit ya → −∞
    [InlineData(1.0, double.PositiveInfinity, 0.0, -0.0)] // |y| → ∞ with ya → ∞: −y/(1 + e^(ya)) → 0
    [InlineData(0.0, 0.0, 0.6931471805599453, -0.0)] // y = 0: ℓ = ln 2, f_e = −0·σ(0)
    public void SpecialValue_LabelLogistic(double a, double y, double loss, double derivative)
    {
        Expect.Ulps(loss, LabelLogisticLoss.Value(a, y), 2, $"ℓ({a}; {y})");
        Expect.Ulps(derivative, LabelLogisticLoss.Derivative(a, y), 2, $"f_e({a}; {y})");
    }

    [Fact]
    public void SpecialValue_LabelLogistic_NaN()
    {
        Assert.True(double.IsNaN(LabelLogisticLoss.Value(double.NaN, 1)));
        Assert.True(double.IsNaN(LabelLogisticLoss.Derivative(1, double.NaN)));
        Assert.True(double.IsNaN(LabelLogisticLoss.Value(double.PositiveInfinity, 0))); // 0·∞ has no limit
    }
}
