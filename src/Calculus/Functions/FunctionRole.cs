namespace Calculus.Functions;

/// <summary>What a function of the catalog is for on the sheet.</summary>
public enum FunctionRole
{
    /// <summary>A hidden activation (sheet 1d and 2): a network may use it.</summary>
    Activation,

    /// <summary>A loss, or the softplus it is built from (sheet 1e and 3).</summary>
    Loss,
}
