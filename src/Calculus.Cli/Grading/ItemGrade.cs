namespace Calculus.Cli.Grading;

/// <summary>One item of one submission in the gradebook.</summary>
/// <param name="Item">The sheet item, e.g. "1d".</param>
/// <param name="Function">The protocol functions it checks, e.g. "sigmoid, sigmoid_derivative"; empty when the run has
/// no results.</param>
/// <param name="Word">fail, core, stable, accurate (the level reached), partial (a level reached by an item implemented
/// in part only), not-implemented, error (the checker failed in one of its checks), or not-run (none of its checks run,
/// or not all of them: the time budget was spent, or the submission could not start).</param>
/// <param name="Points">The points it earns (<see cref="Rubric.PointsFor"/>).</param>
/// <param name="MaxPoints">The most it could earn (<see cref="Rubric.MaxFor"/>).</param>
/// <param name="Diagnoses">The distinct diagnoses of its failed checks, in order.</param>
internal sealed record ItemGrade(string Item, string Function, string Word, double Points, double MaxPoints, IReadOnlyList<string> Diagnoses)
{
    /// <summary>Its first failed check as the student reads it: "check name: failure at counterexample", or null.</summary>
    public string? FirstFailure { get; init; }
}
