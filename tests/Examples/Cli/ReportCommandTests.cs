using Calculus.Examples.Support;

namespace Calculus.Examples.Cli;

/// <summary><c>calculus report</c> writes every file it promises, and its index links every picture.</summary>
public sealed class ReportCommandTests
{

    [Fact]
    public void Report_WritesEveryPicture_AndAnIndexThatLinksThem()
    {
        using var folder = new TempFolder();
        string dir = folder.Path;
        var r = CliRunner.Run("", "report", "--out", dir);
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
}
