using System.Numerics;

namespace Calculus.Losses;

/// <summary>A loss of the score z of the sheet-1f network with label y, through the margin t = y·z: the losses of
/// exercise 3, so that the network gradient and the trainer do not care which one is used.</summary>
public interface IMarginLoss
{
    /// <summary>The name the command line takes: "logistic", "smooth-hinge" or "hinge".</summary>
    string Name { get; }

    /// <summary>Whether the loss is differentiable everywhere (the hinge is not at t = 1).</summary>
    bool IsSmooth { get; }

    /// <summary>The margin t = y·z where the loss has a kink (1 for the hinge); null for a smooth loss.</summary>
    double? Kink { get; }

    /// <summary>The loss at score z and label y.</summary>
    /// <param name="z">The score.</param>
    /// <param name="y">The label.</param>
    /// <returns>The loss.</returns>
    double Value(double z, double y);

    /// <summary>∂loss/∂z = y·loss'(y·z) (a subgradient where the loss has a kink).</summary>
    /// <param name="z">The score.</param>
    /// <param name="y">The label.</param>
    /// <returns>The derivative in z.</returns>
    double DerivativeInScore(double z, double y);

    /// <summary>The loss of a complex score with a real label, for the complex-step oracle; null when the loss has none.</summary>
    Func<Complex, double, Complex>? ComplexForm { get; }
}

/// <summary>The three losses of exercise 3 as <see cref="IMarginLoss"/>.</summary>
public static class MarginLosses
{
    /// <summary>l(yz) = log(1 + e^(−yz)), the loss of sheet 1f; ∂/∂z = f_e(z) = −y·σ(−yz) (<see cref="LabelLogisticLoss"/>).</summary>
    public static IMarginLoss Logistic { get; } = new LogisticMargin();

    /// <summary>h*(yz) = ln(1 + e^(1−yz)); ∂/∂z = −y·σ(1 − yz) (<see cref="Losses.SmoothHinge"/>).</summary>
    public static IMarginLoss SmoothHinge { get; } = new SmoothHingeMargin();

    /// <summary>max(0, 1 − yz) with the subgradient −y for yz &lt; 1 and 0 otherwise (<see cref="Losses.Hinge"/>).</summary>
    public static IMarginLoss Hinge { get; } = new HingeMargin();

    /// <summary>Logistic, smooth hinge, hinge.</summary>
    public static IReadOnlyList<IMarginLoss> All => [Logistic, SmoothHinge, Hinge];

    /// <summary>The loss with this name.</summary>
    /// <param name="name">"logistic", "smooth-hinge" or "hinge" (case-insensitive).</param>
    /// <returns>The loss.</returns>
    /// <exception cref="ArgumentException">Unknown name; the message lists the valid ones.</exception>
    public static IMarginLoss Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown loss '{name}'; valid names: {string.Join(", ", All.Select(l => l.Name))}.", nameof(name));
    }

    private sealed class LogisticMargin : IMarginLoss
    {
        public string Name => "logistic";

        public bool IsSmooth => true;

        public double? Kink => null;

        public double Value(double z, double y) => LabelLogisticLoss.Value(z, y);

        public double DerivativeInScore(double z, double y) => LabelLogisticLoss.Derivative(z, y);

        public Func<Complex, double, Complex> ComplexForm => LabelLogisticLoss.OfComplex;
    }

    private sealed class SmoothHingeMargin : IMarginLoss
    {
        public string Name => "smooth-hinge";

        public bool IsSmooth => true;

        public double? Kink => null;

        public double Value(double z, double y) => Losses.SmoothHinge.Value(y * z);

        public double DerivativeInScore(double z, double y) => y * Losses.SmoothHinge.Derivative(y * z);

        public Func<Complex, double, Complex> ComplexForm => (z, y) => Losses.SmoothHinge.OfComplex(y * z);
    }

    private sealed class HingeMargin : IMarginLoss
    {
        public string Name => "hinge";

        public bool IsSmooth => false;

        public double? Kink => 1.0;

        public double Value(double z, double y) => Losses.Hinge.Value(y * z);

        public double DerivativeInScore(double z, double y) => y * Losses.Hinge.Subgradient(y * z);

        public Func<Complex, double, Complex> ComplexForm => (z, y) => Losses.Hinge.OfComplex(y * z);
    }
}
