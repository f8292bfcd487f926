namespace Calculus.Checking;

/// <summary>Where the numeric derivative a gradient check compares with comes from.</summary>
public enum Oracle
{
    /// <summary>Central differences of f: the 5-point stencil, with the 3-point one for the error estimate, at up to
    /// three steps.</summary>
    CentralDifference,

    /// <summary>The complex step Im f(x + ih)/h, h = 1e-20, for f written over complex numbers.</summary>
    ComplexStep,
}

/// <summary>The oracles in words.</summary>
public static class Oracles
{
    /// <summary>"central difference, 5-point (3-point for the error estimate)" or "complex step, h = 1e-20".</summary>
    /// <param name="oracle">The oracle.</param>
    /// <returns>The description.</returns>
    public static string Description(this Oracle oracle) => oracle switch
    {
        Oracle.ComplexStep => "complex step, h = 1e-20",
        _ => "central difference, 5-point (3-point for the error estimate)",
    };

    /// <summary>"central difference" or "complex step".</summary>
    /// <param name="oracle">The oracle.</param>
    /// <returns>The short name.</returns>
    public static string ShortName(this Oracle oracle) => oracle == Oracle.ComplexStep ? "complex step" : "central difference";
}
