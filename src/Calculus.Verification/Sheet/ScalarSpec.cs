namespace Calculus.Verification;

/// <summary>One scalar function of the sheet as the battery sees it: its protocol name, sheet item, reference value
/// and derivative, kinks, ranges, symmetry and monotony. The activations come from <see cref="ActivationCatalog"/>,
/// the losses of exercise 3 are written here; one table drives every generic check.</summary>
/// <param name="Name">The protocol name (e.g. "leaky-relu", "smooth-hinge").</param>
/// <param name="Item">The sheet item, e.g. "2d".</param>
/// <param name="Formula">f(x) in plain text.</param>
/// <param name="DerivativeFormula">f'(x) in plain text.</param>
/// <param name="Value">The reference f.</param>
/// <param name="Derivative">The reference f' (a subgradient at kinks, with the library's convention).</param>
/// <param name="Kinks">Where f is not differentiable, with its one-sided slopes.</param>
/// <param name="Range">The mathematical range f(ℝ).</param>
/// <param name="FloatingPointRange">The closed hull of f over the finite doubles.</param>
/// <param name="InsideRangeBelow">For |x| below this, f(x) lies in <paramref name="Range"/> itself in double.</param>
/// <param name="Parity">Even, odd or neither.</param>
/// <param name="Direction">+1 increasing, −1 decreasing, 0 not monotone.</param>
/// <param name="Strict">Strictly monotone (where the rise exceeds the rounding) rather than only non-strictly.</param>
/// <param name="LimitsAtInfinity">Whether f and f' have limits at ±∞ (sin and cos do not).</param>
/// <param name="Alpha">PLU's α, for plu only.</param>
/// <param name="C">PLU's c, for plu only.</param>
public sealed record ScalarSpec(
    string Name,
    string Item,
    string Formula,
    string DerivativeFormula,
    Func<double, double> Value,
    Func<double, double> Derivative,
    IReadOnlyList<Kink> Kinks,
    Interval Range,
    Interval FloatingPointRange,
    double InsideRangeBelow,
    Parity Parity,
    int Direction,
    bool Strict,
    bool LimitsAtInfinity,
    double? Alpha = null,
    double? C = null)
{
    /// <summary>PLU descriptors by (α, c), built once each: a check draws new parameters for every case and asks for the
    /// descriptor several times per case. Cleared when it grows past 100,000 entries.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(double, double), ScalarSpec> Plus = new();

    private static int pluCount;

    /// <summary>Every scalar function, in the sheet's order (PLU with its defaults); built once (the checks read it in
    /// their inner loops).</summary>
    public static IReadOnlyList<ScalarSpec> All { get; } =
    [
        .. ActivationCatalog.All.Select(FromActivation),
        new("softplus", "3b", "ln(1 + e^x)", "σ(x)", Softplus.Value, Softplus.Derivative, [],
            Interval.Open(0, double.PositiveInfinity), Interval.Closed(0, double.MaxValue), 745, Parity.None, +1, true, true),
        new("hinge", "3b", "max(0, 1 − t)", "−1 for t < 1, 0 for t > 1; any value in [−1, 0] at t = 1", Hinge.Value, Hinge.Subgradient,
            [new Kink(1, -1, 0, 0)], new Interval(0, double.PositiveInfinity, true, false), Interval.Closed(0, double.MaxValue),
            double.PositiveInfinity, Parity.None, -1, false, true),
        new("smooth-hinge", "3b", "ln(1 + e^(1 − t))", "−σ(1 − t)", SmoothHinge.Value, SmoothHinge.Derivative, [],
            Interval.Open(0, double.PositiveInfinity), Interval.Closed(0, double.MaxValue), 745, Parity.None, -1, true, true),
        new("logistic", "3c", "ln(1 + e^(−t))", "−σ(−t)", LogisticLoss.Value, LogisticLoss.Derivative, [],
            Interval.Open(0, double.PositiveInfinity), Interval.Closed(0, double.MaxValue), 745, Parity.None, -1, true, true),
    ];

    /// <summary>The protocol names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(s => s.Name)];

    /// <summary>The function with this name; for plu, with the given parameters (its defaults when null).</summary>
    /// <param name="name">A protocol name.</param>
    /// <param name="alpha">PLU's α.</param>
    /// <param name="c">PLU's c.</param>
    /// <returns>The descriptor.</returns>
    /// <exception cref="ArgumentException">Unknown name, or α, c given for another function.</exception>
    /// <exception cref="ArgumentOutOfRangeException">α or c out of range.</exception>
    public static ScalarSpec Find(string name, double? alpha = null, double? c = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name == "plu")
        {
            var key = (alpha ?? Plu.DefaultAlpha, c ?? Plu.DefaultC);
            if (Plus.TryGetValue(key, out var known))
            {
                return known;
            }

            if (Interlocked.Increment(ref pluCount) > 100_000) // ConcurrentDictionary.Count takes every lock: count the adds instead
            {
                Plus.Clear();
                Interlocked.Exchange(ref pluCount, 0);
            }

            return Plus[key] = FromActivation(ActivationCatalog.CreatePlu(key.Item1, key.Item2)) with { Alpha = key.Item1, C = key.Item2 };
        }

        if (alpha is not null || c is not null)
        {
            throw new ArgumentException($"alpha and c are parameters of plu, not of {name}.", nameof(alpha));
        }

        return ByName.GetValueOrDefault(name)
            ?? throw new ArgumentException($"Unknown function '{name}'; valid names: {string.Join(", ", Names)}.", nameof(name));
    }

    private static Dictionary<string, ScalarSpec> ByName { get; } = All.ToDictionary(s => s.Name);

    /// <summary>The derivative is a subgradient at each kink: any value between the one-sided slopes is right there.</summary>
    /// <param name="x">A point.</param>
    /// <returns>The kink at x, or null.</returns>
    public Kink? KinkAt(double x) => Kinks.FirstOrDefault(k => k.At == x);

    private static ScalarSpec FromActivation(Activation a) => new(
        a.Name, a.Name == "sigmoid" ? "1d" : SheetItem(a.Name), a.Formula, a.DerivativeFormula, a.Value, a.Derivative, a.Kinks,
        a.Range, a.FloatingPointRange, a.InsideRangeBelow, a.Parity,
        a.Monotonicity == Monotonicity.None ? 0 : +1, a.Monotonicity == Monotonicity.Increasing, a.Name != "sin");

    private static string SheetItem(string activation) => activation switch
    {
        "tanh" => "2a",
        "erf" => "2b",
        "relu" => "2c",
        "leaky-relu" => "2d",
        "plu" => "2e",
        "sin" => "2f",
        _ => "2g",
    };
}
