using Calculus.Functions;
using Calculus.Verification.Generation;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Checks;

/// <summary>The subject's answers as plain values for the checks: a "not implemented" or error answer, or an answer of
/// the wrong shape, is thrown as a <see cref="SubjectAnswerException"/>, which the runner turns into the case's outcome.</summary>
internal static class Ask
{
    /// <summary>f(x) or f'(x) at several points.</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="function">The protocol name of a function without parameters, or one that takes its defaults.</param>
    /// <param name="derivative">f' instead of f.</param>
    /// <param name="xs">The points.</param>
    /// <returns>One value per point.</returns>
    public static double[] Scalars(ISheet sheet, string function, bool derivative, double[] xs) =>
        Scalars(sheet, new ScalarQuery(function, derivative, xs));

    /// <summary>f(x) or f'(x) at several points, with the parameters the descriptor computes with.</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="function">The function, its parameters bound.</param>
    /// <param name="derivative">f' instead of f.</param>
    /// <param name="xs">The points.</param>
    /// <returns>One value per point.</returns>
    public static double[] Scalars(ISheet sheet, ScalarFunction function, bool derivative, double[] xs) =>
        Scalars(sheet, ScalarQuery.For(function, derivative, xs));

    /// <summary>f(x) or f'(x) at one point.</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="function">The protocol name of a function without parameters, or one that takes its defaults.</param>
    /// <param name="derivative">f' instead of f.</param>
    /// <param name="x">The point.</param>
    /// <returns>The value.</returns>
    public static double Scalar(ISheet sheet, string function, bool derivative, double x) => Scalars(sheet, function, derivative, [x])[0];

    /// <summary>f(x) or f'(x) at one point, with the parameters the descriptor computes with.</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="function">The function, its parameters bound.</param>
    /// <param name="derivative">f' instead of f.</param>
    /// <param name="x">The point.</param>
    /// <returns>The value.</returns>
    public static double Scalar(ISheet sheet, ScalarFunction function, bool derivative, double x) => Scalars(sheet, function, derivative, [x])[0];

    private static double[] Scalars(ISheet sheet, ScalarQuery query)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(query.X);
        return Sized(sheet.Ask(query), query.X.Length, () => $"{query.Function}{(query.Derivative ? "'" : "")} at {query.X.Length} points");
    }

    /// <summary>ℓ(a; y) or f_e(a) at one score.</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="derivative">f_e instead of ℓ.</param>
    /// <param name="a">The score.</param>
    /// <param name="y">The label.</param>
    /// <returns>The value.</returns>
    public static double LabelLogistic(ISheet sheet, bool derivative, double a, double y)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return Sized(sheet.LabelLogistic(derivative, [a], y), 1, () => $"label-logistic{(derivative ? "'" : "")} at 1 point")[0];
    }

    /// <summary>LSE of one vector.</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="a">The vector.</param>
    /// <returns>The value.</returns>
    public static double LogSumExp(ISheet sheet, double[] a)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return Sized(sheet.LogSumExp([a]), 1, () => "logsumexp of 1 vector")[0];
    }

    /// <summary>u = Wx + b.</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="w">W.</param>
    /// <param name="b">b.</param>
    /// <param name="x">x.</param>
    /// <returns>u, length h.</returns>
    public static double[] Affine(ISheet sheet, double[][] w, double[] b, double[] x)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(b);
        return Sized(sheet.Affine(w, b, x), b.Length, () => "affine");
    }

    /// <summary>A partial derivative of u = Wx + b.</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="query">The query.</param>
    /// <returns>The partial derivative, length h.</returns>
    public static double[] AffinePartial(ISheet sheet, AffinePartialQuery query)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(query);
        return Sized(sheet.Ask(query), query.B.Length, () => $"affine-partial wrt {query.Wrt}");
    }

    /// <summary>The network's answer, the shapes of every block given checked.</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="query">The query.</param>
    /// <returns>The answer.</returns>
    public static NetworkAnswer Network(ISheet sheet, NetworkQuery query)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(query);
        var n = Value(sheet.Ask(query));
        int h = query.B.Length, d = query.X.Length;
        Shape(n.DWeights is null || (n.DWeights.Length == h && n.DWeights.All(r => r.Length == d)), $"dW must be {h} rows of {d}", n.DWeights is null ? "" : Rows(n.DWeights));
        Shape(n.DBias is null || n.DBias.Length == h, $"db must have length {h}", $"length {n.DBias?.Length}");
        Shape(n.DOutputWeights is null || n.DOutputWeights.Length == h, $"dw must have length {h}", $"length {n.DOutputWeights?.Length}");
        Shape(n.DInput is null || n.DInput.Length == d, $"dx must have length {d}", $"length {n.DInput?.Length}");
        return n;
    }

    /// <summary>One gradient step's answer, its shapes checked.</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="query">The query.</param>
    /// <returns>The answer.</returns>
    public static StepAnswer GdStep(ISheet sheet, StepQuery query)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(query);
        var s = Value(sheet.Ask(query));
        int h = query.B.Length, d = query.W[0].Length;
        Shape(s.W.Length == h && s.W.All(r => r.Length == d) && s.B.Length == h && s.Wout.Length == h,
            $"W, b, w must keep their shapes ({h} rows of {d}, {h}, {h})", $"W of {Rows(s.W)}, b of {s.B.Length}, w of {s.Wout.Length}");
        return s;
    }

    /// <summary>The value of an answer, or the answer thrown.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="answer">The answer.</param>
    /// <returns>The value.</returns>
    public static T Value<T>(Answer<T> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Kind == AnswerKind.Value && answer.Value is { } v ? v
            : answer.Kind == AnswerKind.NotImplemented ? throw new SubjectAnswerException(AnswerKind.NotImplemented, Answer.NotImplementedMessage)
            : throw new SubjectAnswerException(answer.Kind == AnswerKind.NotAsked ? AnswerKind.NotAsked : AnswerKind.Error, answer.Message ?? "an error without a message");
    }

    private static double[] Sized(Answer<double[]> answer, int expected, Func<string> what)
    {
        var values = Value(answer);
        if (values.Length != expected)
        {
            Shape(false, $"{what()} needs {expected} value{(expected == 1 ? "" : "s")}", $"{values.Length}: {Show.Vector(values.Take(4))}{(values.Length > 4 ? "…" : "")}");
        }

        return values;
    }

    /// <summary>"3 rows of 2", or "3 rows of lengths 2, 2, 3".</summary>
    private static string Rows(double[][] m) =>
        m.Select(r => r.Length).Distinct().Count() <= 1 ? $"{m.Length} row{(m.Length == 1 ? "" : "s")} of {(m.Length == 0 ? 0 : m[0].Length)}"
        : $"{m.Length} rows of lengths {string.Join(", ", m.Select(r => r.Length))}";

    private static void Shape(bool holds, string needed, string got)
    {
        if (!holds)
        {
            throw new SubjectAnswerException(AnswerKind.Error, $"wrong shape: {needed}; got {got}");
        }
    }
}
