using Calculus.Cli.Tests.Support;

namespace Calculus.Cli.Tests.Verify;

/// <summary>Subjects that misbehave as student programs do, beyond junk and hangs: a line that never ends, a value nested
/// 100,000 deep, 5 million values for one. Each costs the cases it answers, quickly and in bounded memory, with the cause
/// named; the other items still pass. Once, the first grew verify to gigabytes in seconds, the second took 100 s and
/// 8 GB for one item, and the third never ended.</summary>
public sealed class HostileSubjectTests
{
    /// <summary>A run here takes about 10 s on a loaded 2-core machine (20 restarts of a .NET subject, a function's
    /// failure budget); 2 minutes is far beyond it and far below the time the unbounded reading took.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [FullRunTheory]
    [InlineData("endless", "the answer is longer than 8,224 characters, the most a right answer to this request needs (1 value × 32 characters + 8,192)")]
    [InlineData("deep", "the answer is longer than 8,224 characters")] // 200,000 brackets: the line's bound refuses it before any parsing
    [InlineData("flood", "the answer is longer than 8,224 characters")]
    public void Verify_ASubjectWhoseAnswerIsTooLong_FailsThoseCases_NamingTheBound(string mode, string message)
    {
        using var run = Hostile(mode, "tanh");
        Assert.True(run.Result.ExitCode == 1, run.Result.Output + run.Result.Error);
        Assert.Equal("fail", run.ItemVerdict("2a"));
        Assert.Equal("pass", run.ItemVerdict("2c"));
        Assert.Contains(run.Checks, c => c.Item == "2a" && c.Check.TryGetProperty("failure", out var f) && f.GetString()!.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_AnAnswerNestedTooDeep_WithinItsLength_IsRefusedByTheJsonReader()
    {
        // 1,000 levels fit in a one-point answer's 8,224 characters: the JSON reader stops at the sixth.
        using var run = Hostile("deep", "tanh", "1000");
        Assert.True(run.Result.ExitCode == 1, run.Result.Output + run.Result.Error);
        Assert.Equal("fail", run.ItemVerdict("2a"));
        Assert.Equal("pass", run.ItemVerdict("2c"));
        Assert.Contains(run.Checks, c => c.Item == "2a" && c.Check.TryGetProperty("failure", out var f)
            && f.GetString()!.Contains("nested deeper than the protocol's shapes (more than 5 levels", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_AFirstAnswerThatNeverEnds_CannotStart()
    {
        var r = SubjectGuard.Verify(Limit, SubjectCommands.Test("endless", "sigmoid"), "--only", "1d");
        Assert.True(r.ExitCode == 2, r.Output + r.Error);
        Assert.Contains("answered its first request with a line too long: the answer is longer than 8,224 characters", r.Error, StringComparison.Ordinal);
        Assert.Single(r.Error.Trim().Split('\n'));
    }

    private static VerifyRun Hostile(string mode, string function, string argument = "") =>
        VerifyRun.Of(Limit, $"{SubjectCommands.Test(mode, function)} {argument}".TrimEnd(), "--only", "2a,2c", "--cases", "40", "--seed", "3");
}
