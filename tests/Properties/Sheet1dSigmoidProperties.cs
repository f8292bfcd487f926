using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Calculus.Properties;

public sealed class Sheet1dSigmoidProperties
{
    /// <summary>σ'(a) = σ'(−a) for every a in a band where σ' is normal: the derivative is even.</summary>
    [Property(MaxTest = 1000)]
    public Property Sheet1d_SigmoidDerivative_IsEven(int numerator)
    {
        double a = numerator / 1e6;
        return (Sigmoid.Derivative(a) == Sigmoid.Derivative(-a)).Label($"a = {a:R}: σ'(a) = {Sigmoid.Derivative(a):R}, σ'(−a) = {Sigmoid.Derivative(-a):R}");
    }
}
