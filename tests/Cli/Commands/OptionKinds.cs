namespace Calculus.Cli.Tests.Commands;

/// <summary>What an option of <c>calculus</c> takes, for <see cref="HostileArgumentTests"/>: each kind has its hostile
/// values and, for each, the exit the run must end with.</summary>
internal enum OptionKind
{
    /// <summary>A whole number from 1 (or 2) up to a limit: --hidden, --inputs, --points, --cases.</summary>
    Count,

    /// <summary>A whole number from 0 up to a limit: --epochs, --batch.</summary>
    CountFromZero,

    /// <summary>Any 32-bit whole number: the seeds of gradcheck and train.</summary>
    Seed,

    /// <summary>A whole number ≥ 0: verify's seed.</summary>
    UnsignedSeed,

    /// <summary>A number in [0, 1]: PLU's α.</summary>
    Fraction,

    /// <summary>A finite number &gt; 0: PLU's c, gradcheck's scale.</summary>
    Positive,

    /// <summary>The learning rate η: a finite number &gt; 0.</summary>
    Step,

    /// <summary>Seconds in (0, 3600].</summary>
    Timeout,

    /// <summary>Seconds in (0, 86400]: verify's time budget.</summary>
    Budget,

    /// <summary>A finite number ≥ 0: verify's tolerances.</summary>
    Tolerance,

    /// <summary>Any double, ±∞ and NaN by name (eval's arguments, and label-logistic's --y).</summary>
    Number,

    /// <summary>A name from a list (activation, loss, dataset or CSV file, mistake id, sheet items).</summary>
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

/// <summary>The hostile values of each kind of option and the exit each must give.</summary>
/// <remarks>A value outside the kind's domain is a usage error: exit 2. A value inside it runs: exit 0, except a step
/// η = 10²⁰, whose first step multiplies the weights by about 10²⁰, so that the loss runs away and train exits 1. The
/// runs that take such a value: the least each verb needs (<see cref="HostileArgumentTests"/>), the library's own
/// gradient (gradcheck fails no entry of it at any scale: an entry it cannot decide is inconclusive, exit 0), and the
/// reference as verify's subject (no tolerance ≥ 0 fails it).</remarks>
internal static class OptionKinds
{
    /// <summary>10²⁰: a whole number beyond every 32- and 64-bit integer, a finite double.</summary>
    public const string Huge = "99999999999999999999";

    /// <summary>Stands for the test's temporary folder in a value.</summary>
    public const string Temp = "{temp}";

    /// <summary>A file the test writes in its temporary folder, with some text that is not what any option expects.</summary>
    public const string AFile = Temp + "/a-file.txt";

    private static readonly string[] Numbers = ["", " ", "\t", "nan", "-inf", "1e309", "-1e309", "-1", "0", "1.5", Huge, "0x10", "1,5", "abc"];

    /// <summary>The hostile values of each kind, with the exits of those inside its domain (every other value: 2).</summary>
    private static readonly Dictionary<OptionKind, (string[] Values, Dictionary<string, int> Accepted)> Table = new()
    {
        [OptionKind.Count] = (Numbers, []),
        [OptionKind.CountFromZero] = (Numbers, new() { ["0"] = 0 }),
        [OptionKind.Seed] = (Numbers, new() { ["-1"] = 0, ["0"] = 0 }),
        [OptionKind.UnsignedSeed] = (Numbers, new() { ["0"] = 0 }),
        [OptionKind.Fraction] = (Numbers, new() { ["0"] = 0 }),
        [OptionKind.Positive] = (Numbers, new() { ["1.5"] = 0, [Huge] = 0 }),
        [OptionKind.Step] = (Numbers, new() { ["1.5"] = 0, [Huge] = 1 }),
        // Fractional seconds as 20.5, not 1.5: a loaded machine may take longer than 1.5 s to answer a request.
        [OptionKind.Timeout] = ([.. Numbers.Select(v => v == "1.5" ? "20.5" : v)], new() { ["20.5"] = 0 }),
        [OptionKind.Budget] = ([.. Numbers.Select(v => v == "1.5" ? "20.5" : v)], new() { ["20.5"] = 0 }),
        [OptionKind.Tolerance] = (Numbers, new() { ["0"] = 0, ["1.5"] = 0, [Huge] = 0 }),
        [OptionKind.Number] = (Numbers, new() { ["nan"] = 0, ["-inf"] = 0, ["-1"] = 0, ["0"] = 0, ["1.5"] = 0, [Huge] = 0 }),
        [OptionKind.Name] = (["", " ", "\t", "nan", "no-such-name", "-1", "../../etc/passwd"], []),
        [OptionKind.Command] = (["", " ", "\t", "no-such-program-here", "exit 3"], []),
        [OptionKind.InputFile] = (["", " ", "\t", Temp, Temp + "/missing.json", AFile, "/proc/self/mem"], []),
        // A folder that does not exist is created (verify's --json and --junit); one that cannot be is exit 2.
        [OptionKind.OutputFile] = (["", " ", "\t", Temp, "/proc/no-such-folder/x.json", Temp + "/no-such-folder/x.json", AFile + "/x.json"], new() { [Temp + "/no-such-folder/x.json"] = 0 }),
        [OptionKind.OutputFolder] = (["", " ", "\t", AFile, AFile + "/folder", "/proc/no-such-folder", "/proc/self/status"], []),
        [OptionKind.Flag] = ([], []),
    };

    /// <summary>The kind of every option by verb and name, and a value it takes (a run that must end with exit 0).</summary>
    public static readonly Dictionary<string, (OptionKind Kind, string? Valid)> Of = new(StringComparer.Ordinal)
    {
        ["report --out"] = (OptionKind.OutputFolder, Temp + "/report"),
        ["eval --derivative"] = (OptionKind.Flag, null),
        ["list --mistakes"] = (OptionKind.Flag, null),
        ["eval --y"] = (OptionKind.Number, "1"),
        ["eval --alpha"] = (OptionKind.Fraction, "0.5"),
        ["eval --c"] = (OptionKind.Positive, "2"),
        ["network --input"] = (OptionKind.InputFile, Temp + "/network.json"),
        ["network --loss"] = (OptionKind.Name, "hinge"),
        ["network --alpha"] = (OptionKind.Fraction, "0.5"),
        ["network --c"] = (OptionKind.Positive, "2"),
        ["gradcheck --hidden"] = (OptionKind.Count, "3"),
        ["gradcheck --inputs"] = (OptionKind.Count, "3"),
        ["gradcheck --seed"] = (OptionKind.Seed, "7"),
        ["gradcheck --activation"] = (OptionKind.Name, "tanh"),
        ["gradcheck --scale"] = (OptionKind.Positive, "2"),
        ["gradcheck --input"] = (OptionKind.InputFile, Temp + "/network.json"),
        ["gradcheck --loss"] = (OptionKind.Name, "hinge"),
        ["gradcheck --alpha"] = (OptionKind.Fraction, "0.5"),
        ["gradcheck --c"] = (OptionKind.Positive, "2"),
        ["train --data"] = (OptionKind.Name, "moons"),
        ["train --points"] = (OptionKind.Count, "30"),
        ["train --loss"] = (OptionKind.Name, "hinge"),
        ["train --hidden"] = (OptionKind.Count, "3"),
        ["train --activation"] = (OptionKind.Name, "tanh"),
        ["train --epochs"] = (OptionKind.CountFromZero, "3"),
        ["train --lr"] = (OptionKind.Step, "0.5"),
        ["train --batch"] = (OptionKind.CountFromZero, "4"),
        ["train --seed"] = (OptionKind.Seed, "3"),
        ["train --out"] = (OptionKind.OutputFolder, Temp + "/train-elsewhere"),
        ["verify --exec"] = (OptionKind.Command, null), // the base run of every other verify option is this option's
        ["verify --only"] = (OptionKind.Name, "1b"),
        ["verify --cases"] = (OptionKind.Count, "3"),
        ["verify --seed"] = (OptionKind.UnsignedSeed, "5"),
        ["verify --rtol"] = (OptionKind.Tolerance, "1e-9"),
        ["verify --atol"] = (OptionKind.Tolerance, "1e-12"),
        ["verify --max-ulp"] = (OptionKind.Tolerance, "4"),
        ["verify --precision"] = (OptionKind.Name, "single"),
        ["verify --require"] = (OptionKind.Name, "stable"),
        ["verify --timeout"] = (OptionKind.Timeout, "30"),
        ["verify --budget"] = (OptionKind.Budget, "300"),
        ["verify --json"] = (OptionKind.OutputFile, Temp + "/verify.json"),
        ["verify --junit"] = (OptionKind.OutputFile, Temp + "/verify.xml"),
        ["verify --report"] = (OptionKind.OutputFolder, Temp + "/verify"),
        ["verify --failures-only"] = (OptionKind.Flag, null),
        ["verify --sandbox"] = (OptionKind.Flag, null),
        ["grade --exec"] = (OptionKind.Command, null), // the base run of every other grade option is this option's
        ["grade --out"] = (OptionKind.OutputFolder, Temp + "/grade-elsewhere"),
        ["grade --jobs"] = (OptionKind.Count, "2"),
        ["grade --rubric"] = (OptionKind.InputFile, null),
        ["grade --seed"] = (OptionKind.UnsignedSeed, "5"),
        ["grade --cases"] = (OptionKind.Count, "3"),
        ["grade --only"] = (OptionKind.Name, "1d"),
        ["grade --budget"] = (OptionKind.Budget, "300"),
        ["grade --timeout"] = (OptionKind.Timeout, "30"),
        ["grade --force"] = (OptionKind.Flag, null),
        ["serve --mistake"] = (OptionKind.Name, "sigmoid-1"),
    };

    /// <summary>The hostile values of a kind, each with the exit it must give.</summary>
    public static IEnumerable<(string Value, int Exit)> Hostile(OptionKind kind)
    {
        var (values, accepted) = Table[kind];
        return values.Select(v => (v, accepted.TryGetValue(v, out int exit) ? exit : 2));
    }
}
