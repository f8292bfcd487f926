using Calculus.Cli.Tests.Support;
using Calculus.Verification.Checks;

namespace Calculus.Cli.Tests.Verify;

/// <summary>The templates a student starts from: empty, every item is not implemented and verify exits 0; the Python one
/// with every stub filled by a right answer passes every check.</summary>
public sealed class TemplateTests
{
    [Fact]
    public void CSharpTemplate_Empty_EveryItemNotImplemented_Exit0()
    {
        using var run = VerifyRun.Of(SubjectCommands.CSharpTemplate, "--seed", "1");
        Assert.True(run.Result.ExitCode == 0, run.Result.Output + run.Result.Error);
        Assert.All(Battery.Items, item => Assert.Equal("not-implemented", run.ItemVerdict(item)));
    }

    [Fact]
    public void PythonTemplate_Empty_EveryItemNotImplemented_Exit0()
    {
        string python = SubjectCommands.Python ?? Skip();
        using var run = VerifyRun.Of($"{python} \"{Path.Combine(SubjectCommands.Root, "templates", "python", "solution.py")}\"", "--seed", "1");
        Assert.True(run.Result.ExitCode == 0, run.Result.Output + run.Result.Error);
        Assert.All(Battery.Items, item => Assert.Equal("not-implemented", run.ItemVerdict(item)));
        Assert.Contains("17 items: 17 not-implemented", run.Result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void PythonTemplate_FilledWithRightAnswers_PassesEveryCheck()
    {
        // The template with tests/Examples/Verify/python/answers.py inserted before its main guard: the answers' definitions
        // replace the stubs (the protocol loop looks functions up by name when a request arrives).
        string python = SubjectCommands.Python ?? Skip();
        string template = File.ReadAllText(Path.Combine(SubjectCommands.Root, "templates", "python", "solution.py"));
        string answers = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Verify", "python", "answers.py"));
        const string guard = "if __name__ == \"__main__\":";
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        File.WriteAllText(folder.File("solution.py"), template.Replace(guard, answers + "\n\n" + guard, StringComparison.Ordinal));
        using var run = VerifyRun.Of($"{python} \"{folder.File("solution.py")}\"", "--cases", "200", "--seed", "4");
        Assert.True(run.Result.ExitCode == 0, run.Result.Output + run.Result.Error);
        Assert.All(run.Checks, c => Assert.True(c.Check.GetProperty("verdict").GetString() == "pass", $"{c.Item} {c.Check}"));
    }

    private static string Skip()
    {
        Assert.Skip("python3 is not on the PATH of this machine; the Python template is tested where it is.");
        return "";
    }
}
