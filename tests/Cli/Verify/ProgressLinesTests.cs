using Calculus.Cli.Common;
using Calculus.Networks;

namespace Calculus.Cli.Tests.Verify;

/// <summary>Where standard error is not a terminal (a CI log), verify writes one progress line per item there as soon as
/// the item's checks are done.</summary>
public sealed class ProgressLinesTests
{
    [Fact]
    public void Verify_WithProgressLines_WritesOneLinePerItem_OnStandardError_InOrder()
    {
        string mark = $"{SubjectGuard.Variable}={Guid.NewGuid():N}";
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(""), output, error, (w, b, wo, x, y, a, l) => Network.Gradient(w, b, wo, x, y, a, l), ProgressLines: true);
        try
        {
            int code = CliApp.Run(["verify", "--exec", $"{mark} {SubjectCommands.Serve("--mistake sigmoid-1")}", "--only", "1d,2c", "--cases", "20", "--seed", "3"], context);
            Assert.True(code == 1, output.ToString() + error);
        }
        finally
        {
            SubjectGuard.Kill(mark);
        }

        string[] lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\[ 1/2\] 1d    FAIL             11 checks: 5 pass, 4 fail, 2 report \(\d+\.\d s\)$", lines[0]);
        Assert.Matches(@"^\[ 2/2\] 2c    stable           12 checks: 10 pass, 2 report \(\d+\.\d s\)$", lines[1]);
        Assert.DoesNotContain('\r', error.ToString());
    }
}
