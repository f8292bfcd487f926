using Calculus.Functions;
namespace Calculus.Verification;

/// <summary>An implementation of exercise sheet 4, one member per row of the protocol (docs/protocol.md): the subject
/// the battery checks. The reference library is one (<see cref="ReferenceSheet"/>), a student's process another
/// (<c>Protocol.ProcessSheet</c>). Any member may answer <see cref="AnswerKind.NotImplemented"/>.</summary>
public interface ISheet
{
    /// <summary>f(x) or f'(x) for every x, for the scalar functions of the sheet: sigmoid (1d), tanh, erf, relu,
    /// leaky-relu, plu, sin, gaussian (2a–2g), softplus, hinge, smooth-hinge (3b) and logistic (3c).</summary>
    /// <param name="query">The function, value or derivative, the points and PLU's parameters.</param>
    /// <returns>One value per x.</returns>
    Answer<double[]> Scalar(ScalarQuery query);

    /// <summary>ℓ(a; y) = log(1 + e^(−y·a)) or its derivative f_e(a) = −y·σ(−y·a), for every a (1e).</summary>
    /// <param name="derivative">f_e instead of ℓ.</param>
    /// <param name="a">The scores.</param>
    /// <param name="y">The label.</param>
    /// <returns>One value per a.</returns>
    Answer<double[]> LabelLogistic(bool derivative, double[] a, double y);

    /// <summary>LSE(a) = ln Σ e^(a_i) of every vector of a batch (3a).</summary>
    /// <param name="vectors">The vectors.</param>
    /// <returns>One value per vector.</returns>
    Answer<double[]> LogSumExp(double[][] vectors);

    /// <summary>u = Wx + b (1a–1c).</summary>
    /// <param name="w">W, h rows of d.</param>
    /// <param name="b">b, length h.</param>
    /// <param name="x">x, length d.</param>
    /// <returns>u, length h.</returns>
    Answer<double[]> Affine(double[][] w, double[] b, double[] x);

    /// <summary>∂u/∂W_ij, ∂u/∂b_i or ∂u/∂x_i of u = Wx + b (1a, 1b, 1c).</summary>
    /// <param name="query">W, b, x, which variable and the 0-based indices.</param>
    /// <returns>The partial derivative, a vector of length h.</returns>
    Answer<double[]> AffinePartial(AffinePartialQuery query);

    /// <summary>The loss of the sheet-1f network and its gradient (1f); any gradient block may be left out.</summary>
    /// <param name="query">W, b, w, x, y, the hidden activation and the loss.</param>
    /// <returns>The loss and the blocks given.</returns>
    Answer<NetworkAnswer> Network(NetworkQuery query);

    /// <summary>One full-batch gradient-descent step on the mean loss (4).</summary>
    /// <param name="query">W, b, w, the data, the step, the activation and the loss.</param>
    /// <returns>W, b, w after the step.</returns>
    Answer<StepAnswer> GdStep(StepQuery query);
}

/// <summary>What a subject answered: a value, "not implemented", or an error with its message.</summary>
public enum AnswerKind
{
    /// <summary>A value.</summary>
    Value,

    /// <summary>The function is not implemented (yet): its checks are not-implemented, not failures.</summary>
    NotImplemented,

    /// <summary>Any other error: a failed case, with the message shown.</summary>
    Error,
}

/// <summary>One answer of a subject.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Kind">Value, not implemented, or error.</param>
/// <param name="Value">The value, when <paramref name="Kind"/> is <see cref="AnswerKind.Value"/>.</param>
/// <param name="Message">The error message otherwise.</param>
public sealed record Answer<T>(AnswerKind Kind, T? Value, string? Message)
{
    /// <summary>The same non-value answer for another type.</summary>
    /// <typeparam name="TOther">The other type.</typeparam>
    /// <returns>The answer without its value.</returns>
    public Answer<TOther> Cast<TOther>() => Kind == AnswerKind.Value
        ? throw new InvalidOperationException("Only a non-value answer can be cast.")
        : new(Kind, default, Message);
}

/// <summary>Builds answers.</summary>
public static class Answer
{
    /// <summary>The message of a not-implemented answer, as the protocol spells it.</summary>
    public const string NotImplementedMessage = "not implemented";

    /// <summary>A value.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The answer.</returns>
    public static Answer<T> Of<T>(T value) => new(AnswerKind.Value, value, null);

    /// <summary>"not implemented".</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <returns>The answer.</returns>
    public static Answer<T> NotImplemented<T>() => new(AnswerKind.NotImplemented, default, NotImplementedMessage);

    /// <summary>An error.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="message">What went wrong.</param>
    /// <returns>The answer.</returns>
    public static Answer<T> Error<T>(string message) => new(AnswerKind.Error, default, message);
}

/// <summary>A request for a scalar function.</summary>
/// <param name="Function">The protocol name: sigmoid, tanh, erf, relu, leaky-relu, plu, sin, gaussian, softplus,
/// logistic, hinge or smooth-hinge (<see cref="Catalog.All"/>).</param>
/// <param name="Derivative">f' instead of f.</param>
/// <param name="X">The points.</param>
/// <param name="Parameters">The function's parameters by name (PLU's "alpha" and "c"); one left out takes its default.</param>
public sealed record ScalarQuery(string Function, bool Derivative, double[] X, IReadOnlyDictionary<string, double>? Parameters = null)
{
    /// <summary>A request for a descriptor of the catalog, with every parameter it takes at the value it computes with.</summary>
    /// <param name="function">The function, its parameters bound.</param>
    /// <param name="derivative">f' instead of f.</param>
    /// <param name="x">The points.</param>
    /// <returns>The request.</returns>
    public static ScalarQuery For(ScalarFunction function, bool derivative, double[] x)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new(function.Name, derivative, x, function.Parameters.Count == 0 ? null
            : function.Parameters.Zip(function.Arguments).ToDictionary(p => p.First.Name, p => p.Second, StringComparer.Ordinal));
    }

    /// <summary>The value of a parameter given in the request, or null.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns>Its value, or null when the request leaves it out.</returns>
    public double? Parameter(string name) => Parameters is not null && Parameters.TryGetValue(name, out double v) ? v : null;
}

/// <summary>A request for a partial derivative of u = Wx + b.</summary>
/// <param name="W">W, h rows of d.</param>
/// <param name="B">b, length h.</param>
/// <param name="X">x, length d.</param>
/// <param name="Wrt">"W", "b" or "x".</param>
/// <param name="I">The row of W, the entry of b, or the entry of x.</param>
/// <param name="J">The column of W (ignored otherwise).</param>
public sealed record AffinePartialQuery(double[][] W, double[] B, double[] X, string Wrt, int I, int J = 0);

/// <summary>A request for the sheet-1f loss and gradient.</summary>
/// <param name="W">W, h rows of d.</param>
/// <param name="B">b, length h.</param>
/// <param name="Wout">w, length h.</param>
/// <param name="X">x, length d.</param>
/// <param name="Y">The label.</param>
/// <param name="Activation">The hidden activation (a scalar function name; PLU with its defaults).</param>
/// <param name="Loss">"logistic" (the sheet's), "smooth-hinge" or "hinge".</param>
public sealed record NetworkQuery(double[][] W, double[] B, double[] Wout, double[] X, double Y, string Activation = "sigmoid", string Loss = "logistic");

/// <summary>The loss and gradient blocks a subject gave; a block left out is null (not implemented).</summary>
/// <param name="Loss">L, or null.</param>
/// <param name="DWeights">∂L/∂W (protocol key "dW"), h rows of d, or null.</param>
/// <param name="DBias">∂L/∂b ("db"), or null.</param>
/// <param name="DOutputWeights">∂L/∂w ("dw"), or null.</param>
/// <param name="DInput">∂L/∂x ("dx"), or null.</param>
public sealed record NetworkAnswer(double? Loss, double[][]? DWeights, double[]? DBias, double[]? DOutputWeights, double[]? DInput);

/// <summary>A request for one full-batch gradient step on the mean loss (1/n) Σ_k L(W, b, w; x_k, y_k).</summary>
/// <param name="W">W, h rows of d.</param>
/// <param name="B">b.</param>
/// <param name="Wout">w.</param>
/// <param name="Xs">The n points, each of length d.</param>
/// <param name="Ys">The n labels.</param>
/// <param name="LearningRate">η.</param>
/// <param name="Activation">The hidden activation.</param>
/// <param name="Loss">The loss of the score.</param>
public sealed record StepQuery(
    double[][] W, double[] B, double[] Wout, double[][] Xs, double[] Ys, double LearningRate, string Activation = "sigmoid", string Loss = "logistic");

/// <summary>The parameters after one step.</summary>
/// <param name="W">W.</param>
/// <param name="B">b.</param>
/// <param name="Wout">w.</param>
public sealed record StepAnswer(double[][] W, double[] B, double[] Wout);
