using System.CommandLine;
using Calculus.Cli.Common;
using Calculus.Cli.Tests.Support;
using Calculus.Cli.Tests.Verify;
using Calculus.Networks;

namespace Calculus.Cli.Tests.Commands;

/// <summary>Every option of every verb, read from the command tree itself, is fed the hostile values of its kind
/// (<see cref="OptionKinds"/>: empty and blank strings, nan, ±∞ by overflow, negative, fractional and huge counts,
/// unknown names, a folder where a file is expected, a file where a folder is expected, a path that cannot be written),
/// and one value it takes. Each run must end with exactly the exit its value calls for, an exit 2 with exactly one line
/// "calculus: …" on standard error, never a stack trace or a .NET type name. A new option needs its kind in
/// <see cref="OptionKinds.Of"/>, so no option escapes the test.</summary>
public sealed class HostileArgumentTests
{
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
    public static TheoryData<string, string> OptionsWithAValue => Where(kind => kind != OptionKind.Flag);

    /// <summary>The options that name a file or a folder to write.</summary>
    public static TheoryData<string, string> OutputOptions => Where(kind => kind is OptionKind.OutputFile or OptionKind.OutputFolder);

    private static TheoryData<string, string> Where(Func<OptionKind, bool> kind) =>
        [.. Options.Select(row => row.Data).Where(o => OptionKinds.Of.TryGetValue($"{o.Item1} {o.Item2}", out var k) && kind(k.Kind))];

    [Fact]
    public void EveryOptionOfEveryVerb_HasAKind()
    {
        var missing = Options.Select(row => $"{row.Data.Item1} {row.Data.Item2}").Where(key => !OptionKinds.Of.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, "options without a kind in OptionKinds.Of: " + string.Join(", ", missing));
        Assert.True(Options.Count >= 40, $"only {Options.Count} options found in the command tree");
        Assert.Equal(["grade --out", "report --out", "train --out", "verify --json", "verify --junit", "verify --report"],
            OutputOptions.Select(row => $"{row.Data.Item1} {row.Data.Item2}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(OptionsWithAValue))]
    public void EveryHostileValue_EndsWithTheExitOfItsKind_AndOneLineWithoutAStackTrace(string verb, string option)
    {
        var (kind, valid) = OptionKinds.Of[$"{verb} {option}"];
        using var folder = Prepared();
        var runs = OptionKinds.Hostile(kind).ToList();
        if (valid is not null)
        {
            runs.Add((valid, 0));
        }

        var wrong = new List<string>();
        foreach (var (value, exit) in runs)
        {
            var args = BaseArguments(verb, option, folder).Concat([option, value.Replace(OptionKinds.Temp, folder.Path, StringComparison.Ordinal)]).ToArray();
            var r = Run(Input(verb, option), args);
            AssertWellBehaved(r, args);
            if (r.ExitCode != exit)
            {
                wrong.Add($"{Call(args)}: exit {r.ExitCode}, expected {exit}\n{r.Error}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    /// <summary>Whether a file or folder of that name exists in the current folder, and when it was last written.</summary>
    private static (bool Exists, DateTime Written) Stamp(string name) =>
        name.Length == 0 ? (false, default)
        : File.Exists(name) ? (true, File.GetLastWriteTimeUtc(name))
        : Directory.Exists(name) ? (true, Directory.GetLastWriteTimeUtc(name))
        : (false, default);

    [Theory]
    [MemberData(nameof(OutputOptions))]
    public void OutputOptions_RefuseAnEmptyOrBlankName_WritingNothing(string verb, string option)
    {
        using var folder = Prepared();
        foreach (string blank in new[] { "", " ", "  ", "\t" })
        {
            var args = BaseArguments(verb, option, folder).Concat([option, blank]).ToArray();
            var before = Stamp(blank); // the run is in-process, in the test's own folder: a path named by the blank left there earlier must stay as it was
            string line = CliRunner.AssertUsageError(Run("", args));
            Assert.Contains(blank.Length == 0 ? "empty" : "blank", line, StringComparison.Ordinal);
            Assert.True(Stamp(blank) == before, $"{Call(args)} wrote '{blank}' in {Environment.CurrentDirectory}");
        }
    }

    [Theory]
    [MemberData(nameof(OutputOptions))]
    public void OutputOptions_ThatCannotBeWritten_AreRefusedBeforeTheRun(string verb, string option)
    {
        // A path under a file: no folder can be made there. The run must not start (verify prints its first line once
        // the subject has started; train and report write theirs after the probe).
        using var folder = Prepared();
        string under = Path.Combine(OptionKinds.AFile.Replace(OptionKinds.Temp, folder.Path, StringComparison.Ordinal), "out");
        var args = BaseArguments(verb, option, folder).Concat([option, under]).ToArray();
        var r = Run("", args);
        CliRunner.AssertUsageError(r);
        Assert.True(r.Output.Length == 0, $"{Call(args)} ran before refusing its output path:\n{r.Output}");
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
            Assert.True(r.ExitCode == 2, $"{Call(args)}: exit {r.ExitCode}\n{r.Error}");
        }
    }

    [Fact]
    public void TheCheck_RejectsAStackTrace_AndAMultiLineUsageError()
    {
        Assert.ThrowsAny<Exception>(() => AssertWellBehaved(new CliRunner.Result(134, "", "Unhandled exception. System.ArgumentException: x\n   at Foo()"), ["report"]));
        Assert.ThrowsAny<Exception>(() => AssertWellBehaved(new CliRunner.Result(2, "", "calculus: a\ncalculus: b\n"), ["report"]));
        Assert.ThrowsAny<Exception>(() => AssertWellBehaved(new CliRunner.Result(3, "", ""), ["report"]));
        AssertWellBehaved(new CliRunner.Result(2, "", "calculus: --out is empty\n"), ["report"]);
    }

    private static readonly string[] TrainVerb = ["train"];
    private static readonly string[] VerifyVerb = ["verify"];

    private const string NetworkJson = """{"W": [[1, -1], [2, 0]], "b": [1, 0], "w": [3, -2], "x": [1, 2], "y": 1}""";
    private const string PluNetworkJson = """{"W": [[1, -1], [2, 0]], "b": [1, 0], "w": [3, -2], "x": [1, 2], "y": 1, "activation": "plu"}""";

    /// <summary>A temporary folder with the files the values name: <see cref="OptionKinds.AFile"/> and a network.</summary>
    private static TempFolder Prepared()
    {
        var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        File.WriteAllText(OptionKinds.AFile.Replace(OptionKinds.Temp, folder.Path, StringComparison.Ordinal), "not what was expected\n");
        File.WriteAllText(folder.File("network.json"), NetworkJson);
        File.WriteAllText(folder.File("subject.py"), Subject1b);
        return folder;
    }

    /// <summary>A subject for verify's and grade's runs here: right for 1b (∂u/∂b_i = e_i, and u = Wx + b for its slope
    /// check) and σ (the start-up probe), "not implemented" for the rest. Python starts in milliseconds where <c>calculus serve</c> takes a .NET start-up of
    /// CPU time per run, and these tests make dozens of runs; without python3, the reference.</summary>
    private static readonly string Subject1b = SubjectCommands.PythonSubjectScript("""
        if r["fn"] == "affine-partial" and r["wrt"] == "b":
            v = [1.0 if k == r["i"] else 0.0 for k in range(len(r["b"]))]
        elif r["fn"] == "affine":
            v = [sum(w * x for w, x in zip(row, r["x"])) + b for row, b in zip(r["W"], r["b"])]
        """);

    private static string Subject(TempFolder folder) =>
        SubjectCommands.Python is { } python ? $"{python} \"{folder.File("subject.py")}\"" : SubjectCommands.Serve();

    /// <summary>Standard input: the network JSON for network's options other than --input, with plu for --alpha and --c.</summary>
    private static string Input(string verb, string option) =>
        verb != "network" || option == "--input" ? "" : option is "--alpha" or "--c" ? PluNetworkJson : NetworkJson;

    /// <summary>The least a verb needs to run quickly, with the function or activation an option applies to (plu for
    /// --alpha and --c, label-logistic for --y), so that every value is read and a valid one runs.</summary>
    private static IEnumerable<string> BaseArguments(string verb, string option, TempFolder folder) => verb switch
    {
        "eval" => ["eval", option == "--y" ? "label-logistic" : option is "--alpha" or "--c" ? "plu" : "sigmoid", "0"],
        "network" => ["network"],
        "gradcheck" => ((string[])["gradcheck"])
            .Concat(option is "--hidden" or "--inputs" or "--input" ? [] : ["--hidden", "2", "--inputs", "2"])
            .Concat(option is "--alpha" or "--c" ? ["--activation", "plu"] : []),
        "train" => TrainVerb
            .Concat(option == "--points" ? [] : ["--points", "20"])
            .Concat(option == "--epochs" ? [] : ["--epochs", "2"])
            .Concat(option == "--out" ? [] : ["--out", folder.File("train")]),
        "verify" => VerifyVerb
            .Concat(option == "--exec" ? [] : ["--exec", Subject(folder)])
            .Concat(option == "--only" ? [] : ["--only", "1b"])
            .Concat(option == "--cases" ? [] : ["--cases", "5"])
            .Concat(option == "--timeout" ? [] : ["--timeout", "20"]),
        "grade" => ((string[])["grade", GradeClass(folder)])
            .Concat(option == "--exec" ? [] : ["--exec", ": {}; " + Subject(folder)]) // ':' ignores the folder: every submission is the same
            .Concat(option == "--out" ? [] : ["--out", folder.File("grade")])
            .Concat(option == "--only" ? [] : ["--only", "1b"])
            .Concat(option == "--cases" ? [] : ["--cases", "5"])
            .Concat(option == "--timeout" ? [] : ["--timeout", "20"]),
        _ => [verb],
    };

    /// <summary>A class of one submission in the test's folder, for grade.</summary>
    private static string GradeClass(TempFolder folder)
    {
        string dir = folder.File("class");
        Directory.CreateDirectory(Path.Combine(dir, "s"));
        return dir;
    }

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

    private static string Call(string[] args) =>
        "calculus " + string.Join(' ', args.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"'{a}'" : a));

    private static void AssertWellBehaved(CliRunner.Result r, string[] args)
    {
        string call = Call(args);
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
