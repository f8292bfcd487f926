using System.Collections.Concurrent;
using Act = Calculus.Activations;
using Loss = Calculus.Losses;

namespace Calculus.Functions;

/// <summary>Every function of the sheet, one descriptor each: the activations of sheet 1d and 2 (a–g), the losses of
/// exercise 3 with softplus, the label-logistic loss of 1e, and the vector functions of 3a. The library, the tests, the
/// checker and the command line all read them from here.</summary>
/// <remarks>Generic properties and checks iterate <see cref="All"/>, so a new function of one variable is covered by
/// adding its descriptor here (and worked examples for its numbers). The descriptors are built once; each read returns
/// the same instance.</remarks>
public static class Catalog
{
    /// <summary>The δ of every vanishing-gradient claim: |f'(x)| ≤ 1e-8 beyond the stated threshold.</summary>
    public const double VanishingGradient = 1e-8;

    /// <summary>PLU descriptors by (α, c), built once each; cleared when it grows past this many entries.</summary>
    private const int MaxCachedPlus = 100_000;

    private static readonly ConcurrentDictionary<(double Alpha, double C), ScalarFunction> Plus = new();

    private static int pluCount;

    /// <summary>PLU's α and c: α ∈ [0, 1] in eighths (and its default 0.1), c from 1e-3 to 5.</summary>
    private static IReadOnlyList<Parameter> PluParameters { get; } =
    [
        new("alpha", "α", Act.Plu.DefaultAlpha, Interval.Closed(0, 1), [.. Enumerable.Range(0, 9).Select(k => k / 8.0)], [Act.Plu.DefaultAlpha]),
        new("c", "c", Act.Plu.DefaultC, new Interval(0, double.PositiveInfinity, false, false), [0.25, 0.5, 1, 1.5, 2, 3, 5], [1e-3, 0.01, 0.1]),
    ];

    /// <summary>The label y of sheet 1e: any finite real, ±1 on the sheet; no default.</summary>
    private static IReadOnlyList<Parameter> LabelParameters { get; } =
        [new("y", "y", null, Interval.Open(double.NegativeInfinity, double.PositiveInfinity), [-1, 1], [-3, -1e-2, 1e-2, 3])];

    /// <summary>σ(x) = 1/(1 + e^(−x)) (sheet 1d); saturates: σ'(x) ≤ e^(−20) ≈ 2.1e-9 for |x| ≥ 20.</summary>
    public static ScalarFunction Sigmoid { get; } = new()
    {
        Name = "sigmoid", Item = "1d", Role = FunctionRole.Activation,
        Formula = "1/(1 + e^(−x))", DerivativeFormula = "σ(x)·σ(−x)",
        Value = Act.Sigmoid.Value, Derivative = Act.Sigmoid.Derivative,
        Values = Act.Sigmoid.Value, Derivatives = Act.Sigmoid.Derivative, ComplexForm = Act.Sigmoid.OfComplex,
        Range = Interval.Open(0, 1), FloatingPointRange = Interval.Closed(0, 1),
        SaturatesInDouble = "rounds to 1 from x ≥ 37.43 (36.74 for the naive form); subnormal from x ≤ −708.3965; 0 from x ≤ −745.1333",
        InsideRangeBelow = 37.4, Lipschitz = 0.25, Parity = Parity.None, Monotonicity = Monotonicity.Increasing,
        Saturation = new Saturation(20, VanishingGradient),
        Advantage = "Smooth, bounded output in (0, 1) that reads as a probability.",
        Disadvantage = "Saturates on both sides (σ' < 1e-8 for |x| ≥ 20) and is not zero-centred, which slows gradient descent.",
    };

    /// <summary>tanh(x) (sheet 2a); saturates: tanh'(x) ≤ 4e^(−20) ≈ 8.2e-9 for |x| ≥ 10.</summary>
    public static ScalarFunction Tanh { get; } = new()
    {
        Name = "tanh", Item = "2a", Role = FunctionRole.Activation,
        Formula = "tanh(x)", DerivativeFormula = "1 − tanh²(x) = sech²(x)",
        Value = Act.Tanh.Value, Derivative = Act.Tanh.Derivative,
        Values = Act.Tanh.Value, Derivatives = Act.Tanh.Derivative, ComplexForm = Act.Tanh.OfComplex,
        Range = Interval.Open(-1, 1), FloatingPointRange = Interval.Closed(-1, 1),
        SaturatesInDouble = "rounds to ±1 from |x| ≥ 19.0616", InsideRangeBelow = 19.06,
        Lipschitz = 1.0, Parity = Parity.Odd, Monotonicity = Monotonicity.Increasing,
        Saturation = new Saturation(10, VanishingGradient),
        Advantage = "Zero-centred and smooth, with a gradient of 1 at the origin.",
        Disadvantage = "Saturates for large |x| (tanh' < 1e-8 for |x| ≥ 10), so gradients vanish in deep networks.",
    };

    /// <summary>erf(x) (sheet 2b); saturates: erf'(x) ≤ (2/√π)e^(−25) ≈ 1.6e-11 for |x| ≥ 5.</summary>
    public static ScalarFunction Erf { get; } = new()
    {
        Name = "erf", Item = "2b", Role = FunctionRole.Activation,
        Formula = "erf(x) = (2/√π)∫₀ˣ e^(−t²) dt", DerivativeFormula = "(2/√π)·e^(−x²)",
        Value = Act.Erf.Value, Derivative = Act.Erf.Derivative,
        Values = Act.Erf.Value, Derivatives = Act.Erf.Derivative, ComplexForm = Act.Erf.OfComplex,
        Range = Interval.Open(-1, 1), FloatingPointRange = Interval.Closed(-1, 1),
        SaturatesInDouble = "rounds to ±1 from |x| ≥ 5.9216", InsideRangeBelow = 5.92,
        Lipschitz = Act.Erf.TwoOverSqrtPi, Parity = Parity.Odd, Monotonicity = Monotonicity.Increasing,
        Saturation = new Saturation(5, VanishingGradient),
        Advantage = "Zero-centred and smooth like tanh, with a cheap closed-form derivative.",
        Disadvantage = "Saturates even faster than tanh (erf' < 1e-8 for |x| ≥ 5) and erf itself is costly to evaluate.",
    };

    /// <summary>ReLU(x) = max(0, x) (sheet 2c).</summary>
    public static ScalarFunction Relu { get; } = new()
    {
        Name = "relu", Item = "2c", Role = FunctionRole.Activation,
        Formula = "max(0, x)", DerivativeFormula = "1 for x > 0, 0 for x ≤ 0",
        Value = Act.Relu.Value, Derivative = Act.Relu.Derivative,
        Values = Act.Relu.Value, Derivatives = Act.Relu.Derivative, ComplexForm = Act.Relu.OfComplex,
        Kinks = [new Kink(0, 0, 1, 0)],
        Range = new Interval(0, double.PositiveInfinity, true, false), FloatingPointRange = Interval.Closed(0, double.MaxValue),
        SaturatesInDouble = "never saturates above; exactly 0 for every x ≤ 0", InsideRangeBelow = double.PositiveInfinity,
        Lipschitz = 1.0, Parity = Parity.None, Monotonicity = Monotonicity.NonDecreasing,
        Advantage = "Cheap, and its gradient is exactly 1 for every x > 0, so it does not vanish there.",
        Disadvantage = "Dead units: the gradient is exactly 0 for x < 0, so a unit stuck there never learns; the output is unbounded.",
    };

    /// <summary>Leaky ReLU(x) = max(0.01x, x) (sheet 2d).</summary>
    public static ScalarFunction LeakyRelu { get; } = new()
    {
        Name = "leaky-relu", Item = "2d", Role = FunctionRole.Activation,
        Formula = "max(0.01x, x)", DerivativeFormula = "1 for x > 0, 0.01 for x ≤ 0",
        Value = Act.LeakyRelu.Value, Derivative = Act.LeakyRelu.Derivative,
        Values = Act.LeakyRelu.Value, Derivatives = Act.LeakyRelu.Derivative, ComplexForm = Act.LeakyRelu.OfComplex,
        Kinks = [new Kink(0, Act.LeakyRelu.Slope, 1, Act.LeakyRelu.Slope)],
        Range = Interval.RealLine, FloatingPointRange = Interval.Closed(-double.MaxValue / 100, double.MaxValue),
        SaturatesInDouble = "never saturates", InsideRangeBelow = double.PositiveInfinity,
        Lipschitz = 1.0, Parity = Parity.None, Monotonicity = Monotonicity.Increasing,
        Advantage = "Keeps ReLU's cheap non-vanishing gradient and never dies: the gradient is 0.01, not 0, for x < 0.",
        Disadvantage = "The slope 0.01 is an arbitrary hyper-parameter, and the output is unbounded on both sides.",
    };

    /// <summary>PLU with the defaults α = 0.1, c = 1 (sheet 2e); <see cref="ScalarFunction.With"/>(α, c) for others.</summary>
    public static ScalarFunction Plu { get; } = CreatePlu(Act.Plu.DefaultAlpha, Act.Plu.DefaultC);

    /// <summary>sin(x) (sheet 2f).</summary>
    public static ScalarFunction Sinusoid { get; } = new()
    {
        Name = "sin", Item = "2f", Role = FunctionRole.Activation,
        Formula = "sin(x)", DerivativeFormula = "cos(x)",
        Value = Act.Sinusoid.Value, Derivative = Act.Sinusoid.Derivative,
        Values = Act.Sinusoid.Value, Derivatives = Act.Sinusoid.Derivative, ComplexForm = Act.Sinusoid.OfComplex,
        Range = Interval.Closed(-1, 1), FloatingPointRange = Interval.Closed(-1, 1),
        SaturatesInDouble = "never saturates: periodic, values in [−1, 1] for every finite x", InsideRangeBelow = double.PositiveInfinity,
        Lipschitz = 1.0, Parity = Parity.Odd, Monotonicity = Monotonicity.None, LimitsAtInfinity = false,
        Advantage = "Zero-centred, smooth and never saturating: its gradient cos(x) has magnitude 1 at every multiple of π.",
        Disadvantage = "Periodic and not monotone, so many inputs map to the same output and the loss surface has many local minima.",
    };

    /// <summary>The Gaussian e^(−x²) (sheet 2g); saturates: |f'(x)| ≤ 10e^(−25) ≈ 1.4e-10 for |x| ≥ 5.</summary>
    public static ScalarFunction Gaussian { get; } = new()
    {
        Name = "gaussian", Item = "2g", Role = FunctionRole.Activation,
        Formula = "e^(−x²)", DerivativeFormula = "−2x·e^(−x²)",
        Value = Act.Gaussian.Value, Derivative = Act.Gaussian.Derivative,
        Values = Act.Gaussian.Value, Derivatives = Act.Gaussian.Derivative, ComplexForm = Act.Gaussian.OfComplex,
        Range = new Interval(0, 1, false, true), FloatingPointRange = Interval.Closed(0, 1),
        SaturatesInDouble = "1 for |x| ≤ 2^-27; subnormal from |x| ≥ 26.6158; 0 from |x| ≥ 27.2972", InsideRangeBelow = 27.29,
        Lipschitz = 0.8577638849607068, Parity = Parity.Even, Monotonicity = Monotonicity.None,
        Saturation = new Saturation(5, VanishingGradient),
        Advantage = "Smooth and local: a unit responds only to inputs near 0, like a radial basis function.",
        Disadvantage = "Not monotone and its gradient vanishes on both sides (|f'| < 1e-8 for |x| ≥ 5), so units far from 0 stop learning.",
    };

    /// <summary>softplus(x) = ln(1 + e^x) (sheet 3b: h*(t) = softplus(1 − t)).</summary>
    public static ScalarFunction Softplus { get; } = new()
    {
        Name = "softplus", Item = "3b", Role = FunctionRole.Loss,
        Formula = "ln(1 + e^x)", DerivativeFormula = "σ(x)",
        Value = Loss.Softplus.Value, Derivative = Loss.Softplus.Derivative,
        Values = Loss.Softplus.Value, Derivatives = Loss.Softplus.Derivative, ComplexForm = Loss.Softplus.OfComplex,
        Range = Interval.Open(0, double.PositiveInfinity), FloatingPointRange = Interval.Closed(0, double.MaxValue),
        SaturatesInDouble = "0 from x ≤ −745.1333; rounds to x from x ≥ 33.2711", InsideRangeBelow = 745,
        Lipschitz = 1.0, Parity = Parity.None, Monotonicity = Monotonicity.Increasing,
    };

    /// <summary>The hinge loss h(t) = max(0, 1 − t) (sheet 3b).</summary>
    public static ScalarFunction Hinge { get; } = new()
    {
        Name = "hinge", Item = "3b", Role = FunctionRole.Loss,
        Formula = "max(0, 1 − t)", DerivativeFormula = "−1 for t < 1, 0 for t ≥ 1 (a subgradient at the kink t = 1)",
        Value = Loss.Hinge.Value, Derivative = Loss.Hinge.Subgradient,
        Values = Loss.Hinge.Value, Derivatives = Loss.Hinge.Subgradient, ComplexForm = Loss.Hinge.OfComplex,
        Kinks = [new Kink(1, -1, 0, 0)],
        Range = new Interval(0, double.PositiveInfinity, true, false), FloatingPointRange = Interval.Closed(0, double.MaxValue),
        SaturatesInDouble = "exactly 0 for every t ≥ 1", InsideRangeBelow = double.PositiveInfinity,
        Lipschitz = 1.0, Parity = Parity.None, Monotonicity = Monotonicity.NonIncreasing,
    };

    /// <summary>The smooth hinge h*(t) = ln(1 + e^(1 − t)) (sheet 3b).</summary>
    public static ScalarFunction SmoothHinge { get; } = new()
    {
        Name = "smooth-hinge", Item = "3b", Role = FunctionRole.Loss,
        Formula = "ln(1 + e^(1 − t))", DerivativeFormula = "−σ(1 − t)",
        Value = Loss.SmoothHinge.Value, Derivative = Loss.SmoothHinge.Derivative,
        Values = Loss.SmoothHinge.Value, Derivatives = Loss.SmoothHinge.Derivative, ComplexForm = Loss.SmoothHinge.OfComplex,
        Range = Interval.Open(0, double.PositiveInfinity), FloatingPointRange = Interval.Closed(0, double.MaxValue),
        SaturatesInDouble = "0 from t ≥ 746.1333", InsideRangeBelow = 745,
        Lipschitz = 1.0, Parity = Parity.None, Monotonicity = Monotonicity.Decreasing,
    };

    /// <summary>The logistic loss l(t) = ln(1 + e^(−t)) (sheet 3c).</summary>
    public static ScalarFunction Logistic { get; } = new()
    {
        Name = "logistic", Item = "3c", Role = FunctionRole.Loss,
        Formula = "ln(1 + e^(−t))", DerivativeFormula = "−σ(−t)",
        Value = Loss.LogisticLoss.Value, Derivative = Loss.LogisticLoss.Derivative,
        Values = Loss.LogisticLoss.Value, Derivatives = Loss.LogisticLoss.Derivative, ComplexForm = Loss.LogisticLoss.OfComplex,
        Range = Interval.Open(0, double.PositiveInfinity), FloatingPointRange = Interval.Closed(0, double.MaxValue),
        SaturatesInDouble = "0 from t ≥ 745.1333; rounds to −t from t ≤ −33.2711", InsideRangeBelow = 745,
        Lipschitz = 1.0, Parity = Parity.None, Monotonicity = Monotonicity.Decreasing,
    };

    /// <summary>The loss of sheet 1e as a function of the score a, ℓ(a; y) = log(1 + e^(−ya)), with its label y as a
    /// parameter that must be given: <c>LabelLogistic.With(y)</c>.</summary>
    public static ScalarFunction LabelLogistic { get; } = CreateLabelLogistic(null);

    /// <summary>Every function of one variable, in the sheet's order: the activations, then softplus and the losses of
    /// exercise 3 (not <see cref="LabelLogistic"/>, whose label must be given).</summary>
    public static IReadOnlyList<ScalarFunction> All { get; } =
        [Sigmoid, Tanh, Erf, Relu, LeakyRelu, Plu, Sinusoid, Gaussian, Softplus, Hinge, SmoothHinge, Logistic];

    /// <summary>The activations: the sigmoid of sheet 1d and those of sheet 2, in order.</summary>
    public static IReadOnlyList<ScalarFunction> Activations { get; } = [.. All.Where(f => f.Role == FunctionRole.Activation)];

    /// <summary>The vector functions of sheet 3a: log-sum-exp and its excess over the maximum.</summary>
    public static IReadOnlyList<VectorFunction> Vectors { get; } =
    [
        new("logsumexp", "3a", "ln Σ e^(a_i)", a => LogSumExp.Value(a)),
        new("lse-excess", "3a", "ln Σ e^(a_i) − max a", a => LogSumExp.Excess(a)),
    ];

    /// <summary>Every name <see cref="Find"/> and <see cref="FindVector"/> take, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Name), LabelLogistic.Name, .. Vectors.Select(f => f.Name)];

    /// <summary>The function of one variable with this name: an entry of <see cref="All"/>, or <see cref="LabelLogistic"/>.</summary>
    /// <param name="name">A name, e.g. "tanh"; case-insensitive.</param>
    /// <returns>The descriptor.</returns>
    /// <exception cref="ArgumentException">No such function; the message lists the valid names.</exception>
    public static ScalarFunction Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        bool Named(ScalarFunction f) => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase);
        return All.FirstOrDefault(Named) ?? (Named(LabelLogistic) ? LabelLogistic : null)
            ?? throw new ArgumentException($"Unknown function '{name}'; valid names: {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>The activation with this name.</summary>
    /// <param name="name">An activation's name; case-insensitive.</param>
    /// <returns>The descriptor.</returns>
    /// <exception cref="ArgumentException">No activation has that name; the message lists the valid names.</exception>
    public static ScalarFunction FindActivation(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Activations.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"Unknown activation '{name}'; valid names: {string.Join(", ", Activations.Select(a => a.Name))}.", nameof(name));
    }

    /// <summary>The vector function with this name.</summary>
    /// <param name="name">"logsumexp" or "lse-excess"; case-insensitive.</param>
    /// <returns>The descriptor, or null when no vector function has that name.</returns>
    public static VectorFunction? FindVector(string name) =>
        Vectors.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>PLU(x) = max(α(x + c) − c, min(α(x − c) + c, x)) with the given parameters, as a descriptor (the same
    /// instance for the same α and c).</summary>
    /// <param name="alpha">The outer slope α ∈ [0, 1].</param>
    /// <param name="c">The half-width c &gt; 0 of the identity piece.</param>
    /// <returns>The PLU descriptor; its range is (−∞, ∞) for α &gt; 0 and [−c, c] for α = 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">α outside [0, 1] or c not in (0, ∞).</exception>
    public static ScalarFunction CreatePlu(double alpha, double c)
    {
        Act.Plu.Validate(alpha, c);
        if (Plus.TryGetValue((alpha, c), out var known))
        {
            return known;
        }

        if (Interlocked.Increment(ref pluCount) > MaxCachedPlus) // ConcurrentDictionary.Count takes every lock: count the adds instead
        {
            Plus.Clear();
            Interlocked.Exchange(ref pluCount, 0);
        }

        return Plus.GetOrAdd((alpha, c), key => NewPlu(key.Alpha, key.C));
    }

    private static ScalarFunction NewPlu(double alpha, double c)
    {
        double Value(double x) => Act.Plu.Value(x, alpha, c);
        string a = Show(alpha), h = Show(c);
        return new ScalarFunction
        {
            Name = "plu", Item = "2e", Role = FunctionRole.Activation,
            Formula = $"max({a}(x + {h}) − {h}, min({a}(x − {h}) + {h}, x))", DerivativeFormula = $"1 for |x| < {h}, {a} for |x| ≥ {h}",
            Value = Value, Derivative = x => Act.Plu.Derivative(x, alpha, c),
            Values = (x, result) => Act.Plu.Value(x, result, alpha, c),
            Derivatives = (x, result) => Act.Plu.Derivative(x, result, alpha, c),
            Kinks = [new Kink(-c, alpha, 1, alpha), new Kink(c, 1, alpha, alpha)],
            Range = alpha > 0 ? Interval.RealLine : Interval.Closed(-c, c),
            FloatingPointRange = Interval.Closed(Value(-double.MaxValue), Value(double.MaxValue)),
            SaturatesInDouble = alpha > 0 ? "never saturates" : $"clips to ±{h} for |x| ≥ {h}", InsideRangeBelow = double.PositiveInfinity,
            Lipschitz = 1.0, Parity = Parity.Odd, Monotonicity = alpha > 0 ? Monotonicity.Increasing : Monotonicity.NonDecreasing,
            Parameters = PluParameters, Arguments = [alpha, c], Bind = p => CreatePlu(p[0], p[1]),
            Advantage = $"The identity on [−{h}, {h}] with a gradient ≥ α = {a} everywhere, so it never saturates for α > 0.",
            Disadvantage = "Two extra hyper-parameters (α, c) and two kinks; for α = 0 it is a hard clip whose gradient dies outside [−c, c].",
        };
    }

    /// <summary>ℓ(a; y) with the label bound, or the catalog's unbound entry (y null), whose forms throw until a label is
    /// given.</summary>
    private static ScalarFunction CreateLabelLogistic(double? label)
    {
        double Need() => label ?? throw new InvalidOperationException("label-logistic needs its label: LabelLogistic.With(y).");
        return new ScalarFunction
        {
            Name = "label-logistic", Item = "1e", Role = FunctionRole.Loss,
            Formula = "ln(1 + e^(−y·a))", DerivativeFormula = "−y·σ(−y·a)",
            Value = a => Loss.LabelLogisticLoss.Value(a, Need()), Derivative = a => Loss.LabelLogisticLoss.Derivative(a, Need()),
            ComplexForm = a => Loss.LabelLogisticLoss.OfComplex(a, Need()),
            Range = Interval.Open(0, double.PositiveInfinity), FloatingPointRange = Interval.Closed(0, double.MaxValue),
            SaturatesInDouble = "0 from y·a ≥ 745.1333; rounds to −y·a from y·a ≤ −33.2711", InsideRangeBelow = double.PositiveInfinity,
            Lipschitz = label is { } y ? Math.Abs(y) : double.PositiveInfinity, Parity = Parity.None,
            Monotonicity = label switch { > 0 => Monotonicity.Decreasing, < 0 => Monotonicity.Increasing, _ => Monotonicity.None },
            Parameters = LabelParameters, Arguments = label is { } given ? [given] : [], Bind = p => CreateLabelLogistic(p[0]),
        };
    }

    private static string Show(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
