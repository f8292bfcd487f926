using System.Numerics;
using System.Runtime.InteropServices;
using Calculus.Training;

namespace Calculus;

/// <summary>The sheet-1f loss and gradient over spans: W row-major in one span, the gradients written into the
/// caller's buffers, no allocation. The same formulas as <see cref="Network"/>, for hot loops and benchmarks.</summary>
/// <remarks>
/// <para>Cost: the loss is one pass over W (h·d multiply-adds); the gradient is that pass plus one for ∂L/∂W = g xᵀ and,
/// when <c>dInput</c> is not empty, one for ∂L/∂x = Wᵀg: about 2× and 3× the loss.</para>
/// <para>The buffers hold intermediate values while the gradient is formed: dBias holds a = Wx + b and dOutputWeights
/// holds σ̂(a) until they are overwritten by their gradients.</para>
/// </remarks>
public static class NetworkSpans
{
    /// <summary>L = log(1 + exp(−y·wᵀσ̂(Wx + b))).</summary>
    /// <param name="weights">W, h×d row-major (length h·d).</param>
    /// <param name="bias">b, length h.</param>
    /// <param name="outputWeights">w, length h.</param>
    /// <param name="x">x, length d.</param>
    /// <param name="y">The label.</param>
    /// <param name="activation">The hidden activation; the sigmoid when null.</param>
    /// <returns>The loss.</returns>
    /// <exception cref="ArgumentException">The lengths do not fit together.</exception>
    public static double Loss(
        ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, ReadOnlySpan<double> outputWeights, ReadOnlySpan<double> x, double y,
        Activation? activation = null)
    {
        int h = CheckShapes(weights, bias, outputWeights, x);
        var value = activation?.Value ?? Sigmoid.Value;
        int d = x.Length;
        double z = 0;
        for (int i = 0; i < h; i++)
        {
            z += outputWeights[i] * value(Dot(weights.Slice(i * d, d), x) + bias[i]);
        }

        return LabelLogisticLoss.Value(z, y);
    }

    /// <summary>The loss and ∂L/∂W, ∂L/∂b, ∂L/∂w and (when <paramref name="dInput"/> is not empty) ∂L/∂x, into the
    /// caller's buffers; allocates nothing.</summary>
    /// <param name="weights">W, h×d row-major.</param>
    /// <param name="bias">b, length h.</param>
    /// <param name="outputWeights">w, length h.</param>
    /// <param name="x">x, length d.</param>
    /// <param name="y">The label.</param>
    /// <param name="dWeights">∂L/∂W, length h·d, row-major.</param>
    /// <param name="dBias">∂L/∂b, length h.</param>
    /// <param name="dOutputWeights">∂L/∂w, length h.</param>
    /// <param name="dInput">∂L/∂x, length d; empty to skip it.</param>
    /// <param name="activation">The hidden activation; the sigmoid when null.</param>
    /// <param name="loss">The loss of the score; the sheet's logistic loss when null.</param>
    /// <returns>The loss.</returns>
    /// <exception cref="ArgumentException">The lengths do not fit together.</exception>
    public static double Gradient(
        ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, ReadOnlySpan<double> outputWeights, ReadOnlySpan<double> x, double y,
        Span<double> dWeights, Span<double> dBias, Span<double> dOutputWeights, Span<double> dInput,
        Activation? activation = null, IMarginLoss? loss = null)
    {
        int h = CheckShapes(weights, bias, outputWeights, x);
        int d = x.Length;
        Internal.Guard.SameLength(dWeights.Length, h * d, nameof(dWeights));
        Internal.Guard.SameLength(dBias.Length, h, nameof(dBias));
        Internal.Guard.SameLength(dOutputWeights.Length, h, nameof(dOutputWeights));
        if (!dInput.IsEmpty)
        {
            Internal.Guard.SameLength(dInput.Length, d, nameof(dInput));
        }

        var value = activation?.Value ?? Sigmoid.Value;
        var derivative = activation?.Derivative ?? Sigmoid.Derivative;
        var outer = loss ?? MarginLosses.Logistic;
        double z = 0;
        for (int i = 0; i < h; i++)
        {
            double a = Dot(weights.Slice(i * d, d), x) + bias[i];
            double s = value(a);
            dBias[i] = a;
            dOutputWeights[i] = s;
            z += outputWeights[i] * s;
        }

        double fe = outer.DerivativeInScore(z, y);
        if (!dInput.IsEmpty)
        {
            dInput.Clear();
        }

        for (int i = 0; i < h; i++)
        {
            double g = fe * outputWeights[i] * derivative(dBias[i]);
            dBias[i] = g;
            dOutputWeights[i] *= fe;
            Scale(x, g, dWeights.Slice(i * d, d));
            if (!dInput.IsEmpty)
            {
                AddScaled(weights.Slice(i * d, d), g, dInput);
            }
        }

        return outer.Value(z, y);
    }

    private static int CheckShapes(ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, ReadOnlySpan<double> outputWeights, ReadOnlySpan<double> x)
    {
        int h = bias.Length;
        if (h == 0 || x.Length == 0)
        {
            throw new ArgumentException($"bias has length {h} and x length {x.Length}; both must be ≥ 1.", h == 0 ? nameof(bias) : nameof(x));
        }

        Internal.Guard.SameLength(weights.Length, h * x.Length, nameof(weights));
        Internal.Guard.SameLength(outputWeights.Length, h, nameof(outputWeights));
        return h;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
        var sum = Vector<double>.Zero;
        for (int k = 0; k < va.Length; k++)
        {
            sum += va[k] * vb[k];
        }

        double total = Vector.Sum(sum);
        for (int k = va.Length * Vector<double>.Count; k < a.Length; k++)
        {
            total += a[k] * b[k];
        }

        return total;
    }

    /// <summary>target = g·source.</summary>
    private static void Scale(ReadOnlySpan<double> source, double g, Span<double> target)
    {
        var vs = MemoryMarshal.Cast<double, Vector<double>>(source);
        var vt = MemoryMarshal.Cast<double, Vector<double>>(target);
        for (int k = 0; k < vs.Length; k++)
        {
            vt[k] = vs[k] * g;
        }

        // Stryker disable once Arithmetic : equivalent: a tail loop that starts earlier writes the same products again.
        for (int k = vs.Length * Vector<double>.Count; k < source.Length; k++)
        {
            target[k] = source[k] * g;
        }
    }

    /// <summary>target += g·source.</summary>
    private static void AddScaled(ReadOnlySpan<double> source, double g, Span<double> target)
    {
        var vs = MemoryMarshal.Cast<double, Vector<double>>(source);
        var vt = MemoryMarshal.Cast<double, Vector<double>>(target);
        for (int k = 0; k < vs.Length; k++)
        {
            vt[k] += vs[k] * g;
        }

        for (int k = vs.Length * Vector<double>.Count; k < source.Length; k++)
        {
            target[k] += source[k] * g;
        }
    }
}
