using System.Text.Json;
using Calculus.Cli.Tests.Commands;
using Calculus.Cli.Tests.Support;

namespace Calculus.Cli.Tests.Verify;

/// <summary>Runs <c>calculus verify</c> in-process against a subject process (through <see cref="SubjectGuard"/>: no
/// subject outlives the run) and reads its JSON report.</summary>
internal sealed class VerifyRun : IDisposable
{
    private VerifyRun(CliRunner.Result result, string jsonPath)
    {
        Result = result;
        Json = File.Exists(jsonPath) ? JsonDocument.Parse(File.ReadAllText(jsonPath)) : null;
    }

    public CliRunner.Result Result { get; }

    public JsonDocument? Json { get; }

    /// <summary>Every check of the JSON report, with its item.</summary>
    public IEnumerable<(string Item, JsonElement Check)> Checks =>
        Json!.RootElement.GetProperty("items").EnumerateArray()
            .SelectMany(i => i.GetProperty("checks").EnumerateArray().Select(c => (i.GetProperty("item").GetString()!, c)));

    public static VerifyRun Of(string command, params string[] options) => Of(SubjectGuard.Limit, command, options);

    /// <summary>The run within <paramref name="limit"/> (<see cref="SubjectGuard.Verify(TimeSpan, string, string[])"/>).</summary>
    public static VerifyRun Of(TimeSpan limit, string command, params string[] options)
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path);
        string json = temp.File("verify.json");
        var result = SubjectGuard.Verify(limit, command, ["--json", json, .. options]);
        return new VerifyRun(result, json);
    }

    public string ItemVerdict(string item) =>
        Json!.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == item).GetProperty("verdict").GetString()!;

    /// <summary>The item's level in the JSON report: fail, core, stable, accurate or not-implemented.</summary>
    public string ItemLevel(string item) =>
        Json!.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == item).GetProperty("level").GetString()!;

    public void Dispose() => Json?.Dispose();
}

/// <summary>The commands of the subjects the tests run: the reference (<c>calculus serve</c>), the test subjects of
/// tests/Subjects, the C# template, and the Python template when python3 is on the machine.</summary>
internal static class SubjectCommands
{
    public static string Dll(string name) => Path.Combine(AppContext.BaseDirectory, name);

    public static string Serve(string options = "") => $"dotnet \"{Dll("calculus.dll")}\" serve {options}".TrimEnd();

    public static string Test(string mode, string function = "") => $"dotnet \"{Dll("Calculus.Subjects.dll")}\" {mode} {function}".TrimEnd();

    public static string CSharpTemplate => $"dotnet \"{Dll("solution.dll")}\"";

    /// <summary>python3 on the PATH, or null.</summary>
    public static string? Python { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, "python3")).FirstOrDefault(File.Exists);

    /// <summary>The command that runs <paramref name="script"/> with python3, written into <paramref name="folder"/> as
    /// <paramref name="name"/>; the test skipped where python3 is not on the PATH.</summary>
    public static string PythonScript(TempFolder folder, string name, string script)
    {
        if (Python is not { } python)
        {
            Assert.Skip("python3 is not on the PATH");
            return "";
        }

        Directory.CreateDirectory(folder.Path);
        string file = folder.File(name);
        File.WriteAllText(file, script);
        return $"{python} \"{file}\"";
    }

    /// <summary>A Python subject's script: its protocol loop reads each request as <c>r</c> and runs
    /// <paramref name="branches"/> (Python at the loop body's depth: an <c>if</c> chain whose value branches set
    /// <c>v</c>), then answers σ (verify's start-up probe asks it of every subject) and "not implemented" to everything
    /// else.</summary>
    public static string PythonSubjectScript(string branches) =>
        "import json, math, sys\n"
        + "for line in sys.stdin:\n"
        + "    r = json.loads(line)\n"
        + string.Concat(branches.TrimEnd().Split('\n').Select(l => "    " + l.TrimEnd('\r') + "\n"))
        + "    elif r[\"fn\"] == \"sigmoid\" and not r[\"derivative\"]:\n"
        + "        v = [1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x)) for x in r[\"x\"]]\n"
        + "    else:\n"
        + "        print(json.dumps({\"error\": \"not implemented\"}), flush=True)\n"
        + "        continue\n"
        + "    print(json.dumps({\"value\": v}), flush=True)\n";

    /// <summary>The repository's root (the folder of Verify.sln), from the test's output folder.</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Verify.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Verify.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
