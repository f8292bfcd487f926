using System.Globalization;
using Calculus.Checking;
using Calculus.Functions;
using Calculus.Verification.Checks;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Diagnosis;

/// <summary>Names the shape of a scalar function's mistake when no known mistake (<see cref="MistakeMatch"/>) matched: the
/// answers of a failed check, grouped by function and by value or derivative, and each wrong group explained by one
/// wrong formula g built from the reference f (with the case's parameters), tried in this order:
/// <list type="number">
/// <item>the wrong sign: g(x) = −f(x), or −f'(x);</item>
/// <item>the value for the derivative, g(x) = f(x), or the derivative for the value, g(x) = f'(x);</item>
/// <item>a constant factor on the derivative: g(x) = k·f'(x), k ≠ 0 and |k − 1| ≥ 1e-3 read off the case with the
/// largest |f'(x)|;</item>
/// <item>the derivative written for the output but given x (sigmoid' and tanh' only): x(1 − x) and 1 − x², since
/// σ'(x) = y(1 − y) and tanh'(x) = 1 − y² with y = f(x);</item>
/// <item>the derivative taken at the output: g(x) = f'(f(x));</item>
/// <item>another function of the catalog (its default parameters): g(x) = h(x), or g(x) = h'(x) for the derivative;</item>
/// <item>the argument shifted: g(x) = f(x + s), or f'(x + s), for a constant s with 1e-3 ≤ |s| ≤ 5 solved from one case
/// where the subject is wrong and confirmed on every other.</item>
/// </list>
/// A wrong formula explains a group when it agrees with the subject on every value of the group
/// (<see cref="MistakeMatch.Same(double, double)"/>: 1e-6 relative, 1e-12 absolute, non-finite with non-finite) and
/// differs from the reference on at least one. The diagnosis is a sentence per wrong group; there is none unless every group is either
/// right (each value agrees with the reference's) or explained.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>A float32 subject computes with x (and PLU's α and c) rounded to a float, and a formula that cancels (erf(x − 0.5)
/// near x = 0.5) turns that rounding into a relative error above 1e-6: each group is judged twice, at the x asked and
/// at x rounded to float (as <see cref="SinglePrecisionSheet"/> rounds it), and is right, or explained, when all of
/// its values agree in one of the two. A formula that cancels inside a float32 computation (1 − x² near |x| = 1) is
/// still off by more than 1e-6 there, and is not named.</item>
/// <item>Only scalar functions of the catalog (<see cref="ScalarQuery"/>): a check with any other answered call (the
/// label-logistic loss, log-sum-exp, the affine map, the network, the step) gets no generic diagnosis.</item>
/// <item>A derivative answered at one of the function's kinks is no evidence either way (any value between the one-sided
/// slopes is right there): it is left out of the agreement and of the count.</item>
/// <item>Answers that are errors, "not implemented" or not asked are left out, as in <see cref="MistakeMatch"/>; an
/// answer of the wrong length means no diagnosis.</item>
/// <item>k is read where |f'| is largest, where the ratio is best conditioned; it must be finite and not 0 (all zeros
/// is not a factor), and −1 is the sign, tried first.</item>
/// <item>s is solved by a scan of [−5, 5] in steps of 1/64 and bisection at each sign change, from up to 16 cases
/// where the subject differs from the reference with |x| ≤ 1e6; a root where f (or f') is locally constant (a jump
/// of ReLU' or the hinge, a flat piece) does not fix s and is dropped. The roots are confirmed best determined first,
/// by |g'(x₀ + s)|/|g(x₀ + s)|: a float32 answer's rounding moves s by its relative error divided by that. The range
/// leaves out sin's period 2π, whose shift would be no mistake.</item>
/// <item>A factor with |k − 1| &lt; 1e-3 or a shift with |s| &lt; 1e-3 is no diagnosis: the rounding of x (6e-8·|x| in
/// float32, more through a cancellation) near a zero of f is a relative error far above 1e-6 at one point, which a
/// shift of that size reproduces while agreeing everywhere else (the float32 hinge, 1 − x near x = 1, was once named
/// "hinge(x − 2.23741E-08)"); no mistake on the sheet is that small.</item>
/// <item>k and s are tried rounded to 3 decimals first, then as found: the simplest constant that agrees with every
/// value is named (a float32 subject's 2·f' gives k = 2.0000001 from its rounding).</item>
/// <item>Two formulas may explain a group (sin(x) = sin'(x − π/2)); the first in the order above is named.</item>
/// </list>
/// </remarks>
internal static class GenericDiagnosis
{
    /// <summary>The largest |s| of a shifted argument.</summary>
    public const double ShiftRange = 5;

    /// <summary>The smallest |k − 1| of a constant factor and |s| of a shift: smaller ones are the input's rounding, not a
    /// mistake (see the remarks).</summary>
    public const double Smallest = 1e-3;

    /// <summary>How many cases where the subject is wrong s is solved from.</summary>
    private const int Anchors = 16;

    /// <summary>The scan's step for s (exact in binary).</summary>
    private const double ShiftStep = 1.0 / 64;

    /// <summary>The derivatives the sheet writes in terms of the output y = f(x), as a function of x mistaken for y.</summary>
    private static readonly Dictionary<string, (Func<double, double> Of, string AtX, string AtY)> OutputForms = new(StringComparer.Ordinal)
    {
        ["sigmoid"] = (x => x * (1 - x), "x(1 − x)", "y(1 − y)"),
        ["tanh"] = (x => 1 - (x * x), "1 − x²", "1 − y²"),
    };

    /// <summary>The generic diagnosis of a failed check, or null.</summary>
    /// <param name="run">A failed run, with its answers.</param>
    /// <returns>One sentence per wrong group, or null when some group is neither right nor explained, or none is wrong.</returns>
    public static string? Of(CheckRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Of(run.Answers);
    }

    /// <summary>The generic diagnosis of a list of calls and answers (<see cref="Of(CheckRun)"/>).</summary>
    /// <param name="answers">Every call the subject answered during a check, with its answer, or null.</param>
    /// <returns>The diagnosis, or null.</returns>
    internal static string? Of(IReadOnlyList<(SheetCall Call, IAnswer Answer)>? answers)
    {
        if (answers is not { Count: > 0 } || Groups(answers) is not { } groups)
        {
            return null;
        }

        var sentences = new List<string>();
        foreach (var group in groups)
        {
            var views = new[] { group.Exact, group.Rounded };
            if (views.Any(points => points.All(p => MistakeMatch.Same(p.Got, p.Right))))
            {
                continue;
            }

            if (views.SelectMany(points => Candidates(group, points).Select(c => Explain(c, points))).FirstOrDefault(s => s is not null) is not { } sentence)
            {
                return null;
            }

            sentences.Add(sentence);
        }

        return sentences.Count > 0 ? string.Join(" ", sentences) : null;
    }

    /// <summary>One value answered: the function with the call's parameters, x, the subject's value and the reference's.</summary>
    private sealed record Point(ScalarFunction Spec, double X, double Got, double Right);

    /// <summary>The values of one function's f or f', in the order answered: at the x asked, and at x (and the
    /// parameters) rounded to float, as a float32 subject computes.</summary>
    private sealed record Group(string Function, bool Derivative, List<Point> Exact, List<Point> Rounded);

    /// <summary>A wrong formula: its value at a point, and its sentence given the number of values it agrees on.</summary>
    private sealed record Candidate(Func<Point, double> Predict, Func<int, string> Describe);

    /// <summary>The answers by function and part, derivatives at kinks left out; null when some answer is not a scalar
    /// function's, or has the wrong length, or names no function the reference knows.</summary>
    private static List<Group>? Groups(IReadOnlyList<(SheetCall Call, IAnswer Answer)> answers)
    {
        var groups = new List<Group>();
        foreach (var (call, answer) in answers)
        {
            if (answer.Kind != AnswerKind.Value)
            {
                continue;
            }

            if (call is not ScalarQuery q || answer.Value is not double[] got || got.Length != q.X.Length)
            {
                return null;
            }

            var group = groups.Find(g => g.Function == q.Function && g.Derivative == q.Derivative);
            if (group is null)
            {
                group = new Group(q.Function, q.Derivative, [], []);
                groups.Add(group);
            }

            var rounded = q with { Parameters = q.Parameters?.ToDictionary(p => p.Key, p => Round(p.Value), StringComparer.Ordinal) };
            if (!Add(group.Exact, q, got, x => x) || !Add(group.Rounded, rounded, got, Round))
            {
                return null;
            }
        }

        return groups;
    }

    /// <summary>The values of one call at its points (each mapped by <paramref name="input"/>), NaN inputs (no value to
    /// be right or wrong about) and derivatives at kinks left out; false when the reference does not know the function or its parameters.</summary>
    private static bool Add(List<Point> points, ScalarQuery q, double[] got, Func<double, double> input)
    {
        ScalarFunction spec;
        try
        {
            spec = SheetFunctions.Resolve(q);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var right = At(q.Derivative);
        for (int i = 0; i < got.Length; i++)
        {
            double x = input(q.X[i]);
            if (!double.IsNaN(x) && (!q.Derivative || spec.KinkAt(x) is null))
            {
                points.Add(new Point(spec, x, got[i], right(spec, x)));
            }
        }

        return true;
    }

    private static double Round(double x) => Precision.Binary32.Round(x);

    /// <summary>The candidate's sentence when it agrees with every value and differs from the reference at one.</summary>
    private static string? Explain(Candidate candidate, List<Point> points)
    {
        int distinguishing = 0;
        foreach (var p in points)
        {
            double predicted = candidate.Predict(p);
            if (!MistakeMatch.Same(p.Got, predicted))
            {
                return null;
            }

            distinguishing += MistakeMatch.Same(predicted, p.Right) ? 0 : 1;
        }

        return distinguishing > 0 ? candidate.Describe(points.Count) : null;
    }

    /// <summary>The wrong formulas for a group, in the order of the summary (those with a constant inferred lazily).</summary>
    private static IEnumerable<Candidate> Candidates(Group group, List<Point> points)
    {
        string f = group.Function;
        bool d = group.Derivative;
        string fn = Named(f, d);
        string right = Formula(f, d, "x");
        yield return new(p => -p.Right, n => $"{fn} answered every value with the wrong sign: −{right} instead of {right} ({Evidence(n)}).");
        yield return d
            ? new(p => p.Spec.Value(p.X), n => $"{fn} answered {f}(x) itself: the value, not the derivative ({Evidence(n)}).")
            : new(p => p.Spec.Derivative(p.X), n => $"{fn} answered {f}'(x): the derivative, not the value ({Evidence(n)}).");
        if (d)
        {
            foreach (double k in Ratio(points) is { } ratio ? Simplest(ratio) : [])
            {
                string shown = Nice(k);
                yield return new(p => k * p.Right,
                    n => $"every value of {fn} is k × the right one (k = {shown}): {shown}·{right} instead of {right}, a constant factor missing or extra, as from the chain rule ({Evidence(n)}).");
            }

            if (OutputForms.TryGetValue(f, out var form))
            {
                yield return new(p => form.Of(p.X),
                    n => $"{fn} answered {form.AtX}: the derivative in terms of the output, {form.AtY} with y = {f}(x), was given x instead of y ({Evidence(n)}).");
            }

            yield return new(p => p.Spec.Derivative(p.Spec.Value(p.X)),
                n => $"{fn} answered {f}'({f}(x)): the derivative taken at the output {f}(x) instead of at x ({Evidence(n)}).");
        }

        foreach (var other in Catalog.All.Where(h => h.Name != f))
        {
            yield return d
                ? new(p => other.Derivative(p.X), n => $"{fn} answered {other.Name}'s derivative {other.Name}'(x) instead of {right} ({Evidence(n)}).")
                : new(p => other.Value(p.X), n => $"{fn} answered {other.Name}'s values {other.Name}(x) instead of {right} ({Evidence(n)}).");
        }

        var at = At(d);
        foreach (double s in Shifts(points, d).SelectMany(Simplest))
        {
            string shifted = Formula(f, d, $"x {(s > 0 ? "+" : "−")} {Nice(Math.Abs(s))}");
            yield return new(p => at(p.Spec, p.X + s),
                n => $"{fn} answered {shifted}: the right {(d ? "derivative" : "value")} at a shifted argument, x {(s > 0 ? "+" : "−")} {Nice(Math.Abs(s))} instead of x ({Evidence(n)}).");
        }
    }

    /// <summary>The constant rounded to 3 decimals, then as found (once when they are equal): a float32 answer moves k
    /// and s by about 1e-7, and the value a student wrote (1, not 0.999999) is named when it agrees too.</summary>
    private static double[] Simplest(double v) => Math.Round(v, 3) is var r && r != v && r != 0 ? [r, v] : [v];

    /// <summary>k = subject/reference where |f'| is largest (finite, not 0), or null.</summary>
    private static double? Ratio(List<Point> points)
    {
        var anchor = points.Where(p => double.IsFinite(p.Got) && double.IsFinite(p.Right) && p.Right != 0).MaxBy(p => Math.Abs(p.Right));
        return anchor is not null && anchor.Got / anchor.Right is var k && double.IsFinite(k) && k != 0 && Math.Abs(k - 1) >= Smallest ? k : null;
    }

    /// <summary>Every s in [−5, 5], s ≠ 0, with f(x₀ + s) (or f') equal to the subject's value at x₀, for up to three x₀
    /// where the subject is wrong; each once.</summary>
    private static IEnumerable<double> Shifts(List<Point> points, bool derivative)
    {
        var at = At(derivative);
        var anchors = points
            .Where(p => double.IsFinite(p.Got) && Math.Abs(p.X) <= 1e6 && !MistakeMatch.Same(p.Got, p.Right))
            .Take(Anchors);
        var found = new List<(double S, double Condition)>();
        foreach (var p in anchors)
        {
            double H(double s) => at(p.Spec, p.X + s) - p.Got;
            double previous = double.NaN, hPrevious = double.NaN;
            for (int k = 0; k <= 2 * ShiftRange / ShiftStep; k++)
            {
                double s = -ShiftRange + (k * ShiftStep);
                double h = H(s);
                double? root = h == 0 && hPrevious != 0 ? s
                    : double.IsFinite(h) && double.IsFinite(hPrevious) && Math.Sign(h) * Math.Sign(hPrevious) < 0 ? Bisect(H, previous, s)
                    : null;
                previous = s;
                hPrevious = h;
                if (root is { } r && Math.Abs(r) >= Smallest && MistakeMatch.Same(at(p.Spec, p.X + r), p.Got)
                    && Slope(x => at(p.Spec, x), p.X + r) is var slope && slope > 0)
                {
                    found.Add((r, slope / Math.Max(Math.Abs(p.Got), double.Epsilon)));
                }
            }
        }

        var seen = new List<double>();
        foreach (var (r, _) in found.OrderByDescending(c => c.Condition))
        {
            if (!seen.Exists(t => MistakeMatch.Same(t, r)))
            {
                seen.Add(r);
                yield return r;
            }
        }
    }

    /// <summary>A root of h between a and b, where h(a) and h(b) have opposite signs: the interval halved until it holds
    /// no double between its ends.</summary>
    private static double Bisect(Func<double, double> h, double a, double b)
    {
        double ha = h(a);
        for (int k = 0; k < 200; k++)
        {
            double m = a + ((b - a) / 2);
            if (m <= a || m >= b)
            {
                break;
            }

            double hm = h(m);
            if (hm == 0)
            {
                return m;
            }

            if ((hm > 0) == (ha > 0))
            {
                (a, ha) = (m, hm);
            }
            else
            {
                b = m;
            }
        }

        return Math.Abs(h(a)) <= Math.Abs(h(b)) ? a : b;
    }

    /// <summary>f' or f, with the function's parameters.</summary>
    private static Func<ScalarFunction, double, double> At(bool derivative) =>
        derivative ? (spec, x) => spec.Derivative(x) : (spec, x) => spec.Value(x);

    /// <summary>|g'(x)| by a central difference of step 1e-6 (relative beyond |x| = 1): 0 where g is locally constant,
    /// where a root does not fix s.</summary>
    private static double Slope(Func<double, double> g, double x)
    {
        double h = 1e-6 * Math.Max(1, Math.Abs(x));
        return Math.Abs(g(x + h) - g(x - h)) / (2 * h);
    }

    /// <summary>The name the templates give it: "leaky_relu", "sigmoid_derivative".</summary>
    private static string Named(string function, bool derivative) => function.Replace('-', '_') + (derivative ? "_derivative" : "");

    /// <summary>"sigmoid(x)" or "sigmoid'(x)".</summary>
    private static string Formula(string function, bool derivative, string argument) => $"{function}{(derivative ? "'" : "")}({argument})";

    private static string Evidence(int n) => n == 1 ? "the one value answered agrees" : $"all {n} values agree";

    /// <summary>A constant as a reader wants it: 6 decimals when it is that close to them ("2", "0.5"), else 6 significant
    /// digits.</summary>
    private static string Nice(double v)
    {
        double r = Math.Round(v, 6);
        return Math.Abs(v - r) <= 1e-9 * Math.Max(1, Math.Abs(v))
            ? r.ToString("R", CultureInfo.InvariantCulture)
            : v.ToString("G6", CultureInfo.InvariantCulture);
    }
}
