using System.Globalization;
using Calculus.Examples.Support;

namespace Calculus.Examples.Cli;

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
        foreach (var name in new[] { "sigmoid", "tanh", "erf", "relu", "leaky-relu", "plu", "sin", "gaussian", "logistic", "softplus", "hinge", "smooth-hinge", "label-logistic", "logsumexp", "lse-excess" })
        {
            Assert.Contains(r.Lines, l => l.StartsWith(name + " ", StringComparison.Ordinal));
            Assert.Equal(0, CliRunner.Run(name == "lse-excess" ? "1 2" : "1", "eval", name, "--y", "1").ExitCode);
        }
    }
}
