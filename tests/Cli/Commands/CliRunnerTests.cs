using System.Diagnostics;
using System.Globalization;
using Calculus.Cli.Tests.Support;

namespace Calculus.Cli.Tests.Commands;

/// <summary>The child processes of the tests: their output is read whole, and one that outlives its time limit is
/// killed with every process it started.</summary>
public sealed class CliRunnerTests
{
    [Fact]
    public async Task RunChild_ReadsStandardOutputAndError_AndPassesStandardInput()
    {
        var start = new ProcessStartInfo("sh") { ArgumentList = { "-c", "cat; echo to-error >&2; exit 3" } };
        var r = await CliRunner.RunChildAsync(start, "from-input\n");
        Assert.Equal(new CliRunner.Result(3, "from-input\n", "to-error\n"), r);
    }

    [Fact]
    public async Task RunChild_PastItsLimit_KillsTheChildAndItsChildren()
    {
        // The shell starts a sleep of 10 minutes, writes its process id and waits for it; after 2 s both must be gone.
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        string pidFile = folder.File("sleep.pid");
        var start = new ProcessStartInfo("sh") { ArgumentList = { "-c", $"sleep 600 & echo $! > '{pidFile}'; wait" } };
        await Assert.ThrowsAsync<TimeoutException>(() => CliRunner.RunChildAsync(start, "", TimeSpan.FromSeconds(2)));
        int sleep = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        Assert.True(await Ended(sleep), $"the sleep (process {sleep}) still runs");
    }

    /// <summary>Whether the process has ended: gone, or a zombie that no parent has reaped yet; asked for up to a minute,
    /// as a killed process ends when the kernel gets to it.</summary>
    private static async Task<bool> Ended(int pid)
    {
        for (int attempt = 0; attempt < 600; attempt++)
        {
            string stat = $"/proc/{pid}/stat";
            try
            {
                if (File.ReadAllText(stat).Split(") ")[^1].StartsWith('Z'))
                {
                    return true;
                }
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return true;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return false;
    }
}
