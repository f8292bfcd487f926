using System.Globalization;
using System.Text.RegularExpressions;
using Calculus.Cli.Common;
using Calculus.Cli.Tests.Support;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using Calculus.Training;

namespace Calculus.Cli.Tests.Commands;

/// <summary><c>calculus train</c>: defaults reach 95% on XOR, pictures are written, errors are usage errors, sizes beyond
/// the stated limits are refused, a diverging run stops with exit 1, and what it prints says what it means.</summary>
public sealed partial class TrainCommandTests
{

    [Fact]
    public void Train_XorWithEightHiddenUnits_ReachesNinetyFivePercent_WithItsDefaults()
    {
        using var folder = new TempFolder();
        var r = CliRunner.Run("", "train", "--data", "xor", "--hidden", "8", "--out", folder.Path);
        Assert.True(r.ExitCode == 0, r.Output + r.Error);
        var final = Assert.Single(r.Lines, l => l.StartsWith("final loss", StringComparison.Ordinal));
        double accuracy = double.Parse(final.Split("accuracy ")[1].Split(" %")[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(accuracy >= 95, final);
        Assert.DoesNotContain(r.Lines, l => l.StartsWith("epoch", StringComparison.Ordinal)); // quiet when not a terminal
        foreach (var png in new[] { "curve.png", "boundary.png" })
        {
            Assert.Equal(Png.Signature, File.ReadAllBytes(folder.File(png)).Take(8));
        }
    }

    [Fact]
    public void Train_ReadsACsvFile()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        string csv = folder.File("data.csv");
        string output = folder.File("out");
        File.WriteAllText(csv, "x1,x2,x3,y\n1,0,0,1\n-1,0,0,-1\n2,1,0,1\n-2,0,1,-1\n");
        var r = CliRunner.Run("", "train", "--data", csv, "--epochs", "50", "--hidden", "2", "--out", output);
        Assert.True(r.ExitCode == 0, r.Output + r.Error);
        Assert.Contains("accuracy 100.0 %", r.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "curve.png")));
        Assert.False(File.Exists(Path.Combine(output, "boundary.png"))); // three inputs: no plane to draw
    }

    [Fact]
    public void Train_Errors_AreUsageErrors()
    {
        Assert.Contains("Unknown loss 'squared'", CliRunner.AssertUsageError(CliRunner.Run("", "train", "--loss", "squared")), StringComparison.Ordinal);
        Assert.Contains("neither blobs, xor, moons nor an existing CSV file", CliRunner.AssertUsageError(CliRunner.Run("", "train", "--data", "spirals")), StringComparison.Ordinal);
        CliRunner.AssertUsageError(CliRunner.Run("", "train", "--lr", "0"));
        CliRunner.AssertUsageError(CliRunner.Run("", "train", "--lr", "NaN"));
        CliRunner.AssertUsageError(CliRunner.Run("", "train", "--lr", "Infinity"));
        CliRunner.AssertUsageError(CliRunner.Run("", "train", "--hidden", "0"));
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        string csv = folder.File("bad.csv");
        File.WriteAllText(csv, "1,2,1\n3,4,2\n");
        Assert.Contains("line 2: the label", CliRunner.AssertUsageError(CliRunner.Run("", "train", "--data", csv)), StringComparison.Ordinal);
    }

    [Fact]
    public void Train_AnOutputFolderThatCannotBeWritten_IsAUsageError()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        string file = folder.File("a-file");
        File.WriteAllText(file, "");
        Assert.Contains("--out: the output folder name is empty", CliRunner.AssertUsageError(CliRunner.Run("", "train", "--out", "")), StringComparison.Ordinal);
        Assert.Contains("is a file, not a folder", CliRunner.AssertUsageError(CliRunner.Run("", "train", "--out", file)), StringComparison.Ordinal);
        Assert.Contains("cannot write to the output folder", CliRunner.AssertUsageError(CliRunner.Run("", "train", "--out", Path.Combine(file, "train"))), StringComparison.Ordinal);
        Directory.CreateDirectory(folder.File(Path.Combine("out", "curve.png"))); // a folder where a picture goes
        Assert.Contains("curve.png' is a folder", CliRunner.AssertUsageError(CliRunner.Run("", "train", "--epochs", "1", "--out", folder.File("out"))), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_AnEmptyOutputFolderName_IsAUsageError() =>
        Assert.Contains("--out: the output folder name is empty", CliRunner.AssertUsageError(CliRunner.Run("", "report", "--out", "")), StringComparison.Ordinal);

    [Theory]
    [InlineData("--points", "100001", "--points must lie in 2..100,000")]
    [InlineData("--points", "1", "--points must lie in 2..100,000")]
    [InlineData("--hidden", "1025", "--hidden must lie in 1..1,024")]
    [InlineData("--hidden", "2000", "--hidden must lie in 1..1,024")]
    [InlineData("--epochs", "100001", "--epochs must lie in 0..100,000")]
    [InlineData("--epochs", "-1", "--epochs must lie in 0..100,000")]
    [InlineData("--batch", "100001", "--batch must lie in 0..100,000 (0 is full-batch descent)")]
    [InlineData("--batch", "-1", "--batch must lie in 0..100,000 (0 is full-batch descent)")]
    public void Train_SizesBeyondTheLimits_AreRefused_NamingTheLimit(string option, string value, string message)
    {
        // 20 points and 1 epoch, unless that is the option tested, keep a run short on code without the limits.
        var options = new Dictionary<string, string> { ["--points"] = "20", ["--epochs"] = "1", [option] = value };
        string[] args = ["train", .. options.SelectMany(o => new[] { o.Key, o.Value })];
        Assert.Contains(message, CliRunner.AssertUsageError(CliRunner.Run("", args)), StringComparison.Ordinal);
    }

    [Fact]
    public void Train_AtTheLimits_Runs_AndBatchZeroOrBeyondTheDataIsFullBatch()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        string csv = folder.File("data.csv"); // three coordinates: no decision-boundary picture, which is slow for h = 1024
        File.WriteAllText(csv, "1,0,0,1\n-1,0,0,-1\n2,1,0,1\n-2,0,1,-1\n");
        var wide = CliRunner.Run("", "train", "--data", csv, "--hidden", "1024", "--epochs", "1", "--lr", "0.01", "--batch", "100000", "--out", folder.File("out"));
        Assert.True(wide.ExitCode == 0, wide.Output + wide.Error);
        Assert.Contains("h = 1024,", wide.Lines[0], StringComparison.Ordinal);
        foreach (string batch in new[] { "0", "100000" })
        {
            var r = CliRunner.Run("", "train", "--data", csv, "--batch", batch, "--epochs", "1", "--out", folder.File("out"));
            Assert.True(r.ExitCode == 0, r.Output + r.Error);
            Assert.Contains(", batch full, seed 1", r.Lines[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Train_PointsWithACsvFile_IsAUsageError()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        string csv = folder.File("data.csv");
        File.WriteAllText(csv, "1,0,1\n-1,0,-1\n");
        Assert.Contains("--points applies to blobs, xor and moons", CliRunner.AssertUsageError(CliRunner.Run("", "train", "--data", csv, "--points", "5")), StringComparison.Ordinal);
    }

    [Fact]
    public void Train_AnInfiniteLoss_StopsAtOnce_WithExit1_AndSuggestsASmallerStep()
    {
        using var folder = new TempFolder();
        var r = CliRunner.Run("", "train", "--lr", "1e308", "--out", folder.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("train: 200 points (xor)", Assert.Single(r.Lines), StringComparison.Ordinal);
        string error = Assert.Single(r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("training diverged", error, StringComparison.Ordinal);
        Assert.Contains("to Infinity at epoch 1 (stopped there)", error, StringComparison.Ordinal);
        Assert.Contains("try a smaller one, e.g. --lr 1E+307", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("curve.png"))); // no blank curve
    }

    [Fact]
    public void Train_WeightsThatAreNotFinite_AreADivergence_EvenAtALossOf0()
    {
        // Blobs, h = 1, tanh, hinge, η = 1e308: epoch 1 sends a weight to +∞ while tanh, saturated, still gives every
        // point the right sign and a hinge loss of 0 (Sheet4DivergenceExamples has the run).
        using var folder = new TempFolder();
        var r = CliRunner.Run("", "train", "--data", "blobs", "--hidden", "1", "--activation", "tanh", "--loss", "hinge", "--lr", "1e308", "--epochs", "3", "--out", folder.Path);
        Assert.Equal(1, r.ExitCode);
        string error = Assert.Single(r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("training diverged: the mean loss went from 1.7606 before training to 0 at epoch 1 (stopped there), and the weights became infinite or NaN;", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("curve.png")));
    }

    [Fact]
    public void Train_ALossThatRunsAwayOrEndsFarAboveItsStart_IsADivergence()
    {
        using var folder = new TempFolder();

        // η = 10⁶: the loss runs away within the first epoch but stays finite.
        var runaway = CliRunner.Run("", "train", "--lr", "1e6", "--out", folder.Path);
        Assert.Equal(1, runaway.ExitCode);
        var loss = LossChange().Match(runaway.Error);
        Assert.True(loss.Success, runaway.Error);
        double before = double.Parse(loss.Groups[1].Value, CultureInfo.InvariantCulture), after = double.Parse(loss.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.True(double.IsFinite(after) && after > 1000 * Math.Max(1, before), runaway.Error);
        Assert.Contains("--lr 100000", runaway.Error, StringComparison.Ordinal);

        // h = 1024 with the default η = 1 on 20 XOR points: the loss jumps to between 6 and 100 times its start and
        // ends 19 times above it; the run completes its 40 epochs but has diverged.
        var wide = CliRunner.Run("", "train", "--hidden", "1024", "--points", "20", "--epochs", "40", "--out", folder.Path);
        Assert.Equal(1, wide.ExitCode);
        Assert.Contains("at epoch 40; the step η = 1 is too large: try a smaller one, e.g. --lr 0.1", wide.Error, StringComparison.Ordinal);
        loss = LossChange().Match(wide.Error);
        Assert.True(double.Parse(loss.Groups[2].Value, CultureInfo.InvariantCulture) > 10 * Math.Max(1, double.Parse(loss.Groups[1].Value, CultureInfo.InvariantCulture)), wide.Error);
    }

    [Fact]
    public void Train_Help_StatesTheLimits_FullBatch_AndTheExitCodeOfADivergence()
    {
        var r = CliRunner.Run("", "train", "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (string text in new[] { "2..100,000", "1..1,024", "0..100,000", "0 (or any size ≥ the number of points) is full-batch", "1 when it diverges", "stops with exit 1" })
        {
            Assert.Contains(text, r.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Train_ZeroEpochs_ShowsTheInitialNetwork_WithoutATimePerEpoch()
    {
        using var folder = new TempFolder();
        var r = CliRunner.Run("", "train", "--epochs", "0", "--out", folder.Path);
        Assert.True(r.ExitCode == 0, r.Output + r.Error);
        Assert.Contains("0 epochs", r.Lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("per epoch", r.Output, StringComparison.Ordinal);
        Assert.Contains("the initial network (0 epochs, nothing trained)", r.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Train_TheTimePerEpoch_LeavesOutThePictures()
    {
        // A stand-in clock that moves 8 s each time it is read and 1000 s for each file in the output folder: the two
        // readings around the training alone are 8 s apart, and 2008 s apart if the two pictures fell between them.
        // (TrainCommandBenchmarks measures how much shorter than the whole run the training is.)
        using var folder = new TempFolder();
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(""), output, error, (w, b, wo, x, y, a, l) => Network.Gradient(w, b, wo, x, y, a, l), Clock: new FileCountingClock(folder.Path));
        int code = CliApp.Run(["train", "--points", "20", "--epochs", "4", "--out", folder.Path], context);
        Assert.True(code == 0, output.ToString() + error);
        Assert.True(File.Exists(folder.File("boundary.png")));
        Assert.Contains("; training took 8.00 s, 2000.00 ms per epoch\n", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A clock that moves 8 s each time it is read and 1000 s for each file in a folder.</summary>
    private sealed class FileCountingClock(string folder) : TimeProvider
    {
        private long reads;

        public override long TimestampFrequency => 1;

        public override long GetTimestamp() => (8 * ++reads) + (1000 * (Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0));
    }

    [Fact]
    public void Train_OnATerminal_PrintsTheHeaderFirst_ThenTheProgress()
    {
        using var folder = new TempFolder();
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(""), output, error, (w, b, wo, x, y, a, l) => Network.Gradient(w, b, wo, x, y, a, l), Interactive: true);
        int code = CliApp.Run(["train", "--epochs", "40", "--out", folder.Path], context);
        Assert.True(code == 0, output.ToString() + error);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("train: 200 points", lines[0], StringComparison.Ordinal);
        Assert.Equal(20, lines.Count(l => l.StartsWith("epoch ", StringComparison.Ordinal))); // every 2nd of 40 epochs
        Assert.All(lines[1..21], l => Assert.StartsWith("epoch ", l, StringComparison.Ordinal));
        Assert.StartsWith("final loss", lines[21], StringComparison.Ordinal);
    }

    [Fact]
    public void Train_OnePointAndOneEpoch_AreSingular()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        string csv = folder.File("one.csv");
        File.WriteAllText(csv, "0.5,-1,1\n");
        var r = CliRunner.Run("", "train", "--data", csv, "--epochs", "1", "--out", folder.File("out"));
        Assert.True(r.ExitCode == 0, r.Output + r.Error);
        Assert.StartsWith($"train: 1 point ({csv}), loss logistic, h = 8, sigmoid, 1 epoch, η = 1, batch full,", r.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Train_Milestones_NameTheFirstEpochThatReachedThem()
    {
        // The run of the README: the library trains the same network, and the epochs are read off its history.
        using var folder = new TempFolder();
        var r = CliRunner.Run("", "train", "--out", folder.Path);
        Assert.True(r.ExitCode == 0, r.Output + r.Error);
        var history = Trainer.Train(NetworkModel.Initialize(8, 2, Catalog.Sigmoid, 1), Datasets.Xor(200, 1), MarginLosses.Logistic, new TrainingOptions()).History;
        int ninetyFive = history.First(e => e.Accuracy >= 0.95).Epoch, all = history.First(e => e.Accuracy >= 1).Epoch;
        Assert.True(history.Where(e => e.Epoch < ninetyFive).All(e => e.Accuracy < 0.95));
        Assert.Contains($"(≥ 95% first reached at epoch {ninetyFive}, 100% at epoch {all})", r.Lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1;2;1\n3;4;-1\n", "line 1: needs at least one coordinate and a label, got 1 value (values are separated by commas, not ';' or tabs)")]
    [InlineData("# comment\n1,2,1\n", "line 1: '#' comments are not supported")]
    [InlineData("x1,2,y\n1,2,1\n", "line 1: value 1 'x1' is not a finite number (a header line names every column")]
    [InlineData("x1,x2,x3,y\n1,2,1\n", "line 2: has 3 values, but the header (line 1) names 4 columns")]
    public void Train_AFirstLineThatDoesNotNameTheColumns_IsAUsageError_NamingTheLine(string text, string message)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        string csv = folder.File("data.csv");
        File.WriteAllText(csv, text);
        Assert.Contains(message, CliRunner.AssertUsageError(CliRunner.Run("", "train", "--data", csv, "--epochs", "1", "--out", folder.File("out"))), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"the mean loss went from (\S+) before training to (\S+) at epoch")]
    private static partial Regex LossChange();
}
