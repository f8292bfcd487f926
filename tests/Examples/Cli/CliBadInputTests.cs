namespace Calculus.Examples.Cli;

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
    [InlineData("", "not valid JSON")]
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

    [Fact]
    public void List_WithExtraArguments_IsAUsageError() =>
        Assert.Contains("foo", CliRunner.AssertUsageError(CliRunner.Run("", "list", "foo")), StringComparison.Ordinal);
}
