namespace Calculus.Properties;

/// <summary>Sheet 1f: the gradient of L = log(1 + exp(−y·wᵀσ̂(Wx + b))).</summary>
public sealed class Sheet1fNetworkProperties
{
    /// <summary>Two computations of the same chain in a different order (MathNet's products against plain loops):
    /// each sum of ≤ 16 terms rounds differently by ≤ 16 ulp of its largest term, and f_e, w_i, f_d multiply that
    /// through; 64ε relative to the largest gradient entry covers it.</summary>
    private const double SameFormulaUlps = 64;

    public static TheoryData<string> Activations() => [.. ActivationCatalog.All.Select(a => a.Name)];

    [VectorProperty]
    public Property Sheet1f_ChainRule_MatchesFiniteDifference() =>
        Prop.ForAll(Arb.From(Generators.SmallNetwork(Generators.RealLabelForNetworks), n => n.Shrink()), n =>
        {
            var layout = n.Layout;
            var theta = n.Theta;
            foreach (var (k, analytic) in ChainRuleEntries(n))
            {
                var r = GradientCheck.Partial(t => layout.Loss(t, n.Y), analytic, theta, k, n.LossError);
                if (!r.Passed)
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
            var fast = n.Layout.Flatten(n.Gradient());
            double tolerance = SameFormulaUlps * Tolerances.Epsilon * fast.Max(Math.Abs);
            foreach (var (k, chain) in ChainRuleEntries(n))
            {
                if (!(Math.Abs(fast[k] - chain) <= tolerance))
                {
                    return false.Label($"fast = chain rule at {Describe(n.Layout, k)} of {n}: fast {R(fast[k])}, chain {R(chain)}, tolerance {R(tolerance)}");
                }
            }

            return true.Label("fast = chain");
        });

    [VectorProperty]
    public Property Sheet1f_EveryGradientEntry_MatchesFiniteDifference() =>
        NetworkGradientMatchesPartials("∇L = FD partials (W, b, w, x)", n => n.Gradient(), Generators.SmallNetwork(Generators.RealLabelForNetworks));

    [VectorProperty]
    public Property Sheet1f_Gradient_MatchesDirectionalFiniteDifference_UpTo64() =>
        NetworkGradientMatchesDirectional("⟨∇L, v⟩ = FD along v", n => n.Gradient(), Generators.Network(64, Generators.RealLabelForNetworks));

    [VectorProperty]
    public Property Sheet1f_Gradient_MatchesDirectionalComplexStep_UpTo64() =>
        Prop.ForAll(Arb.From(WithDirection(Generators.Network(64, Generators.Label)), ShrinkWithDirection), t =>
        {
            var (n, v) = t;
            return GradientCheck.ComplexDirectional(th => ComplexForms.NetworkLoss(th, n.Hidden, n.Inputs, n.Y), n.Layout.Flatten(n.Gradient()), n.Theta, v)
                .Holds("⟨∇L, v⟩ = complex step along v", $"direction [{string.Join(", ", v.Select(R))}] of {n}");
        });

    [Theory]
    [MemberData(nameof(Activations))]
    public void Sheet1f_EveryHiddenActivation_GradientMatchesFiniteDifference(string activation)
    {
        var f = ActivationCatalog.Find(activation);
        PropertySettings.Check(
            NetworkGradientMatchesPartials($"∇L = FD partials, hidden {activation}", n => n.Gradient(), Generators.SmallNetwork(Generators.RealLabelForNetworks, f)),
            PropertySettings.VectorCases);
        PropertySettings.Check(
            NetworkGradientMatchesDirectional($"⟨∇L, v⟩ = FD, hidden {activation}", n => n.Gradient(), Generators.Network(32, Generators.RealLabelForNetworks, f)),
            PropertySettings.VectorCases);
    }

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
