using Calculus.Cli.Tests.Commands;
using Calculus.Cli.Tests.Support;

namespace Calculus.Cli.Tests.Grade;

/// <summary>grade's usage errors: exit 2 and one line, before any submission runs.</summary>
public sealed class GradeUsageTests
{
    [Theory]
    [InlineData("--exec needs {}", "--exec", "python3 solution.py")]
    [InlineData("--jobs must be a whole number in 1..64", "-j", "0")]
    [InlineData("--cases must be a whole number", "--cases", "x")]
    [InlineData("--timeout must lie in (0, 3600]", "--timeout", "0")]
    [InlineData("unknown item '9z'", "--only", "9z")]
    [InlineData("--rubric: cannot read", "--rubric", "/nonexistent/rubric.json")]
    public void BadOption_OneLine_Exit2(string message, string option, string value)
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "class", "alice"));
        string[] exec = option == "--exec" ? [] : ["--exec", "python3 {}/solution.py"];
        string[] args = ["grade", Path.Combine(temp.Path, "class"), .. exec, "--out", temp.File("out"), option, value];
        string line = CliRunner.AssertUsageError(CliRunner.Run("", args));
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSubmissions_OneLine_Exit2()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("class"));
        string line = CliRunner.AssertUsageError(CliRunner.Run("", "grade", temp.File("class"), "--exec", "x {}", "--out", temp.File("out")));
        Assert.Contains("holds no submission folder", line, StringComparison.Ordinal);
        line = CliRunner.AssertUsageError(CliRunner.Run("", "grade", temp.File("none"), "--exec", "x {}", "--out", temp.File("out")));
        Assert.Contains("is not a folder", line, StringComparison.Ordinal);
    }
}
