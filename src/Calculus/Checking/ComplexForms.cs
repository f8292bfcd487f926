using System.Numerics;

namespace Calculus.Checking;

/// <summary>The library's activations and losses written over <see cref="Complex"/>, for the complex-step oracle: the
/// analytic ones exactly, the piecewise-linear ones piece by piece, erf to first order.</summary>
/// <remarks>
/// <para>Only the imaginary part of f(x + ih) matters (h = 1e-20), so each form keeps that part free of cancellation
/// and overflow: σ and tanh branch on the sign of Re z like their real forms, softplus takes the argument of
/// 1 + e^(±z) (computed by atan2, exact to an ulp), and e^(−z²) splits x² exactly as the real Gaussian does.</para>
/// <para>Valid where |f'(x)|·1e-20 is a normal double: |x| ≲ 600 for σ and the losses, ≲ 300 for tanh,
/// ≲ 25 for the Gaussian.</para>
/// <para>The piecewise-linear ReLU and leaky ReLU and the hinge loss are analytic on each piece: the piece is chosen by
/// the real part, with the library's convention at the kink (where a caller must not trust the result unless the
/// real part is clear of the kink by more than its rounding: <see cref="NetworkGradientCheck"/> leaves such entries
/// inconclusive). erf has no cheap complex form here: it is extended to first order, erf(x) + i·y·(2/√π)e^(−x²), whose error
/// terms are O(y²) in the real part and O(y³) in the imaginary part, far below an ulp for the step's y = 1e-20. Its
/// slope is computed here, with x² split exactly as for the Gaussian, not taken from <see cref="Calculus.Erf.Derivative(double)"/>,
/// so a wrong erf' in a gradient is caught by this oracle too.</para>
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

    /// <summary>tanh(z), odd: (sinh 2x + i·sin 2y)/(cosh 2x + cos 2y) for 0 ≤ x = Re z &lt; 1, (1 − e^(−2z))/(1 + e^(−2z))
    /// beyond.</summary>
    /// <remarks>The exponential form cancels in 1 − e^(−2z) for small x: its real part then errs by ε absolutely, ε/x
    /// relatively, and a complex step through wᵢ·tanh(aᵢ) carries that real part into the derivative (the false-alarm
    /// sweep found ∂L/∂w wrong by 1e-13 relative at weight scale 1e-3). The sinh/cosh form has no cancellation there;
    /// beyond x = 1, where cosh 2x would overflow far out, the exponential form has none either (1 − e^(−2x) ≥ 0.86).</remarks>
    /// <param name="z">The argument.</param>
    /// <returns>tanh(z).</returns>
    public static Complex Tanh(Complex z)
    {
        if (z.Real < 0)
        {
            return -Tanh(-z);
        }

        if (z.Real < 1)
        {
            double denominator = Math.Cosh(2 * z.Real) + Math.Cos(2 * z.Imaginary);
            return new Complex(Math.Sinh(2 * z.Real) / denominator, Math.Sin(2 * z.Imaginary) / denominator);
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

    /// <summary>erf(z) to first order in Im z: erf(x) + i·y·(2/√π)e^(−x²).</summary>
    /// <param name="z">The argument x + iy, |y| tiny.</param>
    /// <returns>erf(z) up to O(y²) in the real part and O(y³) in the imaginary part.</returns>
    public static Complex Erf(Complex z) => new(Calculus.Erf.Value(z.Real), z.Imaginary * MathNet.Numerics.Constants.TwoInvSqrtPi * Gaussian(z.Real).Real);

    /// <summary>ReLU on each piece: z for Re z &gt; 0, 0 otherwise (the library's ReLU'(0) = 0).</summary>
    /// <param name="z">The argument.</param>
    /// <returns>ReLU(z).</returns>
    public static Complex Relu(Complex z) => z.Real > 0 ? z : double.IsNaN(z.Real) ? z : Complex.Zero;

    /// <summary>Leaky ReLU on each piece: z for Re z &gt; 0, z/100 otherwise, as the library computes it (its slope 0.01 at 0).</summary>
    /// <param name="z">The argument.</param>
    /// <returns>Leaky ReLU(z).</returns>
    public static Complex LeakyRelu(Complex z) => z.Real > 0 ? z : z / 100.0;

    /// <summary>The hinge h(t) = max(0, 1 − t) on each piece: 1 − t for Re t &lt; 1, 0 otherwise (the library's
    /// subgradient 0 at t = 1).</summary>
    /// <param name="t">The margin.</param>
    /// <returns>h(t).</returns>
    public static Complex Hinge(Complex t) => t.Real < 1 ? 1.0 - t : double.IsNaN(t.Real) ? t : Complex.Zero;

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

    /// <summary>The complex form of a hidden activation: the analytic sigmoid, tanh, sin and Gaussian, erf to first order,
    /// ReLU and leaky ReLU piece by piece; null for PLU (its parameters are not in its name).</summary>
    /// <param name="activation">The activation's name.</param>
    /// <returns>f over complex numbers, or null.</returns>
    public static Func<Complex, Complex>? Activation(string activation) => activation switch
    {
        "sigmoid" => Sigmoid,
        "tanh" => Tanh,
        "sin" => Sin,
        "gaussian" => Gaussian,
        "erf" => Erf,
        "relu" => Relu,
        "leaky-relu" => LeakyRelu,
        _ => null,
    };

    /// <summary>The complex form of a loss of the score z with a real label y: logistic softplus(−yz), smooth hinge
    /// softplus(1 − yz), and the hinge max(0, 1 − yz) piece by piece.</summary>
    /// <param name="loss">The loss's name.</param>
    /// <returns>ℓ(z; y) over complex z, or null.</returns>
    public static Func<Complex, double, Complex>? Loss(string loss) => loss switch
    {
        "logistic" => LabelLogistic,
        "smooth-hinge" => (z, y) => SmoothHinge(y * z),
        "hinge" => (z, y) => Hinge(y * z),
        _ => null,
    };

    /// <summary>The sheet-1f loss with the sigmoid and the logistic loss, over complex parameters θ = (W row-major, b, w, x)
    /// as <see cref="NetworkParameters"/> lays them out.</summary>
    /// <param name="theta">The parameters, length h·d + 2h + d.</param>
    /// <param name="hidden">h.</param>
    /// <param name="inputs">d.</param>
    /// <param name="y">The label.</param>
    /// <returns>L(θ).</returns>
    /// <exception cref="ArgumentException">θ has the wrong length.</exception>
    public static Complex NetworkLoss(Complex[] theta, int hidden, int inputs, double y) => NetworkLoss(theta, hidden, inputs, y, Sigmoid, LabelLogistic);

    /// <summary>The sheet-1f loss ℓ(wᵀf̂(Wx + b); y) over complex parameters, for any activation and loss with a complex
    /// form here.</summary>
    /// <param name="theta">The parameters, length h·d + 2h + d.</param>
    /// <param name="hidden">h.</param>
    /// <param name="inputs">d.</param>
    /// <param name="y">The label.</param>
    /// <param name="activation">The hidden activation over complex numbers (<see cref="Activation"/>).</param>
    /// <param name="loss">The loss over a complex score (<see cref="Loss"/>).</param>
    /// <returns>L(θ).</returns>
    /// <exception cref="ArgumentException">θ has the wrong length.</exception>
    public static Complex NetworkLoss(Complex[] theta, int hidden, int inputs, double y, Func<Complex, Complex> activation, Func<Complex, double, Complex> loss)
    {
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(loss);
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

            z += theta[layout.OutputWeight(i)] * activation(a);
        }

        return loss(z, y);
    }
}
