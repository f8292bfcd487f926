using System.Diagnostics;
using System.Text.RegularExpressions;
using Calculus.Cli.Tests.Commands;
using Calculus.Cli.Tests.Support;
using Calculus.Verification.Diagnosis;

namespace Calculus.Cli.Tests.Verify;

/// <summary>The templates of templates/ filled in as a student would, in a temporary folder: the Python ones with
/// answers inserted before their main guard (the answers' definitions replace the stubs: the protocol loop looks each
/// function up by name when a request arrives). The answers are test data under Verify/python.</summary>
internal static class Templates
{
    /// <summary>A python3 that can import numpy: the one on the PATH, else /usr/bin/python3 (where Debian's
    /// python3-numpy installs it), else null.</summary>
    private static readonly Lazy<Task<string?>> NumpyPython = new(async () =>
    {
        foreach (string? python in new[] { SubjectCommands.Python, "/usr/bin/python3" }.Distinct())
        {
            if (python is not null && File.Exists(python) && (await CliRunner.RunChildAsync(
                    new ProcessStartInfo(python) { ArgumentList = { "-c", "import numpy" } }, limit: TimeSpan.FromMinutes(1))).ExitCode == 0)
            {
                return python;
            }
        }

        return null;
    });

    /// <summary>A file of the repository's templates folder.</summary>
    public static string Template(params string[] path) => Path.Combine([SubjectCommands.Root, "templates", .. path]);

    /// <summary>A test data file (copied next to the tests).</summary>
    public static string Data(params string[] path) => File.ReadAllText(Path.Combine([AppContext.BaseDirectory, "Verify", .. path]));

    /// <summary>python3, or the test skipped.</summary>
    public static string Python() => SubjectCommands.Python ?? Skip("python3 is not on the PATH of this machine; the Python templates are tested where it is.");

    /// <summary>A python3 with numpy, or the test skipped.</summary>
    public static async Task<string> PythonWithNumpy() => await NumpyPython.Value
        ?? Skip("numpy is not installed for python3 on the PATH nor for /usr/bin/python3 (.ci/run installs Debian's python3-numpy); the tests with numpy run where it is.");

    /// <summary>Writes the Python template at <paramref name="template"/> into <paramref name="folder"/> as solution.py,
    /// with <paramref name="answers"/> inserted before its main guard, in order (a later definition replaces an earlier
    /// one).</summary>
    /// <returns>The file.</returns>
    public static string FillPython(TempFolder folder, string template, params string[] answers)
    {
        const string guard = "if __name__ == \"__main__\":";
        string text = File.ReadAllText(template);
        Assert.Contains(guard, text, StringComparison.Ordinal);
        Directory.CreateDirectory(folder.Path);
        string file = folder.File("solution.py");
        File.WriteAllText(file, text.Replace(guard, string.Join("\n\n", answers) + "\n\n\n" + guard, StringComparison.Ordinal));
        return file;
    }

    /// <summary>The text with <paramref name="right"/>, which it holds once, replaced by <paramref name="wrong"/>.</summary>
    public static string Planted(string text, string right, string wrong)
    {
        Assert.Equal(1, Regex.Count(text, Regex.Escape(right)));
        return text.Replace(right, wrong, StringComparison.Ordinal);
    }

    /// <summary>The run passed: exit 0, and every check of every item has the verdict pass.</summary>
    public static void AssertEveryCheckPasses(VerifyRun run)
    {
        Assert.True(run.Result.ExitCode == 0, run.Result.Output + run.Result.Error);
        Assert.NotEmpty(run.Checks);
        Assert.All(run.Checks, c => Assert.True(c.Check.GetProperty("verdict").GetString() == "pass", $"{c.Item} {c.Check}"));
    }

    /// <summary>The run failed (exit 1) in <paramref name="mistake"/>'s item, each failing check naming the mistake in its
    /// diagnosis, and in no other item.</summary>
    public static void AssertFailsNaming(VerifyRun run, string mistake)
    {
        var known = KnownMistakes.Find(mistake);
        Assert.True(run.Result.ExitCode == 1, run.Result.Output + run.Result.Error);
        Assert.Equal("fail", run.ItemVerdict(known.Item));
        var failed = run.Checks.Where(c => c.Check.GetProperty("verdict").GetString() == "fail").ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, c => Assert.Equal(known.Item, c.Item));
        Assert.All(failed, c => Assert.Contains(known.Description, c.Check.GetProperty("diagnosis").GetString() ?? "", StringComparison.Ordinal));
    }

    private static string Skip(string reason)
    {
        Assert.Skip(reason);
        return "";
    }
}
