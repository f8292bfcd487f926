using System.Text.Json;
using Calculus.Checking;
using Calculus.Cli.Report;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Cli.Tests.Commands;

/// <summary><c>gradcheck</c> never calls the library's right gradient wrong, at any weight scale, checks the user's own
/// network, and reports what it cannot decide as inconclusive with the reason.</summary>
public sealed class GradcheckVerdictTests
{
    /// <summary>The hand-worked network of Sheet1fNetworkExamples (L = ln 2 at y = 1).</summary>
    private const string HandWorked = "{\"W\": [[1, -1], [2, 0]], \"b\": [1, -0.9013877113318902], \"w\": [3, -2], \"x\": [1, 2], \"y\": 1}";

    [Theory]
    [InlineData("sigmoid", "3", "1", "4", "3")] // ∂L/∂x = Wᵀg cancels: its complex step was 1.3 × a tolerance of 64ε·|result|
    [InlineData("sigmoid", "20", "1", "4", "3")] // a ≈ 334: rounding a costs |a|ε relative in σ'(a)
    [InlineData("sigmoid", "30", "1", "4", "3")] // complex-step imaginary parts on the subnormal grid
    [InlineData("sigmoid", "30", "1", "9", "2")]
    [InlineData("sigmoid", "100", "2", "4", "3")]
    [InlineData("sin", "50", "1", "4", "3")] // the loss varies faster than the first step: "FAIL … oracle unreliable" before
    [InlineData("sin", "300", "3", "4", "3")]
    [InlineData("gaussian", "0.001", "1", "1", "7")]
    public void Gradcheck_RightGradient_NeverFails_WhereItOnceDid(string activation, string scale, string seed, string h, string d)
    {
        var r = CliRunner.Run("", "gradcheck", "--activation", activation, "--scale", scale, "--seed", seed, "--hidden", h, "--inputs", d);
        Assert.True(r.ExitCode == 0, r.Output + r.Error);
        Assert.DoesNotContain("FAIL", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void CancellingInputGradient_ExceedsTheOldTolerance_AndPassesTheConditionedOne()
    {
        // The first example: x[2] of the seed-1, scale-3 network. Its complex step differs from the analytic value
        // by more than 64ε·max(|analytic|, |numeric|), the old tolerance, because ∂L/∂x_2 = Σ_i W_i2·g_i cancels; the
        // running error bound of that sum (γ_h·Σ|W_i2 g_i| + …) allows it.
        var s = GradcheckRun.Random(4, 3, 1, Catalog.Sigmoid, 3, MarginLosses.Logistic).Example;
        var layout = new NetworkParameters(4, 3);
        double[] theta = layout.Flatten(s.W, s.B, s.Wout, s.X);
        double[] gradient = layout.Flatten(Network.Gradient(s.W, s.B, s.Wout, s.X, s.Y));
        var bounds = NetworkErrorBounds.Compute(layout, theta, s.Y, Catalog.Sigmoid, MarginLosses.Logistic);
        int k = layout.Input(2);
        var unit = new double[layout.Count];
        unit[k] = 1;
        var r = GradientCheck.ComplexDirectional(t => ComplexNetwork.Loss(t, 4, 3, s.Y), gradient, theta, unit, bounds.Gradient);
        Assert.True(r.AbsoluteError > 64 * Tolerances.Epsilon * Math.Max(Math.Abs(r.Analytic), Math.Abs(r.Numeric)), r.ToString());
        Assert.Equal(Verdict.Pass, r.Verdict);
        Assert.True(bounds.Gradient[k] > 100 * Tolerances.Epsilon * Math.Abs(gradient[k]), $"bound {bounds.Gradient[k]} for {gradient[k]}");
    }

    [Fact]
    public void Gradcheck_Input_ChecksYourOwnNetwork_FromStandardInput()
    {
        var r = CliRunner.Run(HandWorked, "gradcheck", "--input", "-");
        Assert.True(r.ExitCode == 0, r.Output + r.Error);
        Assert.Equal("gradcheck: h = 2, d = 2, activation sigmoid, loss logistic, from standard input, y = 1", r.Lines[0]);
        Assert.Equal(8, r.Lines.Count(l => l.EndsWith("pass", StringComparison.Ordinal)));
        Assert.Equal("gradcheck: every entry within tolerance", r.Lines[^1]);
    }

    [Theory]
    [InlineData("smooth-hinge")]
    [InlineData("hinge")] // piece by piece: the margin of the hand-worked network is clear of yz = 1
    public void Gradcheck_Input_OtherLosses_BothOracles(string loss)
    {
        var r = CliRunner.Run(HandWorked, "gradcheck", "--loss", loss);
        Assert.True(r.ExitCode == 0, r.Output + r.Error);
        Assert.Contains($"loss {loss}", r.Lines[0], StringComparison.Ordinal);
        Assert.Equal(4, r.Lines.Count(l => l.Contains("complex step", StringComparison.Ordinal) && l.EndsWith("pass", StringComparison.Ordinal)));
    }

    [Fact]
    public void Gradcheck_Input_AKinkWithinReach_IsInconclusive_NeverAFailure()
    {
        // ReLU with a_0 = 1·1 − 1·1 + 0 = 0 exactly on the kink: every entry that moves a_0 (W[0,·], b[0], x) is
        // inconclusive under both oracles (the complex step picks a side by the rounded a_0), named, and the run exits 0;
        // W[1,·], b[1] and w do not move a_0 and pass.
        string json = "{\"W\": [[1, -1], [0.5, 0.25]], \"b\": [0, 0.1], \"w\": [2, -1], \"x\": [1, 1], \"y\": -1, \"activation\": \"relu\"}";
        var r = CliRunner.Run(json, "gradcheck", "-i", "-");
        Assert.True(r.ExitCode == 0, r.Output + r.Error);
        Assert.Contains(r.Lines, l => l.StartsWith("W ", StringComparison.Ordinal) && l.Contains("pass, 2 inconclusive (W[0,0]: kink within reach: a[0] = 0", StringComparison.Ordinal));
        Assert.Contains(r.Lines, l => l.StartsWith("w ", StringComparison.Ordinal) && l.EndsWith("pass", StringComparison.Ordinal));
        Assert.Contains(r.Lines, l => l.StartsWith("x ", StringComparison.Ordinal) && l.Contains("inconclusive: x[0]: kink within reach", StringComparison.Ordinal));
        Assert.Contains(r.Lines, l => l.StartsWith("x ", StringComparison.Ordinal) && l.Contains("complex step", StringComparison.Ordinal)
            && l.Contains("inconclusive: x[0]: kink within rounding: a[0] = 0", StringComparison.Ordinal));
        Assert.StartsWith("gradcheck: no entry beyond tolerance; 10 of 20 checks inconclusive", r.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Gradcheck_Input_AWrongGradientFails()
    {
        NetworkGradient SignFlipped(Matrix<double> w, Vector<double> b, Vector<double> wo, Vector<double> x, double y, ScalarFunction a, IMarginLoss l)
        {
            var right = Network.Gradient(w, b, wo, x, y, a, l);
            return right with { OutputWeights = -right.OutputWeights };
        }

        var r = CliRunner.Run(HandWorked, SignFlipped, "gradcheck", "--input", "-");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(r.Lines, l => l.StartsWith("w ", StringComparison.Ordinal) && l.Contains("FAIL (2 of 2)", StringComparison.Ordinal));
        Assert.Equal("gradcheck: FAILED, 4 entries beyond tolerance", r.Lines[^1]); // w by both oracles
    }

    [Theory]
    [InlineData("--hidden", "3")]
    [InlineData("--scale", "2")]
    [InlineData("--seed", "4")]
    public void Gradcheck_Input_WithARandomNetworkOption_IsAUsageError(string option, string value)
    {
        string line = CliRunner.AssertUsageError(CliRunner.Run(HandWorked, "gradcheck", "--input", "-", option, value));
        Assert.Equal($"calculus: {option} describes the random network; with --input the network is yours", line);
    }

    [Fact]
    public void Network_LossOption_AndField_PrintThatLossesGradient()
    {
        var hinge = CliRunner.Run(HandWorked, "network", "--loss", "hinge");
        Assert.Equal(0, hinge.ExitCode);
        var field = CliRunner.Run(HandWorked.Replace("\"y\": 1}", "\"y\": 1, \"loss\": \"hinge\"}", StringComparison.Ordinal), "network");
        Assert.Equal(hinge.Output, field.Output);
        var w = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, -1 }, { 2, 0 } });
        var expected = Network.Gradient(w, V(1, -0.9013877113318902), V(3, -2), V(1, 2), 1, Catalog.Sigmoid, MarginLosses.Hinge);
        using var doc = JsonDocument.Parse(hinge.Output);
        Assert.Equal(expected.Loss, doc.RootElement.GetProperty("loss").GetDouble());
        Assert.Equal(expected.Bias[0], doc.RootElement.GetProperty("db")[0].GetDouble());
        var overridden = CliRunner.Run(HandWorked.Replace("\"y\": 1}", "\"y\": 1, \"loss\": \"smooth-hinge\"}", StringComparison.Ordinal), "network", "--loss", "hinge");
        Assert.Equal(hinge.Output, overridden.Output); // the option wins over the field
    }

    [Fact]
    public void Network_PluParameters_AreBound_AndRefusedForOtherActivations()
    {
        string plu = HandWorked.Replace("\"y\": 1}", "\"y\": 1, \"activation\": \"plu\"}", StringComparison.Ordinal);
        var r = CliRunner.Run(plu, "network", "--alpha", "0.5", "--c", "2");
        Assert.Equal(0, r.ExitCode);
        var w = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, -1 }, { 2, 0 } });
        var expected = Network.Gradient(w, V(1, -0.9013877113318902), V(3, -2), V(1, 2), 1, Catalog.CreatePlu(0.5, 2), MarginLosses.Logistic);
        using var doc = JsonDocument.Parse(r.Output);
        Assert.Equal(expected.Loss, doc.RootElement.GetProperty("loss").GetDouble());
        Assert.Equal("calculus: --alpha is not a parameter of sigmoid; only plu takes --alpha", CliRunner.AssertUsageError(CliRunner.Run(HandWorked, "network", "--alpha", "0.5")));
        Assert.Equal("calculus: PLU's alpha must lie in [0, 1]; got 2.", CliRunner.AssertUsageError(CliRunner.Run(plu, "network", "--alpha", "2")));
        Assert.StartsWith("calculus: --loss: Unknown loss 'square'", CliRunner.AssertUsageError(CliRunner.Run(HandWorked, "gradcheck", "--loss", "square")), StringComparison.Ordinal);
    }

    private static Vector<double> V(params double[] v) => Vector<double>.Build.DenseOfArray(v);
}
