using Calculus.Activations;
using Calculus.Checking;
using Calculus.Functions;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Examples;

/// <summary>Every bug a property found, kept as a fixed row so that it stays found. A row of the gradient check requires
/// the entries it was written for decided, not only not failed: an entry left inconclusive proves nothing.</summary>
public sealed class RegressionExamples
{
    /// <summary>Sheet2_SpanMembers_AgreeWithTheScalarFunctions (issue 14) found the scalar e^(−x²) returning −0 for huge
    /// x: beyond x² = 708 it formed factor·e^(−x²/2)·(1 − lo)·e^(−x²/2) with lo = x² − fl(x²) as large as 1e36 at
    /// x = 3e26, so 1 − lo was negative and 0·(negative) = −0 (and erf'(1e89) was −0, the Gaussian' of a huge positive
    /// x +0). Now ±0 with the factor's sign: e^(−x²) = +0, f'(x) = −2x·e^(−x²) has the sign of −x.</summary>
    [Theory]
    [InlineData(3.141630973634596E+26)]
    [InlineData(-3.141630973634596E+26)]
    [InlineData(1.0285993769504636E+89)]
    [InlineData(1e300)]
    [InlineData(-1e300)]
    [InlineData(28.5)]
    public void Gaussian_OfAHugeArgument_IsPlusZero_AndItsDerivativeHasTheSignOfMinusX(double x)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(Gaussian.Value(x)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(Erf.Derivative(x)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(Math.CopySign(0.0, -x)), BitConverter.DoubleToInt64Bits(Gaussian.Derivative(x)));
    }

    [Theory]
    [InlineData(3.3378029118926094e-11)] // Sheet1d_SigmoidDerivative_InOpenZeroToQuarter: e/(1 + e)² gave 0.25000000000000006
    [InlineData(-3.3378029118926094e-11)]
    [InlineData(1e-300)]
    public void SigmoidDerivative_NeverAboveQuarter_NearZero(double a)
    {
        Assert.True(Sigmoid.Derivative(a) <= 0.25, $"σ'({a:R}) = {Sigmoid.Derivative(a):R}");
        Assert.Equal(0.25, Sigmoid.Derivative(a)); // 1/4 − a²/16 rounds to 1/4 for |a| < 2^-26
    }

    [Fact]
    public void SigmoidAndTanhDerivatives_At2ToMinus25_AreExactlyRepresentableSeries()
    {
        // a = 2^-25: σ'(a) = 1/4 − a²/16 + O(a⁴) = 2^-2 − 2^-54 (the a⁴ term is 2^-100), a double;
        // tanh'(a) = 1 − a² + O(a⁴) = 1 − 2^-50, also a double.
        double a = Math.ScaleB(1, -25);
        Assert.Equal(0.25 - Math.ScaleB(1, -54), Sigmoid.Derivative(a));
        Assert.Equal(1 - Math.ScaleB(1, -50), Tanh.Derivative(a));
    }

    [Theory]
    [InlineData(3.3378029118926094e-11)] // the same rounding in tanh' = 4e/(1 + e)², fixed with the sigmoid
    [InlineData(1e-9)]
    public void TanhDerivative_NeverAboveOne_NearZero(double x)
    {
        Assert.True(Tanh.Derivative(x) <= 1, $"tanh'({x:R}) = {Tanh.Derivative(x):R}");
        Assert.Equal(1.0, Tanh.Derivative(x)); // 1 − x² + … rounds to 1 for |x| < 2^-27; within 1 ulp above
    }

    [Fact]
    public void GradientCheck_TinyLoss_IsNotAFalseAlarm()
    {
        // Sheet1f_EveryHiddenActivation (relu) failed a right gradient where L ≈ 4e-29: the loss's rounding error
        // comes from z (relative |y|·δz ≈ 1e-12), far above 8 ulp of L. NetworkParameters.LossErrorBound models it.
        var w = Matrix<double>.Build.DenseOfArray(new double[,] { { 1.0 } });
        var b = Vector<double>.Build.Dense([0.0]);
        var wout = Vector<double>.Build.Dense([40.0]);
        var x = Vector<double>.Build.Dense([5.0]);
        const double y = 1.6;
        var layout = new NetworkParameters(1, 1);
        double[] theta = layout.Flatten(w, b, wout, x);
        double[] gradient = layout.Flatten(Network.Gradient(w, b, wout, x, y));
        Assert.InRange(Network.Loss(w, b, wout, x, y), 1e-30, 1e-27);
        double bound = layout.LossErrorBound(theta, y);
        for (int k = 0; k < theta.Length; k++)
        {
            var result = GradientCheck.Partial(t => layout.Loss(t, y), gradient[k], theta, k, bound);
            Assert.True(result.Passed, $"parameter {k}: {result}");
        }
    }

    [Fact]
    public void Erf_SubnormalInput_SecantWithinLipschitz_UpToTheSubnormalGrid()
    {
        // Sheet2_Derivative_WithinLipschitzBound (erf) flagged x = −4.7401050993e-313: erf(x) = (2/√π)x rounds onto the
        // subnormal grid (spacing 2^-1074 = 4.9e-324), 4.6e-12 relative there. The model now allows two grid steps.
        const double x = -4.7401050993E-313;
        double secant = Math.Abs(Erf.Value(x) - Erf.Value(0));
        double exact = Erf.TwoOverSqrtPi * Math.Abs(x);
        Assert.True(Math.Abs(secant - exact) <= 2 * double.Epsilon, $"erf({x:R}) = {Erf.Value(x):R}");
    }

    [Fact]
    public void Sigmoid_NearSaturation_TwoInputsMayRoundToOneValue()
    {
        // Sheet2_Monotonicity_AsStated (sigmoid) demanded σ(x) < σ(y) for x = 34.13592955784664 < y = 34.171806733162356;
        // the true values differ by e^(−34.14) − e^(−34.17) ≈ 5e-17, under half an ulp below 1 (5.55e-17), so both round
        // to 1 − 13·2^-53. Non-decreasing holds; strict increase is only claimed where the rise exceeds the rounding.
        double x = 34.13592955784664, y = 34.171806733162356;
        Assert.Equal(Sigmoid.Value(x), Sigmoid.Value(y));
        Assert.Equal(0.9999999999999986, Sigmoid.Value(x));
        Assert.True(Math.Min(Sigmoid.Derivative(x), Sigmoid.Derivative(y)) * (y - x) < 4 * Tolerances.Epsilon);
    }

    [Fact]
    public void ComplexTanh_OfASmallArgument_KeepsItsRealPartAccurate()
    {
        // The false-alarm sweep (scripts/false-alarm-sweep, tanh at weight scale 1e-3) failed ∂L/∂w_i = f_e·tanh(a_i) by
        // 1e-13 relative against the complex step: (1 − e^(−2z))/(1 + e^(−2z)) cancelled in its real part for a ≈ 1e-6,
        // and the complex step through w_i·tanh(a_i) carries that real part into the derivative. Now within an ulp.
        var t = Tanh.OfComplex(new System.Numerics.Complex(1e-6, 1e-20));
        double exact = Math.Tanh(1e-6), ulp = Math.BitIncrement(exact) - exact;
        Assert.True(Math.Abs(t.Real - exact) <= 2 * ulp, $"{t.Real:R} against {exact:R}"); // the old form was ~1e5 ulp off
    }

    /// <summary>Sheet1f_GradientCheck_NeverFails_AtAnyScale widened past 1e2 (replay (4343956897698549964,10983540356509110661)
    /// at scale 5, weights to 1e4) failed the library's right ∂L/∂W[3,0] = −4017410.742 against the complex step's
    /// −4017410.794 (tolerance 0.039; mpmath: −4017410.785). a_3 = −1.96e7 is rounded by up to γ_4·Σ|W_3j x_j| ≈ 3.6e-8,
    /// which moves cos(a_3) by |sin(a_3)| times that, but NetworkErrorBounds estimated |f''| = |sin| from quotients of cos
    /// over a step of 2^-20·|a_3| ≈ 19, three periods, and got nearly 0. The step is now at most 2^-10.</summary>
    [Fact]
    public void SinusoidNetwork_AtWeightScale4315_TheRoundedPreActivationIsInTheTolerance()
    {
        var w = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { -2684.64275520948, 108.31940169743575, 3402.8282552838264 }, { 97.95195354186217, -2339.753371020724, 3501.1479102577396 },
            { 1110.1511363721393, 353.9967580398088, 898.3933896127382 }, { 3554.566227831997, -4128.805221454261, 3039.2776719663434 },
        });
        var b = Vector<double>.Build.DenseOfArray([3847.8089974125924, 1793.1838004556967, -3956.9143145016455, -3068.557206791467]);
        var wout = Vector<double>.Build.DenseOfArray([529.3811823271872, -2739.2029336207934, 1667.3795026151993, 4014.1746663740305]);
        var x = Vector<double>.Build.DenseOfArray([-3579.936476983888, 4235.143983588141, 3493.148063401536]);
        var layout = new NetworkParameters(4, 3);
        var gradient = Network.Gradient(w, b, wout, x, 1, Catalog.Sinusoid);
        Assert.Equal(-4017410.785055014, gradient.Weights[3, 0], 0.05); // mpmath at 400 bits: −4017410.785055014176
        var rows = NetworkGradientCheck.Run(layout, layout.Flatten(w, b, wout, x), 1, Catalog.Sinusoid, layout.Flatten(gradient));
        Assert.All(rows, r => Assert.True(r.Failed == 0, r.ToString()));
        Assert.All(rows.Where(r => r.Oracle.StartsWith("complex", StringComparison.Ordinal)), r => Assert.True(r.Passed && r.Inconclusive == 0, r.ToString()));
    }

    [Fact]
    public void TanhNetwork_AtWeightScale33_TheUnderflowingComplexStepIsInconclusive_NotAFailure()
    {
        // Sheet1f_GradientCheck_NeverFails_AtAnyScale (replay (14637869608027715535,7738573948931174265,58)) failed
        // ∂L/∂W[6,0] = −1.6999e-298 against the complex step's −1.7003e-298 (tolerance 3.2e-302): a_6 ≈ −343, so
        // Im tanh(a_6 + i·h·x_0) ≈ sech²(a_6)·2.5e-19 is subnormal, and the factors after it (w_6·y ≈ 80, x_0 ≈ 25)
        // carried its rounding beyond the floor that assumed factors ≤ 1e2. The entry's Im L is 1.7e-318 < 2^-970.
        const int h = 7, d = 3;
        var w = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { -32.52809935691658, -18.166856124617055, 11.478203480743204 }, { 16.775531269390264, 32.883581794186675, 18.53117526261878 },
            { -24.696940436715845, -30.38043615725057, -30.59921586528545 }, { -24.464434386913283, 2.387330441327819, -29.36973092244641 },
            { -32.70962669892132, 12.512773374297296, 10.758608004943056 }, { -16.225341837438098, -11.103170966347808, 7.402140346627846 },
            { -27.61263436415298, -28.01362194658221, -8.842541144860533 },
        });
        var b = Vector<double>.Build.DenseOfArray([-22.00932801854276, 11.48554227783012, 23.743624570558005, -14.489587496048266, 17.940340332229184, 14.553759436354724, 9.305074063097223]);
        var wout = Vector<double>.Build.DenseOfArray([-0.15986905230936088, -24.98124817186183, 16.182396518318654, 17.395867610159925, 24.619457029610636, -30.448903953743706, 27.093571740210173]);
        var x = Vector<double>.Build.DenseOfArray([24.565396545520628, -10.62277397613791, -2.7279490989339763]);
        const double y = 2.9594624308140194;
        var loss = Calculus.Losses.MarginLosses.Hinge;
        var layout = new NetworkParameters(h, d);
        var gradient = Network.Gradient(w, b, wout, x, y, Catalog.Tanh, loss);
        var rows = NetworkGradientCheck.Run(layout, layout.Flatten(w, b, wout, x), y, Catalog.Tanh, layout.Flatten(gradient), loss);
        Assert.All(rows, r => Assert.True(r.Failed == 0, r.ToString()));
        Assert.Contains(rows, r => r.Inconclusive > 0 && (r.InconclusiveReason ?? "").Contains("complex step underflows", StringComparison.Ordinal));
        Assert.All(rows.Where(r => r.Oracle.StartsWith("central", StringComparison.Ordinal)), r => Assert.True(r.Inconclusive == 0 && r.Verdict == Verdict.Pass, r.ToString()));
    }

    /// <summary>Sheet1f_GradientCheck_DecidesAndPassesEveryEntry_OnTheCoreDomain (seed sweep, replay
    /// (14367202204590167481,8968080534537601017,56)), shrunk: a Gaussian unit at a = 25.69 (scale 3, d = 8) has
    /// e^(−a²) ≈ 1e-287, so ∂L/∂W_0j ≈ 1e-285 and the complex step's Im L ≈ 1e-305 is below its floor 2^-970: that
    /// oracle is inconclusive by design, and the property claimed it would decide. The central differences decide and
    /// pass every entry, so the property now excuses exactly this reason.</summary>
    [Fact]
    public void GaussianNetwork_AtScale3_TheComplexStepBelowItsFloor_LeavesTheEntriesToTheCentralDifferences()
    {
        var w = Matrix<double>.Build.DenseOfArray(new[,] { { -0.84, -1.47, -0.52, 2.65, -1.76, -2.89, 1.86, 1.86 } });
        var b = Vector<double>.Build.DenseOfArray([1.93]);
        var wout = Vector<double>.Build.DenseOfArray([-0.79]);
        var x = Vector<double>.Build.DenseOfArray([1.43, -1.24, -2.87, 1.03, -2.9, -2.92, 2.38, 0.51]);
        var layout = new NetworkParameters(1, 8);
        var gradient = Network.Gradient(w, b, wout, x, 1, Catalog.Gaussian);
        var rows = NetworkGradientCheck.Run(layout, layout.Flatten(w, b, wout, x), 1, Catalog.Gaussian, layout.Flatten(gradient));
        Assert.All(rows, r => Assert.True(r.Failed == 0, r.ToString()));
        Assert.Contains(rows, r => r.Inconclusive > 0 && (r.InconclusiveReason ?? "").Contains("complex step underflows", StringComparison.Ordinal));
        Assert.All(rows.Where(r => r.Oracle.StartsWith("central", StringComparison.Ordinal)), r => Assert.True(r.Inconclusive == 0 && r.Verdict == Verdict.Pass, r.ToString()));
    }

    [Fact]
    public void HingeGradcheck_SaturatedGaussianUnits_LeaveNoEntryUndecided() =>
        // Sheet1f_GradientCheck_NeverFails_AtAnyScale (weight scale 56, Gaussian, hinge, y = −1) left 11 of 19 entries
        // inconclusive: a_i ≈ −1225 and 865, so both units sit at 0 and the margin yz = −0 is 1 from the hinge's kink, but
        // the reach bound moved the score by the Gaussian's Lipschitz constant 0.86 times the stencil's movement of a_i
        // (up to 2·h5·51 ≈ 0.05) and so "reached" the kink. Beyond the saturation threshold |f'| ≤ 1e-8.
        AssertHingeGradcheckDecidesAndPasses(Catalog.Gaussian, -1,
            new[,] { { -16.53, -45.58, 55.06, 27.96, -13.25 }, { 51.05, -20.01, 8.29, -12.31, -13.01 } },
            [31.97, -12.29], [-50.67, -47.99], [44.8, 6.62, -12.62, 41.36, 51.03]);

    [Fact]
    public void HingeGradcheck_ADeadReluUnit_LeavesNoEntryUndecided() =>
        // The same property, after that fix (weight scale 100, ReLU, y = 1): a = −4578 keeps the unit at exactly 0 under
        // every stencil, but L·r with L = 1 moved the score by up to 71·0.097 (r = 2^-10 times |W_12| = 98.97) and left
        // 6 of 10 entries inconclusive. A monotone activation now moves by max |f(a ± r) − f(a)|, here 0.
        AssertHingeGradcheckDecidesAndPasses(Catalog.Relu, 1,
            new[,] { { 75.2, 98.97, 51.2, -56.58 } }, [87.51], [71.11], [7.01, -96.71, -10.15, -86.57]);

    private static void AssertHingeGradcheckDecidesAndPasses(ScalarFunction f, double y, double[,] weights, double[] bias, double[] output, double[] input)
    {
        var w = Matrix<double>.Build.DenseOfArray(weights);
        var b = Vector<double>.Build.Dense(bias);
        var wout = Vector<double>.Build.Dense(output);
        var x = Vector<double>.Build.Dense(input);
        var layout = new NetworkParameters(bias.Length, input.Length);
        var gradient = Network.Gradient(w, b, wout, x, y, f, Calculus.Losses.MarginLosses.Hinge);
        Assert.Equal(0.0, gradient.Z); // every unit at 0: the margin sits 1 from the kink
        var rows = NetworkGradientCheck.Run(layout, layout.Flatten(w, b, wout, x), y, f, layout.Flatten(gradient), Calculus.Losses.MarginLosses.Hinge);
        Assert.All(rows, r => Assert.True(r.Passed && r.Inconclusive == 0, r.ToString()));
    }
}
