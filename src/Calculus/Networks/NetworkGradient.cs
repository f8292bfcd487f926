using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Networks;

/// <summary>The loss of the sheet-1f network at one example and its gradient with respect to every input.</summary>
/// <param name="Loss">L = log(1 + exp(−y·z)).</param>
/// <param name="Z">The score z = wᵀσ̂(Wx + b).</param>
/// <param name="Weights">∂L/∂W = f_e(z)·(w ⊙ f̂'(a))·xᵀ, h×d.</param>
/// <param name="Bias">∂L/∂b = f_e(z)·(w ⊙ f̂'(a)), length h.</param>
/// <param name="OutputWeights">∂L/∂w = f_e(z)·σ̂(a), length h.</param>
/// <param name="Input">∂L/∂x = Wᵀ(f_e(z)·(w ⊙ f̂'(a))), length d.</param>
public sealed record NetworkGradient(
    double Loss,
    double Z,
    Matrix<double> Weights,
    Vector<double> Bias,
    Vector<double> OutputWeights,
    Vector<double> Input);
