using Calculus.Examples.Support;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Examples;

/// <summary>Issue item 9: every function against the committed high-precision reference table
/// (Reference/scalar.csv and Reference/networks.json, made by Reference/generate_reference.py with mpmath and
/// correctly rounded to double, subnormals included).</summary>
public sealed class AccuracyTests
{
    /// <summary>tanh's bound, in ulp of the correctly rounded value, for both of its paths. The rows are mpmath's correctly
    /// rounded values, not Math.Tanh; but the scalar path Tanh.Value is Math.Tanh, the C runtime's tanh, so its row holds the
    /// platform to the library's stated bound (glibc's libm-test-ulps lists 2 ulp for double tanh on x86-64, found by its
    /// tests, not proven; 2 on this table). The bound is derived from the span path (Tanh.ValueLanes), t = −m/(2 + m) with
    /// m = e^(−2|x|) − 1, to first order; t moves by 2Δm/(2 + m)² for an error Δm of m:
    /// <list type="bullet">
    /// <item>k = 0 (|x| &lt; 0.17, r = −2|x| exact): m = s = fl(r + p) within ½ ulp(s) and p's rounding (≤ 0.4 ulp(s),
    /// |p| ≤ r²/2): 0.9 ulp(s), and ulp(t) ≥ ulp(s)/2, (2 + m)² ≥ 2.9: ≤ 1.24 ulp(t).</item>
    /// <item>k &lt; 0: m = fma(2^k, s, 2^k − 1) rounds once (½ ulp(m)); s carries r's rounding and its own (≤ 2.9·2^-55),
    /// times 2^k ≤ ½: ≤ 0.86 ulp(m) in all, ≤ 1.36 ulp(t).</item>
    /// <item>2 + m ∈ [1, 2) rounds by ≤ 2^-53, moving t by ≤ t·2^-53/(2 + m) ≤ 1 ulp(t); the division by ½ ulp(t).</item>
    /// </list>
    /// So t is within 2.9 ulp of tanh|x|, and within ⌊2.9 + ½⌋ = 3 ulp of the correctly rounded double.</summary>
    private const int TanhUlps = 3;

    /// <summary>Bounds in ulp of the correctly rounded value: 2 for values (<see cref="TanhUlps"/> for tanh), 4 for
    /// derivatives.</summary>
    internal static IReadOnlyDictionary<string, int> Bounds { get; } = new Dictionary<string, int>
    {
        ["sigmoid"] = 2, ["sigmoid'"] = 4,
        ["tanh"] = TanhUlps, ["tanh'"] = 4,
        ["erf"] = 2, ["erf'"] = 4,
        ["relu"] = 2, ["relu'"] = 4,
        ["leaky_relu"] = 2, ["leaky_relu'"] = 4,
        ["plu"] = 2, ["plu'"] = 4,
        ["sin"] = 2, ["sin'"] = 4,
        ["gaussian"] = 2, ["gaussian'"] = 4,
        ["softplus"] = 2, ["softplus'"] = 4,
        ["logistic"] = 2, ["logistic'"] = 4,
        ["smooth_hinge"] = 2, ["smooth_hinge'"] = 4,
        ["hinge"] = 2, ["hinge'"] = 4,
    };

    private static readonly string[] Losses = ["softplus", "logistic", "smooth_hinge", "hinge"];

    public static TheoryData<string, int> UlpBounds()
    {
        var data = new TheoryData<string, int>();
        foreach (var (function, bound) in Bounds)
        {
            data.Add(function, bound);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UlpBounds))]
    public void Scalar_WithinUlpBound_OfCorrectlyRoundedReference(string function, int maxUlp)
    {
        var f = ScalarFunctions.ByName[function];
        AssertWithinUlp(function, maxUlp, r => f(r.Args[0]));
    }

    /// <summary>Issue 14: the span overloads (vectorised) through the same table and the same bounds as the scalar
    /// functions, the whole column in one call.</summary>
    [Theory]
    [MemberData(nameof(UlpBounds))]
    public void Span_WithinUlpBound_OfCorrectlyRoundedReference(string function, int maxUlp)
    {
        var rows = ReferenceTable.For(function).ToList();
        double[] x = [.. rows.Select(r => r.Args[0])];
        double[] result = new double[x.Length];
        ScalarFunctions.SpanByName[function](x, result);
        var byLine = rows.Select((r, i) => (r.Line, i)).ToDictionary(t => t.Line, t => result[t.i]);
        AssertWithinUlp(function, maxUlp, r => byLine[r.Line]);
    }

    /// <summary>The rows of <see cref="UlpBounds"/> that belong to a catalog activation (the losses are not in it).</summary>
    public static TheoryData<string, int> ActivationUlpBounds()
    {
        var data = new TheoryData<string, int>();
        foreach (var (function, bound) in Bounds.Where(b => !Losses.Contains(b.Key.TrimEnd('\''))))
        {
            data.Add(function, bound);
        }

        return data;
    }

    /// <summary>Each catalog entry's span members are its vectorised paths, within its bounds on its rows.</summary>
    [Theory]
    [MemberData(nameof(ActivationUlpBounds))]
    public void CatalogSpanMembers_WithinUlpBound_OfCorrectlyRoundedReference(string function, int maxUlp)
    {
        string name = function.TrimEnd('\'').Replace('_', '-');
        var activation = Catalog.Activations.Single(a => a.Name == name);
        var rows = ReferenceTable.For(function).ToList();
        double[] x = [.. rows.Select(r => r.Args[0])];
        double[] result = new double[x.Length];
        (function.EndsWith('\'') ? activation.Derivatives : activation.Values)(x, result);
        var byLine = rows.Select((r, i) => (r.Line, i)).ToDictionary(t => t.Line, t => result[t.i]);
        AssertWithinUlp(function, maxUlp, r => byLine[r.Line]);
    }

    [Theory]
    [InlineData("label_logistic", 2)]
    [InlineData("label_logistic'", 4)]
    public void LabelLogistic_WithinUlpBound_OfCorrectlyRoundedReference(string function, int maxUlp)
    {
        Func<double, double, double> f = function == "label_logistic" ? LabelLogisticLoss.Value : LabelLogisticLoss.Derivative;
        AssertWithinUlp(function, maxUlp, r => f(r.Args[0], r.Args[1]));
    }

    [Fact]
    public void LogSumExp_Within1e14_RelativeToMaxOfValueAndOne()
    {
        // LSE = m + log1p(s): m is exact, log1p(s) has an absolute error of a few ulp of 1 (s ≤ n − 1, n ≤ 8),
        // and the sum rounds once more: |error| ≤ ~8ε·max(|LSE|, 1) ≈ 1.8e-15·max(|LSE|, 1), well inside 1e-14.
        AssertRelative("lse", 1e-14, r => LogSumExp.Value(r.Args), r => Math.Max(Math.Abs(r.Expected), 1.0));
    }

    [Fact]
    public void LogSumExpExcess_Within1e13_Relative()
    {
        // Each e^(a_i − m) is formed from the exact difference (TwoSum), so each term is within ~2 ulp; the sum of
        // n ≤ 8 terms and log1p add a few ulp more: ~1e-15 relative. 1e-13 is the issue's bound.
        AssertRelative("lse_excess", 1e-13, r => LogSumExp.Excess(r.Args), r => Math.Abs(r.Expected));
    }

    [Fact]
    public void NetworkGradient_Within1e13_OfExact_RelativeToLargestEntry()
    {
        var cases = ReferenceTable.Networks();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
        {
            var weights = Matrix<double>.Build.DenseOfRowArrays(c.W);
            var g = Network.Gradient(weights, V(c.B), V(c.Wout), V(c.X), c.Y);
            string label = $"network h={c.Hidden} d={c.Inputs} y={c.Y}";
            AssertClose(label + " loss", c.Loss, g.Loss, 1e-14 * Math.Max(Math.Abs(c.Loss), 1.0));
            AssertClose(label + " z", c.Z, g.Z, 1e-14 * Math.Max(Math.Abs(c.Z), 1.0));
            AssertVector(label + " dW", c.DW.SelectMany(row => row).ToArray(), g.Weights.ToRowMajorArray());
            AssertVector(label + " db", c.Db, g.Bias.ToArray());
            AssertVector(label + " dw", c.Dw, g.OutputWeights.ToArray());
            AssertVector(label + " dx", c.Dx, g.Input.ToArray());
        }

        static Vector<double> V(double[] values) => Vector<double>.Build.DenseOfArray(values);

        static void AssertVector(string label, double[] expected, double[] actual)
        {
            Assert.Equal(expected.Length, actual.Length);
            double scale = expected.Max(Math.Abs);
            for (int i = 0; i < expected.Length; i++)
            {
                AssertClose($"{label}[{i}]", expected[i], actual[i], 1e-13 * scale);
            }
        }
    }

    private static void AssertClose(string label, double expected, double actual, double tolerance)
    {
        double error = Math.Abs(actual - expected);
        Assert.True(error <= tolerance,
            $"{label}: expected {Expect.R(expected)}, got {Expect.R(actual)}, |error| {Expect.R(error)} > tolerance {Expect.R(tolerance)}");
    }

    private static void AssertWithinUlp(string function, int maxUlp, Func<ReferenceTable.Row, double> evaluate)
    {
        var rows = ReferenceTable.For(function).ToList();
        Assert.True(rows.Count >= 100, $"{function}: only {rows.Count} reference rows");
        var failures = rows
            .Select(r => (Row: r, Actual: evaluate(r)))
            .Select(t => (t.Row, t.Actual, Ulps: Ulp.Distance(t.Actual, t.Row.Expected)))
            .Where(t => double.IsNaN(t.Actual) || t.Ulps > (ulong)maxUlp)
            .ToList();
        Assert.True(failures.Count == 0,
            $"{function}: {failures.Count} of {rows.Count} rows beyond {maxUlp} ulp, e.g.\n" + string.Join("\n",
                failures.Take(8).Select(t =>
                    $"  line {t.Row.Line}: f({string.Join(", ", t.Row.Args.Select(Expect.R))}) = {Expect.R(t.Actual)}, exact {Expect.R(t.Row.Expected)}, {t.Ulps} ulp")));
    }

    private static void AssertRelative(
        string function, double bound, Func<ReferenceTable.Row, double> evaluate, Func<ReferenceTable.Row, double> scale)
    {
        var rows = ReferenceTable.For(function).ToList();
        Assert.True(rows.Count >= 100, $"{function}: only {rows.Count} reference rows");
        var failures = rows
            .Select(r => (Row: r, Actual: evaluate(r)))
            .Select(t => (t.Row, t.Actual, Error: Math.Abs(t.Actual - t.Row.Expected)))
            .Where(t => !(t.Error <= bound * scale(t.Row)))
            .ToList();
        Assert.True(failures.Count == 0,
            $"{function}: {failures.Count} of {rows.Count} rows beyond {bound:R}, e.g.\n" + string.Join("\n",
                failures.Take(8).Select(t =>
                    $"  line {t.Row.Line}: f([{string.Join(", ", t.Row.Args.Select(Expect.R))}]) = {Expect.R(t.Actual)}, exact {Expect.R(t.Row.Expected)}, |error| {Expect.R(t.Error)} > {Expect.R(bound * scale(t.Row))}")));
    }

}
