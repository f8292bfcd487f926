namespace Calculus.Cli.Grading;

/// <summary>One submission's row of the gradebook: its items in the sheet's order, the total, and why the run has no
/// results when it has none.</summary>
/// <param name="Name">The submission's name.</param>
/// <param name="Items">Every item graded, in the sheet's order.</param>
/// <param name="Note">Why the run has no results ("cannot start: …", "internal error of the checker …"), or why some
/// checks did not run; null when every check ran.</param>
/// <param name="CheckerFault">Whether the checker itself failed for this submission (grade exits 3).</param>
internal sealed record GradebookRow(string Name, IReadOnlyList<ItemGrade> Items, string? Note, bool CheckerFault)
{
    /// <summary>The points of every item.</summary>
    public double Total => Items.Sum(i => i.Points);

    /// <summary>The most the items could earn.</summary>
    public double MaxTotal => Items.Sum(i => i.MaxPoints);
}
