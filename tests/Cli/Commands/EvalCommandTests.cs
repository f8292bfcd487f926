using System.Globalization;
using Calculus.Examples.Support;
using Calculus.Verification.Diagnosis;

namespace Calculus.Cli.Tests.Commands;

/// <summary><c>calculus eval</c> and <c>list</c>: output parses back to exactly the library's value, bit for bit.</summary>
public sealed class EvalCommandTests
{
    /// <summary>Inputs: the special values, the thresholds, and a few thousand spread over the whole range.</summary>
    private static readonly double[] Inputs = BuildInputs();

    private static double[] BuildInputs()
    {
        var rng = new Random(4);
        var values = new List<double>
        {
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 710, -710, 800, -800, 1e300, -1e300,
            double.MaxValue, -double.MaxValue, double.Epsilon, 19.0615474653985, 36.7368005696771, 709.7827128933841, 1, -1,
        };
        for (int k = 0; k < 3000; k++)
        {
            values.Add((rng.Next(2) == 0 ? -1 : 1) * Math.Pow(10, (rng.NextDouble() * 40) - 20));
        }

        return [.. values];
    }

    public static TheoryData<string, bool> ScalarNames()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in ScalarFunctions.ByName.Keys.Where(n => !n.EndsWith('\'')))
        {
            data.Add(name.Replace('_', '-'), false);
            data.Add(name.Replace('_', '-'), true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScalarNames))]
    public void Eval_FromStandardInput_ParsesBackToTheLibraryValue_BitForBit(string name, bool derivative)
    {
        string key = name.Replace('-', '_') + (derivative ? "'" : "");
        var f = ScalarFunctions.ByName[key];
        string stdin = string.Join('\n', Inputs.Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
        var r = derivative ? CliRunner.Run(stdin, "eval", name, "--derivative") : CliRunner.Run(stdin, "eval", name);
        Assert.Equal(0, r.ExitCode);
        var lines = r.Lines;
        Assert.Equal(Inputs.Length, lines.Length);
        for (int k = 0; k < Inputs.Length; k++)
        {
            double printed = double.Parse(lines[k], NumberStyles.Float, CultureInfo.InvariantCulture);
            double expected = f(Inputs[k]);
            Assert.True(BitConverter.DoubleToInt64Bits(printed) == BitConverter.DoubleToInt64Bits(expected) || (double.IsNaN(printed) && double.IsNaN(expected)),
                $"{key}({Inputs[k]:R}): printed '{lines[k]}', library {expected:R}");
        }
    }

    [Fact]
    public void Eval_Arguments_AcceptNamedSpecials_AndNegativeNumbers()
    {
        var r = CliRunner.Run("", "eval", "sigmoid", "nan", "inf", "-inf", "Infinity", "-Infinity", "NaN", "-1", "0");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["NaN", "1", "0", "1", "0", "NaN", "0.2689414213699951", "0.5"], r.Lines);
    }

    [Fact]
    public void Eval_LabelLogistic_UsesY_AndPlu_UsesAlphaAndC()
    {
        Assert.Equal(["-1"], CliRunner.Run("", "eval", "label-logistic", "--derivative", "--y", "1", "-800").Lines);
        Assert.Equal(["3"], CliRunner.Run("", "eval", "plu", "--alpha", "0.5", "--c", "2", "4").Lines); // 0.5·(4 − 2) + 2
    }

    [Fact]
    public void Eval_LogSumExp_ReadsOneVectorPerLine_CommasOrSpaces()
    {
        var r = CliRunner.Run("1000, 1000\n1 2 3\n0,-40\n", "eval", "logsumexp");
        Assert.Equal(["1000.6931471805599", "3.40760596444438", "4.248354255291589E-18"], r.Lines);
        Assert.Equal(["4.248354255291589E-18"], CliRunner.Run("0 -40", "eval", "lse-excess").Lines);
    }

    [Fact]
    public void List_NamesEveryFunctionEvalAccepts()
    {
        var r = CliRunner.Run("", "list");
        Assert.Equal(0, r.ExitCode);
        foreach (var name in new[] { "sigmoid", "tanh", "erf", "relu", "leaky-relu", "plu", "sin", "gaussian", "softplus", "hinge", "smooth-hinge", "logistic", "label-logistic", "logsumexp", "lse-excess" })
        {
            Assert.Contains(r.Lines, l => l.StartsWith(name + " ", StringComparison.Ordinal));
            var run = name == "label-logistic" ? CliRunner.Run("1", "eval", name, "--y", "1") : CliRunner.Run(name == "lse-excess" ? "1 2" : "1", "eval", name);
            Assert.Equal(0, run.ExitCode);
        }
    }

    [Fact]
    public void ListMistakes_NamesEveryIdServeTakes_AndServeServesEach()
    {
        var r = CliRunner.Run("", "list", "--mistakes");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(KnownMistakes.All.Count, r.Lines.Length);
        foreach (var m in KnownMistakes.All)
        {
            Assert.Contains(r.Lines, l => l.StartsWith(m.Id + " ", StringComparison.Ordinal) && l.EndsWith($"{m.Function}: {m.Description}", StringComparison.Ordinal));
        }

        var served = CliRunner.Run("{\"fn\":\"sigmoid\",\"derivative\":true,\"x\":[0]}\n", "serve", "--mistake", KnownMistakes.Find("sigmoid-1").Id);
        Assert.Equal(["{\"value\":[0.75]}"], served.Lines); // sigmoid-1: σ(1 + σ) = 0.75 at 0
        Assert.Contains("calculus list --mistakes", CliRunner.Run("", "serve", "--help").Output, StringComparison.Ordinal);
    }

    /// <summary>Issue 13, finding 7: the arguments of a vector function are one vector. ln(e + e² + e³) =
    /// 3.4076059644443803044… (mpmath, 50 digits), whose nearest double prints as 3.40760596444438; minus the
    /// maximum 3 it is 0.40760596444438030448…, nearest double 0.4076059644443803.</summary>
    [Theory]
    [InlineData("logsumexp", "3.40760596444438", new[] { "1", "2", "3" })]
    [InlineData("logsumexp", "3.40760596444438", new[] { "1,2", "3" })] // commas inside an argument split it too
    [InlineData("logsumexp", "3.40760596444438", new[] { "1, 2, 3" })]
    [InlineData("logsumexp", "3.40760596444438", new[] { "3", "1 2" })]
    [InlineData("lse-excess", "0.4076059644443803", new[] { "1", "2", "3" })]
    [InlineData("logsumexp", "4.036269565124779", new[] { "-1", "0.5", "4" })] // mpmath: ln(e^-1 + e^0.5 + e^4)
    public void Eval_VectorFunction_ArgumentsFormOneVector(string name, string expected, string[] arguments)
    {
        var r = CliRunner.Run("", ["eval", name, .. arguments]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal([expected], r.Lines);
    }

    [Theory]
    [InlineData("[]", "-Infinity")] // the empty sum: ln 0 (LogSumExp.Value's special value, as NumPy's logaddexp.reduce of nothing)
    [InlineData("[ ]", "-Infinity")]
    [InlineData("[1, 2, 3]", "3.40760596444438")]
    public void Eval_LogSumExp_TakesABracketedVector_AndTheEmptyOne(string argument, string expected)
    {
        var arguments = CliRunner.Run("", "eval", "logsumexp", argument);
        Assert.Equal(0, arguments.ExitCode);
        Assert.Equal(expected, arguments.Output.Trim());
        var line = CliRunner.Run(argument + "\n", "eval", "logsumexp");
        Assert.Equal(expected, line.Output.Trim());
    }

    [Fact]
    public void Eval_LseExcessOfTheEmptyVector_AndAnUnpairedBracket_AreUsageErrors()
    {
        Assert.Equal("calculus: the arguments: The excess LSE(a) − max a needs at least one value; a has length 0.",
            CliRunner.AssertUsageError(CliRunner.Run("", "eval", "lse-excess", "[]")));
        Assert.Equal("calculus: line 1: '[1, 2' opens or closes a bracket without the other",
            CliRunner.AssertUsageError(CliRunner.Run("[1, 2\n", "eval", "logsumexp")));
    }

    [Fact]
    public void Eval_VectorFunction_StandardInput_StaysOneVectorPerLine()
    {
        var r = CliRunner.Run("1 2 3\n1,2,3\n3\n", "eval", "logsumexp");
        Assert.Equal(["3.40760596444438", "3.40760596444438", "3"], r.Lines);
    }

    public static TheoryData<string> AllNames() => [.. new[]
    {
        "sigmoid", "tanh", "erf", "relu", "leaky-relu", "plu", "sin", "gaussian", "logistic", "softplus", "hinge", "smooth-hinge",
        "label-logistic", "logsumexp", "lse-excess",
    }];

    /// <summary>Finding 7: a blank line is an error naming it for every function, scalar or vector (never skipped,
    /// never an empty vector), so that output line k always answers input line k; a blank argument likewise.</summary>
    [Theory]
    [MemberData(nameof(AllNames))]
    public void Eval_BlankInput_IsAnErrorNamingIt_ForEveryFunction(string name)
    {
        string[] label = name == "label-logistic" ? ["--y", "1"] : [];
        foreach (string blank in new[] { "", "   ", "\t" })
        {
            var r = CliRunner.Run($"1\n{blank}\n2\n", ["eval", name, .. label]);
            Assert.StartsWith("calculus: line 2 is blank", CliRunner.AssertUsageError(r), StringComparison.Ordinal);
            Assert.Single(r.Lines); // line 1 was answered before line 2 stopped the run
            var a = CliRunner.Run("", ["eval", name, .. label, "1", blank]);
            Assert.StartsWith("calculus: argument 2 is blank", CliRunner.AssertUsageError(a), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("1,,2")]
    [InlineData("1,")]
    [InlineData(",1")]
    [InlineData(" , ")]
    public void Eval_VectorFunction_EmptyEntryBetweenCommas_IsAnError(string text)
    {
        Assert.Contains("line 1: an empty entry", CliRunner.AssertUsageError(CliRunner.Run(text, "eval", "logsumexp")), StringComparison.Ordinal);
        Assert.Contains("argument 1: an empty entry", CliRunner.AssertUsageError(CliRunner.Run("", "eval", "lse-excess", text)), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> ForeignParameters()
    {
        var data = new TheoryData<string, string>();
        foreach (string name in AllNames())
        {
            foreach (string option in new[] { "--y", "--alpha", "--c" })
            {
                bool takes = (name, option) is ("plu", "--alpha" or "--c") or ("label-logistic", "--y");
                if (!takes)
                {
                    data.Add(name, option);
                }
            }
        }

        return data;
    }

    /// <summary>Finding 7: --y, --alpha and --c set parameters of label-logistic and plu only; given to any other
    /// function they are an error naming the option and the function, not silently ignored.</summary>
    [Theory]
    [MemberData(nameof(ForeignParameters))]
    public void Eval_ParameterOfAnotherFunction_IsAnErrorNamingOptionAndFunction(string name, string option)
    {
        string[] label = name == "label-logistic" ? ["--y", "1"] : [];
        string line = CliRunner.AssertUsageError(CliRunner.Run("", ["eval", name, .. label, option, "0.5", "1"]));
        Assert.Equal($"calculus: {option} is not a parameter of {name}; only {(option == "--y" ? "label-logistic" : "plu")} takes {option}", line);
    }

    /// <summary>Finding 7: a number written with digits beyond the largest double is an error wherever eval reads one
    /// (arguments, lines, vector entries, --y, --alpha, --c), not a silent ∞; the named specials stay accepted, and a
    /// tiny number rounds to 0, its nearest double.</summary>
    [Theory]
    [InlineData("1e309")]
    [InlineData("-1e309")]
    [InlineData("1.8e308")]
    [InlineData("+2E+400")]
    public void Eval_OverflowingNumber_IsAnError_NotInfinity(string huge)
    {
        foreach (var (stdin, args, where) in new (string, string[], string)[]
        {
            ("", ["eval", "sigmoid", "0", huge], "argument 2"),
            ($"0\n{huge}\n", ["eval", "tanh"], "line 2"),
            ("", ["eval", "logsumexp", "1", huge], "argument 2"),
            ($"1 {huge}", ["eval", "lse-excess"], "line 1"),
            ("", ["eval", "label-logistic", "--y", huge, "1"], "--y"),
            ("", ["eval", "plu", "--alpha", huge, "1"], "--alpha"),
            ("", ["eval", "plu", "--c", huge, "1"], "--c"),
        })
        {
            string line = CliRunner.AssertUsageError(CliRunner.Run(stdin, args));
            Assert.StartsWith($"calculus: {where}: '{huge}' lies beyond the largest double", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Eval_NamedInfinities_AndTheLargestDouble_StayAccepted()
    {
        Assert.Equal(["1", "0", "1", "0", "1"], CliRunner.Run("", "eval", "sigmoid", "inf", "-inf", "Infinity", "-Infinity", "1.7976931348623157e308").Lines);
        Assert.Equal(["0", "-0"], CliRunner.Run("1e-400\n-1e-400\n", "eval", "tanh").Lines); // below the subnormals: ±0, the nearest doubles
    }
}
