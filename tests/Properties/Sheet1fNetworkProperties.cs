using Calculus.Networks;
namespace Calculus.Properties;

/// <summary>Sheet 1f: the gradient of L = ℓ(wᵀσ̂(Wx + b); y), for every hidden activation and every loss of exercise 3.</summary>
public sealed class Sheet1fNetworkProperties
{
    public static TheoryData<string> Battery1f() => BatteryTheory.Checks("1f");

    /// <summary>The battery's checks of item 1f whose oracle is independent of the reference (src/Calculus.Verification):
    /// the gradient against the slope of the loss along a random direction, on the core domain and at any scale.</summary>
    [Theory]
    [MemberData(nameof(Battery1f))]
    public void Sheet1f_Battery(string check) => BatteryTheory.Check(check);

    [VectorProperty]
    public Property Sheet1f_ChainRule_MatchesFiniteDifference() =>
        Prop.ForAll(Arb.From(Generators.SmallNetwork(Generators.RealLabelForNetworks), n => n.Shrink()), n =>
        {
            var layout = n.Layout;
            var theta = n.Theta;
            foreach (var (k, analytic) in ChainRuleEntries(n))
            {
                var r = GradientCheck.Partial(t => layout.Loss(t, n.Y), analytic, theta, k, n.LossError, n.Bounds.Gradient[k]);
                if (r.Failed)
                {
                    return r.Holds("sheet chain rule = FD of L", $"{Describe(layout, k)} of {n}");
                }
            }

            return true.Label("chain rule");
        });

    [VectorProperty]
    public Property Sheet1f_FastGradient_EqualsChainRule_EveryEntry() =>
        Prop.ForAll(Arb.From(Generators.Network(16, Generators.RealLabelForNetworks), n => n.Shrink()), n =>
        {
            // Two computations of the same chain (the library's NetworkSpans against NetworkChainRule's plain loops), summing
            // in other orders: each within the running error bound of a backward-stable implementation of the exact entry
            // (NetworkErrorBounds), so within twice it of each other.
            var fast = n.Layout.Flatten(n.Gradient());
            foreach (var (k, chain) in ChainRuleEntries(n))
            {
                double tolerance = 2 * n.Bounds.Gradient[k];
                if (!(Math.Abs(fast[k] - chain) <= tolerance))
                {
                    return false.Label($"fast = chain rule at {Describe(n.Layout, k)} of {n}: fast {R(fast[k])}, chain {R(chain)}, tolerance {R(tolerance)}");
                }
            }

            return true.Label("fast = chain");
        });

    /// <summary>The largest weight scale at which the central differences must decide at least half the entries. Beyond
    /// it the score moves by more than about 1 over their stencils (|∂z/∂W_ij| = |w_i f'(a_i) x_j| ≈ s², and the finest
    /// stencil reaches 2^-16: s²·2^-16 ≳ 1 from s ≈ 256, sooner where the loss is saturated), and a loss like e^(−yz)
    /// varies too fast for any of their steps: they say so, inconclusive. The complex step has no stencil and is not
    /// limited by the scale.</summary>
    private const double CentralDifferencesDecideUpTo = 1e2;

    /// <summary>The check behind <c>calculus gradcheck</c>, every entry by central differences and, for every activation
    /// but PLU, the complex step, never fails the library's gradient: weights at every scale of the false-alarm sweep,
    /// 1e-3…1e3 (pre-activations from ~1e-6 to ~1e7), h, d ≤ 8, square and rectangular W, every activation and every loss.
    /// Decisive: up to <see cref="CentralDifferencesDecideUpTo"/> at most half the entries undecided; beyond, the complex
    /// step undecided only below its floor (Tolerances.ComplexStepUnderflow) or within rounding of a kink. The oracle's
    /// limit lies beyond the sweep: never failing a right gradient held with weights drawn up to 1e5 (3,000 cases, scales
    /// log-uniform in 1e-3…1e5); from about
    /// 8e5 on, a sin unit's a_i moves by |x_j|·2^-16 ≳ 2π over the finest stencil, the central differences sample sin
    /// periods apart, and their reliability cross-check can agree by accident (it failed right gradients at 8e5 and 1e6).</summary>
    [VectorProperty]
    public Property Sheet1f_GradientCheck_NeverFails_AtAnyScale_EveryActivationAndLoss() =>
        Prop.ForAll(Arb.From(Generators.Network(8, Generators.RealLabelForNetworks, Generators.SweepScale, Generators.AnyActivation, Generators.AnyLoss), n => n.Shrink()), n =>
        {
            var rows = NetworkGradientCheck.Run(n.Layout, n.Theta, n.Y, n.Activation, n.Layout.Flatten(n.Gradient()), n.Loss);
            if (rows.FirstOrDefault(r => r.Verdict == Verdict.Fail) is { } failed)
            {
                return false.Label($"gradcheck failed the library: {failed.Block} {failed.Worst}: {failed.WorstCheck} — at {n}");
            }

            if (n.Scale <= CentralDifferencesDecideUpTo)
            {
                int undecided = rows.Sum(r => r.Inconclusive), entries = rows.Sum(r => r.Entries);
                return (undecided <= entries / 2).Label($"{undecided} of {entries} entries inconclusive ({rows.FirstOrDefault(r => r.Inconclusive > 0)?.InconclusiveReason}) at {n}");
            }

            var complex = rows.FirstOrDefault(r => r.Oracle == Oracle.ComplexStep && r.Inconclusive > 0
                && !(r.InconclusiveReason ?? "").Contains("complex step underflows", StringComparison.Ordinal)
                && !(r.InconclusiveReason ?? "").Contains("kink within rounding", StringComparison.Ordinal));
            return (complex is null).Label($"the complex step left {complex?.Inconclusive} of {complex?.Entries} entries of {complex?.Block} undecided: {complex?.InconclusiveReason} — at {n}");
        });

    /// <summary>On the core domain (weights at scale 0.1, 1, 3, the logistic loss, every activation with b moved off its
    /// kinks) the same check decides every entry and passes it. The one thing left undecided there is the complex step
    /// of an entry below its floor (|Im L(θ + ih·e)| &lt; 2^-970, i.e. |∂L/∂θ| below about 1e-272: a Gaussian unit at
    /// a² ≈ 660, e^(−a²) ≈ 1e-287, reached at scale 3 with d = 8), which <c>GradientCheck.ComplexStep</c> leaves to the
    /// central differences by design (Tolerances.ComplexStepUnderflow); those must still decide and pass it.</summary>
    [VectorProperty]
    public Property Sheet1f_GradientCheck_DecidesAndPassesEveryEntry_OnTheCoreDomain() =>
        Prop.ForAll(Arb.From(NetworkChecks.EveryActivation, n => n.Shrink()), n =>
        {
            var rows = NetworkGradientCheck.Run(n.Layout, n.Theta, n.Y, n.Activation, n.Layout.Flatten(n.Gradient()), n.Loss);
            var other = rows.FirstOrDefault(r => !(r.Verdict == Verdict.Pass && r.Inconclusive == 0) && !BelowTheComplexStepsFloor(r));
            return (other is null).Label($"{other?.Block} {other?.Oracle.Description()}: {other?.Verdict}, {other?.InconclusiveReason ?? other?.WorstCheck.ToString()} — at {n}");
        });

    private static bool BelowTheComplexStepsFloor(BlockCheck row) =>
        row.Failed == 0 && (row.InconclusiveReason ?? "").Contains("complex step underflows", StringComparison.Ordinal);

    [VectorProperty]
    public Property Sheet1f_Gradient_MatchesDirectionalComplexStep_UpTo64() =>
        Prop.ForAll(Arb.From(Generators.Network(64, Generators.Label).SelectMany(n => Generators.UnitDirection(n.Layout.Count).Select(v => (N: n, V: v))), NetworkChecks.ShrinkWithDirection), t =>
        {
            var (n, v) = t;
            return GradientCheck.ComplexDirectional(th => ComplexNetwork.Loss(th, n.Hidden, n.Inputs, n.Y), n.Layout.Flatten(n.Gradient()), n.Theta, v, n.Bounds.Gradient)
                .Holds("⟨∇L, v⟩ = complex step along v", $"direction [{string.Join(", ", v.Select(R))}] of {n}");
        });

    /// <summary>The sheet's per-entry chain for every W_ij and b_i, by flat index.</summary>
    private static IEnumerable<(int Index, double Value)> ChainRuleEntries(NetworkCase n)
    {
        for (int i = 0; i < n.Hidden; i++)
        {
            yield return (n.Layout.Bias(i), NetworkChainRule.BiasPartial(n.W, n.B, n.Wout, n.X, n.Y, i, n.Activation));
            for (int j = 0; j < n.Inputs; j++)
            {
                yield return (n.Layout.Weight(i, j), NetworkChainRule.WeightPartial(n.W, n.B, n.Wout, n.X, n.Y, i, j, n.Activation));
            }
        }
    }
}
