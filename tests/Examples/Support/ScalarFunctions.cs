using Calculus.Activations;
using Calculus.Functions;
using Calculus.Losses;
namespace Calculus.Examples.Support;

/// <summary>Every scalar function of the library by the name the reference table (Reference/scalar.csv) uses.</summary>
internal static class ScalarFunctions
{
    public static IReadOnlyDictionary<string, Func<double, double>> ByName { get; } = new Dictionary<string, Func<double, double>>
    {
        ["sigmoid"] = Sigmoid.Value,
        ["sigmoid'"] = Sigmoid.Derivative,
        ["tanh"] = Tanh.Value,
        ["tanh'"] = Tanh.Derivative,
        ["erf"] = Erf.Value,
        ["erf'"] = Erf.Derivative,
        ["relu"] = Relu.Value,
        ["relu'"] = Relu.Derivative,
        ["leaky_relu"] = LeakyRelu.Value,
        ["leaky_relu'"] = LeakyRelu.Derivative,
        ["plu"] = x => Plu.Value(x),
        ["plu'"] = x => Plu.Derivative(x),
        ["sin"] = Sinusoid.Value,
        ["sin'"] = Sinusoid.Derivative,
        ["gaussian"] = Gaussian.Value,
        ["gaussian'"] = Gaussian.Derivative,
        ["softplus"] = Softplus.Value,
        ["softplus'"] = Softplus.Derivative,
        ["logistic"] = LogisticLoss.Value,
        ["logistic'"] = LogisticLoss.Derivative,
        ["smooth_hinge"] = SmoothHinge.Value,
        ["smooth_hinge'"] = SmoothHinge.Derivative,
        ["hinge"] = Hinge.Value,
        ["hinge'"] = Hinge.Subgradient,
    };

    /// <summary>Every span overload by the same names.</summary>
    public static IReadOnlyDictionary<string, SpanFunction> SpanByName { get; } = new Dictionary<string, SpanFunction>
    {
        ["sigmoid"] = Sigmoid.Value,
        ["sigmoid'"] = Sigmoid.Derivative,
        ["tanh"] = Tanh.Value,
        ["tanh'"] = Tanh.Derivative,
        ["erf"] = Erf.Value,
        ["erf'"] = Erf.Derivative,
        ["relu"] = Relu.Value,
        ["relu'"] = Relu.Derivative,
        ["leaky_relu"] = LeakyRelu.Value,
        ["leaky_relu'"] = LeakyRelu.Derivative,
        ["plu"] = (x, result) => Plu.Value(x, result),
        ["plu'"] = (x, result) => Plu.Derivative(x, result),
        ["sin"] = Sinusoid.Value,
        ["sin'"] = Sinusoid.Derivative,
        ["gaussian"] = Gaussian.Value,
        ["gaussian'"] = Gaussian.Derivative,
        ["softplus"] = Softplus.Value,
        ["softplus'"] = Softplus.Derivative,
        ["logistic"] = LogisticLoss.Value,
        ["logistic'"] = LogisticLoss.Derivative,
        ["smooth_hinge"] = SmoothHinge.Value,
        ["smooth_hinge'"] = SmoothHinge.Derivative,
        ["hinge"] = Hinge.Value,
        ["hinge'"] = Hinge.Subgradient,
    };
}
