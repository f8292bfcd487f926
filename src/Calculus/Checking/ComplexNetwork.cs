using System.Numerics;
using Calculus.Activations;
using Calculus.Functions;
using Calculus.Losses;

namespace Calculus.Checking;

/// <summary>The sheet-1f loss over complex parameters, for the complex-step oracle of the network gradient.</summary>
public static class ComplexNetwork
{
    /// <summary>The sheet's loss, with the sigmoid and the logistic loss, over complex parameters θ = (W row-major, b, w, x)
    /// as <see cref="NetworkParameters"/> lays them out.</summary>
    /// <param name="theta">The parameters, length h·d + 2h + d.</param>
    /// <param name="hidden">h.</param>
    /// <param name="inputs">d.</param>
    /// <param name="y">The label.</param>
    /// <returns>L(θ).</returns>
    /// <exception cref="ArgumentException">θ has the wrong length.</exception>
    public static Complex Loss(Complex[] theta, int hidden, int inputs, double y) =>
        Loss(theta, hidden, inputs, y, Sigmoid.OfComplex, LabelLogisticLoss.OfComplex);

    /// <summary>The loss ℓ(wᵀf̂(Wx + b); y) over complex parameters, for an activation and a loss of the score that have
    /// complex forms (<see cref="ScalarFunction.ComplexForm"/>, <see cref="IMarginLoss.ComplexForm"/>).</summary>
    /// <param name="theta">The parameters, length h·d + 2h + d.</param>
    /// <param name="hidden">h.</param>
    /// <param name="inputs">d.</param>
    /// <param name="y">The label.</param>
    /// <param name="activation">The hidden activation over complex numbers.</param>
    /// <param name="loss">The loss of a complex score with a real label.</param>
    /// <returns>L(θ).</returns>
    /// <exception cref="ArgumentException">θ has the wrong length.</exception>
    public static Complex Loss(Complex[] theta, int hidden, int inputs, double y, Func<Complex, Complex> activation, Func<Complex, double, Complex> loss)
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
