namespace Calculus.Functions;

/// <summary>A vanishing-gradient claim: |f'(x)| ≤ <paramref name="GradientBound"/> for every |x| ≥ <paramref name="Threshold"/>.</summary>
/// <param name="Threshold">The |x| from which the bound holds.</param>
/// <param name="GradientBound">The bound δ on |f'(x)| there.</param>
public sealed record Saturation(double Threshold, double GradientBound);
