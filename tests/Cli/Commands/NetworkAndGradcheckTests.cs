using System.Text.Json;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Cli.Tests.Commands;

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

        var expected = Network.Gradient(Matrix<double>.Build.DenseOfRowArrays(w), V(b), V(wout), V(x), -1, Catalog.FindActivation(activation));
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
        NetworkGradient Wrong(Matrix<double> w, Vector<double> b, Vector<double> wo, Vector<double> x, double y, ScalarFunction a, Calculus.Losses.IMarginLoss l)
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

    /// <summary>The hand-worked network of Sheet1fNetworkExamples, with a placeholder for more keys or other values.</summary>
    private const string HandWorked = "{\"W\": [[1, -1], [2, 0]], \"b\": [1, -0.9013877113318902], \"w\": [3, -2], \"x\": [1, 2], \"y\": 1}";

    private static string With(string key, string value) => HandWorked.Replace("}", $", \"{key}\": {value}}}", StringComparison.Ordinal);

    /// <summary>Issue 13, finding 6: a misspelled key was ignored and the sigmoid gradient printed with exit 0. Every
    /// key not in the input's list is exit 2 naming it, the nearest known key and the list.</summary>
    [Theory]
    [InlineData("activaton", "\"tanh\"", "(did you mean \"activation\"?)")]
    [InlineData("Activation", "\"tanh\"", "(did you mean \"activation\"?)")]
    [InlineData("los", "\"hinge\"", "(did you mean \"loss\"?)")]
    [InlineData("X", "[1, 2]", "(did you mean \"x\"?)")]
    [InlineData("weights", "[[1]]", "")]
    [InlineData("", "1", "")]
    public void Network_UnknownKey_IsAUsageError_NamingItAndTheKnownKeys(string key, string value, string hint)
    {
        foreach (var verb in new[] { "network", "gradcheck" })
        {
            string line = CliRunner.AssertUsageError(CliRunner.Run(With(key, value), verb, "--input", "-"));
            Assert.Equal($"calculus: unknown key \"{key}\"{(hint.Length > 0 ? " " + hint : "")}; the keys are W, b, w, x, y, activation, loss", line);
        }
    }

    [Fact]
    public void Network_KeyGivenTwice_IsAUsageError() =>
        Assert.Equal("calculus: key \"y\" is given twice", CliRunner.AssertUsageError(CliRunner.Run(With("y", "-1"), "network")));

    /// <summary>Finding 6: a number in quotes was read as a number. Now a string where a number belongs is exit 2
    /// naming the key (with its index); the strings "NaN", "Infinity", "-Infinity" (what network writes for them,
    /// JSON having no NaN or ∞) are the only ones read as numbers.</summary>
    [Theory]
    [InlineData("\"y\": 1", "\"y\": \"1\"", "field y: \"1\" is a string; write the number without quotes")]
    [InlineData("[[1, -1], [2, 0]]", "[[\"1\", -1], [2, 0]]", "field W[0][0]: \"1\" is a string")]
    [InlineData("[[1, -1], [2, 0]]", "[[1, -1], [2, \" 0.5e-3 \"]]", "field W[1][1]: \" 0.5e-3 \" is a string")]
    [InlineData("\"b\": [1,", "\"b\": [\"1\",", "field b[0]: \"1\" is a string")]
    [InlineData("\"x\": [1, 2]", "\"x\": [1, \"-2\"]", "field x[1]: \"-2\" is a string")]
    [InlineData("\"y\": 1", "\"y\": \"nan\"", "field y: cannot read 'nan' as a number")] // only the exact spellings NaN, Infinity, -Infinity
    [InlineData("\"y\": 1", "\"y\": \"inf\"", "field y: cannot read 'inf' as a number")]
    [InlineData("\"y\": 1", "\"y\": \"\"", "field y: cannot read '' as a number")]
    [InlineData("\"y\": 1", "\"y\": [1]", "field y must be a number; got an array")]
    [InlineData("\"y\": 1", "\"y\": true", "field y must be a number; got true")]
    public void Network_StringWhereANumberBelongs_IsAUsageError_NamingTheKey(string from, string to, string expected)
    {
        string json = HandWorked.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(HandWorked, json);
        Assert.StartsWith($"calculus: {expected}", CliRunner.AssertUsageError(CliRunner.Run(json, "network")), StringComparison.Ordinal);
    }

    /// <summary>Finding 6: System.Text.Json reads 1e999 as ∞, and "y": 1e999 gave the loss 0. A number beyond the
    /// largest double as written is exit 2 naming the key; one below the subnormals rounds to 0 as any parse does.</summary>
    [Theory]
    [InlineData("\"y\": 1", "\"y\": 1e999", "field y: '1e999' lies beyond the largest double")]
    [InlineData("\"y\": 1", "\"y\": -1e999", "field y: '-1e999' lies beyond the largest double")]
    [InlineData("[[1, -1], [2, 0]]", "[[1, -1], [1e999, 0]]", "field W[1][0]: '1e999' lies beyond the largest double")]
    [InlineData("\"w\": [3, -2]", "\"w\": [3, -1.8e308]", "field w[1]: '-1.8e308' lies beyond the largest double")]
    [InlineData("\"x\": [1, 2]", "\"x\": [1E+309, 2]", "field x[0]: '1E+309' lies beyond the largest double")]
    public void Network_OverflowingNumber_IsAUsageError_NamingTheKey(string from, string to, string expected)
    {
        string json = HandWorked.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(HandWorked, json);
        Assert.StartsWith($"calculus: {expected}", CliRunner.AssertUsageError(CliRunner.Run(json, "network")), StringComparison.Ordinal);
        Assert.StartsWith($"calculus: {expected}", CliRunner.AssertUsageError(CliRunner.Run(json, "gradcheck", "-i", "-")), StringComparison.Ordinal);
    }

    [Fact]
    public void Network_TheLargestDouble_AndNamedSpecials_AreRead()
    {
        var big = CliRunner.Run(HandWorked.Replace("\"y\": 1", "\"y\": 1.7976931348623157e308", StringComparison.Ordinal), "network");
        Assert.Equal(0, big.ExitCode);
        var nan = CliRunner.Run(HandWorked.Replace("\"y\": 1", "\"y\": \"NaN\"", StringComparison.Ordinal), "network");
        Assert.Equal(0, nan.ExitCode);
        Assert.Contains("\"loss\": \"NaN\"", nan.Output, StringComparison.Ordinal);
    }

    /// <summary>Finding 6: a syntax error is one line with the line and column (counted in characters from 1) in
    /// words, and none of the parser's internals ("isFinalBlock", "Path: $", "LineNumber: 0 | BytePositionInLine").</summary>
    [Theory]
    [InlineData("{", "line 1, column 2", "ends before the JSON is complete")]
    [InlineData("{\"W\": [[1, 2]", "line 1, column 14", "ends before the JSON is complete")]
    [InlineData("{\n  \"W\": [[1]],\n  \"y\": NaN\n}", "line 3, column 8", "NaN and Infinity are not JSON numbers")]
    [InlineData("{\"y\": -Infinity}", "line 1, column ", "NaN and Infinity are not JSON numbers")]
    [InlineData("{\"W\": [1,]}", "line 1, column 10", "a comma before ']' (JSON allows no trailing comma)")]
    [InlineData("{\"W\": [[1]],}", "line 1, column 13", "a comma before '}'")]
    [InlineData("{\n\"é\": é}", "line 2, column 6", "'é' is an invalid start of a value")]
    [InlineData("{\"a\": 1} x", "line 1, column 10", "'x'")]
    [InlineData("{'W': 1}", "line 1, column 2", "")]
    [InlineData("{\"W\": tru}", "line 1, column ", "")] // the parser reports the end of the bad literal
    [InlineData("\"abc", "line 1, column 5", "ends before the JSON is complete")]
    [InlineData("{\"W\": \"a\nb\"}", "line 1, column 9", "")]
    public void Network_SyntaxError_SaysLineAndColumn_WithoutParserInternals(string json, string position, string reason)
    {
        string line = CliRunner.AssertUsageError(CliRunner.Run(json, "network"));
        Assert.StartsWith($"calculus: input is not valid JSON: {position}", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        foreach (var inside in new[] { "isFinalBlock", "Path:", "$", "LineNumber", "BytePosition", "reader options", "0x" })
        {
            Assert.DoesNotContain(inside, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Network_DeepNesting_IsAUsageError_InWords()
    {
        string line = CliRunner.AssertUsageError(CliRunner.Run(new string('[', 200), "network"));
        Assert.Equal("calculus: input is not valid JSON: line 1, column 65: arrays or objects nested more than 64 deep", line);
    }

    private static Vector<double> V(double[] v) => Vector<double>.Build.DenseOfArray(v);
}
