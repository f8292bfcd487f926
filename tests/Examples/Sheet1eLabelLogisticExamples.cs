using Calculus.Activations;
using Calculus.Examples.Support;
using Calculus.Losses;

namespace Calculus.Examples;

/// <summary>Sheet 1e: ℓ(a; y) = log(1 + e^(−ya)) and f_e(a) = −y·σ(−ya).</summary>
public sealed class Sheet1eLabelLogisticExamples
{
    /// <summary>The sheet's literal form f_e(a) = −y·e^(−ya)·σ(ya).</summary>
    private static double SheetLiteral(double a, double y) => -y * Math.Exp(-y * a) * Sigmoid.Value(y * a);

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    [InlineData(2.5)]
    public void Sheet1e_AtZero_IsLn2_AndMinusHalfY(double y)
    {
        Expect.Ulps(Math.Log(2), LabelLogisticLoss.Value(0, y), 1, "ℓ(0; y) = ln 2");
        Assert.Equal(-y / 2, LabelLogisticLoss.Derivative(0, y)); // −y·σ(0) = −y/2
    }

    [Fact]
    public void Sheet1e_AtLn3_WithPositiveLabel()
    {
        // ℓ(ln 3; 1) = ln(1 + 1/3) = ln(4/3); f_e = −σ(−ln 3) = −1/(1 + 3) = −1/4.
        Expect.Ulps(Math.Log(4.0 / 3.0), LabelLogisticLoss.Value(Math.Log(3), 1), 2, "ℓ(ln 3; 1)");
        Expect.Ulps(-0.25, LabelLogisticLoss.Derivative(Math.Log(3), 1), 2, "f_e(ln 3)");
    }

    [Fact]
    public void Sheet1e_SheetLiteralForm_IsNaN_At_ya_Minus800_WhereLibraryIsMinusY()
    {
        // ya = −800: e^800 = ∞ and σ(−800) = 0, so the literal form is −1·∞·0 = NaN; the true value is
        // −y·σ(800) = −1 (σ(800) rounds to 1).
        Assert.True(double.IsNaN(SheetLiteral(-800, 1)));
        Assert.Equal(-1.0, LabelLogisticLoss.Derivative(-800, 1));
        Assert.Equal(1.0, LabelLogisticLoss.Derivative(800, -1));
        Assert.Equal(800.0, LabelLogisticLoss.Value(-800, 1)); // 800 + ln(1 + e^(−800)) rounds to 800
    }

    [Fact]
    public void Sheet1e_SheetLiteralForm_AgreesWhereFinite()
    {
        foreach (double a in new[] { -3.0, -0.5, 0.0, 0.25, 2.0, 30.0 })
        {
            Expect.Ulps(SheetLiteral(a, 1), LabelLogisticLoss.Derivative(a, 1), 4, $"f_e({a})");
        }
    }

    [Fact]
    public void Sheet1e_LargeMargin_IsSubnormal_NotZero()
    {
        // ya = 710: ℓ = ln(1 + e^(−710)) = e^(−710)(1 − …) rounds to e^(−710) = 4.47628622567513e-309 (mpmath).
        Expect.Ulps(4.47628622567513e-309, LabelLogisticLoss.Value(710, 1), 0, "ℓ(710; 1)");
        Expect.Ulps(-4.47628622567513e-309, LabelLogisticLoss.Derivative(710, 1), 0, "f_e(710; 1)");
    }
}
