using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Examples.Cli;

/// <summary><c>calculus network</c> prints the library's gradient; <c>gradcheck</c> passes it and fails a wrong one.</summary>
public sealed class NetworkAndGradcheckTests
{
    [Theory]
    [InlineData("sigmoid")]
    [InlineData("tanh")]
    [InlineData("relu")]
    public void Network_PrintsTheLibraryGradient_BitForBit(string activation)
    {
        var rng = new Random(7);
        double[][] w = [.. Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 4).Select(_ => rng.NextDouble() - 0.5).ToArray())];
        double[] b = [0.1, -0.2, 0.3], wout = [1.5, -0.5, 2], x = [0.25, -1, 0.5, 2];
        string json = JsonSerializer.Serialize(new { W = w, b, w = wout, x, y = -1.0, activation });
        var r = CliRunner.Run(json, "network");
        Assert.Equal(0, r.ExitCode);

        var expected = Network.Gradient(Matrix<double>.Build.DenseOfRowArrays(w), V(b), V(wout), V(x), -1, ActivationCatalog.Find(activation));
        using var doc = JsonDocument.Parse(r.Output);
        var root = doc.RootElement;
        Assert.Equal(expected.Loss, root.GetProperty("loss").GetDouble());
        Assert.Equal(expected.Z, root.GetProperty("z").GetDouble());
        Assert.Equal(expected.Weights.ToRowArrays(), root.GetProperty("dW").EnumerateArray().Select(Row).ToArray());
        Assert.Equal(expected.Bias.ToArray(), Row(root.GetProperty("db")));
        Assert.Equal(expected.OutputWeights.ToArray(), Row(root.GetProperty("dw")));
        Assert.Equal(expected.Input.ToArray(), Row(root.GetProperty("dx")));

        static double[] Row(JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetDouble())];
    }

    [Fact]
    public void Network_ReadsAFile_AndDefaultsToSigmoid()
    {
        string path = Path.GetTempFileName();
        try
        {
            // The hand-worked network of Sheet1fNetworkExamples: L = ln 2, ∂L/∂b = [−3/8, 3/16].
            File.WriteAllText(path, "{\"W\": [[1,-1],[2,0]], \"b\": [1, -0.9013877113318902], \"w\": [3,-2], \"x\": [1,2], \"y\": 1}");
            var r = CliRunner.Run("", "network", "--input", path);
            Assert.Equal(0, r.ExitCode);
            using var doc = JsonDocument.Parse(r.Output);
            Assert.Equal(Math.Log(2), doc.RootElement.GetProperty("loss").GetDouble(), 15);
            Assert.Equal(-0.375, doc.RootElement.GetProperty("db")[0].GetDouble(), 15);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("sigmoid", "4", "3")]
    [InlineData("tanh", "5", "2")]
    [InlineData("relu", "3", "3")]
    [InlineData("plu", "2", "6")]
    public void Gradcheck_PassesTheLibrary(string activation, string h, string d)
    {
        var r = CliRunner.Run("", "gradcheck", "--activation", activation, "--hidden", h, "--inputs", d, "--scale", "2");
        Assert.True(r.ExitCode == 0, r.Output + r.Error);
        Assert.Contains("every entry within tolerance", r.Output, StringComparison.Ordinal);
        foreach (var block in new[] { "W", "b", "w", "x" })
        {
            Assert.Contains(r.Lines, l => l.StartsWith(block + " ", StringComparison.Ordinal) && l.EndsWith("pass", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Gradcheck_FailsAWrongGradient_ThroughTheInternalSeam()
    {
        // The f_d factor dropped from every hidden unit: a mistake the sheet invites.
        NetworkGradient Wrong(Matrix<double> w, Vector<double> b, Vector<double> wo, Vector<double> x, double y, Activation a, Calculus.Training.IMarginLoss l)
        {
            var right = Network.Gradient(w, b, wo, x, y, a, l);
            var g = wo * LabelLogisticLoss.Derivative(right.Z, y);
            return right with { Weights = g.OuterProduct(x), Bias = g };
        }

        var r = CliRunner.Run("", Wrong, "gradcheck");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("FAILED", r.Output, StringComparison.Ordinal);
        Assert.Contains(r.Lines, l => l.StartsWith("W ", StringComparison.Ordinal) && l.Contains("FAIL", StringComparison.Ordinal));
        Assert.Contains(r.Lines, l => l.StartsWith("w ", StringComparison.Ordinal) && l.EndsWith("pass", StringComparison.Ordinal)); // w's gradient was left right
    }

    private static Vector<double> V(double[] v) => Vector<double>.Build.DenseOfArray(v);
}
