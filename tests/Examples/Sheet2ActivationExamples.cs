using Calculus.Activations;
using Calculus.Examples.Support;
using Calculus.Functions;

namespace Calculus.Examples;

/// <summary>Sheet 2a–2g: at least two hand-checked numbers per activation, and the catalog's stated facts.</summary>
public sealed class Sheet2ActivationExamples
{
    [Fact]
    public void Sheet2a_Tanh()
    {
        Assert.Equal(0.0, Tanh.Value(0));
        Assert.Equal(1.0, Tanh.Derivative(0)); // sech²(0) = 1
        // tanh(ln 2) = (2 − 1/2)/(2 + 1/2) = 3/5; tanh'(ln 2) = 1 − 9/25 = 16/25.
        Expect.Ulps(0.6, Tanh.Value(Math.Log(2)), 2, "tanh(ln 2)");
        Expect.Ulps(0.64, Tanh.Derivative(Math.Log(2)), 3, "tanh'(ln 2)");
    }

    [Fact]
    public void Sheet2b_Erf()
    {
        Assert.Equal(0.0, Erf.Value(0));
        Assert.Equal(2 / Math.Sqrt(Math.PI), Erf.Derivative(0)); // (2/√π)·e^0
        // erf(1) = 0.8427007929497148693… (Abramowitz & Stegun table 7.1); erf'(1) = (2/√π)e^(−1) = 0.41510749742059471… (mpmath).
        Expect.Ulps(0.8427007929497149, Erf.Value(1), 1, "erf(1)");
        Expect.Ulps(0.4151074974205947, Erf.Derivative(1), 2, "erf'(1)");
    }

    [Fact]
    public void Sheet2c_Relu()
    {
        Assert.Equal(0.0, Relu.Value(-2));
        Assert.Equal(3.0, Relu.Value(3));
        Assert.Equal(0.0, Relu.Derivative(-2));
        Assert.Equal(1.0, Relu.Derivative(3));
        Assert.Equal(0.0, Relu.Derivative(0)); // the stated kink convention
    }

    [Fact]
    public void Sheet2d_LeakyRelu()
    {
        Assert.Equal(-0.02, LeakyRelu.Value(-2)); // max(−0.02, −2)
        Assert.Equal(3.0, LeakyRelu.Value(3));
        Assert.Equal(0.01, LeakyRelu.Derivative(-1));
        Assert.Equal(0.01, LeakyRelu.Derivative(0)); // the stated kink convention
        Assert.Equal(1.0, LeakyRelu.Derivative(1));
    }

    [Fact]
    public void Sheet2e_Plu_WithDefaults()
    {
        // α = 0.1, c = 1: PLU(2) = max(0.1·3 − 1, min(0.1·1 + 1, 2)) = max(−0.7, 1.1) = 1.1; PLU(−2) = −1.1 by symmetry.
        Assert.Equal(1.1, Plu.Value(2));
        Assert.Equal(-1.1, Plu.Value(-2));
        Assert.Equal(0.5, Plu.Value(0.5)); // identity on [−1, 1]
        Assert.Equal(1.0, Plu.Derivative(0.5));
        Assert.Equal(0.1, Plu.Derivative(2));
        Assert.Equal(0.1, Plu.Derivative(1)); // the stated kink convention at ±c
        Assert.Equal(0.1, Plu.Derivative(-1));
    }

    [Fact]
    public void Sheet2e_Plu_WithOtherParameters()
    {
        // α = 0.5, c = 2: PLU(4) = 0.5·(4 − 2) + 2 = 3; PLU(−6) = 0.5·(−6 + 2) − 2 = −4.
        Assert.Equal(3.0, Plu.Value(4, 0.5, 2));
        Assert.Equal(-4.0, Plu.Value(-6, 0.5, 2));
        // α = 0: the hard clip to [−c, c], also at ±∞.
        Assert.Equal(1.0, Plu.Value(5, 0, 1));
        Assert.Equal(-1.0, Plu.Value(double.NegativeInfinity, 0, 1));
        Assert.Equal(1.0, Plu.Value(double.PositiveInfinity, 0, 1)); // not 0·∞ = NaN
        Assert.Equal(Interval.Closed(-1, 1), Catalog.CreatePlu(0, 1).Range);
        Assert.Equal(Interval.RealLine, Catalog.CreatePlu(0.1, 1).Range);
    }

    [Fact]
    public void Sheet2f_Sinusoid()
    {
        Assert.Equal(0.0, Sinusoid.Value(0));
        Assert.Equal(1.0, Sinusoid.Derivative(0)); // cos 0
        Assert.Equal(1.0, Sinusoid.Value(Math.PI / 2)); // sin(π/2) = 1 (the rounding of π/2 changes it by < 1e-32)
        Expect.Ulps(0.5, Sinusoid.Value(Math.PI / 6), 1, "sin(π/6)");
    }

    [Fact]
    public void Sheet2g_Gaussian()
    {
        Assert.Equal(1.0, Gaussian.Value(0));
        Assert.Equal(0.0, Gaussian.Derivative(0));
        Expect.Ulps(Math.Exp(-1), Gaussian.Value(1), 1, "e^(−1)");
        Expect.Ulps(-2 * Math.Exp(-1), Gaussian.Derivative(1), 2, "−2e^(−1)");
        // The steepest point x = 1/√2: |f'| = √2·e^(−1/2) = 0.8577638849607068 (mpmath), the catalog's Lipschitz bound.
        Expect.Ulps(-0.8577638849607068, Gaussian.Derivative(1 / Math.Sqrt(2)), 3, "f'(1/√2)");
        Assert.Equal(0.8577638849607068, Catalog.Gaussian.Lipschitz);
    }

    [Fact]
    public void Catalog_ListsEightActivations_WithUniqueNames_AndSentences()
    {
        var names = Catalog.Activations.Select(a => a.Name).ToList();
        Assert.Equal(["sigmoid", "tanh", "erf", "relu", "leaky-relu", "plu", "sin", "gaussian"], names);
        Assert.All(Catalog.Activations, a =>
        {
            Assert.EndsWith(".", a.Advantage);
            Assert.EndsWith(".", a.Disadvantage);
            Assert.Contains("x", a.Formula, StringComparison.Ordinal);
            Assert.Contains("x", a.DerivativeFormula, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(a.SaturatesInDouble), $"{a.Name}: where it saturates");
            Assert.True(a.FloatingPointRange.LowerClosed && a.FloatingPointRange.UpperClosed, $"{a.Name}: fp range is closed");
        });
        Assert.Equal(Catalog.Tanh, Catalog.FindActivation("TANH"));
        Assert.Equal("leaky-relu", Catalog.FindActivation("Leaky-ReLU").Name);
    }

    [Fact]
    public void Catalog_PluWithOtherParameters_StatesThemInItsText()
    {
        var clip = Catalog.CreatePlu(0, 2);
        Assert.Equal("max(0(x + 2) − 2, min(0(x − 2) + 2, x))", clip.Formula);
        Assert.Equal("1 for |x| < 2, 0 for |x| ≥ 2", clip.DerivativeFormula);
        Assert.Equal("clips to ±2 for |x| ≥ 2", clip.SaturatesInDouble);
        Assert.Equal(Monotonicity.NonDecreasing, clip.Monotonicity);
        Assert.Equal(Interval.Closed(-2, 2), clip.FloatingPointRange);
        Assert.Equal([-2.0, 2.0], clip.Kinks.Select(k => k.At));
        var plu = Catalog.CreatePlu(0.5, 2);
        Assert.Equal("never saturates", plu.SaturatesInDouble);
        Assert.Equal(Monotonicity.Increasing, plu.Monotonicity);
        Assert.StartsWith("The identity on [−2, 2] with a gradient ≥ α = 0.5 everywhere", plu.Advantage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sigmoid", "(0, 1)", "[0, 1]")]
    [InlineData("tanh", "(−1, 1)", "[−1, 1]")]
    [InlineData("erf", "(−1, 1)", "[−1, 1]")]
    [InlineData("relu", "[0, ∞)", "[0, 1.7976931348623157E+308]")]
    [InlineData("leaky-relu", "(−∞, ∞)", "[−1.7976931348623156E+306, 1.7976931348623157E+308]")]
    [InlineData("plu", "(−∞, ∞)", "[−1.7976931348623158E+307, 1.7976931348623158E+307]")]
    [InlineData("sin", "[−1, 1]", "[−1, 1]")]
    [InlineData("gaussian", "(0, 1]", "[0, 1]")]
    public void Catalog_StatesRanges(string name, string range, string floatingPointRange)
    {
        // The mathematical ranges are the sheet's answers; the floating-point hulls are f(∓MaxValue) or the
        // saturated bounds, e.g. leaky ReLU: −MaxValue/100 = −1.7976931348623156e306 and PLU: 0.1·(MaxValue − 1) + 1 = 1.7976931348623158e307
        // (Python Fractions, correctly rounded).
        var a = Catalog.FindActivation(name);
        Assert.Equal(range, a.Range.ToString());
        Assert.Equal(floatingPointRange, a.FloatingPointRange.ToString());
    }

    [Fact]
    public void Catalog_Kinks_StateConventionAndSlopes()
    {
        Assert.Equal([new Kink(0, 0, 1, 0)], Catalog.Relu.Kinks);
        Assert.Equal([new Kink(0, 0.01, 1, 0.01)], Catalog.LeakyRelu.Kinks);
        Assert.Equal([new Kink(-1, 0.1, 1, 0.1), new Kink(1, 1, 0.1, 0.1)], Catalog.Plu.Kinks);
        Assert.All(Catalog.Activations.SelectMany(a => a.Kinks.Select(k => (a, k))),
            t => Assert.Equal(t.k.Convention, t.a.Derivative(t.k.At)));
    }
}
