using Calculus.Functions;
namespace Calculus.Verification.Sheet;

/// <summary>The catalog's functions of one variable as the protocol names them, and the facts the checks read off a
/// descriptor.</summary>
internal static class SheetFunctions
{
    /// <summary>The protocol names of the scalar functions, in the sheet's order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Catalog.All.Select(f => f.Name)];

    /// <summary>The function a scalar request names, with the parameters it gives (the defaults for those it leaves out).</summary>
    /// <param name="query">The request.</param>
    /// <returns>The descriptor computing with those parameters.</returns>
    /// <exception cref="ArgumentException">An unknown name, or a parameter the function does not take.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter outside its valid range.</exception>
    public static ScalarFunction Resolve(ScalarQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var f = Catalog.All.FirstOrDefault(g => g.Name == query.Function)
            ?? throw new ArgumentException($"Unknown function '{query.Function}'; valid names: {string.Join(", ", Names)}.", nameof(query));
        var extra = (query.Parameters?.Keys ?? []).Where(k => f.Parameters.All(p => p.Name != k)).ToList();
        if (extra.Count > 0)
        {
            throw new ArgumentException(
                $"{string.Join(" and ", extra)} {(extra.Count == 1 ? "is not a parameter" : "are not parameters")} of {f.Name}" +
                (f.Parameters.Count == 0 ? "." : $"; it takes {string.Join(" and ", f.Parameters.Select(p => p.Name))}."), nameof(query));
        }

        return f.Parameters.Count == 0 ? f : f.With([.. f.Parameters.Select(p => query.Parameter(p.Name) ?? p.Default!.Value)]);
    }

    /// <summary>+1 for a function that increases, −1 for one that decreases (strictly or not), 0 when not monotone.</summary>
    /// <param name="f">The function.</param>
    /// <returns>The direction.</returns>
    public static int Direction(this ScalarFunction f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f.Monotonicity switch
        {
            Monotonicity.Increasing or Monotonicity.NonDecreasing => +1,
            Monotonicity.Decreasing or Monotonicity.NonIncreasing => -1,
            _ => 0,
        };
    }

    /// <summary>Whether the function is strictly monotone.</summary>
    /// <param name="f">The function.</param>
    /// <returns>True for increasing and decreasing functions.</returns>
    public static bool IsStrictlyMonotone(this ScalarFunction f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f.Monotonicity is Monotonicity.Increasing or Monotonicity.Decreasing;
    }

    /// <summary>The kink at x, or null: there any value between the one-sided slopes is a right derivative.</summary>
    /// <param name="f">The function.</param>
    /// <param name="x">A point.</param>
    /// <returns>The kink, or null.</returns>
    public static Kink? KinkAt(this ScalarFunction f, double x)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f.Kinks.FirstOrDefault(k => k.At == x);
    }
}
