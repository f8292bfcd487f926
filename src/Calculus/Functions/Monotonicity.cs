namespace Calculus.Functions;

/// <summary>Monotonicity of a function over the real line.</summary>
public enum Monotonicity
{
    /// <summary>Not monotone.</summary>
    None,

    /// <summary>x &lt; y implies f(x) ≤ f(y).</summary>
    NonDecreasing,

    /// <summary>x &lt; y implies f(x) &lt; f(y).</summary>
    Increasing,

    /// <summary>x &lt; y implies f(x) ≥ f(y).</summary>
    NonIncreasing,

    /// <summary>x &lt; y implies f(x) &gt; f(y).</summary>
    Decreasing,
}
