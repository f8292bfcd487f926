namespace Calculus.Verification.Sheet;

/// <summary>An implementation of exercise sheet 4 as the battery sees it: one call, answered for any of the protocol's
/// requests (docs/protocol.md). The reference library is one (<see cref="ReferenceSheet"/>), a student's process another
/// (<c>Protocol.ProcessSheet</c>). Any call may be answered <see cref="AnswerKind.NotImplemented"/>.</summary>
internal interface ISheet
{
    /// <summary>The answer to one call.</summary>
    /// <typeparam name="TValue">The type of the call's value.</typeparam>
    /// <param name="call">The call.</param>
    /// <returns>A value, not implemented, an error, or not asked.</returns>
    Answer<TValue> Ask<TValue>(SheetCall<TValue> call);
}

/// <summary>The calls of a sheet with their arguments spelled out.</summary>
internal static class SheetCalls
{
    /// <summary>ℓ(a; y) = log(1 + e^(−y·a)) or its derivative f_e(a) = −y·σ(−y·a), for every a (1e).</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="derivative">f_e instead of ℓ.</param>
    /// <param name="a">The scores.</param>
    /// <param name="y">The label.</param>
    /// <returns>One value per a.</returns>
    public static Answer<double[]> LabelLogistic(this ISheet sheet, bool derivative, double[] a, double y)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return sheet.Ask(new LabelLogisticCall(derivative, a, y));
    }

    /// <summary>LSE(a) = ln Σ e^(a_i) of every vector of a batch (3a).</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="vectors">The vectors.</param>
    /// <returns>One value per vector.</returns>
    public static Answer<double[]> LogSumExp(this ISheet sheet, double[][] vectors)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return sheet.Ask(new LogSumExpCall(vectors));
    }

    /// <summary>u = Wx + b (1a–1c).</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="w">W, h rows of d.</param>
    /// <param name="b">b, length h.</param>
    /// <param name="x">x, length d.</param>
    /// <returns>u, length h.</returns>
    public static Answer<double[]> Affine(this ISheet sheet, double[][] w, double[] b, double[] x)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return sheet.Ask(new AffineCall(w, b, x));
    }
}
