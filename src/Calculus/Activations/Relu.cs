namespace Calculus;

/// <summary>The rectified linear unit ReLU(x) = max(0, x) (sheet 2c).</summary>
/// <remarks>
/// <para>Range: ReLU(ℝ) = [0, ∞); monotone non-decreasing; 1-Lipschitz; neither even nor odd.</para>
/// <para>Derivative: 0 for x &lt; 0, 1 for x &gt; 0. Kink at x = 0, where this library returns 0 (the smaller one-sided
/// slope, PyTorch's convention).</para>
/// <para>Special values: ReLU(±0) = +0; ReLU(+∞) = +∞, ReLU(−∞) = 0; NaN gives NaN (derivative too).</para>
/// </remarks>
public static class Relu
{
    /// <summary>ReLU(x) = max(0, x).</summary>
    /// <param name="x">The argument; any double.</param>
    /// <returns>max(0, x): +0 for every x ≤ 0, −0 included; NaN for NaN.</returns>
    public static double Value(double x) => x > 0 ? x : double.IsNaN(x) ? x : 0.0;

    /// <summary>ReLU'(x) = 1 for x &gt; 0, 0 for x ≤ 0 (0 at the kink).</summary>
    /// <param name="x">The argument; any double.</param>
    /// <returns>0 or 1; NaN for NaN.</returns>
    public static double Derivative(double x) => x > 0 ? 1.0 : double.IsNaN(x) ? x : 0.0;
}
