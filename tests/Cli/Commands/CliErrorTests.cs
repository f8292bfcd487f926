namespace Calculus.Cli.Tests.Commands;

/// <summary>Every usage or input error: exit code 2 and one clear line on standard error, never a stack trace.</summary>
public sealed class CliErrorTests
{
    [Fact]
    public void UnknownVerb_ListsTheVerbs() =>
        Assert.Contains("unknown verb 'frob'; verbs: report, list, eval, network, gradcheck", CliRunner.AssertUsageError(CliRunner.Run("", "frob")), StringComparison.Ordinal);

    [Fact]
    public void NoVerb_IsAUsageError() => CliRunner.AssertUsageError(CliRunner.Run(""));

    [Fact]
    public void UnknownFunctionName_ListsValidNames()
    {
        string line = CliRunner.AssertUsageError(CliRunner.Run("", "eval", "swish", "1"));
        Assert.Contains("'swish'", line, StringComparison.Ordinal);
        Assert.Contains("sigmoid, tanh, erf, relu, leaky-relu, plu, sin, gaussian, softplus, hinge, smooth-hinge, logistic, label-logistic, logsumexp, lse-excess", line, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelLogistic_WithoutY_SaysSo() =>
        Assert.Contains("--y", CliRunner.AssertUsageError(CliRunner.Run("", "eval", "label-logistic", "1")), StringComparison.Ordinal);

    [Fact]
    public void UnparsableNumber_NamesTheLineAndTheText()
    {
        var r = CliRunner.Run("1\n2\nabc\n", "eval", "tanh");
        Assert.Equal("calculus: line 3: cannot read 'abc' as a number", CliRunner.AssertUsageError(r));
        Assert.Contains("argument 2", CliRunner.AssertUsageError(CliRunner.Run("", "eval", "tanh", "1", "1,5")), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidPluParameters_AreUsageErrors()
    {
        Assert.Contains("alpha", CliRunner.AssertUsageError(CliRunner.Run("", "eval", "plu", "--alpha", "2", "1")), StringComparison.Ordinal);
        Assert.Contains("c must be", CliRunner.AssertUsageError(CliRunner.Run("", "eval", "plu", "--c", "0", "1")), StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedJson_IsAUsageError() =>
        Assert.Contains("not valid JSON", CliRunner.AssertUsageError(CliRunner.Run("{\"W\": [[1, 2]", "network")), StringComparison.Ordinal);

    [Theory]
    [InlineData("{\"W\": [[1,2],[3,4]], \"b\": [0,0,0], \"w\": [1,1], \"x\": [1,1], \"y\": 1}", "field b has length 3, but W has 2 rows, so it needs length 2")]
    [InlineData("{\"W\": [[1,2],[3,4]], \"b\": [0,0], \"w\": [1,1], \"x\": [1], \"y\": 1}", "field x has length 1, but W has 2 columns, so it needs length 2")]
    [InlineData("{\"W\": [[1,2],[3]], \"b\": [0,0], \"w\": [1,1], \"x\": [1,1], \"y\": 1}", "field W: row 1 has 1 entries, but row 0 has 2")]
    [InlineData("{\"W\": [[1,2]], \"b\": [0], \"w\": [1], \"x\": [1,1]}", "field y is missing")]
    [InlineData("{\"W\": [[1,\"a\"]], \"b\": [0], \"w\": [1], \"x\": [1,1], \"y\": 1}", "field W[0][1]: cannot read 'a' as a number")]
    [InlineData("{\"W\": [[1]], \"b\": [0], \"w\": [1], \"x\": [1], \"y\": 1, \"activation\": \"swish\"}", "field activation: Unknown activation 'swish'; valid names: sigmoid")]
    [InlineData("[1, 2]", "input must be a JSON object")]
    public void WrongShapes_NameTheFieldAndBothSizes(string json, string expected) =>
        Assert.Contains(expected, CliRunner.AssertUsageError(CliRunner.Run(json, "network")), StringComparison.Ordinal);

    [Fact]
    public void MissingInputFile_IsAUsageError() =>
        Assert.Contains("no such file", CliRunner.AssertUsageError(CliRunner.Run("", "network", "--input", "/nonexistent/net.json")), StringComparison.Ordinal);

    [Fact]
    public void OutputFolderThatCannotBeWritten_IsAUsageError()
    {
        // A regular file where the folder should be: no user (root included) can create a folder there.
        string file = Path.GetTempFileName();
        try
        {
            Assert.Contains("cannot write to the output folder", CliRunner.AssertUsageError(CliRunner.Run("", "report", "--out", Path.Combine(file, "report"))), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void GradcheckWithBadSizes_IsAUsageError()
    {
        CliRunner.AssertUsageError(CliRunner.Run("", "gradcheck", "--hidden", "0"));
        CliRunner.AssertUsageError(CliRunner.Run("", "gradcheck", "--activation", "swish"));
        CliRunner.AssertUsageError(CliRunner.Run("", "gradcheck", "--hidden", "two"));
    }
}
