using System.Globalization;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Protocol;

/// <summary>How long and how deep an answer line may be: bounds computed from each request, so that a subject that
/// answers with a line that never ends, a flood of values or a deeply nested array costs a failed case, not verify's
/// memory (docs/protocol.md, "Bounds").</summary>
internal static class AnswerBounds
{
    /// <summary>The longest text of one double in its shortest round-trip form, or as C's <c>%.17g</c> writes it:
    /// "-2.2250738585072014E-308", a sign, 17 significant digits, a point and a three-digit exponent with its sign: 24
    /// characters ("-Infinity" in quotes is 11).</summary>
    public const int LongestNumber = 24;

    /// <summary>The characters one value of an answer may take: <see cref="LongestNumber"/>, the ", " after it (Python's
    /// json writes a space after each comma) and 6 more, room for the brackets and the ", " of a matrix's rows (at most
    /// 4 a value, for rows of one entry) and for spaces: 32.</summary>
    public const int CharactersPerValue = 32;

    /// <summary>The characters of a line besides its values: <c>{"value": }</c> and the network's five keys (about 60
    /// characters), spaces, or an error message instead of the values: 8,192 is 100 lines of 80 characters, a short stack
    /// trace.</summary>
    public const int Margin = 8192;

    /// <summary>How deep a line's JSON may nest. The protocol's deepest answer is a matrix in the value's object (the
    /// network's "dW", the step's "W": the line's object, the value, the matrix, a row: 4); one level more lets a value
    /// nested one level too deep be named as a wrong shape, with its key, and deeper is not read.</summary>
    public const int MaxDepth = 5;

    /// <summary>The longest line that a right answer with <paramref name="values"/> values can need:
    /// values × <see cref="CharactersPerValue"/> + <see cref="Margin"/> (8,224 for one value; 139,264 for the largest
    /// batch, 4,096 points).</summary>
    /// <param name="values">How many values the request asks for.</param>
    /// <returns>The bound in characters.</returns>
    public static int Characters(long values) => (int)Math.Min((Math.Max(values, 0) * CharactersPerValue) + Margin, int.MaxValue);

    /// <summary>How many values a right answer to the call has: a scalar request of n points, n; a log-sum-exp batch, one
    /// per vector; affine and its partials, h; a network, 1 + h·d + h + h + d (the loss, dW, db, dw, dx); a gradient step,
    /// h·d + h + h (W, b, w).</summary>
    /// <param name="call">The request.</param>
    /// <returns>The number of values.</returns>
    public static long Values(SheetCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Accept(new ValueCount());
    }

    /// <summary>The reason a line too long fails its request, in words.</summary>
    /// <param name="values">How many values the request asks for.</param>
    /// <returns>"the answer is longer than …".</returns>
    public static string TooLong(long values) => string.Create(CultureInfo.InvariantCulture,
        $"the answer is longer than {Characters(values):N0} characters, the most a right answer to this request needs ({values:N0} value{(values == 1 ? "" : "s")} × {CharactersPerValue} characters + {Margin:N0})");

    private sealed class ValueCount : ISheetCallVisitor<long>
    {
        public long Scalar(ScalarQuery query) => query.X.Length;

        public long LabelLogistic(LabelLogisticCall call) => call.A.Length;

        public long LogSumExp(LogSumExpCall call) => call.Vectors.Length;

        public long Affine(AffineCall call) => call.W.Length;

        public long AffinePartial(AffinePartialQuery query) => query.W.Length;

        public long Network(NetworkQuery query) => 1 + Entries(query.W) + query.B.Length + query.Wout.Length + query.X.Length;

        public long GdStep(StepQuery query) => Entries(query.W) + query.B.Length + query.Wout.Length;

        private static long Entries(double[][] matrix) => matrix.Sum(row => (long)row.Length);
    }
}
