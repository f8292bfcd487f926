using Calculus.Cli.Tests.Support;
using Calculus.Verification.Checks;

namespace Calculus.Cli.Tests.Verify;

/// <summary>templates/numpy/solution.py as a student uses it, where a python3 with numpy is found (else skipped, saying
/// so): empty, every item is not implemented; filled with right vectorized answers (Verify/python/numpy_answers.py), whose
/// values are ndarrays and numpy scalars, it passes every check; with one planted mistake that item fails and the
/// diagnosis names the mistake; the same answers computed in float32 (Verify/python/float32.py, as PyTorch and JAX compute
/// by default) are judged single precision and pass, and a wrong formula in float32 still fails.</summary>
public sealed class NumpyTemplateTests
{
    private static string Solution => Templates.Template("numpy", "solution.py");

    [FullRunFact]
    public async Task NumpyTemplate_Empty_EveryItemNotImplemented_Exit0()
    {
        string python = await Templates.PythonWithNumpy();
        using var run = VerifyRun.Of($"{python} \"{Solution}\"", "--seed", "1");
        Assert.True(run.Result.ExitCode == 0, run.Result.Output + run.Result.Error);
        Assert.All(Battery.Items, item => Assert.Equal("not-implemented", run.ItemVerdict(item)));
    }

    [FullRunFact]
    public async Task NumpyTemplate_FilledWithRightAnswers_PassesEveryCheck()
    {
        string python = await Templates.PythonWithNumpy();
        using var folder = new TempFolder();
        string solution = Templates.FillPython(folder, Solution, Templates.Data("python", "numpy_answers.py"));
        using var run = VerifyRun.Of($"{python} \"{solution}\"", "--cases", "200", "--seed", "4");
        Templates.AssertEveryCheckPasses(run);
    }

    [FullRunFact]
    public async Task NumpyTemplate_WithAPlantedMistake_FailsThatItem_NamingIt()
    {
        string python = await Templates.PythonWithNumpy();
        using var folder = new TempFolder();
        string answers = Templates.Planted(Templates.Data("python", "numpy_answers.py"), "g = fe * w * fd(a)", "g = fe * w"); // f_d dropped
        string solution = Templates.FillPython(folder, Solution, answers);
        using var run = VerifyRun.Of($"{python} \"{solution}\"", "--cases", "200", "--seed", "4", "--only", "1d,1f"); // gd_step uses network: 4 fails too
        Templates.AssertFailsNaming(run, "network-2");
        Assert.Equal("pass", run.ItemVerdict("1d"));
    }

    [FullRunFact]
    public async Task NumpyTemplate_RightAnswersInFloat32_JudgedSingle_EveryItemStable_Exit0()
    {
        string python = await Templates.PythonWithNumpy();
        using var folder = new TempFolder();
        string solution = Templates.FillPython(folder, Solution, Templates.Data("python", "numpy_answers.py"), Templates.Data("python", "float32.py"));
        using var run = VerifyRun.Of($"{python} \"{solution}\"", "--cases", "200", "--seed", "4");
        Assert.True(run.Result.ExitCode == 0, run.Result.Output + run.Result.Error);
        Assert.Equal("single", run.Json!.RootElement.GetProperty("precision").GetString());
        Assert.All(Battery.Items, item => Assert.Equal("stable", run.ItemLevel(item)));
    }

    [FullRunFact]
    public async Task NumpyTemplate_WrongSigmoidDerivativeInFloat32_Fails1d()
    {
        string python = await Templates.PythonWithNumpy();
        using var folder = new TempFolder();
        string answers = Templates.Planted(Templates.Data("python", "numpy_answers.py"), "return e / ((1.0 + e) * (1.0 + e))",
            "s = sigmoid(x)\n    return s * (1.0 + s)"); // σ(1 + σ) for σ(1 − σ)
        string solution = Templates.FillPython(folder, Solution, answers, Templates.Data("python", "float32.py"));
        using var run = VerifyRun.Of($"{python} \"{solution}\"", "--cases", "200", "--seed", "4", "--only", "1d");
        Assert.Equal(1, run.Result.ExitCode);
        Assert.Equal("single", run.Json!.RootElement.GetProperty("precision").GetString());
        Assert.Equal("fail", run.ItemLevel("1d"));
    }
}
