using Calculus.Activations;
using Calculus.Functions;
namespace Calculus.Properties;

/// <summary>Sheet 2a–2g: the claims every catalog entry states, one test per entry and claim. The catalog drives
/// these, so a new activation is covered by adding its record.</summary>
public sealed class Sheet2ActivationProperties
{
    public static TheoryData<string> Battery2a() => BatteryTheory.Checks("2a");

    /// <summary>The battery's checks of item 2a whose oracle is independent of the reference (src/Calculus.Verification).</summary>
    [Theory]
    [MemberData(nameof(Battery2a))]
    public void Sheet2a_Battery(string check) => BatteryTheory.Check(check);

    public static TheoryData<string> Battery2b() => BatteryTheory.Checks("2b");

    /// <summary>The battery's checks of item 2b whose oracle is independent of the reference (src/Calculus.Verification).</summary>
    [Theory]
    [MemberData(nameof(Battery2b))]
    public void Sheet2b_Battery(string check) => BatteryTheory.Check(check);

    public static TheoryData<string> Battery2c() => BatteryTheory.Checks("2c");

    /// <summary>The battery's checks of item 2c whose oracle is independent of the reference (src/Calculus.Verification).</summary>
    [Theory]
    [MemberData(nameof(Battery2c))]
    public void Sheet2c_Battery(string check) => BatteryTheory.Check(check);

    public static TheoryData<string> Battery2d() => BatteryTheory.Checks("2d");

    /// <summary>The battery's checks of item 2d whose oracle is independent of the reference (src/Calculus.Verification).</summary>
    [Theory]
    [MemberData(nameof(Battery2d))]
    public void Sheet2d_Battery(string check) => BatteryTheory.Check(check);

    public static TheoryData<string> Battery2e() => BatteryTheory.Checks("2e");

    /// <summary>The battery's checks of item 2e whose oracle is independent of the reference (src/Calculus.Verification).</summary>
    [Theory]
    [MemberData(nameof(Battery2e))]
    public void Sheet2e_Battery(string check) => BatteryTheory.Check(check);

    public static TheoryData<string> Battery2f() => BatteryTheory.Checks("2f");

    /// <summary>The battery's checks of item 2f whose oracle is independent of the reference (src/Calculus.Verification).</summary>
    [Theory]
    [MemberData(nameof(Battery2f))]
    public void Sheet2f_Battery(string check) => BatteryTheory.Check(check);

    public static TheoryData<string> Battery2g() => BatteryTheory.Checks("2g");

    /// <summary>The battery's checks of item 2g whose oracle is independent of the reference (src/Calculus.Verification).</summary>
    [Theory]
    [MemberData(nameof(Battery2g))]
    public void Sheet2g_Battery(string check) => BatteryTheory.Check(check);

    public static TheoryData<string> Activations() => [.. Catalog.Activations.Select(a => a.Name)];

    public static TheoryData<string> KinkedActivations() => [.. Catalog.Activations.Where(a => a.Kinks.Count > 0).Select(a => a.Name)];

    /// <summary>The analytic entries with their complex forms and the |x| up to which |f'|·1e-20 stays normal.</summary>
    public static TheoryData<string, double> Analytic() => new()
    {
        { "sigmoid", 600 }, // e^(−|x|)
        { "tanh", 300 }, // 4e^(−2|x|)
        { "sin", 1e3 }, // |cos| ≤ 1, no decay; 1e3 keeps x + ih exact enough
        { "gaussian", 25 }, // 2|x|e^(−x²)
    };

    private static readonly Dictionary<string, Func<System.Numerics.Complex, System.Numerics.Complex>> ComplexForm = new()
    {
        ["sigmoid"] = Sigmoid.OfComplex,
        ["tanh"] = Tanh.OfComplex,
        ["sin"] = Sinusoid.OfComplex,
        ["gaussian"] = Gaussian.OfComplex,
    };

    private static void Check(Property property) => PropertySettings.Check(property, PropertySettings.ScalarCases);

    /// <summary>The scalar paths' ulp bounds (value, derivative) of tests/Examples/AccuracyTests; 0 where the span path
    /// is the scalar path's bits (piecewise-linear, and sin and cos, whose vector form is the scalar steps lane by lane).</summary>
    private static readonly Dictionary<string, (int Value, int Derivative)> SpanBounds = new()
    {
        ["sigmoid"] = (2, 4), ["tanh"] = (3, 4), ["erf"] = (0, 4), ["relu"] = (0, 0), ["leaky-relu"] = (0, 0),
        ["plu"] = (0, 0), ["sin"] = (0, 0), ["gaussian"] = (2, 4),
    };

    /// <summary>Issue 14: each catalog entry's span members against its scalar functions on spans of 0 … 11 finite
    /// doubles of every exponent (beyond the reference table's rows): NaN nowhere, the same infinities and signs of
    /// zero, and within twice the bound in ulp of each other (both are within the bound of the exact value).</summary>
    [Theory]
    [MemberData(nameof(Activations))]
    public void Sheet2_SpanMembers_AgreeWithTheScalarFunctions(string name)
    {
        var f = Catalog.FindActivation(name);
        var (valueBound, derivativeBound) = SpanBounds[name];
        Check(Prop.ForAll(Arb.From(Gen.Choose(0, 11).SelectMany(n => Generators.Finite.ArrayOf(n))), x =>
        {
            double[] values = new double[x.Length], derivatives = new double[x.Length];
            f.Values(x, values);
            f.Derivatives(x, derivatives);
            string? bad = null;
            for (int i = 0; i < x.Length && bad is null; i++)
            {
                bad = Disagreement("f", f.Value(x[i]), values[i], valueBound) ?? Disagreement("f'", f.Derivative(x[i]), derivatives[i], derivativeBound);
                bad = bad is null ? null : $"{name} at x[{i}] = {R(x[i])} of {x.Length}: {bad}";
            }

            return (bad is null).Label(bad ?? "");
        }));

        static string? Disagreement(string what, double scalar, double span, int bound) =>
            double.IsNaN(span) || (bound == 0 ? BitConverter.DoubleToInt64Bits(span) != BitConverter.DoubleToInt64Bits(scalar)
                : ((scalar == 0 || double.IsInfinity(scalar)) ? BitConverter.DoubleToInt64Bits(span) != BitConverter.DoubleToInt64Bits(scalar)
                    : Ulps.Between(span, scalar) > (ulong)(2 * bound)))
                ? $"{what} span {R(span)}, scalar {R(scalar)}"
                : null;
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Sheet2_Value_InFloatingPointRange_ForEveryFiniteX(string name)
    {
        var f = Catalog.FindActivation(name);
        Check(Prop.ForAll(Arb.From(Generators.Finite), x =>
            f.FloatingPointRange.Contains(f.Value(x)).Label($"{name}({R(x)}) = {R(f.Value(x))} not in {f.FloatingPointRange}")));
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Sheet2_Value_InMathematicalRange_WhereNotSaturated(string name)
    {
        var f = Catalog.FindActivation(name);
        Check(Prop.ForAll(Arb.From(Generators.Finite.Where(x => Math.Abs(x) < f.InsideRangeBelow)), x =>
            f.Range.Contains(f.Value(x)).Label($"{name}({R(x)}) = {R(f.Value(x))} not in {f.Range} (|x| < {R(f.InsideRangeBelow)})")));
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Sheet2_Range_IsTight_WitnessesApproachEveryEnd(string name)
    {
        // A finite closed end is attained; a finite open end is approached within any δ; an infinite end is exceeded
        // past any bound M. Witnesses: ±2^k for k = −30..1023, the multiples of 1/8 in [−64, 64], ±π/2 and the kinks.
        var f = Catalog.FindActivation(name);
        var candidates = Enumerable.Range(-30, 1054).SelectMany(k => new[] { Math.ScaleB(1, k), -Math.ScaleB(1, k) })
            .Concat(Enumerable.Range(-512, 1025).Select(k => k / 8.0)).Concat([Math.PI / 2, -Math.PI / 2]).Concat(f.Kinks.Select(k => k.At)).Select(f.Value).ToList();
        var gen = Generators.LogUniform(1e-12, 1e-1, bothSigns: false).Zip(Generators.LogUniform(1, 1e300, bothSigns: false));
        Check(Prop.ForAll(Arb.From(gen), t =>
        {
            var (delta, bound) = t;
            bool Approaches(double end, bool closed, int side) =>
                double.IsInfinity(end) ? candidates.Any(v => side * v > bound)
                : closed ? candidates.Contains(end)
                : candidates.Any(v => f.Range.Contains(v) && Math.Abs(v - end) < delta);
            bool lower = Approaches(f.Range.Lower, f.Range.LowerClosed, -1);
            bool upper = Approaches(f.Range.Upper, f.Range.UpperClosed, +1);
            return (lower && upper).Label($"{name}: range {f.Range}, δ = {R(delta)}, M = {R(bound)}: lower end reached {lower}, upper {upper}");
        }));
    }

    [Theory]
    [MemberData(nameof(Analytic))]
    public void Sheet2_Derivative_MatchesComplexStep(string name, double limit)
    {
        var f = Catalog.FindActivation(name);
        Check(Specs.DerivativeMatchesComplexStep($"{name}' = complex step", ComplexForm[name], f.Derivative, Generators.ComplexStepBand(limit)));
    }

    [Theory]
    [MemberData(nameof(KinkedActivations))]
    public void Sheet2_Kinks_ConventionAndOneSidedQuotients(string name) => Check(Kinks(Catalog.FindActivation(name)));

    /// <summary>At each kink: f' is the stated convention, and the one-sided quotients are the stated slopes.</summary>
    internal static Property Kinks(ScalarFunction f)
    {
        // Each piece is linear, so a one-sided quotient (f(k ± t) − f(k))/(±t) equals the slope up to the rounding of
        // the two values: 2·(2 ulp)·(|f(k)| + |k| + 1) / t, with t ≥ 1e-8.
        string name = f.Name;
        return Prop.ForAll(Arb.From(Generators.LogUniform(1e-8, 1e-3, bothSigns: false)), t =>
            f.Kinks.Aggregate(true.ToProperty(), (p, k) =>
            {
                double right = (f.Value(k.At + t) - f.Value(k.At)) / t;
                double left = (f.Value(k.At) - f.Value(k.At - t)) / t;
                double tolerance = 4 * Tolerances.Epsilon * (Math.Abs(f.Value(k.At)) + Math.Abs(k.At) + 1) / t;
                return p.And((f.Derivative(k.At) == k.Convention
                        && Math.Abs(right - k.RightSlope) <= tolerance && Math.Abs(left - k.LeftSlope) <= tolerance)
                    .Label($"{name} kink at {R(k.At)}, t = {R(t)}: f' = {R(f.Derivative(k.At))} (convention {R(k.Convention)}), " +
                           $"right quotient {R(right)} (slope {R(k.RightSlope)}), left {R(left)} (slope {R(k.LeftSlope)}), tolerance {R(tolerance)}"));
            }));
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Sheet2_Parity_AsStated(string name)
    {
        var f = Catalog.FindActivation(name);
        if (f.Parity == Parity.None)
        {
            // Neither even nor odd: a witness x = 1 breaks both symmetries.
            Assert.True(f.Value(-1) != f.Value(1) && f.Value(-1) != -f.Value(1), $"{name} claims no parity but is symmetric at 1");
            return;
        }

        double sign = f.Parity == Parity.Odd ? -1 : 1;
        Check(Prop.ForAll(Arb.From(Generators.Finite), x =>
            (f.Value(-x) == sign * f.Value(x) && f.Derivative(-x) == -sign * f.Derivative(x))
                .Label($"{name} {f.Parity} at {R(x)}: f(x) = {R(f.Value(x))}, f(−x) = {R(f.Value(-x))}, f'(x) = {R(f.Derivative(x))}, f'(−x) = {R(f.Derivative(-x))}")));
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Sheet2_Monotonicity_AsStated(string name)
    {
        var f = Catalog.FindActivation(name);
        if (f.Monotonicity == Monotonicity.None)
        {
            // Not monotone: it rises somewhere and falls somewhere (sin: 0 → π/2 → π; Gaussian: −1 → 0 → 1).
            Assert.True(f.Value(0) > f.Value(-1) || f.Value(Math.PI / 2) > f.Value(0), $"{name} never rises");
            Assert.True(f.Value(1) < f.Value(0) || f.Value(Math.PI) < f.Value(Math.PI / 2), $"{name} never falls");
            return;
        }

        // Non-decreasing for every pair of finite doubles. Strictly increasing (when claimed) wherever the true rise
        // exceeds the rounding of the two values: by the mean value theorem f(y) − f(x) ≥ min(f'(x), f'(y))·(y − x)
        // (f' is smallest at an end of [x, y] for every increasing entry here), and each value is within 2 ulp, so
        // the rounded values must differ once that rise exceeds 4ε·max(|f(x)|, |f(y)|). Near saturation it need not:
        // σ(34.136) and σ(34.172) differ by 5e-17, under half an ulp of 1, and round to the same double.
        Check(Prop.ForAll(Arb.From(Generators.Finite.Two()), t =>
        {
            double x = Math.Min(t.Item1, t.Item2), y = Math.Max(t.Item1, t.Item2);
            double rise = Math.Min(f.Derivative(x), f.Derivative(y)) * (y - x);
            bool strictApplies = f.Monotonicity == Monotonicity.Increasing
                && rise > 4 * Tolerances.Epsilon * Math.Max(Math.Abs(f.Value(x)), Math.Abs(f.Value(y)));
            bool holds = f.Value(x) <= f.Value(y) && (!strictApplies || f.Value(x) < f.Value(y));
            return holds.Label($"{name} {f.Monotonicity}: f({R(x)}) = {R(f.Value(x))}, f({R(y)}) = {R(f.Value(y))}");
        }));
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Sheet2_Derivative_WithinLipschitzBound(string name) => Check(Lipschitz(Catalog.FindActivation(name)));

    /// <summary>|f'| ≤ L and |f(x) − f(y)| ≤ L|x − y|, up to rounding.</summary>
    internal static Property Lipschitz(ScalarFunction f)
    {
        string name = f.Name;
        return Prop.ForAll(Arb.From(Generators.Finite.Zip(Generators.Moderate)), t =>
        {
            var (x, y) = t;
            // |f'(x)| ≤ L everywhere (the analytic value is within 4 ulp, so allow L·(1 + 4ε)); the secant too, with
            // the rounding of f(x), f(y) and x − y: |f(x) − f(y)| ≤ L|x − y|(1 + 4ε) + 4ε(|f(x)| + |f(y)|), plus
            // 2 ulp of the subnormal grid each (2^-1074), where relative rounding no longer holds (erf(−4.7e-313)).
            double bound = f.Lipschitz * (1 + (4 * Tolerances.Epsilon));
            double secant = Math.Abs(f.Value(x) - f.Value(y));
            double secantBound = (bound * Math.Abs(x - y)) + (4 * Tolerances.Epsilon * (Math.Abs(f.Value(x)) + Math.Abs(f.Value(y))))
                + (4 * double.Epsilon);
            return (Math.Abs(f.Derivative(x)) <= bound && secant <= secantBound)
                .Label($"{name}: |f'({R(x)})| = {R(Math.Abs(f.Derivative(x)))}, L = {R(f.Lipschitz)}; |f(x) − f({R(y)})| = {R(secant)} > {R(secantBound)}?");
        });
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Sheet2_Saturation_GradientVanishesBeyondThreshold(string name)
    {
        var f = Catalog.FindActivation(name);
        if (f.Saturation is not { } s)
        {
            // Not saturating: the gradient keeps a magnitude ≥ 0.01 somewhere beyond any threshold.
            Assert.Contains(new[] { 1e3, -1e3, 1e3 + 1, 1e6, -1e6 }, x => Math.Abs(f.Derivative(x)) >= 0.01);
            return;
        }

        var beyond = Generators.Finite.Where(x => Math.Abs(x) >= s.Threshold)
            .Or(Generators.LogUniform(s.Threshold, 1e300));
        Check(Prop.ForAll(Arb.From(beyond), x =>
            (Math.Abs(f.Derivative(x)) <= s.GradientBound)
                .Label($"{name}: |f'({R(x)})| = {R(Math.Abs(f.Derivative(x)))} > {R(s.GradientBound)} beyond {R(s.Threshold)}")));
    }
}
