namespace Calculus.Cli.Tests.Commands;

/// <summary>The CLI rows of docs/inputs.md not covered by the other CLI tests.</summary>
public sealed class CliBadInputTests
{
    [Fact]
    public void Eval_SignedZeros_Extremes_AndEmptyInput()
    {
        Assert.Equal(["0", "-0", "1", "0"], CliRunner.Run("", "eval", "tanh", "0", "-0", "1e300", "-1e-320").Lines.Take(3).Append(CliRunner.Run("", "eval", "relu", "-1e300").Lines[0]));
        var empty = CliRunner.Run("", "eval", "sigmoid");
        Assert.Equal(0, empty.ExitCode);
        Assert.Equal("", empty.Output);
        CliRunner.AssertUsageError(CliRunner.Run("\n", "eval", "logsumexp")); // a blank line is an error for every function
        CliRunner.AssertUsageError(CliRunner.Run("\n", "eval", "lse-excess"));
    }

    [Fact]
    public void Network_NaNAndInfinityAsStrings_AreAccepted_AndNaNComesBackAsAString()
    {
        var r = CliRunner.Run("{\"W\": [[\"NaN\"]], \"b\": [0], \"w\": [1], \"x\": [1], \"y\": 1}", "network");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\"loss\": \"NaN\"", r.Output, StringComparison.Ordinal);
        var big = CliRunner.Run("{\"W\": [[1e300]], \"b\": [-800], \"w\": [800], \"x\": [\"Infinity\"], \"y\": -1}", "network");
        Assert.Equal(0, big.ExitCode);
        Assert.Contains("\"loss\": 800", big.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "input is empty")]
    [InlineData(" \n ", "input is empty")]
    [InlineData("{\"W\": null, \"b\": [0], \"w\": [1], \"x\": [1], \"y\": 1}", "field W must be an array")]
    [InlineData("{\"W\": [], \"b\": [], \"w\": [], \"x\": [], \"y\": 1}", "field W must have at least one row")]
    public void Network_EmptyOrNullFields_AreUsageErrors(string json, string expected) =>
        Assert.Contains(expected, CliRunner.AssertUsageError(CliRunner.Run(json, "network")), StringComparison.Ordinal);

    [Fact]
    public void Gradcheck_ExtremeScale_IsRejectedOrChecked()
    {
        CliRunner.AssertUsageError(CliRunner.Run("", "gradcheck", "--scale", "0"));
        CliRunner.AssertUsageError(CliRunner.Run("", "gradcheck", "--scale", "NaN"));
        CliRunner.AssertUsageError(CliRunner.Run("", "gradcheck", "--scale", "Infinity"));
        CliRunner.AssertUsageError(CliRunner.Run("", "gradcheck", "--hidden", "2000"));
        Assert.Equal(0, CliRunner.Run("", "gradcheck", "--scale", "5", "--hidden", "2", "--inputs", "2").ExitCode);
    }

    /// <summary>Issue 13, finding 6: --input naming a directory says so, for network and gradcheck (they share the reader).</summary>
    [Theory]
    [InlineData("network")]
    [InlineData("gradcheck")]
    public void Network_InputThatIsADirectory_OrEmpty_SaysSo(string verb)
    {
        string folder = Directory.CreateTempSubdirectory("calculus-input-").FullName;
        try
        {
            Assert.Equal($"calculus: --input: '{folder}' is a directory, not a JSON file", CliRunner.AssertUsageError(CliRunner.Run("", verb, "--input", folder)));
            Assert.Contains("--input is empty", CliRunner.AssertUsageError(CliRunner.Run("", verb, "--input", "")), StringComparison.Ordinal);
            Assert.Contains("no such file", CliRunner.AssertUsageError(CliRunner.Run("", verb, "--input", Path.Combine(folder, "net.json"))), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    private const string Net = "{\"W\": [[1, -1], [2, 0]], \"b\": [1, 0], \"w\": [3, -2], \"x\": [1, 2], \"y\": 1}";

    public static TheoryData<string, string[]> Hostile() => new()
    {
        { "", ["eval"] },
        { "", ["eval", ""] },
        { "", ["eval", "sigmoid", ""] },
        { "", ["eval", "sigmoid", "--derivative", "maybe"] },
        { "", ["eval", "sigmoid", "1e999999", "-1e999999", "nan", "-nan", "--inf", "1e-999999"] },
        { "", ["eval", "sigmoid", new string('9', 5000)] },
        { "", ["eval", "logsumexp", ",", ""] },
        { "", ["eval", "logsumexp", "--derivative", "1"] },
        { "", ["eval", "lse-excess", "nan", "inf", "-inf"] },
        { "", ["eval", "plu", "--alpha", "-1", "--c", "-1", "1"] },
        { "", ["eval", "plu", "--alpha", "nan", "1"] },
        { "", ["eval", "plu", "--c", "inf", "1"] },
        { "", ["eval", "label-logistic", "--y", "", "1"] },
        { "", ["eval", "label-logistic", "--y", "nan", "nan"] },
        { "", ["eval", "sigmoid", "--frob", "1"] },
        { "\0\u00ff\ufeff1\n\r\n", ["eval", "tanh"] },
        { "1e309\n", ["eval", "sigmoid"] },
        { "", ["network"] },
        { "null", ["network"] },
        { "\"{}\"", ["network"] },
        { "{}", ["network"] },
        { "\ufeff" + Net, ["network"] },
        { Net, ["network", "--input", ""] },
        { Net, ["network", "--input", "/"] },
        { Net, ["network", "--input", "/nonexistent/dir/net.json"] },
        { Net, ["network", "--input", "/dev/zero"] }, // endless: refused at 64 M characters, not read until the memory is gone
        { Net, ["network", "--loss", ""] },
        { Net, ["network", "--alpha", "1e309"] },
        { Net, ["network", "--c", "-1"] },
        { Net, ["network", "--frob"] },
        { Net, ["network", "extra"] },
        { Net.Replace("\"y\": 1", "\"y\": -1e400", StringComparison.Ordinal), ["network"] },
        { Net.Replace("\"y\": 1", "\"y\": 1e-400", StringComparison.Ordinal), ["network"] },
        { Net.Replace("\"y\": 1", "\"y\": 1, \"activation\": \"plu\"", StringComparison.Ordinal), ["network", "--alpha", "2"] },
        { Net.Replace("[1, 0]", "[\"-Infinity\", \"NaN\"]", StringComparison.Ordinal), ["network"] },
        { Net.Replace("[1, 0]", "[1e308, 1e308]", StringComparison.Ordinal), ["network"] },
        { "{\"W\": [[" + new string('1', 100_000) + "]], \"b\": [0], \"w\": [1], \"x\": [1], \"y\": 1}", ["network"] },
        { new string('[', 10_000), ["network"] },
        { "{\"W\": [[1]], \"b\": [0], \"w\": [1], \"x\": [1], \"y\": 1, \"\": 2}", ["network"] },
        { Net, ["gradcheck", "--input", "-", "--activation", ""] },
        { Net.Replace("\"y\": 1", "\"y\": \"1\"", StringComparison.Ordinal), ["gradcheck", "--input", "-"] },
    };

    /// <summary>Issue 13, findings 6 and 7: hostile input to eval and network (and gradcheck --input, which reads the
    /// same JSON) ends with exit 0, 1 or 2 and never a stack trace; an error is exactly one line.</summary>
    [Theory]
    [MemberData(nameof(Hostile))]
    public void EvalAndNetwork_HostileInput_EndWithExit0To2_WithoutAStackTrace(string stdin, string[] args)
    {
        var r = CliRunner.Run(stdin, args);
        Assert.InRange(r.ExitCode, 0, 2);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Error, StringComparison.Ordinal);
        if (r.ExitCode == 2)
        {
            CliRunner.AssertUsageError(r);
        }
    }

    [Fact]
    public void List_WithExtraArguments_IsAUsageError() =>
        Assert.Contains("foo", CliRunner.AssertUsageError(CliRunner.Run("", "list", "foo")), StringComparison.Ordinal);
}
