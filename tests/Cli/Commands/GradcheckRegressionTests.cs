using Calculus.Cli.Report;
using Calculus.Functions;

namespace Calculus.Cli.Tests.Commands;

/// <summary>Rows of bugs the gradient check once had, on the networks <c>calculus gradcheck</c> draws
/// (<see cref="GradcheckRun.Random"/>): each fails on the old code.</summary>
public sealed class GradcheckRegressionTests
{
    [Fact]
    public void TanhNetwork_AtWeightScale1e3Below_EveryEntryPassesBothOracles()
    {
        // The network of RegressionExamples.ComplexTanh_OfASmallArgument_KeepsItsRealPartAccurate: a ≈ 1e-6, where the
        // complex tanh's real part once cancelled and failed ∂L/∂w_i = f_e·tanh(a_i) by 1e-13 relative.
        var n = GradcheckRun.Random(2, 2, 1, Catalog.Tanh, 1e-3, Calculus.Losses.MarginLosses.Logistic).Example;
        var rows = n.Check(n.Gradient());
        Assert.Equal(8, rows.Count);
        Assert.All(rows, r => Assert.True(r.Passed && r.Inconclusive == 0, r.ToString()));
    }

    [Fact]
    public void SinusoidNetwork_AtWeightScale1000_ItsRightGradientPasses()
    {
        // The false-alarm sweep (scale 1e3, sin, logistic loss, h = 8, d = 32, seed 1) failed ∂L/∂W[7,21] = 745626.74:
        // the first stencil moves the margin z = 610 by up to ±730 through the logistic loss's curvature at z ≈ 0, and
        // D5(h5) − D5(h5/2) came out 1.1 where D5(h5/2) was 35.4 off, so the tolerance was 4.4. The Richardson difference
        // of D5(h5/2) and D5(h5/4), times 16, shows the error is not in its h⁴ regime, and the check goes to a finer step.
        // The sweep's network is the one `calculus gradcheck --hidden 8 --inputs 32 --seed 3301920 --activation sin
        // --scale 1000` draws (its grid seed: seed 1, scale index 18, sin the catalog's entry 6, h, d).
        const int h = 8, d = 32;
        var s = GradcheckRun.Random(
            h, d, (((((1 * 32) + 18) * 16) + 6) * 64 + h) * 64 + d, Catalog.Sinusoid, 1000, Calculus.Losses.MarginLosses.Logistic);
        var n = s.Example;
        Assert.Equal(-356.0881332289838, n.W[7, 21]); // the sweep's network: its W[7,21], drawn, not computed
        var rows = n.Check(n.Gradient());
        Assert.All(rows, r => Assert.True(r.Passed && r.Inconclusive == 0, r.ToString()));
    }
}
