using Calculus.Functions;
namespace Calculus.Verification.Checks;

/// <summary>The whole battery: every check of every sheet item, in the sheet's order. The same list runs against the
/// reference in <c>tests/Properties</c> and against a student's process in <c>calculus verify</c>.</summary>
internal static class Battery
{
    /// <summary>The sheet's items, in order: those of the affine map, the network, log-sum-exp and the gradient step, and
    /// the item of every function in the catalog.</summary>
    public static IReadOnlyList<string> Items { get; } =
    [
        .. new[] { "1a", "1b", "1c", "1e", "1f", "3a", "3b", "3c", "4" }.Concat(Catalog.All.Select(f => f.Item)).Distinct().Order(StringComparer.Ordinal),
    ];

    /// <summary>Every check, ordered by item (stable within an item: core, stable, accurate as each family lists them).</summary>
    public static IReadOnlyList<Check> All { get; } =
    [
        .. new IEnumerable<Check>[]
        {
            AffineChecks.All, Catalog.All.SelectMany(ScalarChecks.For), ActivationClaims.All, LabelLogisticChecks.All, NetworkChecks.All,
            LogSumExpChecks.All, LossClaims.All, StepChecks.All,
        }.SelectMany(c => c).OrderBy(c => Items.IndexOf(c.Item)).ThenBy(c => c.Tier),
    ];

    /// <summary>The checks of the given items.</summary>
    /// <param name="items">Sheet items, e.g. "1d", "2a".</param>
    /// <returns>Their checks, in order.</returns>
    /// <exception cref="ArgumentException">An item that is not on the sheet; the message lists the valid ones.</exception>
    public static IReadOnlyList<Check> For(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var wanted = items.ToHashSet();
        var unknown = wanted.Where(i => !Items.Contains(i)).ToList();
        return unknown.Count > 0
            ? throw new ArgumentException($"unknown item '{unknown[0]}'; the sheet's items are {string.Join(", ", Items)}.", nameof(items))
            : [.. All.Where(c => wanted.Contains(c.Item))];
    }

    /// <summary>The check with this id.</summary>
    /// <param name="id">A <see cref="Check.Id"/>.</param>
    /// <returns>The check.</returns>
    public static Check Find(string id) => All.Single(c => c.Id == id);

    private static int IndexOf(this IReadOnlyList<string> list, string item)
    {
        for (int k = 0; k < list.Count; k++)
        {
            if (list[k] == item)
            {
                return k;
            }
        }

        return -1;
    }
}
