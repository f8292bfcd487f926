namespace Calculus.Functions;

/// <summary>A point where a function is continuous but not differentiable.</summary>
/// <param name="At">The location of the kink.</param>
/// <param name="LeftSlope">The one-sided derivative from the left.</param>
/// <param name="RightSlope">The one-sided derivative from the right.</param>
/// <param name="Convention">The value the library's derivative returns at the kink.</param>
public sealed record Kink(double At, double LeftSlope, double RightSlope, double Convention);
