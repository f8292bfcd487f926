using System.Numerics;

namespace Calculus.Checking;

/// <summary>The analytic functions of the library written over <see cref="Complex"/>, for the complex-step oracle.</summary>
/// <remarks>
/// <para>Only the imaginary part of f(x + ih) matters (h = 1e-20), so each form keeps that part free of cancellation
/// and overflow: σ and tanh branch on the sign of Re z like their real forms, softplus takes the argument of
/// 1 + e^(±z) (computed by atan2, exact to an ulp), and e^(−z²) splits x² exactly as the real Gaussian does.</para>
/// <para>Valid where |f'(x)|·1e-20 is a normal double: |x| ≲ 600 for σ and the losses, ≲ 300 for tanh,
/// ≲ 25 for the Gaussian.</para>
/// </remarks>
public static class ComplexForms
{
    /// <summary>σ(z) = 1/(1 + e^(−z)), branched on Re z.</summary>
    /// <param name="z">The argument.</param>
    /// <returns>σ(z).</returns>
    public static Complex Sigmoid(Complex z)
    {
        if (z.Real >= 0)
        {
            return 1.0 / (1.0 + Complex.Exp(-z));
        }

        var e = Complex.Exp(z);
        return e / (1.0 + e);
    }

    /// <summary>tanh(z) = (1 − e^(−2z))/(1 + e^(−2z)) for Re z ≥ 0, odd.</summary>
    /// <param name="z">The argument.</param>
    /// <returns>tanh(z).</returns>
    public static Complex Tanh(Complex z)
    {
        if (z.Real < 0)
        {
            return -Tanh(-z);
        }

        var e = Complex.Exp(-2.0 * z);
        return (1.0 - e) / (1.0 + e);
    }

    /// <summary>sin(z).</summary>
    /// <param name="z">The argument.</param>
    /// <returns>sin(z).</returns>
    public static Complex Sin(Complex z) => Complex.Sin(z);

    /// <summary>e^(−z²) with Re z² = x² − y² and x² split exactly (hi + lo); y² is dropped (1e-40 for the step).</summary>
    /// <param name="z">The argument.</param>
    /// <returns>e^(−z²).</returns>
    public static Complex Gaussian(Complex z)
    {
        double hi = z.Real * z.Real;
        double lo = Math.FusedMultiplyAdd(z.Real, z.Real, -hi);
        return Complex.Exp(new Complex(-hi, -2.0 * z.Real * z.Imaginary)) * (1.0 - lo);
    }

    /// <summary>softplus(u) = ln(1 + e^u): u + ln(1 + e^(−u)) for Re u &gt; 0, ln(1 + e^u) otherwise.</summary>
    /// <param name="u">The argument.</param>
    /// <returns>softplus(u).</returns>
    public static Complex Softplus(Complex u) =>
        u.Real > 0 ? u + Complex.Log(1.0 + Complex.Exp(-u)) : Complex.Log(1.0 + Complex.Exp(u));

    /// <summary>The logistic loss l(t) = softplus(−t).</summary>
    /// <param name="t">The margin.</param>
    /// <returns>l(t).</returns>
    public static Complex Logistic(Complex t) => Softplus(-t);

    /// <summary>The smooth hinge h*(t) = softplus(1 − t).</summary>
    /// <param name="t">The margin.</param>
    /// <returns>h*(t).</returns>
    public static Complex SmoothHinge(Complex t) => Softplus(1.0 - t);

    /// <summary>ℓ(a; y) = softplus(−y·a) for a real label y.</summary>
    /// <param name="a">The score.</param>
    /// <param name="y">The label.</param>
    /// <returns>ℓ(a; y).</returns>
    public static Complex LabelLogistic(Complex a, double y) => Softplus(-y * a);

    /// <summary>The sheet-1f loss with the sigmoid, over complex parameters θ = (W row-major, b, w, x) as
    /// <see cref="NetworkParameters"/> lays them out.</summary>
    /// <param name="theta">The parameters, length h·d + 2h + d.</param>
    /// <param name="hidden">h.</param>
    /// <param name="inputs">d.</param>
    /// <param name="y">The label.</param>
    /// <returns>L(θ).</returns>
    /// <exception cref="ArgumentException">θ has the wrong length.</exception>
    public static Complex NetworkLoss(Complex[] theta, int hidden, int inputs, double y)
    {
        ArgumentNullException.ThrowIfNull(theta);
        var layout = new NetworkParameters(hidden, inputs);
        if (theta.Length != layout.Count)
        {
            throw new ArgumentException($"theta has length {theta.Length}, but h = {hidden}, d = {inputs} requires length {layout.Count}.", nameof(theta));
        }

        Complex z = Complex.Zero;
        for (int i = 0; i < hidden; i++)
        {
            Complex a = theta[layout.Bias(i)];
            for (int j = 0; j < inputs; j++)
            {
                a += theta[layout.Weight(i, j)] * theta[layout.Input(j)];
            }

            z += theta[layout.OutputWeight(i)] * Sigmoid(a);
        }

        return LabelLogistic(z, y);
    }
}
