using MathNet.Numerics;

namespace Calculus.Examples.Support;

/// <summary>Distances in units in the last place, through MathNet's <c>Precision</c>.</summary>
internal static class Ulp
{
    /// <summary>The ulp distance: 0 for equal values (+0 and −0 included), 1 for neighbours, across zero too.</summary>
    public static ulong Distance(double a, double b) => a == b ? 0 : Precision.NumbersBetween(a, b);
}
