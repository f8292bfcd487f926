using Calculus.Activations;
using Calculus.Checking;
using Calculus.Examples.Support;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Examples;

/// <summary>Hand-checked numbers for the checking code itself (tolerance model, forward error bound, entry names, the
/// kink margin, the worst-entry report), written from the formulas in the docs of <see cref="Tolerances"/> and
/// <see cref="NetworkParameters.LossErrorBound"/>: mutation testing showed that the properties alone could not tell
/// a right tolerance from a slightly wrong one.</summary>
public sealed class CheckingExamples
{
    private const double Eps = Tolerances.Epsilon;

    [Fact]
    public void Tolerance_OfASymmetricQuadraticAtZero_IsTheRoundingTermAlone()
    {
        // f(x) = x² at 0: every central stencil gives exactly 0 (symmetric values), so the truncation estimate is 0 and
        // the analytic 0 leaves no relative term. S = max |f| on the stencils = (2·h5)² = (2^-10)² = 2^-20, h5/2 = 2^-12:
        // tolerance = 1.5 · 8 · (ε·2^-20 + 2^-1074) / 2^-12 = 12ε·2^-8 (+ a subnormal-sized term) = 0.046875ε.
        var r = GradientCheck.FiniteDifference(x => x * x, 0.0, 0.0);
        Assert.Equal(0.0, r.Numeric);
        Expect.Near(0.046875 * Eps, r.Tolerance, 1e-300, "tolerance");
        Assert.True(r.Passed);
        Assert.Null(r.Problem);
    }

    [Fact]
    public void Tolerance_OfALinearFunctionFarOut_AddsTheStencilRoundingTerm()
    {
        // f(x) = 3x at x = 1000: 1000 ± k·2^-11 and 3·(1000 ± k·2^-11) are exact, so every estimate is exactly 3 and the
        // truncation estimate 0. S = 3·(1000 + 2·2^-11). Tolerance =
        //   1.5·8·(ε·S + 2^-1074)/2^-12 + (1·ε·1000/2^-12 + 16ε)·3.
        double s = 3 * (1000 + (2 * Math.ScaleB(1, -11)));
        double expected = (1.5 * 8 * ((Eps * s) + double.Epsilon) / Math.ScaleB(1, -12)) + (((Eps * 1000 / Math.ScaleB(1, -12)) + (16 * Eps)) * 3);
        var r = GradientCheck.FiniteDifference(x => 3 * x, 3.0, 1000.0);
        Assert.Equal(3.0, r.Numeric);
        Expect.Near(expected, r.Tolerance, 1e-9 * expected, "tolerance");
        var wrong = GradientCheck.FiniteDifference(x => 3 * x, 3.0 + (2 * expected), 1000.0);
        Assert.False(wrong.Passed); // just beyond twice the tolerance is rejected
    }

    [Fact]
    public void ComplexStep_Tolerance_Is64UlpOfTheLargerValue_PlusTheDotProductTerm()
    {
        var r = GradientCheck.ComplexStep(Sinusoid.OfComplex, 0.5, 0.0); // numeric cos 0 = 1
        Assert.Equal(1.0, r.Numeric);
        Assert.Equal(64 * Eps * 1.0, r.Tolerance);
        // Directional over two parameters of f(p) = p0·p1 at (2, 3), v = (0.6, 0.8), g = (3, 2): ⟨g, v⟩ = 3.4,
        // Σ|g_k v_k| = 1.8 + 1.6 = 3.4: tolerance = 64ε·3.4 + 2·2·ε·3.4.
        var d = GradientCheck.ComplexDirectional(p => p[0] * p[1], [3.0, 2.0], [2.0, 3.0], [0.6, 0.8]);
        Expect.Near(3.4, d.Numeric, 1e-15, "numeric");
        Expect.Near((64 * Eps * 3.4) + (4 * Eps * 3.4), d.Tolerance, 1e-30, "tolerance");
    }

    [Fact]
    public void CheckResult_RelativeError_UsesTheLargerMagnitude_AndPrintsEveryNumber()
    {
        var r = new CheckResult(Oracle.ComplexStep, 2.0, 1.0, 0.5);
        Assert.Equal(1.0, r.AbsoluteError);
        Assert.Equal(0.5, r.RelativeError); // 1 / max(2, 1)
        Assert.False(r.Passed);
        Assert.Equal(0.0, new CheckResult(Oracle.ComplexStep, 0, 0, 0).RelativeError);
        Assert.Equal(3.0, new CheckResult(Oracle.ComplexStep, 0, 3, 0).RelativeError * 3); // both zero only gives 0; here 3/3 = 1
        Assert.Equal("FAIL [complex step, h = 1e-20] analytic 2, numeric 1, |error| 1, relative 0.5, tolerance 0.5", r.ToString());
        Assert.Equal("pass [complex step, h = 1e-20] analytic 1, numeric 1, |error| 0, relative 0, tolerance 0", new CheckResult(Oracle.ComplexStep, 1, 1, 0).ToString());
        Assert.EndsWith("; kink", new CheckResult(Oracle.ComplexStep, 1, 1, 1, "kink").ToString(), StringComparison.Ordinal);
        Assert.False(new CheckResult(Oracle.ComplexStep, 1, 1, 1, "kink").Passed);
    }

    [Fact]
    public void EntryName_NamesEveryBlock()
    {
        var layout = new NetworkParameters(2, 3); // θ = W (6), b (2), w (2), x (3)
        string[] expected = ["W[0,0]", "W[0,1]", "W[0,2]", "W[1,0]", "W[1,1]", "W[1,2]", "b[0]", "b[1]", "w[0]", "w[1]", "x[0]", "x[1]", "x[2]"];
        Assert.Equal(expected, Enumerable.Range(0, layout.Count).Select(k => NetworkGradientCheck.EntryName(layout, k)));
    }

    [Fact]
    public void LossErrorBound_OfAOneUnitNetwork_FollowsItsFormula()
    {
        // h = d = 1, W = 2, x = 0.5, b = −0.25, w = 3, y = 1, σ: a = 0.75, s = σ(0.75), z = 3s (NetworkErrorBounds' table).
        // δa = 2ε(|Wx| + |b|) = 2ε·1.25; δs = 4ε·s + 4ε·|a·σ'(a)| + σ'(a)·δa; δz = 1·ε·|w·s| + |w|·δs;
        // δL = 4ε·L + 4ε·|z·f_e(z)| + |f_e(z)|·δz; the bound is 2δL.
        double a = 0.75, s = Sigmoid.Value(a), fd = Sigmoid.Derivative(a), z = 3 * s;
        double da = 2 * Eps * 1.25;
        double ds = (4 * Eps * s) + (4 * Eps * a * fd) + (fd * da);
        double dz = (Eps * 3 * s) + (3 * ds);
        double fe = Math.Abs(LabelLogisticLoss.Derivative(z, 1));
        double expected = 2 * ((4 * Eps * LabelLogisticLoss.Value(z, 1)) + (4 * Eps * z * fe) + (fe * dz));
        var layout = new NetworkParameters(1, 1);
        double[] theta = [2.0, -0.25, 3.0, 0.5];
        Expect.Near(expected, layout.LossErrorBound(theta, 1), 1e-6 * expected, "bound");
        Expect.Near(LabelLogisticLoss.Value(z, 1), layout.Loss(theta, 1), 1e-15, "loss");
    }

    [Fact]
    public void LossErrorBound_FollowsTheActivationAndTheLossItIsGiven()
    {
        // h = d = 1, W = 2, x = 4, b = 1, w = 3, y = 1, ReLU: a = 9 = s (f' = 1), z = 27, all terms positive.
        // δa = 2ε·9 = 18ε; δs = 4ε·9 + 4ε·|9·1| + 1·18ε = 90ε; δz = ε·27 + 3·90ε = 297ε;
        // δL = 4ε·L + 4ε·27·|f_e| + |f_e|·297ε; the bound is 2δL.
        var layout = new NetworkParameters(1, 1);
        double[] theta = [2.0, 1.0, 3.0, 4.0];
        double fe = Math.Abs(LabelLogisticLoss.Derivative(27, 1));
        double expected = 2 * ((4 * Eps * LabelLogisticLoss.Value(27, 1)) + (108 * Eps * fe) + (297 * Eps * fe));
        Expect.Near(expected, layout.LossErrorBound(theta, 1, Catalog.Relu), 1e-6 * expected, "ReLU bound");
        Assert.NotEqual(layout.LossErrorBound(theta, 1), layout.LossErrorBound(theta, 1, Catalog.Relu));

        // The hinge at margin yz = 27 ≥ 1 is 0 with slope 0, so its loss carries no rounding error at all.
        Assert.Equal(0.0, layout.LossErrorBound(theta, 1, Catalog.Relu, MarginLosses.Hinge));
        // At yz = −27 it is 28 with slope ∂/∂z = 1: δL = 4ε·28 + 4ε·27 + 297ε = 517ε, bound 1034ε.
        Expect.Near(1034 * Eps, layout.LossErrorBound(theta, -1, Catalog.Relu, MarginLosses.Hinge), 1e-20, "hinge bound");
    }

    [Fact]
    public void MoveOffKinks_ChecksShapes_AndMeasuresFromEachKinkItself()
    {
        var w = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 } });
        var x = Vector<double>.Build.Dense([0.5, 0.25]);
        Assert.Throws<ArgumentException>("bias", () => NetworkGradientCheck.MoveOffKinks(w, Vector<double>.Build.Dense(2), x, Catalog.Tanh));

        // One kink at 0.5 (a caller's own activation): a_0 = 0.5 sits on it and moves; a_0 = −0.5 is far from it and stays.
        var shifted = Catalog.Relu with { Kinks = [new Kink(0.5, 0, 1, 0)] };
        var on = Vector<double>.Build.Dense([0.0]);
        NetworkGradientCheck.MoveOffKinks(w, on, x, shifted);
        Assert.NotEqual(0.0, on[0]);
        var off = Vector<double>.Build.Dense([-1.0]);
        NetworkGradientCheck.MoveOffKinks(w, off, x, shifted);
        Assert.Equal(-1.0, off[0]);
    }

    [Fact]
    public void MoveOffKinks_LeavesARowExactlyTwoMarginsFromTheKink()
    {
        // W = (1, 0), x = (0.5, 0.25): ‖W_0‖ = 1, ‖x‖ = √0.3125; a_0 = b_0 + 0.5 sits half a margin above the kink at 0.
        // The shift is 2·margin − |d|, so a_0 ends exactly 2·margin above it.
        var w = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 } });
        var x = Vector<double>.Build.Dense([0.5, 0.25]);
        double margin = 4 * Tolerances.FivePointStep * (1 + 1 + Math.Sqrt(0.3125));
        var b = Vector<double>.Build.Dense([-0.5 + (margin / 2)]);
        NetworkGradientCheck.MoveOffKinks(w, b, x, Catalog.Relu);
        Expect.Near(2 * margin, b[0] + 0.5, 1e-15, "a_0 after the shift");
    }

    [Fact]
    public void MoveOffKinks_ShiftsOnlyTheRowsNearAKink_PastTheMargin()
    {
        var w = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 0, 2 }, { 1, 1 } });
        var x = Vector<double>.Build.Dense([0.5, 0.25]);
        var b = Vector<double>.Build.Dense([-0.5, 0.3, -1.0005]); // a = (0, 0.8, −0.2505): rows 0 and... only row 0 is at 0
        NetworkGradientCheck.MoveOffKinks(w, b, x, Catalog.Relu);
        var a = (w * x) + b;
        for (int i = 0; i < 3; i++)
        {
            double margin = 4 * Tolerances.FivePointStep * (1 + w.Row(i).L2Norm() + x.L2Norm());
            Assert.True(Math.Abs(a[i]) >= margin, $"a[{i}] = {a[i]} within {margin} of the kink");
        }

        Assert.Equal(0.3, b[1]);
        Assert.Equal(-1.0005, b[2]);
        Assert.True(b[0] > -0.5, "a kink hit exactly moves up");
        var smooth = Vector<double>.Build.Dense([-0.5, 0.3, -1.0005]);
        NetworkGradientCheck.MoveOffKinks(w, smooth, x, Catalog.Tanh);
        Assert.Equal([-0.5, 0.3, -1.0005], smooth.ToArray());
        var below = Vector<double>.Build.Dense([-0.5001, 0.3, 0]);
        NetworkGradientCheck.MoveOffKinks(w, below, x, Catalog.LeakyRelu);
        Assert.True(below[0] < -0.5001, "just below the kink moves further down");
    }

    [Fact]
    public void NetworkGradientCheck_ReportsTheWrongEntry_AsTheWorst_InItsBlockOnly()
    {
        var (layout, theta, gradient) = TwoByTwo(Catalog.Sigmoid);
        gradient[layout.Bias(1)] += 1e-3;
        var rows = NetworkGradientCheck.Run(layout, theta, 1, Catalog.Sigmoid, gradient);
        Assert.Equal(["W", "W", "b", "b", "w", "w", "x", "x"], rows.Select(r => r.Block));
        var bias = rows.Where(r => r.Block == "b").ToList();
        Assert.All(bias, r => Assert.False(r.Passed));
        Assert.All(bias, r => Assert.Equal("b[1]", r.Worst));
        Assert.All(bias, r => Assert.Equal(1e-3, r.MaxAbsoluteError, 1e-9));
        Assert.All(rows.Where(r => r.Block != "b"), r => Assert.True(r.Passed, r.ToString()));
        Assert.All(rows, r => Assert.Equal(r.Block is "W" ? 4 : 2, r.Entries));
        Assert.Equal(Oracle.CentralDifference, rows[0].Oracle);
        Assert.Equal(Oracle.ComplexStep, rows[1].Oracle);
    }

    [Fact]
    public void NetworkGradientCheck_WhenEveryEntryPasses_ReportsTheOneNearestItsTolerance()
    {
        var (layout, theta, gradient) = TwoByTwo(Catalog.Sigmoid);
        int k = layout.Bias(1);
        double tolerance = GradientCheck.Partial(t => layout.Loss(t, 1), gradient[k], theta, k, layout.LossErrorBound(theta, 1)).Tolerance;
        gradient[k] += tolerance / 2;
        var rows = NetworkGradientCheck.Run(layout, theta, 1, Catalog.Sigmoid, gradient);
        var central = rows.Single(r => r.Block == "b" && r.Oracle == Oracle.CentralDifference);
        Assert.True(central.Passed, central.ToString());
        Assert.Equal("b[1]", central.Worst);
        Assert.Equal(tolerance / 2, central.WorstCheck.AbsoluteError, tolerance / 8);
        Assert.Equal(central.WorstCheck.AbsoluteError, central.MaxAbsoluteError);
        Assert.True(central.MaxRelativeError >= central.WorstCheck.RelativeError, central.ToString());

        // A failed entry outranks every passing one, even when its error is NaN and so has no ratio to its tolerance.
        gradient[k] = double.NaN;
        var failed = NetworkGradientCheck.Run(layout, theta, 1, Catalog.Sigmoid, gradient)
            .Single(r => r.Block == "b" && r.Oracle == Oracle.CentralDifference);
        Assert.False(failed.Passed);
        Assert.Equal("b[1]", failed.Worst);
        gradient[k] = double.PositiveInfinity;
        var infinite = NetworkGradientCheck.Run(layout, theta, 1, Catalog.Sigmoid, gradient)
            .Single(r => r.Block == "b" && r.Oracle == Oracle.CentralDifference);
        Assert.False(infinite.Passed);
        Assert.Equal("b[1]", infinite.Worst);
        Assert.NotNull(infinite.WorstCheck);
    }

    [Fact]
    public void NetworkGradientCheck_UsesTheComplexStep_WhereActivationAndLossHaveComplexForms()
    {
        // Every activation with a complex form (all but PLU: erf to first order, ReLU and leaky ReLU piece by piece) and
        // every loss (the hinge piece by piece): both oracles; PLU: central differences only.
        foreach (var (activation, loss, rows) in new[]
        {
            (Catalog.Tanh, MarginLosses.Logistic, 8), (Catalog.Gaussian, MarginLosses.SmoothHinge, 8),
            (Catalog.Erf, MarginLosses.Logistic, 8), (Catalog.Relu, MarginLosses.Logistic, 8), (Catalog.Sigmoid, MarginLosses.Hinge, 8),
            (Catalog.LeakyRelu, MarginLosses.Hinge, 8), (Catalog.Plu, MarginLosses.Logistic, 4),
        })
        {
            var (layout, theta, gradient) = TwoByTwo(activation);
            var (w, b, wo, x) = layout.Unflatten(theta);
            gradient = layout.Flatten(Network.Gradient(w, b, wo, x, 1, activation, loss));
            var result = NetworkGradientCheck.Run(layout, theta, 1, activation, gradient, loss);
            Assert.Equal(rows, result.Count);
            Assert.All(result, r => Assert.True(r.Passed, $"{activation.Name}, {loss.Name}: {r}"));
        }

        // A sigmoid the caller built with the library's own functions gets the complex step too.
        var own = Catalog.Sigmoid with { Name = "my-sigmoid" };
        var (l2, t2, g2) = TwoByTwo(Catalog.Sigmoid);
        Assert.Equal(8, NetworkGradientCheck.Run(l2, t2, 1, own, g2).Count);
    }

    [Fact]
    public void NetworkGradientCheck_NearAKink_ChecksAtAFinerStep_AndStillCatchesAWrongGradient()
    {
        // One ReLU unit, W = x = 1, a = 5e-4: the first stencil (reach 2·2^-11 ≈ 9.8e-4 in a) crosses the kink at 0, the
        // second (reach 1.2e-4) does not, so every entry that moves a is checked at level 1, where the tolerances are
        // larger. A right gradient passes there, decided; ReLU' taken as 0 on this side (a shifted threshold, x > 1e-3)
        // and a change of 1e-6 relative in one entry fail with both oracles.
        var layout = new NetworkParameters(1, 1);
        double[] theta = new double[layout.Count];
        theta[layout.Weight(0, 0)] = 1;
        theta[layout.Bias(0)] = 5e-4 - 1;
        theta[layout.OutputWeight(0)] = 1;
        theta[layout.Input(0)] = 1;
        var relu = Catalog.Relu;
        var bounds = NetworkErrorBounds.Compute(layout, theta, 1, relu, MarginLosses.Logistic);
        var unit = new double[layout.Count];
        unit[layout.Bias(0)] = 1;
        Assert.NotNull(NetworkGradientCheck.KinkWithinReach(layout, theta, 1, relu, MarginLosses.Logistic, unit, bounds, 0));
        Assert.Equal((1, (string?)null), NetworkGradientCheck.ClearLevel(layout, theta, 1, relu, MarginLosses.Logistic, unit, bounds));

        var (w, b, wo, x) = layout.Unflatten(theta);
        double[] right = layout.Flatten(Network.Gradient(w, b, wo, x, 1, relu));
        Assert.All(NetworkGradientCheck.Run(layout, theta, 1, relu, right), r => Assert.True(r.Passed && r.Inconclusive == 0, r.ToString()));

        double[] dead = (double[])right.Clone(); // f'(a) = 0: ∂L/∂W, ∂L/∂b and ∂L/∂x vanish, ∂L/∂w = f_e·ReLU(a) stays
        dead[layout.Weight(0, 0)] = dead[layout.Bias(0)] = dead[layout.Input(0)] = 0;
        var rows = NetworkGradientCheck.Run(layout, theta, 1, relu, dead);
        Assert.All(rows, r => Assert.Equal(r.Block != "w", !r.Passed));

        double[] nudged = (double[])right.Clone();
        nudged[layout.Bias(0)] *= 1 + 1e-6;
        var bias = NetworkGradientCheck.Run(layout, theta, 1, relu, nudged).Where(r => r.Block == "b").ToList();
        Assert.Equal(2, bias.Count);
        Assert.All(bias, r => Assert.False(r.Passed, r.ToString()));
    }

    /// <summary>h = d = 2 at a fixed θ, with the library's gradient for y = 1.</summary>
    private static (NetworkParameters Layout, double[] Theta, double[] Gradient) TwoByTwo(ScalarFunction activation)
    {
        var layout = new NetworkParameters(2, 2);
        double[] theta = [0.5, -0.3, 0.8, 0.1, 0.2, -0.4, 1.0, -1.5, 0.7, 0.9];
        var (w, b, wo, x) = layout.Unflatten(theta);
        return (layout, theta, layout.Flatten(Network.Gradient(w, b, wo, x, 1, activation)));
    }

    [Fact]
    public void EveryCheckingEntryPoint_NamesItsNullArgument()
    {
        double[] one = [1.0];
        Func<double[], double> f = p => p[0];
        Assert.Throws<ArgumentNullException>("f", () => GradientCheck.Partial(null!, 0, one, 0));
        Assert.Throws<ArgumentNullException>("point", () => GradientCheck.Partial(f, 0, null!, 0));
        Assert.Throws<ArgumentNullException>("f", () => GradientCheck.Directional(null!, one, one, one));
        Assert.Throws<ArgumentNullException>("gradient", () => GradientCheck.Directional(f, null!, one, one));
        Assert.Throws<ArgumentNullException>("point", () => GradientCheck.Directional(f, one, null!, one));
        Assert.Throws<ArgumentNullException>("direction", () => GradientCheck.Directional(f, one, one, null!));
        Assert.Throws<ArgumentNullException>("f", () => GradientCheck.ComplexDirectional(null!, one, one, one));
        Assert.Throws<ArgumentException>("direction", () => GradientCheck.Directional(f, [1.0, 2.0], one, one)); // only the gradient's length differs
        Assert.Throws<ArgumentException>("direction", () => GradientCheck.Directional(f, one, one, [1.0, 2.0])); // only the direction's

        var layout = new NetworkParameters(1, 1);
        var m = Matrix<double>.Build.Dense(1, 1, 1.0);
        var v = Vector<double>.Build.Dense(1, 1.0);
        Assert.Throws<ArgumentNullException>("weights", () => layout.Flatten(null!, v, v, v));
        Assert.Throws<ArgumentException>("bias", () => layout.Flatten(m, Vector<double>.Build.Dense(2), v, v));
        Assert.Throws<ArgumentException>("outputWeights", () => layout.Flatten(m, v, Vector<double>.Build.Dense(2), v));
        Assert.Throws<ArgumentNullException>("bias", () => layout.Flatten(m, null!, v, v));
        Assert.Throws<ArgumentNullException>("outputWeights", () => layout.Flatten(m, v, null!, v));
        Assert.Throws<ArgumentNullException>("x", () => layout.Flatten(m, v, v, null!));
        Assert.Throws<ArgumentNullException>("gradient", () => layout.Flatten((NetworkGradient)null!));
        Assert.Throws<ArgumentNullException>("theta", () => layout.LossErrorBound(null!, 1));
        Assert.Throws<ArgumentOutOfRangeException>("Inputs", () => new NetworkParameters(1, 0));

        double[] theta = [1.0, 0.0, 1.0, 1.0];
        Assert.Throws<ArgumentNullException>("layout", () => NetworkGradientCheck.Run(null!, theta, 1, Catalog.Sigmoid, theta));
        Assert.Throws<ArgumentNullException>("theta", () => NetworkGradientCheck.Run(layout, null!, 1, Catalog.Sigmoid, theta));
        Assert.Throws<ArgumentNullException>("gradient", () => NetworkGradientCheck.Run(layout, theta, 1, Catalog.Sigmoid, null!));
        Assert.Throws<ArgumentNullException>("activation", () => NetworkGradientCheck.Run(layout, theta, 1, null!, theta));
        Assert.Throws<ArgumentNullException>("layout", () => NetworkGradientCheck.EntryName(null!, 0));
        Assert.Throws<ArgumentNullException>("weights", () => NetworkChainRule.WeightPartial(null!, v, v, v, 1, 0, 0));
    }

    [Fact]
    public void MoveOffKinks_AwayFromZero_UsesTheKinkItself_ForBothOfPlusKinks()
    {
        // PLU(α = 0.1, c = 1) has kinks at ±1. With W = [[1]], x = [1]: b = 0 puts a exactly on +1, b = −2 on −1.
        var plu = Catalog.Plu;
        var w = Matrix<double>.Build.Dense(1, 1, 1.0);
        var x = Vector<double>.Build.Dense(1, 1.0);
        foreach (double start in new[] { 0.0, -2.0, 1e-4, -2.0 - 1e-4 })
        {
            var b = Vector<double>.Build.Dense(1, start);
            NetworkGradientCheck.MoveOffKinks(w, b, x, plu);
            double a = 1 + b[0];
            double margin = 4 * Tolerances.FivePointStep * (1 + 1 + 1);
            Assert.All(plu.Kinks, k => Assert.True(Math.Abs(a - k.At) >= margin, $"start {start}: a = {a} within {margin} of {k.At}"));
            Assert.True(Math.Abs(b[0] - start) <= 2 * margin, $"start {start}: moved by {b[0] - start}, more than 2·margin");
        }
    }
}
