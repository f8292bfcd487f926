namespace Calculus.Cli.Grading;

/// <summary>What grading one submission did.</summary>
/// <param name="Name">The submission's name.</param>
/// <param name="Resumed">Whether its results of an earlier run with the same settings were kept (not run again).</param>
/// <param name="Elapsed">The wall time of its run; zero when resumed.</param>
internal sealed record SubmissionRun(string Name, bool Resumed, TimeSpan Elapsed);
