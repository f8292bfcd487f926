namespace Calculus;

/// <summary>The activations of sheet 2 (a–g) and the sigmoid of sheet 1, one descriptor each.</summary>
/// <remarks>Generic properties iterate <see cref="All"/>, so a new activation is covered by adding one record here
/// (and worked examples for its numbers). Each property builds its record on every access (eight small records, no
/// hot path reads them in a loop): a record cached in a static field is built once per process, which hides its text
/// and ranges from mutation testing (docs/mutation.md). Records compare by value, but two reads of an activation with
/// kinks hold different kink lists, so compare names or functions, not records.</remarks>
public static class ActivationCatalog
{
    /// <summary>The δ of every vanishing-gradient claim: |f'(x)| ≤ 1e-8 beyond the stated threshold.</summary>
    public const double VanishingGradient = 1e-8;

    /// <summary>σ(x) = 1/(1 + e^(−x)) (sheet 1d); saturates: σ'(x) ≤ e^(−20) ≈ 2.1e-9 for |x| ≥ 20.</summary>
    public static Activation Sigmoid => new(
        "sigmoid", "1/(1 + e^(-x))", "σ(x)·σ(-x)",
        Calculus.Sigmoid.Value, Calculus.Sigmoid.Derivative,
        Interval.Open(0, 1), Interval.Closed(0, 1),
        "rounds to 1 from x ≥ 37.43 (36.74 for the naive form); subnormal from x ≤ −708.3965; 0 from x ≤ −745.1333", 37.4,
        [], 0.25, Parity.None, Monotonicity.Increasing, new Saturation(20, VanishingGradient),
        "Smooth, bounded output in (0, 1) that reads as a probability.",
        "Saturates on both sides (σ' < 1e-8 for |x| ≥ 20) and is not zero-centred, which slows gradient descent.")
    {
        Values = Calculus.Sigmoid.Value,
        Derivatives = Calculus.Sigmoid.Derivative,
    };

    /// <summary>tanh(x) (sheet 2a); saturates: tanh'(x) ≤ 4e^(−20) ≈ 8.2e-9 for |x| ≥ 10.</summary>
    public static Activation Tanh => new(
        "tanh", "tanh(x)", "1 - tanh²(x) = sech²(x)",
        Calculus.Tanh.Value, Calculus.Tanh.Derivative,
        Interval.Open(-1, 1), Interval.Closed(-1, 1),
        "rounds to ±1 from |x| ≥ 19.0616", 19.06,
        [], 1.0, Parity.Odd, Monotonicity.Increasing, new Saturation(10, VanishingGradient),
        "Zero-centred and smooth, with a gradient of 1 at the origin.",
        "Saturates for large |x| (tanh' < 1e-8 for |x| ≥ 10), so gradients vanish in deep networks.")
    {
        Values = Calculus.Tanh.Value,
        Derivatives = Calculus.Tanh.Derivative,
    };

    /// <summary>erf(x) (sheet 2b); saturates: erf'(x) ≤ (2/√π)e^(−25) ≈ 1.6e-11 for |x| ≥ 5.</summary>
    public static Activation Erf => new(
        "erf", "erf(x) = (2/√π)∫₀ˣ e^(-t²) dt", "(2/√π)·e^(-x²)",
        Calculus.Erf.Value, Calculus.Erf.Derivative,
        Interval.Open(-1, 1), Interval.Closed(-1, 1),
        "rounds to ±1 from |x| ≥ 5.9216", 5.92,
        [], Calculus.Erf.TwoOverSqrtPi, Parity.Odd, Monotonicity.Increasing, new Saturation(5, VanishingGradient),
        "Zero-centred and smooth like tanh, with a cheap closed-form derivative.",
        "Saturates even faster than tanh (erf' < 1e-8 for |x| ≥ 5) and erf itself is costly to evaluate.")
    {
        Values = Calculus.Erf.Value,
        Derivatives = Calculus.Erf.Derivative,
    };

    /// <summary>ReLU(x) = max(0, x) (sheet 2c).</summary>
    public static Activation Relu => new(
        "relu", "max(0, x)", "1 for x > 0, 0 for x ≤ 0",
        Calculus.Relu.Value, Calculus.Relu.Derivative,
        new Interval(0, double.PositiveInfinity, true, false), Interval.Closed(0, double.MaxValue),
        "never saturates above; exactly 0 for every x ≤ 0", double.PositiveInfinity,
        [new Kink(0, 0, 1, 0)], 1.0, Parity.None, Monotonicity.NonDecreasing, null,
        "Cheap, and its gradient is exactly 1 for every x > 0, so it does not vanish there.",
        "Dead units: the gradient is exactly 0 for x < 0, so a unit stuck there never learns; the output is unbounded.")
    {
        Values = Calculus.Relu.Value,
        Derivatives = Calculus.Relu.Derivative,
    };

    /// <summary>Leaky ReLU(x) = max(0.01x, x) (sheet 2d).</summary>
    public static Activation LeakyRelu => new(
        "leaky-relu", "max(0.01x, x)", "1 for x > 0, 0.01 for x ≤ 0",
        Calculus.LeakyRelu.Value, Calculus.LeakyRelu.Derivative,
        Interval.RealLine, Interval.Closed(-double.MaxValue / 100, double.MaxValue),
        "never saturates", double.PositiveInfinity,
        [new Kink(0, Calculus.LeakyRelu.Slope, 1, Calculus.LeakyRelu.Slope)], 1.0, Parity.None, Monotonicity.Increasing, null,
        "Keeps ReLU's cheap non-vanishing gradient and never dies: the gradient is 0.01, not 0, for x < 0.",
        "The slope 0.01 is an arbitrary hyper-parameter, and the output is unbounded on both sides.")
    {
        Values = Calculus.LeakyRelu.Value,
        Derivatives = Calculus.LeakyRelu.Derivative,
    };

    /// <summary>PLU with the defaults α = 0.1, c = 1 (sheet 2e).</summary>
    public static Activation Plu => CreatePlu(Calculus.Plu.DefaultAlpha, Calculus.Plu.DefaultC);

    /// <summary>sin(x) (sheet 2f).</summary>
    public static Activation Sinusoid => new(
        "sin", "sin(x)", "cos(x)",
        Calculus.Sinusoid.Value, Calculus.Sinusoid.Derivative,
        Interval.Closed(-1, 1), Interval.Closed(-1, 1),
        "never saturates: periodic, values in [−1, 1] for every finite x", double.PositiveInfinity,
        [], 1.0, Parity.Odd, Monotonicity.None, null,
        "Zero-centred, smooth and never saturating: its gradient cos(x) has magnitude 1 at every multiple of π.",
        "Periodic and not monotone, so many inputs map to the same output and the loss surface has many local minima.")
    {
        Values = Calculus.Sinusoid.Value,
        Derivatives = Calculus.Sinusoid.Derivative,
    };

    /// <summary>The Gaussian e^(−x²) (sheet 2g); saturates: |f'(x)| ≤ 10e^(−25) ≈ 1.4e-10 for |x| ≥ 5.</summary>
    public static Activation Gaussian => new(
        "gaussian", "e^(-x²)", "-2x·e^(-x²)",
        Calculus.Gaussian.Value, Calculus.Gaussian.Derivative,
        new Interval(0, 1, false, true), Interval.Closed(0, 1),
        "1 for |x| ≤ 2^-27; subnormal from |x| ≥ 26.6158; 0 from |x| ≥ 27.2972", 27.29,
        [], 0.8577638849607068, Parity.Even, Monotonicity.None, new Saturation(5, VanishingGradient),
        "Smooth and local: a unit responds only to inputs near 0, like a radial basis function.",
        "Not monotone and its gradient vanishes on both sides (|f'| < 1e-8 for |x| ≥ 5), so units far from 0 stop learning.")
    {
        Values = Calculus.Gaussian.Value,
        Derivatives = Calculus.Gaussian.Derivative,
    };

    /// <summary>Every activation, in the sheet's order after the sigmoid of sheet 1.</summary>
    public static IReadOnlyList<Activation> All =>
        [Sigmoid, Tanh, Erf, Relu, LeakyRelu, Plu, Sinusoid, Gaussian];

    /// <summary>The activation with this name (see <see cref="Activation.Name"/>).</summary>
    /// <param name="name">A catalog name, e.g. "tanh"; case-insensitive.</param>
    /// <returns>The descriptor.</returns>
    /// <exception cref="ArgumentException">No activation has that name; the message lists the valid names.</exception>
    public static Activation Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"Unknown activation '{name}'; valid names: {string.Join(", ", All.Select(a => a.Name))}.", nameof(name));
    }

    /// <summary>PLU(x) = max(α(x + c) − c, min(α(x − c) + c, x)) with the given parameters, as a descriptor.</summary>
    /// <param name="alpha">The outer slope α ∈ [0, 1].</param>
    /// <param name="c">The half-width c &gt; 0 of the identity piece.</param>
    /// <returns>The PLU descriptor; its range is (−∞, ∞) for α &gt; 0 and [−c, c] for α = 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">α outside [0, 1] or c not in (0, ∞).</exception>
    public static Activation CreatePlu(double alpha, double c)
    {
        // Stryker disable once Statement : equivalent: Plu.Value below validates α and c with the same exception first.
        Calculus.Plu.Validate(alpha, c);
        double Value(double x) => Calculus.Plu.Value(x, alpha, c);
        var range = alpha > 0 ? Interval.RealLine : Interval.Closed(-c, c);
        return new Activation(
            "plu", $"max({alpha}(x + {c}) - {c}, min({alpha}(x - {c}) + {c}, x))", $"1 for |x| < {c}, {alpha} for |x| ≥ {c}",
            Value, x => Calculus.Plu.Derivative(x, alpha, c),
            range, Interval.Closed(Value(-double.MaxValue), Value(double.MaxValue)),
            alpha > 0 ? "never saturates" : $"clips to ±{c} for |x| ≥ {c}", double.PositiveInfinity,
            [new Kink(-c, alpha, 1, alpha), new Kink(c, 1, alpha, alpha)],
            1.0, Parity.Odd, alpha > 0 ? Monotonicity.Increasing : Monotonicity.NonDecreasing, null,
            $"The identity on [−{c}, {c}] with a gradient ≥ α = {alpha} everywhere, so it never saturates for α > 0.",
            "Two extra hyper-parameters (α, c) and two kinks; for α = 0 it is a hard clip whose gradient dies outside [−c, c].")
        {
            Values = (x, result) => Calculus.Plu.Value(x, result, alpha, c),
            Derivatives = (x, result) => Calculus.Plu.Derivative(x, result, alpha, c),
        };
    }
}
