using Calculus.Cli.Tests.Support;
using Calculus.Verification.Checks;

namespace Calculus.Cli.Tests.Verify;

/// <summary>The standard-library Python template as a student uses it: empty, every item is not implemented and verify
/// exits 0; filled with right answers (Verify/python/answers.py) it passes every check; with one planted mistake that item
/// fails and the diagnosis names the mistake; numpy values in its answers are written as JSON; and every number Verify
/// sends reaches it as a float.</summary>
public sealed class TemplateTests
{
    private static string Solution => Templates.Template("python", "solution.py");

    [FullRunFact]
    public void PythonTemplate_Empty_EveryItemNotImplemented_Exit0()
    {
        using var run = VerifyRun.Of($"{Templates.Python()} \"{Solution}\"", "--seed", "1");
        Assert.True(run.Result.ExitCode == 0, run.Result.Output + run.Result.Error);
        Assert.All(Battery.Items, item => Assert.Equal("not-implemented", run.ItemVerdict(item)));
        Assert.Contains("17 items: 17 not-implemented", run.Result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void PythonTemplate_FilledWithRightAnswers_PassesEveryCheck()
    {
        string python = Templates.Python();
        using var folder = new TempFolder();
        string solution = Templates.FillPython(folder, Solution, Templates.Data("python", "answers.py"));
        using var run = VerifyRun.Of($"{python} \"{solution}\"", "--cases", "200", "--seed", "4");
        Templates.AssertEveryCheckPasses(run);
    }

    [FullRunFact]
    public void PythonTemplate_WithAPlantedMistake_FailsThatItem_NamingIt()
    {
        string python = Templates.Python();
        using var folder = new TempFolder();
        const string mistake = """
            def sigmoid_derivative(x):  # sigma(1 + sigma) instead of sigma(1 - sigma)
                return sigmoid(x) * (1.0 + sigmoid(x))
            """;
        string solution = Templates.FillPython(folder, Solution, Templates.Data("python", "answers.py"), mistake);
        using var run = VerifyRun.Of($"{python} \"{solution}\"", "--cases", "200", "--seed", "4", "--only", "1a,1d,2a");
        Templates.AssertFailsNaming(run, "sigmoid-1");
        Assert.Equal(("pass", "pass"), (run.ItemVerdict("1a"), run.ItemVerdict("2a")));
    }

    [FullRunFact]
    public async Task PythonTemplate_NumpyValuesInAnswers_AreWrittenAsJson()
    {
        // Issue 21: affine's ndarray, relu's numpy scalar, a list of int64 and a 0-d array made json.dumps raise outside
        // the error handling, so the template crashed on the answer and on every request after a restart.
        string python = await Templates.PythonWithNumpy();
        using var folder = new TempFolder();
        string solution = Templates.FillPython(folder, Solution, Templates.Data("python", "answers.py"), Templates.Data("python", "numpy_values.py"));
        using var run = VerifyRun.Of($"{python} \"{solution}\"", "--cases", "200", "--seed", "4", "--only", "1a,1b,1c,2c");
        Templates.AssertEveryCheckPasses(run);
        Assert.Contains("0 restarts", run.Result.Output, StringComparison.Ordinal);
    }

    [FullRunFact]
    public void PythonTemplate_EveryNumberOfEveryRequest_ArrivesAsAFloat()
    {
        // Verify writes whole numbers as 0.0, 1.0, …: Python's json reads "0" as an int, which numpy keeps (np.maximum(0, 0)
        // is an int64). float_inputs.py answers a TypeError for any int in a request other than the indices i and j.
        string python = Templates.Python();
        using var folder = new TempFolder();
        string solution = Templates.FillPython(folder, Solution, Templates.Data("python", "answers.py"), Templates.Data("python", "float_inputs.py"));
        using var run = VerifyRun.Of($"{python} \"{solution}\"", "--cases", "50", "--seed", "4");
        Templates.AssertEveryCheckPasses(run);
    }
}
