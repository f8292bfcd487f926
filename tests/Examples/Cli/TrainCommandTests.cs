using Calculus.Examples.Support;

namespace Calculus.Examples.Cli;

/// <summary><c>calculus train</c>: defaults reach 95% on XOR, pictures are written, errors are usage errors.</summary>
public sealed class TrainCommandTests
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
}
