namespace Calculus;

/// <summary>A point where an activation is continuous but not differentiable.</summary>
/// <param name="At">The location of the kink.</param>
/// <param name="LeftSlope">The one-sided derivative from the left.</param>
/// <param name="RightSlope">The one-sided derivative from the right.</param>
/// <param name="Convention">The value the library's derivative returns at the kink.</param>
public sealed record Kink(double At, double LeftSlope, double RightSlope, double Convention);

/// <summary>Symmetry of a function under x ↦ −x.</summary>
public enum Parity
{
    /// <summary>Neither even nor odd.</summary>
    None,

    /// <summary>f(−x) = f(x).</summary>
    Even,

    /// <summary>f(−x) = −f(x).</summary>
    Odd,
}

/// <summary>Monotonicity of a function over the real line.</summary>
public enum Monotonicity
{
    /// <summary>Not monotone.</summary>
    None,

    /// <summary>x &lt; y implies f(x) ≤ f(y).</summary>
    NonDecreasing,

    /// <summary>x &lt; y implies f(x) &lt; f(y).</summary>
    Increasing,
}

/// <summary>A vanishing-gradient claim: |f'(x)| ≤ <paramref name="GradientBound"/> for every |x| ≥ <paramref name="Threshold"/>.</summary>
/// <param name="Threshold">The |x| from which the bound holds.</param>
/// <param name="GradientBound">The bound δ on |f'(x)| there.</param>
public sealed record Saturation(double Threshold, double GradientBound);
