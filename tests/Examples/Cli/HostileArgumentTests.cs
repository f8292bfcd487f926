using System.CommandLine;
using Calculus.Cli;
using Calculus.Examples.Support;
using Calculus.Examples.Verify;

namespace Calculus.Examples.Cli;

/// <summary>Every option of every verb, read from the command tree itself, is fed hostile values (empty and blank
/// strings, nan, ±∞ by overflow, negative and huge counts, unknown names, a folder where a file is expected, a file
/// where a folder is expected, a path that cannot be written); every run must end with exit 0, 1 or 2, an exit 2 with
/// exactly one line "calculus: …" on standard error, and never a stack trace or a .NET type name. A new option needs
/// its kind in <see cref="Kinds"/>, so no option escapes the test.</summary>
public sealed class HostileArgumentTests
{
    private enum Kind
    {
        /// <summary>A number or a count.</summary>
        Number,

        /// <summary>A name from a list (activation, loss, dataset, mistake id, sheet items).</summary>
        Name,

        /// <summary>A file to read.</summary>
        InputFile,

        /// <summary>A file to write.</summary>
        OutputFile,

        /// <summary>A folder to write.</summary>
        OutputFolder,

        /// <summary>A command line to start.</summary>
        Command,

        /// <summary>A flag without a value.</summary>
        Flag,
    }

    /// <summary>The kind of every option, by verb and name.</summary>
    private static readonly Dictionary<string, Kind> Kinds = new(StringComparer.Ordinal)
    {
        ["report --out"] = Kind.OutputFolder,
        ["eval --derivative"] = Kind.Flag,
        ["eval --y"] = Kind.Number,
        ["eval --alpha"] = Kind.Number,
        ["eval --c"] = Kind.Number,
        ["network --input"] = Kind.InputFile,
        ["network --loss"] = Kind.Name,
        ["network --alpha"] = Kind.Number,
        ["network --c"] = Kind.Number,
        ["gradcheck --hidden"] = Kind.Number,
        ["gradcheck --inputs"] = Kind.Number,
        ["gradcheck --seed"] = Kind.Number,
        ["gradcheck --activation"] = Kind.Name,
        ["gradcheck --scale"] = Kind.Number,
        ["gradcheck --input"] = Kind.InputFile,
        ["gradcheck --loss"] = Kind.Name,
        ["gradcheck --alpha"] = Kind.Number,
        ["gradcheck --c"] = Kind.Number,
        ["train --data"] = Kind.Name,
        ["train --points"] = Kind.Number,
        ["train --loss"] = Kind.Name,
        ["train --hidden"] = Kind.Number,
        ["train --activation"] = Kind.Name,
        ["train --epochs"] = Kind.Number,
        ["train --lr"] = Kind.Number,
        ["train --batch"] = Kind.Number,
        ["train --seed"] = Kind.Number,
        ["train --out"] = Kind.OutputFolder,
        ["verify --exec"] = Kind.Command,
        ["verify --only"] = Kind.Name,
        ["verify --cases"] = Kind.Number,
        ["verify --seed"] = Kind.Number,
        ["verify --rtol"] = Kind.Number,
        ["verify --atol"] = Kind.Number,
        ["verify --max-ulp"] = Kind.Number,
        ["verify --timeout"] = Kind.Number,
        ["verify --json"] = Kind.OutputFile,
        ["verify --junit"] = Kind.OutputFile,
        ["verify --report"] = Kind.OutputFolder,
        ["serve --mistake"] = Kind.Name,
    };

    private static readonly string[] Numbers = ["", " ", "nan", "-inf", "1e309", "-1e309", "-1", "0", "1.5", "99999999999999999999", "0x10", "1,5", "abc"];
    private static readonly string[] Names = ["", " ", "nan", "no-such-name", "-1", "../../etc/passwd"];
    private static readonly string[] Commands = ["", " ", "no-such-program-here", "exit 3"];

    private static RootCommand Tree() => CliApp.Commands(new CliContext(TextReader.Null, TextWriter.Null, TextWriter.Null, (w, b, wo, x, y, a, l) => Network.Gradient(w, b, wo, x, y, a, l)));

    public static TheoryData<string, string> Options
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var verb in Tree().Subcommands)
            {
                foreach (var option in verb.Options.Where(o => !o.Name.StartsWith("-h", StringComparison.Ordinal) && o.Name != "--help"))
                {
                    data.Add(verb.Name, option.Name);
                }
            }

            return data;
        }
    }

    /// <summary>The options that take a value: every option with a kind other than a flag (an option without a kind
    /// fails <see cref="EveryOptionOfEveryVerb_HasAKind"/>).</summary>
    public static TheoryData<string, string> OptionsWithAValue =>
        [.. Options.Select(row => row.Data).Where(o => Kinds.TryGetValue($"{o.Item1} {o.Item2}", out var kind) && kind != Kind.Flag)];

    [Fact]
    public void EveryOptionOfEveryVerb_HasAKind()
    {
        var missing = Options.Select(row => $"{row.Data.Item1} {row.Data.Item2}").Where(key => !Kinds.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, "options without a kind in HostileArgumentTests.Kinds: " + string.Join(", ", missing));
        Assert.True(Options.Count >= 40, $"only {Options.Count} options found in the command tree");
    }

    [Theory]
    [MemberData(nameof(OptionsWithAValue))]
    public void EveryHostileValue_EndsWithExit0To2_AndOneLineWithoutAStackTrace(string verb, string option)
    {
        var kind = Kinds[$"{verb} {option}"];
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        string aFile = folder.File("a-file.txt");
        File.WriteAllText(aFile, "not what was expected\n");
        string[] values = kind switch
        {
            Kind.Number => Numbers,
            Kind.Name => Names,
            Kind.Command => Commands,
            Kind.InputFile => ["", " ", folder.Path, folder.File("missing.json"), aFile, "/proc/self/mem"],
            Kind.OutputFile => ["", " ", folder.Path, "/proc/no-such-folder/x.json", folder.File("no-such-folder/x.json")],
            Kind.OutputFolder => ["", " ", aFile, "/proc/no-such-folder", "/proc/self/status"],
            _ => [],
        };

        foreach (string value in values)
        {
            var args = BaseArguments(verb, option, folder).Concat([option, value]).ToArray();
            AssertWellBehaved(Run(verb == "network" && option != "--input" ? NetworkJson : "", args), args);
        }
    }

    [Theory]
    [InlineData("eval")]
    [InlineData("gradcheck")]
    [InlineData("train")]
    [InlineData("verify")]
    [InlineData("serve")]
    [InlineData("list")]
    [InlineData("report")]
    [InlineData("network")]
    public void UnknownOptions_AndStrayArguments_AreUsageErrors(string verb)
    {
        foreach (var extra in new[] { new[] { "--no-such-option" }, ["--no-such-option", "1"], ["-"], ["\u0000"] })
        {
            var args = new[] { verb }.Concat(extra).ToArray();
            var r = Run("", args);
            AssertWellBehaved(r, args);
        }
    }

    [Fact]
    public void TheCheck_RejectsAStackTrace_AndAMultiLineUsageError()
    {
        Assert.ThrowsAny<Exception>(() => AssertWellBehaved(new CliRunner.Result(134, "", "Unhandled exception. System.ArgumentException: x\n   at Foo()"), ["report"]));
        Assert.ThrowsAny<Exception>(() => AssertWellBehaved(new CliRunner.Result(2, "", "calculus: a\ncalculus: b\n"), ["report"]));
        AssertWellBehaved(new CliRunner.Result(2, "", "calculus: --out is empty\n"), ["report"]);
    }

    private static readonly string[] TrainVerb = ["train"];
    private static readonly string[] VerifyVerb = ["verify"];

    private const string NetworkJson = """{"W": [[1, -1], [2, 0]], "b": [1, 0], "w": [3, -2], "x": [1, 2], "y": 1}""";

    /// <summary>The least a verb needs to run quickly, so that a hostile value that happens to be valid ends fast.</summary>
    private static IEnumerable<string> BaseArguments(string verb, string option, TempFolder folder) => verb switch
    {
        "eval" => ["eval", "sigmoid", "0"],
        "network" => ["network"],
        "gradcheck" => option is "--hidden" or "--inputs" ? ["gradcheck"] : ["gradcheck", "--hidden", "2", "--inputs", "2"],
        "train" => TrainVerb
            .Concat(option == "--points" ? [] : ["--points", "20"])
            .Concat(option == "--epochs" ? [] : ["--epochs", "2"])
            .Concat(option == "--out" ? [] : ["--out", folder.File("train")]),
        "verify" => VerifyVerb
            .Concat(option == "--exec" ? [] : ["--exec", SubjectCommands.Serve()])
            .Concat(option == "--only" ? [] : ["--only", "1b"])
            .Concat(option == "--cases" ? [] : ["--cases", "5"])
            .Concat(option == "--timeout" ? [] : ["--timeout", "20"]),
        _ => [verb],
    };

    private static CliRunner.Result Run(string stdin, string[] args)
    {
        try
        {
            return CliRunner.Run(stdin, args);
        }
        catch (Exception e)
        {
            return new CliRunner.Result(134, "", $"Unhandled exception. {e}");
        }
    }

    private static void AssertWellBehaved(CliRunner.Result r, string[] args)
    {
        string call = "calculus " + string.Join(' ', args.Select(a => a.Length == 0 || a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
        Assert.True(r.ExitCode is 0 or 1 or 2, $"{call}: exit {r.ExitCode}\n{r.Error}");
        Assert.False(r.Error.Contains("   at ", StringComparison.Ordinal) || r.Output.Contains("   at ", StringComparison.Ordinal), $"{call}: a stack trace\n{r.Error}");
        Assert.False(r.Error.Contains("Exception", StringComparison.Ordinal), $"{call}: an exception's name on standard error\n{r.Error}");
        Assert.False(r.Error.Contains("System.", StringComparison.Ordinal), $"{call}: a .NET type name on standard error\n{r.Error}");
        if (r.ExitCode == 2)
        {
            var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 1 && lines[0].StartsWith("calculus: ", StringComparison.Ordinal), $"{call}: exit 2 must say one line 'calculus: …'\n{r.Error}");
        }
    }
}
