using System.Diagnostics;
using System.Text.RegularExpressions;
using Calculus.Cli.Tests.Commands;
using Calculus.Cli.Tests.Support;
using Calculus.Verification.Diagnosis;

namespace Calculus.Cli.Tests.Verify;

/// <summary>The templates of templates/ filled in as a student would, in a temporary folder: the Python ones with
/// answers inserted before their main guard (the answers' definitions replace the stubs: the protocol loop looks each
/// function up by name when a request arrives), the C# one built with another Sheet.cs by the commands its Sheet.cs
/// gives. The answers are test data under Verify/python and Verify/csharp.</summary>
internal static partial class Templates
{
    /// <summary>How long building the C# template may take: about 5 s on an idle 2-core machine.</summary>
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(3);

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

    /// <summary>Copies templates/csharp into <paramref name="folder"/>/templates/csharp with <paramref name="sheet"/> as
    /// its Sheet.cs, and runs the build command that the template's Sheet.cs gives (from <paramref name="folder"/>, as from
    /// the repository's root).</summary>
    /// <returns>The verify command that the template's Sheet.cs gives, for the copy.</returns>
    public static async Task<string> BuildCSharp(TempFolder folder, string sheet)
    {
        string how = File.ReadAllText(Template("csharp", "Sheet.cs"));
        var build = BuildCommand().Match(how);
        var verify = VerifyCommand().Match(how);
        Assert.True(build.Success && verify.Success, "templates/csharp/Sheet.cs does not begin with the commands that build and check it");
        string copy = Path.Combine(folder.Path, "templates", "csharp");
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.EnumerateFiles(Template("csharp")).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(copy, "Sheet.cs"), sheet);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.Path };
        foreach (string a in (string[])["build", build.Groups["project"].Value, "--nologo", "-v", "q", "--disable-build-servers"])
        {
            start.ArgumentList.Add(a); // no build servers: nothing outlives the build
        }

        var r = await CliRunner.RunChildAsync(start, limit: BuildLimit);
        Assert.True(r.ExitCode == 0, $"dotnet build {build.Groups["project"].Value} exited {r.ExitCode}:\n{r.Output}{r.Error}");
        return verify.Groups["command"].Value.Replace("templates/csharp/", copy + "/", StringComparison.Ordinal);
    }

    /// <summary>The text with <paramref name="right"/>, which it holds once, replaced by <paramref name="wrong"/>.</summary>
    public static string Planted(string text, string right, string wrong)
    {
        Assert.Equal(1, Regex.Count(text, Regex.Escape(right)));
        return text.Replace(right, wrong, StringComparison.Ordinal);
    }

    /// <summary>The run passed: exit 0, and every check of every item has the verdict pass (an accurate row without
    /// --max-ulp: report).</summary>
    public static void AssertEveryCheckPasses(VerifyRun run)
    {
        Assert.True(run.Result.ExitCode == 0, run.Result.Output + run.Result.Error);
        Assert.NotEmpty(run.Checks);
        Assert.All(run.Checks, c => Assert.True(PassedOrReported(c.Check), $"{c.Item} {c.Check}"));
    }

    /// <summary>A check of the JSON report that passed, or an accurate row that measured without --max-ulp ("report").</summary>
    public static bool PassedOrReported(System.Text.Json.JsonElement check) =>
        check.GetProperty("verdict").GetString() is "pass" or "report" && (check.GetProperty("verdict").GetString() == "pass" || check.GetProperty("tier").GetString() == "accurate");

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

    [GeneratedRegex(@"^//\s+dotnet build (?<project>\S+)$", RegexOptions.Multiline)]
    private static partial Regex BuildCommand();

    [GeneratedRegex(@"^//\s+calculus verify --exec ""(?<command>[^""]+)""$", RegexOptions.Multiline)]
    private static partial Regex VerifyCommand();
}
