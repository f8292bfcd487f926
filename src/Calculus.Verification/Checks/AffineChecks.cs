using Calculus.Checking;
using Calculus.Verification.Generation;
using Calculus.Verification.Sheet;
using FsCheck;
using FsCheck.Fluent;

namespace Calculus.Verification.Checks;

/// <summary>An affine map u = Wx + b with one index pair: W is h×d, i indexes a row (or an entry of x for 1c), j a column.</summary>
/// <param name="W">W, h rows of d.</param>
/// <param name="B">b.</param>
/// <param name="X">x.</param>
/// <param name="I">The row of W or entry of b (1a, 1b); for 1c, this modulo d indexes x.</param>
/// <param name="J">The column of W.</param>
internal sealed record AffineCase(double[][] W, double[] B, double[] X, int I, int J)
{
    /// <summary>h.</summary>
    public int Rows => W.Length;

    /// <summary>d.</summary>
    public int Columns => X.Length;

    /// <summary>Every entry, round-trip.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"W = {Show.Matrix(W)}, b = {Show.Vector(B)}, x = {Show.Vector(X)}, i = {I}, j = {J}";
}

/// <summary>Sheet 1a–1c: the partial derivatives of u = Wx + b, closed form and central differences of the subject's own
/// u, and u itself.</summary>
internal static class AffineChecks
{
    /// <summary>Cases per check (vectors and matrices: 200).</summary>
    public const int Cases = 200;

    /// <summary>Maps of h, d ∈ 1..8 (square and rectangular) with entries uniform at scale 0.1, 1 or 3.</summary>
    public static Gen<AffineCase> Maps { get; } = Maps_(Generators.ModerateScale.Select(s => Generators.Band(-s, s)));

    /// <summary>Maps with entries of every magnitude up to 1e150 (products up to 1e300, still finite).</summary>
    public static Gen<AffineCase> WideMaps { get; } = Maps_(Gen.Constant(Gen.Frequency((3, Generators.LogUniform(1e-300, 1e150)), (1, Generators.Band(-1, 1)))));

    /// <summary><see cref="WideMaps"/> in single precision: entries from 1e-40 to 1e18 (products up to 1e36, below float's
    /// largest 3.4e38; the smallest entries float subnormals).</summary>
    public static Gen<AffineCase> WideSingleMaps { get; } = Maps_(Gen.Constant(Gen.Frequency((3, Generators.LogUniform(1e-40, 1e18)), (1, Generators.Band(-1, 1)))));

    /// <summary>Every check of items 1a–1c.</summary>
    public static IEnumerable<Check> All
    {
        get
        {
            yield return Make("1a", ["affine"], "u = Wx + b matches the reference", Tier.Core, false, Maps, (m, ctx) => Value(m, ctx));
            foreach (var (item, wrt, formula) in new[] { ("1a", "W", "x_j·e_i"), ("1b", "b", "e_i"), ("1c", "x", "W_(·,i), column i of W") })
            {
                yield return Make(item, ["affine-partial"], $"∂u/∂{wrt}_{(wrt == "W" ? "ij" : "i")} = {formula}", Tier.Core, true, Maps, (m, ctx) => ClosedForm(m, wrt, ctx));
                yield return Make(item, ["affine-partial", "affine"], $"∂u/∂{wrt}_{(wrt == "W" ? "ij" : "i")} matches the slope of your own u = Wx + b (central differences)",
                    Tier.Core, true, Maps, (m, ctx) => Slope(m, wrt, ctx));
            }

            yield return Make("1a", ["affine"], "u over entries up to 1e150 (1e18 in single precision): finite where the true value is, and within tolerance", Tier.Stable, false, WideMaps,
                (m, ctx) => Value(m, ctx), WideSingleMaps);
        }
    }

    private static Gen<AffineCase> Maps_(Gen<Gen<double>> entries) =>
        from h in Gen.Choose(1, 8)
        from d in Gen.Choose(1, 8)
        from e in entries
        from w in e.ArrayOf(d).ArrayOf(h)
        from b in e.ArrayOf(h)
        from x in e.ArrayOf(d)
        from i in Gen.Choose(0, h - 1)
        from j in Gen.Choose(0, d - 1)
        select new AffineCase(w, b, x, i, j);

    /// <summary>The query for one partial: row i and column j of W, entry i of b, entry j of x.</summary>
    private static AffinePartialQuery Query(AffineCase m, string wrt) => new(m.W, m.B, m.X, wrt, wrt == "x" ? m.J : m.I, m.J);

    /// <summary>The exact partial: x_j e_i, e_i, or column j of W.</summary>
    private static double[] Exact(AffineCase m, string wrt) => wrt switch
    {
        "W" => [.. Enumerable.Range(0, m.Rows).Select(k => k == m.I ? m.X[m.J] : 0.0)],
        "b" => [.. Enumerable.Range(0, m.Rows).Select(k => k == m.I ? 1.0 : 0.0)],
        _ => [.. m.W.Select(row => row[m.J])],
    };

    /// <summary>Bound on the error of u_k: γ_(d+1)·(Σ_j |W_kj x_j| + |b_k|), for the subject and for the reference, plus
    /// the subject's slack.</summary>
    private static double Bound(AffineCase m, int k, CheckContext ctx)
    {
        double terms = Math.Abs(m.B[k]) + m.W[k].Select((w, j) => Math.Abs(w * m.X[j])).Sum();
        double u = m.B[k] + m.W[k].Select((w, j) => w * m.X[j]).Sum();
        return (((2 * (m.Columns + 1) * ctx.Model.Epsilon) + (3 * ctx.Model.Precision.InputRounding())) * terms) + ctx.Model.Of(u) + Compare.Subnormal(ctx.Model);
    }

    private static CaseOutcome Value(AffineCase m, CheckContext ctx)
    {
        double[] got = Ask.Affine(ctx.Subject, m.W, m.B, m.X), expected = Ask.Affine(ctx.Reference, m.W, m.B, m.X);
        return Compare.All([.. Enumerable.Range(0, m.Rows).Select(k => (Func<CaseOutcome>)(() => Compare.Values(() => $"u[{k}]", expected[k], got[k], Bound(m, k, ctx))))]);
    }

    private static CaseOutcome ClosedForm(AffineCase m, string wrt, CheckContext ctx)
    {
        double[] got = Ask.AffinePartial(ctx.Subject, Query(m, wrt)), exact = Exact(m, wrt);
        string index = wrt == "W" ? $"{m.I},{m.J}" : wrt == "b" ? $"{m.I}" : $"{m.J}";
        return Compare.All([.. Enumerable.Range(0, m.Rows).Select(k => (Func<CaseOutcome>)(() =>
            Compare.Values(() => $"entry {k} of ∂u/∂{wrt}[{index}]", exact[k], got[k], ctx.Model.Of(exact[k]) + Compare.Subnormal(ctx.Model))))]);
    }

    /// <summary>Each entry u_k of the subject's u, differentiated centrally in the one variable: u is linear in it, so
    /// the difference quotient is exact up to the rounding of u (its bound is the oracle's noise).</summary>
    private static CaseOutcome Slope(AffineCase m, string wrt, CheckContext ctx)
    {
        double[] partial = Ask.AffinePartial(ctx.Subject, Query(m, wrt));
        double at = wrt == "W" ? m.W[m.I][m.J] : wrt == "b" ? m.B[m.I] : m.X[m.J];
        var seen = new Dictionary<double, double[]>(); // one call per stencil point serves every row k
        double[] U(double t) => seen.TryGetValue(t, out var u) ? u : seen[t] = Compute(t);
        double[] Compute(double t)
        {
            var w = m.W.Select(r => (double[])r.Clone()).ToArray();
            var b = (double[])m.B.Clone();
            var x = (double[])m.X.Clone();
            switch (wrt)
            {
                case "W": w[m.I][m.J] = t; break;
                case "b": b[m.I] = t; break;
                default: x[m.J] = t; break;
            }

            return Ask.Affine(ctx.Subject, w, b, x);
        }

        return Compare.All([.. Enumerable.Range(0, m.Rows).Select(k => (Func<CaseOutcome>)(() =>
        {
            var r = GradientCheck.FiniteDifference(t => U(t)[k], partial[k], at, Bound(m, k, ctx), ctx.Model.Of(partial[k]));
            return CaseOutcome.From(r, $"entry {k} of ∂u/∂{wrt} against the slope of your u[{k}]");
        }))]);
    }

    private static IEnumerable<AffineCase> Shrink(AffineCase m)
    {
        if (m.Rows > 1)
        {
            yield return m with { W = m.W[..^1], B = m.B[..^1], I = Math.Min(m.I, m.Rows - 2) };
        }

        if (m.Columns > 1)
        {
            yield return m with { W = [.. m.W.Select(r => r[..^1])], X = m.X[..^1], J = Math.Min(m.J, m.Columns - 2) };
        }

        static double Round(double v) => Math.Round(v, 2);
        var rounded = m with { W = [.. m.W.Select(r => r.Select(Round).ToArray())], B = [.. m.B.Select(Round)], X = [.. m.X.Select(Round)] };
        if (!rounded.B.SequenceEqual(m.B) || !rounded.X.SequenceEqual(m.X) || !rounded.W.SelectMany(r => r).SequenceEqual(m.W.SelectMany(r => r)))
        {
            yield return rounded;
        }
    }

    private static PropertyCheck<AffineCase> Make(
        string item, string[] functions, string name, Tier tier, bool independent, Gen<AffineCase> cases, Func<AffineCase, CheckContext, CaseOutcome> evaluate, Gen<AffineCase>? single = null) =>
        new(item, functions, name, tier, Cases, independent, cases, Shrink, m => m.ToString(), evaluate) { SingleGenerator = single };
}
