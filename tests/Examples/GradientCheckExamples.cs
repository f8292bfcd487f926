using Calculus.Activations;
using Calculus.Checking;
using Calculus.Losses;

namespace Calculus.Examples;

/// <summary>The gradient check itself: it passes right derivatives, rejects wrong ones, and refuses to judge across a kink.</summary>
public sealed class GradientCheckExamples
{
    [Fact]
    public void FiniteDifference_PassesRightDerivative_RejectsWrongOne()
    {
        Assert.True(GradientCheck.FiniteDifference(Math.Sin, Math.Cos(0.7), 0.7).Passed);
        var wrong = GradientCheck.FiniteDifference(Math.Sin, -Math.Cos(0.7), 0.7);
        Assert.False(wrong.Passed);
        Assert.Contains("analytic", wrong.ToString(), StringComparison.Ordinal);
        Assert.Contains("tolerance", wrong.ToString(), StringComparison.Ordinal);
        Assert.Equal(2 * Math.Cos(0.7), wrong.AbsoluteError, 1e-9);
        Assert.False(GradientCheck.FiniteDifference(Math.Sin, double.PositiveInfinity, 0.7).Passed); // its tolerance is ∞ too
    }

    [Fact]
    public void FiniteDifference_NearAKink_DecidesWithAFinerStep()
    {
        // ReLU at x = 3e-4: at the first level the 5-point stencils (±9.8e-4) straddle the kink and disagree with the
        // 3-point one (±7.6e-6); at the second (h5 = 2^-14, stencils ±1.2e-4) every point lies right of the kink, the
        // quotients are 1 up to the rounding of x ± kh, and the check decides: the right slope passes, a wrong one fails.
        var right = GradientCheck.FiniteDifference(Relu.Value, 1.0, 3e-4);
        Assert.Equal(Verdict.Pass, right.Verdict);
        Assert.Equal(1.0, right.Numeric, 1e-12);
        var wrong = GradientCheck.FiniteDifference(Relu.Value, 0.0, 3e-4);
        Assert.Equal(Verdict.Fail, wrong.Verdict);
        Assert.Null(wrong.Problem);
    }

    [Theory]
    [InlineData(0.0, Verdict.Inconclusive, Verdict.Inconclusive)]
    [InlineData(1e-6, Verdict.Pass, Verdict.Fail)]
    [InlineData(-3e-4, Verdict.Pass, Verdict.Fail)]
    [InlineData(2e-3, Verdict.Pass, Verdict.Fail)]
    public void FiniteDifference_SoftsignNearZero_NeverFailsItsRightDerivative(double x, Verdict right, Verdict wrong)
    {
        // softsign x/(1 + |x|) is C¹ but not C² at 0 (its x|x| term): a stencil across 0 sees a slope off by about the
        // step, 5e-4 at the first level, which an earlier version of the check reported as a FAIL of the right derivative
        // 1/(1 + |x|)². Off 0 the finer steps decide, and a 1 % error fails; at 0 itself the 3- and 5-point slopes
        // disagree by about the step at every level, so neither the right nor a wrong value can be vouched for.
        static double Softsign(double t) => t / (1 + Math.Abs(t));
        double slope = 1 / ((1 + Math.Abs(x)) * (1 + Math.Abs(x)));
        var r = GradientCheck.FiniteDifference(Softsign, slope, x);
        Assert.True(r.Verdict == right, r.ToString());
        var w = GradientCheck.FiniteDifference(Softsign, 1.01 * slope, x);
        Assert.True(w.Verdict == wrong, w.ToString());
        if (right == Verdict.Inconclusive)
        {
            Assert.StartsWith("oracle unreliable", r.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FiniteDifference_KinkWithinEveryStencil_IsInconclusive()
    {
        // ReLU at x = 1e-6: even the finest level's 5-point stencil (h5 = 2^-17, ±1.5e-5) straddles the kink, so no step
        // is reliable. The check is inconclusive with that reason, whichever value is under test: never a failure.
        foreach (double analytic in new[] { 1.0, 0.0, 0.5 })
        {
            var r = GradientCheck.FiniteDifference(Relu.Value, analytic, 1e-6);
            Assert.Equal(Verdict.Inconclusive, r.Verdict);
            Assert.StartsWith("oracle unreliable", r.Problem, StringComparison.Ordinal);
            Assert.EndsWith("at every step down to h = 7.62939453125E-06 (not smooth within 0.0009765625 of x?)", r.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FiniteDifference_NearAKink_IsUnreliableAtAnyScale()
    {
        // The same kink scaled by 1e-4 and 1e4: the 3- and 5-point values still differ by ~20% of f', far above
        // 1e-6·|f'|, so the bound must scale with f (a bound of 1e-6/|f'| would pass the small one).
        var small = GradientCheck.FiniteDifference(t => 1e-4 * Relu.Value(t), 1e-4, 1e-6);
        Assert.StartsWith("oracle unreliable", small.Problem, StringComparison.Ordinal);
        var large = GradientCheck.FiniteDifference(t => 1e4 * Relu.Value(t), 1e4, 1e-6);
        Assert.StartsWith("oracle unreliable", large.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FiniteDifference_FastOscillation_IsReliable_RelativeToTheLargerOfFAndItsSlope()
    {
        // f = sin(100x) at 0: D3's truncation h3²·|f'''|/6 = 2^-34·10^6/6 ≈ 9.7e-6 is all |D3 − D5| holds. The
        // reliability bound is 1e-6·max(max|f| on the stencils ≈ 0.1, |D5| = 100) = 1e-4, ten times above it; a bound
        // relative to the smaller of the two (1e-7) would call this smooth function unreliable.
        var r = GradientCheck.FiniteDifference(t => Math.Sin(100 * t), 100, 0);
        Assert.Null(r.Problem);
        Assert.True(r.Passed, r.ToString());
    }

    [Fact]
    public void FiniteDifference_ExactlyAtASymmetricKink_SeesTheAverageSlope()
    {
        // At the kink itself every central stencil is symmetric and returns (0 + 1)/2: a central difference cannot
        // check a kink convention, which is why the kink properties use one-sided quotients instead.
        var atKink = GradientCheck.FiniteDifference(Relu.Value, Relu.Derivative(0), 0.0);
        Assert.Equal(0.5, atKink.Numeric);
        Assert.False(atKink.Passed);
    }

    [Fact]
    public void ComplexStep_IsExactToRounding()
    {
        var r = GradientCheck.ComplexStep(Sigmoid.OfComplex, Sigmoid.Derivative(1.5), 1.5);
        Assert.True(r.Passed, r.ToString());
        Assert.True(r.RelativeError <= 4 * Tolerances.Epsilon, r.ToString());
        Assert.False(GradientCheck.ComplexStep(Sigmoid.OfComplex, 0.25 * (1 + 1e-12), 0).Passed);
    }

    [Fact]
    public void Directional_CountsAtMostTenEvaluations()
    {
        // 5-point at three steps (8 distinct points: MathNet skips the zero-weight centre, and a point two steps share is
        // evaluated once) and 3-point (2): 10 in all, however many parameters the function has.
        double[] point = [.. Enumerable.Range(0, 300).Select(k => k / 300.0)];
        double[] gradient = [.. point.Select(p => 2 * p)];
        double[] direction = [.. point.Select(_ => 1 / Math.Sqrt(300))];
        GradientCheck.ResetEvaluations();
        var r = GradientCheck.Directional(p => p.Sum(v => v * v), gradient, point, direction);
        Assert.True(r.Passed, r.ToString());
        Assert.Equal(10, GradientCheck.Evaluations);

        GradientCheck.ResetEvaluations();
        Assert.True(GradientCheck.ComplexStep(Sigmoid.OfComplex, Sigmoid.Derivative(0.5), 0.5).Passed);
        Assert.Equal(1, GradientCheck.Evaluations);
    }

    [Fact]
    public void FiniteDifference_StatedValueNoise_IsNotCalledUnreliable()
    {
        // f = 1e-3·sin plus a deterministic noise of ±1e-12 per value, declared through valueError. D3's step is
        // 2^-17, so the noise alone moves D3 by up to 1e-12/2^-17 ≈ 1.3e-7, far above 1e-6·max|f| = 1e-9: the
        // cross-check must allow the declared noise divided by D3's step, or it would call a smooth function unreliable.
        // The noise takes the top 10 bits of a multiplicative hash of t, so that stencil points a few ulp apart differ.
        static double Noisy(double t) =>
            (1e-3 * Math.Sin(t)) + (1e-12 * ((((ulong)BitConverter.DoubleToInt64Bits(t) * 0x9E3779B97F4A7C15UL) >> 54) / 511.5 - 1));
        var r = GradientCheck.FiniteDifference(Noisy, 1e-3 * Math.Cos(0.4), 0.4, valueError: 1e-12);
        Assert.Null(r.Problem);
        Assert.True(r.Passed, r.ToString());
        Assert.NotNull(GradientCheck.FiniteDifference(Noisy, 1e-3 * Math.Cos(0.4), 0.4).Problem); // undeclared, it is unreliable
        var along = GradientCheck.Directional(p => Noisy(p[0] + p[1]), [1e-3 * Math.Cos(0.4), 1e-3 * Math.Cos(0.4)], [0.4, 0.0], [1.0, 0.0], valueError: 1e-12);
        Assert.Null(along.Problem);
        Assert.True(along.Passed, along.ToString());
        Assert.False(GradientCheck.FiniteDifference(Noisy, 1e-3 * Math.Cos(0.4) * (1 + 1e-3), 0.4, valueError: 1e-12).Passed);
    }

    [Fact]
    public void Directional_RejectsAWrongGradient_ManyParametersOrNot()
    {
        // f = Σ p_k² over 300 parameters: the gradient 2p passes; 2p with one entry off by 1e-6 fails along a direction
        // that weights that entry, although Σ|g_k v_k| ≈ 17 makes the directional tolerance larger than a scalar one.
        double[] point = [.. Enumerable.Range(0, 300).Select(k => k / 300.0)];
        double[] gradient = [.. point.Select(p => 2 * p)];
        double[] direction = [.. point.Select(_ => 1 / Math.Sqrt(300))];
        gradient[7] += 1e-6;
        var r = GradientCheck.Directional(p => p.Sum(v => v * v), gradient, point, direction);
        Assert.False(r.Passed, r.ToString());
        Assert.Null(r.Problem);
    }

    [Fact]
    public void ComplexStep_OfSoftplusAndTheLogisticLoss_DoesNotOverflowFarOut()
    {
        // e^720 overflows, so the complex forms must switch to u + ln(1 + e^(−u)) for Re u > 0.
        Assert.True(GradientCheck.ComplexStep(Softplus.OfComplex, Softplus.Derivative(720), 720).Passed);
        Assert.True(GradientCheck.ComplexStep(LogisticLoss.OfComplex, LogisticLoss.Derivative(-720), -720).Passed);
        Assert.True(GradientCheck.ComplexStep(Softplus.OfComplex, Softplus.Derivative(-30), -30).Passed);
    }

    [Fact]
    public void ComplexStep_OfANonFiniteValue_NamesTheOracle()
    {
        var r = GradientCheck.ComplexStep(_ => new System.Numerics.Complex(0, double.NaN), 1.0, 0.0);
        Assert.False(r.Passed);
        Assert.Equal("oracle not finite", r.Problem);
    }

    [Fact]
    public void Directional_MismatchedLengths_Throw()
    {
        Assert.Throws<ArgumentException>("direction", () => GradientCheck.Directional(p => p[0], [1.0], [1.0, 2.0], [1.0]));
        Assert.Throws<ArgumentException>("direction", () => GradientCheck.ComplexDirectional(p => p[0], [1.0], [1.0], [1.0, 0.0]));
    }
}
