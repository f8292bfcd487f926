using Calculus.Examples.Support;
using Calculus.Losses;

namespace Calculus.Examples;

/// <summary>Sheet 3b–3c: hinge, smooth hinge h*, logistic loss l and softplus at hand-checked points.</summary>
public sealed class Sheet3LossExamples
{
    [Fact]
    public void Sheet3b_Hinge()
    {
        Assert.Equal(0.0, Hinge.Value(1)); // max(0, 0)
        Assert.Equal(1.0, Hinge.Value(0));
        Assert.Equal(3.0, Hinge.Value(-2));
        Assert.Equal(0.0, Hinge.Value(4));
        Assert.Equal(-1.0, Hinge.Subgradient(0));
        Assert.Equal(0.0, Hinge.Subgradient(1)); // the stated convention at the kink
        Assert.Equal(0.0, Hinge.Subgradient(2));
    }

    [Fact]
    public void Sheet3b_SmoothHinge()
    {
        Expect.Ulps(Math.Log(2), SmoothHinge.Value(1), 1, "h*(1) = ln(1 + e^0)");
        Assert.Equal(-0.5, SmoothHinge.Derivative(1)); // −σ(0)
        // h*(0) = ln(1 + e) = 1.3132616875182228 (mpmath); h*'(0) = −σ(1) = −0.7310585786300049 (mpmath).
        Expect.Ulps(1.3132616875182228, SmoothHinge.Value(0), 1, "h*(0)");
        Expect.Ulps(-0.7310585786300049, SmoothHinge.Derivative(0), 1, "h*'(0)");
    }

    [Fact]
    public void Sheet3c_Logistic_IsSmoothHingeShiftedLeft()
    {
        Expect.Ulps(Math.Log(2), LogisticLoss.Value(0), 1, "l(0) = ln 2");
        Assert.Equal(-0.5, LogisticLoss.Derivative(0));
        // h*(3) = ln(1 + e^(−2)) = l(2) = 0.1269280110429725 (mpmath): h*(t) = l(t − 1).
        Expect.Ulps(0.1269280110429725, SmoothHinge.Value(3), 1, "h*(3)");
        Expect.Ulps(0.1269280110429725, LogisticLoss.Value(2), 1, "l(2)");
    }

    [Fact]
    public void Sheet3b_Softplus()
    {
        Expect.Ulps(Math.Log(2), Softplus.Value(0), 1, "softplus(0) = ln 2");
        Assert.Equal(0.5, Softplus.Derivative(0));
        Expect.Ulps(Math.Log(4), Softplus.Value(Math.Log(3)), 1, "softplus(ln 3) = ln 4");
        Assert.Equal(40.0, Softplus.Value(40)); // 40 + ln(1 + e^(−40)) rounds to 40 (e^(−40) < ulp(40)/2)
    }
}
