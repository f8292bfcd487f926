using Calculus.Checking;
using Calculus.Functions;
using Calculus.Losses;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Verification.Generation;

/// <summary>Every generator of the suite, with shrinkers that keep each generator's constraints.</summary>
/// <remarks>
/// FsCheck 3 has no bounded double generator (its default double stays within ±100 and never gives exact 0 or
/// subnormals), and <c>Gen.Choose</c> is int-only, so doubles are built from ints: 52 random bits for a uniform
/// band, a uniform exponent for log-uniform magnitudes, and edge values mixed in with <c>Gen.Frequency</c>.
/// </remarks>
internal static class Generators
{
    /// <summary>The double-precision thresholds where naive forms break or a function reaches its bounds (each
    /// function's remarks and <see cref="ScalarFunction.SaturatesInDouble"/> state them), with ±0, ±1e300, ±MaxValue
    /// and the smallest subnormals.</summary>
    public static readonly double[] EdgeValues =
    [
        0.0, -0.0, 19.0615474653985, -19.0615474653985, 36.7368005696771, -36.7368005696771, 37.43, -37.43,
        709.7827128933841, -709.7827128933841, 745.1332191019412, -745.1332191019412, 800, -800, 1e300, -1e300,
        double.MaxValue, -double.MaxValue, double.Epsilon, -double.Epsilon, 5.921587195794507, 26.6157, 27.2971, 33.27,
    ];

    /// <summary>Margin kept from every kink by derivative properties: 4·h5 = 2^-9 ≈ 1.95e-3. The 5-point stencil
    /// reaches x ± 2h5 (h5 = 2^-11, <see cref="Tolerances.FivePointStep"/>); twice that keeps it one full stencil
    /// width clear of the kink.</summary>
    public const double KinkMargin = 4 * Tolerances.FivePointStep;

    /// <summary>Uniform on [lo, hi] with 52 random bits.</summary>
    public static Gen<double> Band(double lo, double hi) =>
        Gen.Choose(0, (1 << 26) - 1).Two().Select(t =>
        {
            double u = ((t.Item1 * (double)(1 << 26)) + t.Item2) / (1L << 52);
            return lo + ((hi - lo) * u);
        });

    /// <summary>±10^u with u uniform on [log10 min, log10 max]: every order of magnitude equally likely.</summary>
    public static Gen<double> LogUniform(double minMagnitude, double maxMagnitude, bool bothSigns = true) =>
        Band(Math.Log10(minMagnitude), Math.Log10(maxMagnitude)).Zip(Gen.Elements<double>(bothSigns ? [-1.0, 1.0] : [1.0]),
            (u, s) => s * Math.Min(Math.Pow(10, u), maxMagnitude));

    /// <summary>Any finite double a property may meet: a band, log-uniform magnitudes 1e-12..1e3, the whole range
    /// 1e-320..1.7e308, and the edge values.</summary>
    public static Gen<double> Finite { get; } = Gen.Frequency(
        (4, Band(-50, 50)),
        (4, LogUniform(1e-12, 1e3)),
        (2, LogUniform(1e-320, double.MaxValue)),
        (2, Gen.Elements(EdgeValues)));

    /// <summary>Points where a finite-difference oracle works: |x| ≤ 1e3 (the absolute steps stay far above ulp(x)).</summary>
    public static Gen<double> Moderate { get; } = Gen.Frequency(
        (5, Band(-20, 20)),
        (4, LogUniform(1e-12, 1e3)),
        (1, Gen.Elements(0.0, 1.0, -1.0, 19.0615474653985, -19.0615474653985, 36.7368005696771, -37.43)));

    /// <summary>Points where the complex step keeps full precision: |f'(x)|·1e-20 must be a normal double, which bounds
    /// |x| by the function's decay (σ: e^(−|x|)·1e-20 ≥ 2.2e-308 gives |x| ≤ 661; the caller passes its limit).</summary>
    public static Gen<double> ComplexStepBand(double limit) =>
        Gen.Frequency((1, Band(-limit, limit)), (2, Moderate.Where(x => Math.Abs(x) <= limit)));

    /// <summary><see cref="Moderate"/> pushed at least <see cref="KinkMargin"/> away from each kink of f.</summary>
    public static Gen<double> AwayFromKinks(ScalarFunction f) => Moderate.Select(x => PushOffKinks(f, x));

    /// <summary>x moved at least <see cref="KinkMargin"/> away from each kink of f, on its own side.</summary>
    /// <param name="f">The activation.</param>
    /// <param name="x">The point.</param>
    /// <returns>x, or x pushed away from a kink.</returns>
    public static double PushOffKinks(ScalarFunction f, double x) => PushOffKinks(f.Kinks, x);

    /// <summary>x moved at least <see cref="KinkMargin"/> away from each of the kinks, on its own side.</summary>
    /// <param name="kinks">The kinks.</param>
    /// <param name="x">The point.</param>
    /// <returns>x, or x pushed away from a kink.</returns>
    public static double PushOffKinks(IReadOnlyList<Kink> kinks, double x)
    {
        foreach (var kink in kinks)
        {
            double d = x - kink.At;
            if (Math.Abs(d) < KinkMargin)
            {
                x = kink.At + ((d < 0 ? -1 : 1) * (KinkMargin + Math.Abs(d)));
            }
        }

        return x;
    }

    /// <summary>Shrinks toward 0 and toward short decimals, by the square root of huge values, and toward 0 by shrinking
    /// fractions (x·(1 − 2^-k), k = 1..6) so that a greedy shrinker walks up to the boundary of a failing region
    /// (ln(1 + e^(−t)) overflows from t ≈ −709.8: −1089 shrinks to about −710), keeping only candidates the constraint
    /// accepts.</summary>
    /// <param name="keep">The generator's constraint.</param>
    /// <returns>The shrinker.</returns>
    public static Func<double, IEnumerable<double>> ShrinkDouble(Func<double, bool> keep) => x =>
        new[] { 0.0, Math.Round(x), Math.Round(x, 1), Math.Round(x, 2), HalfExponent(x) }
            .Concat(Enumerable.Range(1, 6).Select(k => x * (1 - Math.ScaleB(1, -k))))
            .Where(c => c != x && double.IsFinite(c) && Math.Abs(c) < Math.Abs(x) + 0.5 && keep(c))
            .Distinct();

    /// <summary>±√|x| for |x| &gt; 100, so that a huge failing x (5e240) reaches the edge of the failing region (exp
    /// overflows from 709.8) in a few steps; x itself otherwise.</summary>
    /// <param name="x">The value.</param>
    /// <returns>The shrink candidate.</returns>
    public static double HalfExponent(double x) => Math.Abs(x) > 100 && double.IsFinite(x) ? Math.CopySign(Math.Sqrt(Math.Abs(x)), x) : x;

    /// <summary>An arbitrary double from a generator, shrinking inside the constraint.</summary>
    public static Arbitrary<double> Arbitrary(Gen<double> gen, Func<double, bool> keep) => Arb.From(gen, ShrinkDouble(keep));

    /// <summary>Labels y ∈ {−1, +1}.</summary>
    public static Gen<double> Label { get; } = Gen.Elements(-1.0, 1.0);

    /// <summary>Real labels: ±1, and magnitudes 1e-3..1e3 on a grid of eight per decade (±10^(k/8), 98 values). A grid,
    /// as for PLU's parameters: the label is sent once per batch, so the cases of a check that share a label cost a
    /// process subject one request, not one each.</summary>
    public static Gen<double> RealLabel { get; } = Gen.Frequency(
        (1, Label), (3, Gen.Choose(-24, 24).Zip(Label, (k, sign) => sign * Math.Pow(10, k / 8.0))));

    /// <summary>Labels for networks: ±1 mostly, and real y with |y| ≤ 3 (the loss's scale grows with |y|; larger
    /// |y| only rescales the same chain).</summary>
    public static Gen<double> RealLabelForNetworks { get; } = Gen.Frequency((3, Label), (1, Band(-3, 3)));

    /// <summary>Values for a function's parameters, one per parameter in order: mostly one of its typical values, now
    /// and then one near an edge of its valid range (<see cref="Parameter.Typical"/>, <see cref="Parameter.Edge"/>). A
    /// grid rather than a band: the cases of one check then share parameters, and a process subject gets one request per
    /// combination (the protocol sends the parameters once per batch) instead of one per case. For PLU that is α ∈ {0,
    /// 1/8, …, 1} and the default 0.1, c ∈ {0.25, …, 5} and 1e-3, 0.01, 0.1 for close kinks: every shape PLU takes, a
    /// hard clip (α = 0) and the identity (α = 1) among them. The grid is kept small because each combination a check
    /// draws costs a process subject a request of its own.</summary>
    /// <param name="parameters">The parameters, at least one.</param>
    /// <returns>The generator of argument arrays.</returns>
    public static Gen<double[]> Arguments(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        static Gen<double> One(Parameter p) => Gen.Frequency(
            (6, Gen.Elements(p.Typical.ToArray())),
            (1, p.Edge.Count == 1 ? Gen.Constant(p.Edge[0]) : Gen.Elements(p.Edge.ToArray())));
        var arguments = One(parameters[0]).Select(v => new[] { v });
        foreach (var p in parameters.Skip(1))
        {
            arguments = arguments.Zip(One(p), (first, v) => (double[])[.. first, v]);
        }

        return arguments;
    }

    /// <summary>A vector of the given length with entries uniform in [−scale, scale].</summary>
    public static Gen<Vector<double>> Vector(int n, double scale) =>
        Band(-scale, scale).ArrayOf(n).Select(v => Vector<double>.Build.DenseOfArray(v));

    /// <summary>An h×d matrix with entries uniform in [−scale, scale].</summary>
    public static Gen<Matrix<double>> Matrix(int h, int d, double scale) =>
        Band(-scale, scale).ArrayOf(h * d).Select(v => Matrix<double>.Build.Dense(h, d, v));

    /// <summary>The weight scales of the core domain: 0.1, 1 and 3.</summary>
    public static Gen<double> ModerateScale { get; } = Gen.Elements(0.1, 1.0, 3.0);

    /// <summary>Weight scales log-uniform in [1e-3, 1e2], the ends included: pre-activations from ~1e-6 to deep
    /// saturation (|a| up to ~3e5 at h = d = 32).</summary>
    public static Gen<double> AnyScale { get; } = Gen.Frequency((8, LogUniform(1e-3, 1e2, bothSigns: false)), (1, Gen.Elements(1e-3, 1e2)));

    /// <summary>Weight scales log-uniform in [1e-3, 1e3], the ends included: the scales of the false-alarm sweep
    /// (bench/Calculus.Sweeps, GradientGrid.Scales), for the library's own properties (the battery keeps
    /// <see cref="AnyScale"/>).</summary>
    public static Gen<double> SweepScale { get; } = Gen.Frequency((8, LogUniform(1e-3, 1e3, bothSigns: false)), (1, Gen.Elements(1e-3, 1e3)));

    /// <summary>Every hidden activation of the catalog (PLU with its defaults).</summary>
    public static Gen<ScalarFunction> AnyActivation => Gen.Elements(Catalog.Activations.ToArray());

    /// <summary>Every loss of exercise 3.</summary>
    public static Gen<IMarginLoss> AnyLoss => Gen.Elements(MarginLosses.All.ToArray());

    /// <summary>A sheet-1f network of h×d (1 ≤ h, d ≤ maxSize, square and rectangular W) with weights at scale 0.1, 1 or
    /// 3, the given activation (the sigmoid when null) and the logistic loss.</summary>
    /// <param name="maxSize">The largest h and d.</param>
    /// <param name="label">The labels.</param>
    /// <param name="activation">The hidden activation.</param>
    /// <returns>The generator.</returns>
    public static Gen<NetworkCase> Network(int maxSize, Gen<double> label, ScalarFunction? activation = null) =>
        Network(maxSize, label, ModerateScale, Gen.Constant(activation ?? Catalog.Sigmoid), Gen.Constant(MarginLosses.Logistic));

    /// <summary>A width from 1 to maxSize: a third of the draws uniform, two thirds log-uniform, so that small shapes
    /// (where one unit's error shows) are common and maxSize is still reached (a 32×32 network in about 1 of 25 draws
    /// at maxSize 32).</summary>
    /// <param name="maxSize">The largest width.</param>
    /// <returns>The generator.</returns>
    public static Gen<int> Size(int maxSize) => Gen.Frequency(
        (1, Gen.Choose(1, maxSize)),
        (2, LogUniform(1, maxSize + 1, bothSigns: false).Select(v => Math.Clamp((int)v, 1, maxSize))));

    /// <summary>A sheet-1f network of h×d (1 ≤ h, d ≤ maxSize) with every entry uniform in [−scale, scale] for a drawn
    /// scale, a drawn activation and loss; b is moved off the activation's kinks (<see cref="NetworkCase.Create"/>).</summary>
    /// <param name="maxSize">The largest h and d.</param>
    /// <param name="label">The labels.</param>
    /// <param name="scales">The weight scales.</param>
    /// <param name="activations">The hidden activations.</param>
    /// <param name="losses">The losses.</param>
    /// <returns>The generator.</returns>
    public static Gen<NetworkCase> Network(int maxSize, Gen<double> label, Gen<double> scales, Gen<ScalarFunction> activations, Gen<IMarginLoss> losses) =>
        from h in Size(maxSize)
        from d in Size(maxSize)
        from scale in scales
        from w in Matrix(h, d, scale)
        from b in Vector(h, scale)
        from wout in Vector(h, scale)
        from x in Vector(d, scale)
        from y in label
        from activation in activations
        from loss in losses
        select NetworkCase.Create(w, b, wout, x, y, scale, activation, loss);

    /// <summary>The same networks with the margin yz driven to ±(700 … 1e4) by rescaling the output weights w: beyond
    /// ±709.8, where e^(−yz) overflows (the sheet's literal f_e = −y·e^(−yz)·σ(yz) is ∞·0 = NaN there) and the loss is
    /// about |yz| or e^(−|yz|). Weights drawn at a uniform scale reach yz ≤ −709.8 under the logistic loss in about
    /// 223 of 20,000 cases, about 2 in a check of 200: too few for a check to meet one for certain. With one case in four
    /// through here it is about 944 of 20,000, about 9 in 200: a check misses them all with probability
    /// e^(−9.4) ≈ 1e-4 (row <c>BatteryExamples.TheSheetsLiteralFe_InTheNetwork_IsCaught_UnderTheSeedsThatOnceMissedIt</c>).
    /// A network whose score is 0 (every unit dead) is left as it is.</summary>
    /// <param name="cases">The networks.</param>
    /// <returns>The generator.</returns>
    public static Gen<NetworkCase> DeepMargin(Gen<NetworkCase> cases) =>
        from n in cases
        from margin in LogUniform(700, 1e4)
        select n.Gradient().Z is var z && z != 0 && double.IsFinite(z)
            ? NetworkCase.Create(n.W.Clone(), n.B.Clone(), n.Wout * (margin / (n.Y * z)), n.X.Clone(), n.Y, n.Scale, n.Activation, n.Loss)
            : n;

    /// <summary>Small networks for per-entry checks: h·d ≤ 16, moderate scales.</summary>
    /// <param name="label">The labels.</param>
    /// <param name="activation">The hidden activation; the sigmoid when null.</param>
    /// <returns>The generator.</returns>
    public static Gen<NetworkCase> SmallNetwork(Gen<double> label, ScalarFunction? activation = null) =>
        Network(16, label, activation).Where(n => n.Hidden * n.Inputs <= 16);

    /// <summary>A random unit direction in n dimensions (Gaussian-like entries from a band, normalised).</summary>
    public static Gen<double[]> UnitDirection(int n) =>
        Band(-1, 1).ArrayOf(n).Where(v => v.Any(e => e != 0)).Select(v =>
        {
            double norm = Math.Sqrt(v.Sum(e => e * e));
            return v.Select(e => e / norm).ToArray();
        });

    /// <summary>n distinct reals (2 ≤ n ≤ 8) whose two largest are a gap apart: a** − a* = gap, with gap
    /// log-uniform in [−800, −1e-3]; the rest lie further below. Shuffled.</summary>
    public static Gen<GapVector> Gap { get; } =
        from n in Gen.Choose(2, 8)
        from top in Band(-50, 50)
        from gap in LogUniform(1e-3, 800, bothSigns: false)
        from rest in LogUniform(1e-3, 100, bothSigns: false).ArrayOf(n - 2)
        from order in Gen.Shuffle(Enumerable.Range(0, n).ToArray())
        let values = new[] { top, top - gap }.Concat(rest.Select(r => top - gap - r)).ToArray()
        select new GapVector(order.Select(k => values[k]).ToArray(), top, -gap);

    /// <summary>Vectors of 1..8 entries for LSE: bands, log-uniform magnitudes up to 1e300, ties and edge values, ±∞
    /// entries (one entry in nine), and one vector in nine of −∞ only; never NaN.</summary>
    public static Gen<double[]> LseVector { get; } = Gen.Frequency(
        (8, from n in Gen.Choose(1, 8)
            from v in Gen.Frequency(
                (4, Band(-50, 50)), (3, LogUniform(1e-3, 1e300)), (1, Gen.Elements(EdgeValues)),
                (1, Gen.Elements(double.PositiveInfinity, double.NegativeInfinity))).ArrayOf(n)
            select v),
        (1, Gen.Choose(1, 8).Select(n => Enumerable.Repeat(double.NegativeInfinity, n).ToArray())));
}

/// <summary>A vector for sheet 3a with its largest entry a* and the gap a** − a* &lt; 0.</summary>
internal sealed record GapVector(double[] Values, double Max, double Gap)
{
    /// <summary>The vector with its maximum and gap, every number round-trip.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Show.Vector(Values)} (a* = {Show.R(Max)}, a** − a* = {Show.R(Gap)})";
}
