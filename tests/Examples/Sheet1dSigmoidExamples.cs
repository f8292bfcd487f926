using Calculus.Activations;
using Calculus.Examples.Support;

namespace Calculus.Examples;

/// <summary>Sheet 1d: σ and σ' at hand-checked points.</summary>
public sealed class Sheet1dSigmoidExamples
{
    [Fact]
    public void Sheet1d_AtZero_IsHalfAndQuarter()
    {
        Assert.Equal(0.5, Sigmoid.Value(0)); // 1/(1 + e^0) = 1/2
        Assert.Equal(0.25, Sigmoid.Derivative(0)); // σ(0)(1 − σ(0)) = 1/4
    }

    [Fact]
    public void Sheet1d_AtLn3_IsThreeQuartersAndThreeSixteenths()
    {
        // e^(−ln 3) = 1/3, so σ(ln 3) = 1/(1 + 1/3) = 3/4 and σ'(ln 3) = (3/4)(1/4) = 3/16.
        Expect.Ulps(0.75, Sigmoid.Value(Math.Log(3)), 1, "σ(ln 3)");
        Expect.Ulps(0.1875, Sigmoid.Derivative(Math.Log(3)), 2, "σ'(ln 3)");
    }

    [Fact]
    public void Sheet1d_Derivative_InTheTail_IsNotZero_WhereSigmaTimesOneMinusSigmaIs()
    {
        // σ'(37) = e^(−37)/(1 + e^(−37))² = e^(−37)(1 − 2e^(−37) + …): equal to e^(−37) to 2e-16 relative.
        double expected = Math.Exp(-37);
        Expect.Ulps(expected, Sigmoid.Derivative(37), 2, "σ'(37)");

        // The sheet's σ(1 − σ) with the naive σ = 1/(1 + e^(−37)) = 1 returns exactly 0; even with the correctly rounded
        // σ(37) = 1 − 2^-53 it returns 2^-53 = 1.1e-16, 30% off: 1 − σ keeps one significant bit. Hence σ(a)σ(−a).
        double s = Sigmoid.Value(37);
        Assert.Equal(Math.ScaleB(1, -53), s * (1 - s), 1e-20);
    }

    [Fact]
    public void Sheet1d_VeryNegative_IsSubnormal_NotZero()
    {
        // σ(−710) = e^(−710)/(1 + e^(−710)) rounds to e^(−710) = 4.47628622567513e-309 (mpmath), a subnormal;
        // the naive 1/(1 + e^710) is 1/∞ = 0.
        Expect.Ulps(4.47628622567513e-309, Sigmoid.Value(-710), 0, "σ(−710)");
    }

    [Fact]
    public void Sheet1d_StaysBelowOne_UntilItsCorrectlyRoundedSaturation()
    {
        // Correctly rounded (mpmath): σ(37) = σ(37.4) = 0.9999999999999999 (1 − σ = 8.5e-17 and 5.7e-17, above half an
        // ulp below 1, 5.55e-17); σ(37.5) rounds to 1. The naive 1/(1 + e^(−a)) is 1 already from 36.74.
        Assert.Equal(0.9999999999999999, Sigmoid.Value(37));
        Assert.Equal(0.9999999999999999, Sigmoid.Value(37.4));
        Assert.Equal(1.0, Sigmoid.Value(37.5));
    }
}
