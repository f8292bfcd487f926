using Calculus.Activations;
using Calculus.Cli.Commands;
using Calculus.Cli.Common;
using Calculus.Cli.Tests.Support;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Cli.Tests.Commands;

/// <summary><c>calculus report</c> writes every file it promises, its index links every picture, and its tables say
/// what they claim: each activation's own advantage and disadvantage, and every failing check marked as failed.</summary>
public sealed class ReportCommandTests(ReportCommandTests.Run report) : IClassFixture<ReportCommandTests.Run>
{
    /// <summary>One run of <c>calculus report</c> into a temporary folder, shared by the tests that read it.</summary>
    public sealed class Run : IDisposable
    {
        private readonly TempFolder folder = new();

        public Run() => Result = CliRunner.Run("", "report", "--out", folder.Path);

        internal CliRunner.Result Result { get; }

        public string Folder => folder.Path;

        public void Dispose() => folder.Dispose();
    }

    [Fact]
    public void Report_WritesEveryPicture_AndAnIndexThatLinksThem()
    {
        string dir = report.Folder;
        var r = report.Result;
        Assert.True(r.ExitCode == 0, r.Output + r.Error);
        Assert.Contains(Path.GetFullPath(Path.Combine(dir, "index.md")), r.Output, StringComparison.Ordinal);

        var expected = Catalog.Activations.SelectMany(a => new[] { a.Name + ".png", a.Name + ".svg" })
            .Concat(["overview.png", "lse-excess.png", "losses.png", "train-losses.png"]).ToList();
        string index = File.ReadAllText(Path.Combine(dir, "index.md"));
        foreach (var file in expected)
        {
            string path = Path.Combine(dir, file);
            Assert.True(File.Exists(path), $"{file} missing");
            byte[] bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 1000, $"{file} is only {bytes.Length} bytes");
            if (file.EndsWith(".png", StringComparison.Ordinal))
            {
                Assert.Equal(Png.Signature, bytes.Take(8));
            }
            else
            {
                Assert.Contains("<svg", File.ReadAllText(path), StringComparison.Ordinal);
            }

            Assert.Contains($"({file})", index, StringComparison.Ordinal);
        }

        Assert.All(Catalog.Activations, a => Assert.Contains($"| {a.Name} |", index, StringComparison.Ordinal));
        Assert.Contains("shifted to the right", index, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", index, StringComparison.Ordinal);
        Assert.Empty(MarkdownTables.Defects(index, "report's index.md"));
    }

    [Fact]
    public void Report_ActivationTable_GivesEachActivationItsOwnAdvantageAndDisadvantage()
    {
        // Sheet 2's table as a reader reads it: one row per activation, under the columns named advantage and disadvantage.
        Assert.True(report.Result.ExitCode == 0, report.Result.Output + report.Result.Error);
        var table = ActivationTable(File.ReadAllText(Path.Combine(report.Folder, "index.md")));
        int advantage = Column(table, "advantage"), disadvantage = Column(table, "disadvantage");
        Assert.Equal(Catalog.Activations.Select(a => a.Name), table.Skip(1).Select(row => row[0]));
        foreach (var (a, row) in Catalog.Activations.Zip(table.Skip(1)))
        {
            Assert.Equal(a.Advantage, row[advantage]);
            Assert.Equal(a.Disadvantage, row[disadvantage]);
        }
    }

    [Fact]
    public void Report_EveryFailingCheck_IsMarkedInTheIndex_AndOnlyThose()
    {
        // Through the report's seams: a sigmoid whose derivative is twice σ', and a network gradient without the f_d
        // factor (the mistake of NetworkAndGradcheckTests), so that sheet 2's check of the sigmoid and every sheet-1f
        // check fail; tanh is the catalog's own and passes.
        var broken = Catalog.Sigmoid with { Derivative = x => 2 * Sigmoid.Derivative(x) };
        var output = new StringWriter();
        var context = new CliContext(TextReader.Null, output, TextWriter.Null, WithoutTheActivationsDerivative);
        using var folder = new TempFolder();
        int code = ReportCommand.Write(context, folder.Path, [Catalog.Tanh, broken]);
        Assert.True(code == 1, output.ToString());

        string index = File.ReadAllText(folder.File("index.md"));
        var table = ActivationTable(index);
        int measured = Column(table, "f' against central differences, x = −10..10: max |error|, worst error ÷ tolerance");
        var rows = table.Skip(1).ToDictionary(row => row[0], row => row[measured]);
        Assert.EndsWith(" **FAILED**", rows["sigmoid"], StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", rows["tanh"], StringComparison.Ordinal);

        // The check tables of sheets 1, 3 and 4: the result column says **FAIL** for sheet 1f and pass for every other.
        var checks = MarkdownTables.Cells(index).Where(t => t[0].SequenceEqual(["item", "check", "measured", "result"])).SelectMany(t => t.Skip(1)).ToList();
        Assert.Equal(5, checks.Count(c => c[0] == "1f"));
        Assert.All(checks, c => Assert.Equal(c[0] == "1f" ? "**FAIL**" : "pass", c[3]));
        int total = checks.Count + 2;
        Assert.Contains($"{total - 6} of {total} checks passed", index, StringComparison.Ordinal);
    }

    private static NetworkGradient WithoutTheActivationsDerivative(
        Matrix<double> w, Vector<double> b, Vector<double> wo, Vector<double> x, double y, ScalarFunction a, Calculus.Losses.IMarginLoss l)
    {
        var right = Network.Gradient(w, b, wo, x, y, a, l);
        var g = wo * LabelLogisticLoss.Derivative(right.Z, y);
        return right with { Weights = g.OuterProduct(x), Bias = g };
    }

    /// <summary>Sheet 2's table: the one with a column named "advantage"; the header is its first row.</summary>
    private static IReadOnlyList<IReadOnlyList<string>> ActivationTable(string index) =>
        Assert.Single(MarkdownTables.Cells(index), t => t[0].Contains("advantage"));

    private static int Column(IReadOnlyList<IReadOnlyList<string>> table, string name)
    {
        int k = table[0].ToList().IndexOf(name);
        Assert.True(k >= 0, $"no column '{name}' in {string.Join(" | ", table[0])}");
        return k;
    }

    /// <summary>A point whose stencil holds a kink is undecided, not failed: a ReLU moved by 0.05 + 1e-7, its kink 1e-7
    /// from the grid point 0.05 and undeclared, passes the sweep, saying how many points were undecided; with the
    /// derivative doubled it fails.</summary>
    [Fact]
    public void ActivationSweep_AnUndecidedPoint_IsNoFailure()
    {
        const double kink = 0.05 + 1e-7;
        var hidden = Catalog.Relu with { Value = x => Math.Max(0, x - kink), Derivative = x => x > kink ? 1 : 0 };
        var (_, _, passed, points, undecided) = Calculus.Cli.Report.ReportChecks.ActivationSweep(hidden);
        Assert.True(passed, $"{undecided} of {points} undecided");
        Assert.InRange(undecided, 1, points / 2);
        var wrong = hidden with { Derivative = x => x > kink ? 2 : 0 };
        Assert.False(Calculus.Cli.Report.ReportChecks.ActivationSweep(wrong).Passed);
    }
}
