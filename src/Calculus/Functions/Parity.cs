namespace Calculus.Functions;

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
