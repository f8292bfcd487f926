using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Calculus.Activations;
using Calculus.Functions;
using Calculus.Losses;

namespace Calculus.Networks;

/// <summary>The sheet-1f loss and gradient over spans, and the library's one implementation of them:
/// <see cref="Network"/> is a front that hands it MathNet's storage. W row-major in one span, the gradients written into
/// the caller's buffers, no allocation.</summary>
/// <remarks>
/// <para>Formulas as in <see cref="Network"/>: a = Wx + b, z = wᵀσ̂(a), f_e(z) = ∂loss/∂z, g = f_e(z)·(w ⊙ f̂'(a)),
/// ∂L/∂W = g xᵀ, ∂L/∂b = g, ∂L/∂w = f_e(z)·σ̂(a), ∂L/∂x = Wᵀg.</para>
/// <para>Order of operations: every sum (each (Wx)_i, z, each (Wᵀg)_j) starts at +0 and adds its terms in index order,
/// the order of MathNet's products, so the results are bit for bit those of the same formulas in MathNet's dense
/// matrix and vector operations, given the same activation values (see the hidden layer below; rows
/// <c>NetworkBitForBitExamples.MathNetFront_GivesTheOldNumbers</c> and <c>Spans_GiveTheOldNumbers</c>). To be fast in
/// that order, a product with a matrix whose rows are contiguous sums four rows at once (four independent sums the
/// processor overlaps), and one whose columns are contiguous adds the columns with SIMD into the result (64 rows at a
/// time in the loss): Wx and Wᵀg take one way each, and the two layouts of W swap them.</para>
/// <para>Exact zeros: ∂L/∂W_ij = +0 where x_j = 0, and ∂L/∂w = +0 where f_e(z) = 0 (a hinge beyond its margin, a
/// saturated logistic loss), even against an infinite or NaN factor: L does not depend on W_ij where x_j = 0, nor to
/// first order on w where f_e(z) = 0. Everywhere else IEEE arithmetic: 0·∞ is NaN.</para>
/// <para>The hidden layer: σ̂(a) and f̂'(a) are formed over the h pre-activations at once through the activation's
/// span members <see cref="ScalarFunction.Values"/> and <see cref="ScalarFunction.Derivatives"/> (vectorised where the
/// catalog provides it; f̂'(a) in place), and through the vectorised <see cref="Sigmoid.Value(ReadOnlySpan{double}, Span{double})"/>
/// and <see cref="Sigmoid.Derivative(ReadOnlySpan{double}, Span{double})"/> when the activation is null. These may
/// differ from the scalar <see cref="ScalarFunction.Value"/> and <see cref="ScalarFunction.Derivative"/> in the last bits,
/// within the same ulp bounds.</para>
/// <para>Cost: the loss is one pass over W (h·d multiply-adds); the gradient is that pass plus one for ∂L/∂W = g xᵀ and,
/// when <c>dInput</c> is not empty, one for ∂L/∂x = Wᵀg: about 2× and 3× the loss.</para>
/// <para>The buffers hold intermediate values while the gradient is formed: dBias holds Wx, then a = Wx + b, then
/// f̂'(a), and dOutputWeights holds σ̂(a), until they are overwritten by their gradients.</para>
/// </remarks>
public static class NetworkSpans
{
    /// <summary>The rows of Wx that <see cref="Score"/> (and so the loss) forms at a time, on the stack.</summary>
    private const int LossBlock = 64;

    /// <summary>How W (and ∂L/∂W) lie in their span.</summary>
    internal enum Layout
    {
        /// <summary>Row by row: W_ij at i·d + j (the public methods).</summary>
        RowMajor,

        /// <summary>Column by column: W_ij at j·h + i (MathNet's dense storage, for <see cref="Network"/>).</summary>
        ColumnMajor,
    }

    /// <summary>L = loss(wᵀσ̂(Wx + b), y); the sheet's L = log(1 + exp(−y·wᵀσ̂(Wx + b))) by default.</summary>
    /// <param name="weights">W, h×d row-major (length h·d).</param>
    /// <param name="bias">b, length h.</param>
    /// <param name="outputWeights">w, length h.</param>
    /// <param name="x">x, length d.</param>
    /// <param name="y">The label.</param>
    /// <param name="activation">The hidden activation; the sigmoid when null.</param>
    /// <param name="loss">The loss of the score; the sheet's logistic loss when null.</param>
    /// <returns>The loss.</returns>
    /// <exception cref="ArgumentException">The lengths do not fit together.</exception>
    public static double Loss(
        ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, ReadOnlySpan<double> outputWeights, ReadOnlySpan<double> x, double y,
        ScalarFunction? activation = null, IMarginLoss? loss = null) =>
        Loss(weights, Layout.RowMajor, bias, outputWeights, x, y, activation, loss);

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
        ScalarFunction? activation = null, IMarginLoss? loss = null) =>
        Gradient(weights, Layout.RowMajor, bias, outputWeights, x, y, dWeights, dBias, dOutputWeights, dInput, activation, loss, out _);

    /// <summary>The loss, with W in either layout.</summary>
    internal static double Loss(
        ReadOnlySpan<double> weights, Layout layout, ReadOnlySpan<double> bias, ReadOnlySpan<double> outputWeights, ReadOnlySpan<double> x, double y,
        ScalarFunction? activation, IMarginLoss? loss) =>
        (loss ?? MarginLosses.Logistic).Value(Score(weights, layout, bias, outputWeights, x, activation), y);

    /// <summary>The score z = wᵀσ̂(Wx + b), with W in either layout: <see cref="LossBlock"/> rows of Wx at a time on
    /// the stack, b added, the activation applied to the block through its span member, and the block's terms added to
    /// z in index order.</summary>
    internal static double Score(
        ReadOnlySpan<double> weights, Layout layout, ReadOnlySpan<double> bias, ReadOnlySpan<double> outputWeights, ReadOnlySpan<double> x,
        ScalarFunction? activation)
    {
        int h = CheckShapes(weights, bias, outputWeights, x);
        var w = new StridedMatrix(weights, h, x.Length, layout);
        Span<double> sums = stackalloc double[LossBlock];
        double z = 0;
        for (int i = 0; i < h; i += LossBlock)
        {
            var a = sums[..Math.Min(LossBlock, h - i)];
            int r = 0;
            while (r < a.Length)
            {
                r += w.MultiplyRows(i + r, x, a[r..]);
            }

            for (int k = 0; k < a.Length; k++)
            {
                a[k] += bias[i + k];
            }

            Values(activation, a, a);
            for (int k = 0; k < a.Length; k++)
            {
                z += outputWeights[i + k] * a[k];
            }
        }

        return z;
    }

    /// <summary>The loss and the gradients, with W and ∂L/∂W in the same layout, either one; also returns z.</summary>
    internal static double Gradient(
        ReadOnlySpan<double> weights, Layout layout, ReadOnlySpan<double> bias, ReadOnlySpan<double> outputWeights, ReadOnlySpan<double> x, double y,
        Span<double> dWeights, Span<double> dBias, Span<double> dOutputWeights, Span<double> dInput,
        ScalarFunction? activation, IMarginLoss? loss, out double z)
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

        var outer = loss ?? MarginLosses.Logistic;
        var w = new StridedMatrix(weights, h, d, layout);
        Multiply(w, x, dBias);
        for (int i = 0; i < h; i++)
        {
            dBias[i] += bias[i]; // a = Wx + b
        }

        Values(activation, dBias, dOutputWeights); // σ̂(a)
        z = 0;
        for (int i = 0; i < h; i++)
        {
            z += outputWeights[i] * dOutputWeights[i];
        }

        Derivatives(activation, dBias, dBias); // f̂'(a), in place
        double fe = outer.DerivativeInScore(z, y);
        for (int i = 0; i < h; i++)
        {
            // g_i = f_e(z)·w_i·f'(a_i): the derivative of L with respect to a_i = (Wx + b)_i.
            dBias[i] = fe * outputWeights[i] * dBias[i];
            dOutputWeights[i] = fe == 0 ? 0 : dOutputWeights[i] * fe;
        }

        OuterProduct(dBias, x, dWeights, layout);
        if (!dInput.IsEmpty)
        {
            Multiply(w.Transposed, dBias, dInput);
        }

        return outer.Value(z, y);
    }

    /// <summary>result = σ̂(a) through the activation's span member; the vectorised sigmoid when there is none.</summary>
    private static void Values(ScalarFunction? activation, ReadOnlySpan<double> a, Span<double> result) =>
        Hidden(activation?.GivenValues, activation?.Value, Sigmoid.Value, a, result);

    /// <summary>result = f̂'(a) through the activation's span member; the vectorised σ' when there is none.</summary>
    private static void Derivatives(ScalarFunction? activation, ReadOnlySpan<double> a, Span<double> result) =>
        Hidden(activation?.GivenDerivatives, activation?.Derivative, Sigmoid.Derivative, a, result);

    /// <summary>The span path given, else a loop over the scalar function (reading the activation's Values would
    /// allocate its looping delegate on every call), else (no activation) the sigmoid's span path.</summary>
    private static void Hidden(
        SpanFunction? given, Func<double, double>? scalar, SpanFunction sigmoid, ReadOnlySpan<double> a, Span<double> result)
    {
        if (scalar is null)
        {
            sigmoid(a, result);
        }
        else if (given is not null)
        {
            given(a, result);
        }
        else
        {
            Internal.SpanMap.Each(scalar, a, result);
        }
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

    /// <summary>∂L/∂W = g xᵀ in the given layout, +0 in every column where x_j = 0.</summary>
    private static void OuterProduct(ReadOnlySpan<double> g, ReadOnlySpan<double> x, Span<double> target, Layout layout)
    {
        int h = g.Length, d = x.Length;
        if (layout == Layout.RowMajor)
        {
            for (int i = 0; i < h; i++)
            {
                Scale(x, g[i], target.Slice(i * d, d));
            }
        }
        else
        {
            for (int j = 0; j < d; j++)
            {
                Scale(g, x[j], target.Slice(j * h, h));
            }
        }

        // L does not depend on W_ij where x_j = 0: its partial is +0 there, also where g_i is ±∞ or NaN.
        for (int j = 0; j < d; j++)
        {
            if (x[j] != 0)
            {
                continue;
            }

            for (int i = 0; i < h; i++)
            {
                target[layout == Layout.RowMajor ? (i * d) + j : (j * h) + i] = 0;
            }
        }
    }

    /// <summary>result = Mv.</summary>
    private static void Multiply(StridedMatrix m, ReadOnlySpan<double> v, Span<double> result)
    {
        int r = 0;
        while (r < m.Rows)
        {
            r += m.MultiplyRows(r, v, result[r..]);
        }
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

    /// <summary>A rows×columns matrix in one span, row by row or column by column.</summary>
    private readonly ref struct StridedMatrix
    {
        private readonly ReadOnlySpan<double> values;
        private readonly int rowStride, columnStride;

        public StridedMatrix(ReadOnlySpan<double> values, int rows, int columns, Layout layout)
        {
            this.values = values;
            Rows = rows;
            Columns = columns;
            Layout = layout;
            rowStride = layout == Layout.RowMajor ? columns : 1;
            columnStride = layout == Layout.RowMajor ? 1 : rows;
        }

        public int Rows { get; }

        public int Columns { get; }

        public Layout Layout { get; }

        /// <summary>The same values read as the columns×rows matrix Mᵀ (the rows of a row-major M are the columns of Mᵀ).</summary>
        public StridedMatrix Transposed => new(values, Columns, Rows, Layout == Layout.RowMajor ? Layout.ColumnMajor : Layout.RowMajor);

        /// <summary>result[k] = Σ_c M[r + k, c]·v[c] for the rows r, …, r + n − 1: each sum from +0 in the order
        /// c = 0, 1, …. Contiguous rows: n = min(4, Rows − r), the four sums formed side by side so that their additions
        /// overlap. Contiguous columns: n = min(result.Length, Rows − r), each column's piece added to the n sums with
        /// SIMD.</summary>
        /// <returns>n, the number of rows written.</returns>
        public int MultiplyRows(int r, ReadOnlySpan<double> v, Span<double> result)
        {
            if (Layout == Layout.ColumnMajor)
            {
                var sums = result[..Math.Min(result.Length, Rows - r)];
                sums.Clear();
                for (int c = 0; c < v.Length; c++)
                {
                    AddScaled(values.Slice((c * columnStride) + r, sums.Length), v[c], sums);
                }

                return sums.Length;
            }

            // Contiguous rows (columnStride = 1), rowStride apart.
            int n = Math.Min(4, Rows - r);
            int start = r * rowStride;
            if (n == 4)
            {
                // The four rows are read without bounds checks: the slices below are checked, and every read lies within
                // them (rows r, …, r + 3 of Columns values each; v of Columns values).
                var rows = values.Slice(start, (3 * rowStride) + Columns);
                var vector = v[..Columns];
                ref double r0 = ref MemoryMarshal.GetReference(rows);
                ref double r1 = ref Unsafe.Add(ref r0, rowStride);
                ref double r2 = ref Unsafe.Add(ref r1, rowStride);
                ref double r3 = ref Unsafe.Add(ref r2, rowStride);
                ref double v0 = ref MemoryMarshal.GetReference(vector);
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (nint c = 0; c < vector.Length; c++)
                {
                    double vc = Unsafe.Add(ref v0, c);
                    s0 += Unsafe.Add(ref r0, c) * vc;
                    s1 += Unsafe.Add(ref r1, c) * vc;
                    s2 += Unsafe.Add(ref r2, c) * vc;
                    s3 += Unsafe.Add(ref r3, c) * vc;
                }

                result[0] = s0;
                result[1] = s1;
                result[2] = s2;
                result[3] = s3;
                return n;
            }

            for (int q = 0; q < n; q++)
            {
                var row = values.Slice(start + (q * rowStride), Columns);
                double s = 0;
                for (int c = 0; c < row.Length; c++)
                {
                    s += row[c] * v[c];
                }

                result[q] = s;
            }

            return n;
        }
    }
}
