using Calculus.Cli.Tests.Support;
using Calculus.Verification.Checks;

namespace Calculus.Cli.Tests.Verify;

/// <summary>templates/csharp as a student uses it: empty (the build the tests reference), every item is not implemented;
/// a copy with a right Sheet.cs (Verify/csharp/Sheet.cs), built and checked by the commands the template's Sheet.cs
/// gives, passes every check, the network's "dW" and "dw" and the step's "W" included; with one planted mistake that item
/// fails and the diagnosis names the mistake.</summary>
public sealed class CSharpTemplateTests
{
    [FullRunFact]
    public void CSharpTemplate_Empty_EveryItemNotImplemented_Exit0()
    {
        using var run = VerifyRun.Of(SubjectCommands.CSharpTemplate, "--seed", "1");
        Assert.True(run.Result.ExitCode == 0, run.Result.Output + run.Result.Error);
        Assert.All(Battery.Items, item => Assert.Equal("not-implemented", run.ItemVerdict(item)));
    }

    [FullRunFact]
    public async Task CSharpTemplate_FilledWithRightAnswers_PassesEveryCheck()
    {
        using var folder = new TempFolder();
        string command = await Templates.BuildCSharp(folder, Templates.Data("csharp", "Sheet.cs"));
        using var run = VerifyRun.Of(command, "--cases", "200", "--seed", "4");
        Templates.AssertEveryCheckPasses(run);
    }

    [FullRunFact]
    public async Task CSharpTemplate_WithAPlantedMistake_FailsThatItem_NamingIt()
    {
        using var folder = new TempFolder();
        string sheet = Templates.Planted(Templates.Data("csharp", "Sheet.cs"), "double scale = lr / xs.Length;", "double scale = lr;"); // the sum, not the mean
        string command = await Templates.BuildCSharp(folder, sheet);
        using var run = VerifyRun.Of(command, "--cases", "200", "--seed", "4", "--only", "1f,4");
        Templates.AssertFailsNaming(run, "gd-step-2");
        Assert.Equal("pass", run.ItemVerdict("1f"));
    }
}
