using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Calculus.Cli.Tests.Commands;
using Calculus.Cli.Tests.Verify;

namespace Calculus.Cli.Tests.Docs;

/// <summary>How the project is packed and what its restore fetches (issue 13, findings 10 and 11). The projects are
/// read as MSBuild evaluates them (<c>dotnet msbuild -getProperty</c>, with Directory.Build.props and the SDK's
/// defaults), not as their text reads. The real pack, tool install and run of the installed <c>calculus</c> is in
/// <c>.ci/run</c>.</summary>
public sealed partial class PackagingTests
{
    /// <summary>The native plotting libraries ScottPlot brings, one pair per operating system.</summary>
    private static readonly Dictionary<string, string[]> NativePackages = new()
    {
        ["Linux"] = ["SkiaSharp.NativeAssets.Linux.NoDependencies", "HarfBuzzSharp.NativeAssets.Linux"],
        ["Windows"] = ["SkiaSharp.NativeAssets.Win32", "HarfBuzzSharp.NativeAssets.Win32"],
        ["macOS"] = ["SkiaSharp.NativeAssets.macOS", "HarfBuzzSharp.NativeAssets.macOS"],
    };

    private static string Root => SubjectCommands.Root;

    private static string ThisSystem =>
        OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : "Linux";

    [Fact]
    public async Task CliProject_PacksAsTheDotnetToolCalculus()
    {
        var p = await Evaluate("src/Calculus.Cli", [], ["IsPackable", "PackAsTool", "ToolCommandName", "PackageId", "PackageReadmeFile", "PackageLicenseExpression"]);
        Assert.Equal("true", Property(p, "IsPackable"));
        Assert.Equal("true", Property(p, "PackAsTool"));
        Assert.Equal("calculus", Property(p, "ToolCommandName"));
        Assert.Equal("Calculus.Cli", Property(p, "PackageId"));
        Assert.Equal("MIT", Property(p, "PackageLicenseExpression"));
        Assert.True(File.Exists(Path.Combine(Root, "src/Calculus.Cli", Property(p, "PackageReadmeFile"))), "the tool's package README is missing");
    }

    [Fact]
    public async Task LibraryProject_PacksWithItsReadmeLicenseAndXmlDocs()
    {
        var p = await Evaluate("src/Calculus", [], ["IsPackable", "PackageId", "PackageReadmeFile", "PackageLicenseExpression", "GenerateDocumentationFile"], ["None"]);
        Assert.Equal("true", Property(p, "IsPackable"));
        Assert.Equal("Verify.Calculus", Property(p, "PackageId"));
        Assert.Equal("MIT", Property(p, "PackageLicenseExpression"));
        Assert.Equal("true", Property(p, "GenerateDocumentationFile"));
        string readme = Property(p, "PackageReadmeFile");
        Assert.True(File.Exists(Path.Combine(Root, "src/Calculus", readme)), "the library's package README is missing");
        Assert.Contains(Items(p, "None"), i =>
            i.GetProperty("Identity").GetString() == readme &&
            i.TryGetProperty("Pack", out var pack) && pack.GetString() == "true");
        Assert.StartsWith("MIT License", File.ReadAllText(Path.Combine(Root, "LICENSE")), StringComparison.Ordinal);
    }

    /// <summary>The install commands of README.md name the package the project makes and the folder it lands in.</summary>
    [Fact]
    public async Task Readme_InstallsTheToolFromWherePackWritesIt()
    {
        var p = await Evaluate("src/Calculus.Cli", [], ["PackageId", "PackageOutputPath", "Version"]);
        string id = Property(p, "PackageId");
        string folder = Path.GetRelativePath(Root, Property(p, "PackageOutputPath")).Replace('\\', '/');
        string readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        Assert.Contains("dotnet pack src/Calculus.Cli ", readme, StringComparison.Ordinal);
        Assert.Contains($"{folder}/{id}.{Property(p, "Version")}.nupkg", readme, StringComparison.Ordinal);
        Assert.Contains($"dotnet tool install --global --add-source {folder} {id} ", readme, StringComparison.Ordinal);
        Assert.Contains($"dotnet tool uninstall --global {id} ", readme, StringComparison.Ordinal);
    }

    /// <summary><c>dotnet test</c> restores every project of Verify.sln and what they reference: none of them may
    /// bring BenchmarkDotNet (Roslyn, disassemblers: 241 of the 609 MB a restore fetched). The benchmarks build in
    /// bench/Bench.sln, which .ci/run builds.</summary>
    [Fact]
    public void Solution_DoesNotRestoreTheBenchmarks()
    {
        var projects = SolutionProjects("Verify.sln");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(projects);
        while (queue.Count > 0)
        {
            string project = queue.Dequeue();
            if (!seen.Add(project))
            {
                continue;
            }

            var xml = XDocument.Load(project);
            foreach (var reference in xml.Descendants("PackageReference"))
            {
                Assert.False(
                    string.Equals((string?)reference.Attribute("Include"), "BenchmarkDotNet", StringComparison.OrdinalIgnoreCase),
                    $"{Path.GetRelativePath(Root, project)} references BenchmarkDotNet, so dotnet test restores it");
            }

            foreach (var reference in xml.Descendants("ProjectReference"))
            {
                queue.Enqueue(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, (string)reference.Attribute("Include")!)));
            }
        }

        Assert.Contains(Path.Combine(Root, "tests", "Examples", "Examples.csproj"), seen);
        var bench = SolutionProjects(Path.Combine("bench", "Bench.sln"));
        Assert.Contains(Path.Combine(Root, "bench", "Calculus.Benchmarks", "Calculus.Benchmarks.csproj"), bench);
        Assert.Contains(Path.Combine(Root, "bench", "Calculus.Sweeps", "Calculus.Sweeps.csproj"), bench);
    }

    /// <summary>What this test project's last restore (the one <c>dotnet test</c> ran) fetched: the native plotting
    /// libraries of this operating system, and none of the other two.</summary>
    [Fact]
    public void Restore_FetchesOnlyThisSystemsNativeLibraries()
    {
        string assets = Path.Combine(Root, "tests", "Cli", "obj", "project.assets.json");
        Assert.True(File.Exists(assets), $"{assets} not found: where does this project restore to?");
        using var json = JsonDocument.Parse(File.ReadAllText(assets));
        var packages = json.RootElement.GetProperty("libraries").EnumerateObject()
            .Select(l => l.Name.Split('/')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (system, names) in NativePackages)
        {
            foreach (string name in names)
            {
                Assert.True(packages.Contains(name) == (system == ThisSystem),
                    $"{name} ({system}) {(packages.Contains(name) ? "was" : "was not")} restored on {ThisSystem}");
            }
        }
    }

    /// <summary>A restore leaves out the other systems' native libraries; <c>dotnet pack</c> (which sets _IsPacking)
    /// keeps them all, so that the tool package runs on any system.</summary>
    [Fact]
    public async Task Pack_KeepsTheNativeLibrariesOfEverySystem()
    {
        var pruned = PrunedNatives(await Evaluate("src/Calculus.Cli", [], [], ["PrunePackageReference"]));
        var expected = NativePackages.Where(kv => kv.Key != ThisSystem).SelectMany(kv => kv.Value).Order(StringComparer.Ordinal);
        Assert.Equal(expected, pruned.Order(StringComparer.Ordinal));

        Assert.Empty(PrunedNatives(await Evaluate("src/Calculus.Cli", ["-p:_IsPacking=true"], [], ["PrunePackageReference"])));
    }

    private static IEnumerable<string> PrunedNatives(JsonElement p) =>
        Items(p, "PrunePackageReference").Select(i => i.GetProperty("Identity").GetString()!)
            .Where(n => NativePackages.Values.Any(names => names.Contains(n, StringComparer.OrdinalIgnoreCase)));

    /// <summary>The full paths of the C# projects a solution file lists.</summary>
    private static List<string> SolutionProjects(string solution)
    {
        string path = Path.Combine(Root, solution);
        return SolutionProject().Matches(File.ReadAllText(path))
            .Select(m => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, m.Groups[1].Value.Replace('\\', Path.DirectorySeparatorChar))))
            .ToList();
    }

    /// <summary>Properties and items of a project as MSBuild evaluates them (no build).</summary>
    private static async Task<JsonElement> Evaluate(string project, string[] options, string[] properties, string[]? items = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Root };
        foreach (string a in (string[])["msbuild", project, "-nologo", .. options,
            .. properties.Select(n => "-getProperty:" + n), .. (items ?? []).Select(n => "-getItem:" + n),
            // Two queries at least, so that MSBuild answers in JSON even for one.
            "-getProperty:MSBuildProjectName"])
        {
            start.ArgumentList.Add(a);
        }

        var r = await CliRunner.RunChildAsync(start);
        Assert.True(r.ExitCode == 0, $"dotnet msbuild {project} exited {r.ExitCode}:\n{r.Output}\n{r.Error}");
        using var json = JsonDocument.Parse(r.Output);
        return json.RootElement.Clone();
    }

    private static string Property(JsonElement p, string name) =>
        p.GetProperty("Properties").GetProperty(name).GetString()!;

    private static List<JsonElement> Items(JsonElement p, string name) =>
        p.GetProperty("Items").TryGetProperty(name, out var items) ? items.EnumerateArray().ToList() : [];

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\) = ""[^""]*"", ""([^""]+\.csproj)""", RegexOptions.Multiline)]
    private static partial Regex SolutionProject();
}
