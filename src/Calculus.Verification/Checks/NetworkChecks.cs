using Calculus.Checking;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Verification.Generation;
using Calculus.Verification.Sheet;
using FsCheck;
using FsCheck.Fluent;

namespace Calculus.Verification.Checks;

/// <summary>Sheet 1f: the loss L = ℓ(wᵀσ̂(Wx + b); y) and its gradient, against the reference entry by entry (each
/// entry's tolerance from its conditioning, <see cref="NetworkErrorBounds"/>) and against the slope of the subject's
/// own loss along a random direction.</summary>
internal static class NetworkChecks
{
    private const string Item = "1f", Function = "network";

    /// <summary>Cases per network check (as the properties' 200).</summary>
    public const int Cases = 200;

    /// <summary>The blocks of the gradient, with their protocol keys.</summary>
    public static IReadOnlyList<string> Blocks { get; } = ["dW", "db", "dw", "dx"];

    /// <summary>The core domain: h, d ≤ 8, weights at scale 0.1, 1, 3, the sigmoid and the logistic loss, y = ±1 or real.</summary>
    public static Gen<NetworkCase> Core => Generators.Network(8, Generators.RealLabelForNetworks);

    /// <summary>Every hidden activation of the catalog on the core domain.</summary>
    public static Gen<NetworkCase> EveryActivation => Generators.Network(8, Generators.RealLabelForNetworks, Generators.ModerateScale, Generators.AnyActivation, Gen.Constant(MarginLosses.Logistic));

    /// <summary>The smooth-hinge and hinge losses on the core domain.</summary>
    public static Gen<NetworkCase> EveryLoss => Generators.Network(8, Generators.RealLabelForNetworks, Generators.ModerateScale, Gen.Constant(Catalog.Sigmoid),
        Gen.Elements(MarginLosses.SmoothHinge, MarginLosses.Hinge));

    /// <summary>Any scale: weights 1e-3…1e2, h, d ≤ 32 (square and rectangular), every activation and loss: pre-activations
    /// from ~1e-6 to deep saturation; one case in four with its margin driven beyond ±700 (<see cref="Generators.DeepMargin"/>).</summary>
    public static Gen<NetworkCase> AnyScale
    {
        get
        {
            var any = Generators.Network(32, Generators.RealLabelForNetworks, Generators.AnyScale, Generators.AnyActivation, Generators.AnyLoss);
            return Gen.Frequency((3, any), (1, Generators.DeepMargin(any)));
        }
    }

    /// <summary>Every check of item 1f.</summary>
    public static IEnumerable<Check> All
    {
        get
        {
            yield return Make("loss L matches the reference (σ, logistic loss, h, d ≤ 8, weights at scale 0.1, 1, 3)", Tier.Core, false, Core, (n, ctx) => Against(n, ctx, ["loss"]));
            foreach (var (block, name) in new[] { ("dW", "∂L/∂W"), ("db", "∂L/∂b"), ("dw", "∂L/∂w"), ("dx", "∂L/∂x") })
            {
                yield return Make($"{name} matches the reference, entry by entry", Tier.Core, false, Core, (n, ctx) => Against(n, ctx, [block]));
            }

            yield return Directional("the gradient matches the slope of your own loss along a random direction (central differences)", Tier.Core, Core);
            yield return Make("every hidden activation (field \"activation\"): loss and gradient match the reference", Tier.Core, false, EveryActivation,
                (n, ctx) => Against(n, ctx, ["loss", .. Blocks]));
            yield return Make("the smooth-hinge and hinge losses (field \"loss\"): loss and gradient match the reference", Tier.Core, false, EveryLoss,
                (n, ctx) => Against(n, ctx, ["loss", .. Blocks]));
            yield return Make("any weight scale (1e-3…1e2), h, d ≤ 32, every activation and loss: loss and gradient finite where the true values are, and within tolerance",
                Tier.Stable, false, AnyScale, (n, ctx) => Against(n, ctx, ["loss", .. Blocks]));
            yield return Directional("any weight scale (1e-3…1e2), h, d ≤ 32, every activation and loss: the gradient matches the slope of your own loss", Tier.Stable, AnyScale);
        }
    }

    /// <summary>The query of a case at other parameters θ (same shape, activation, loss, label).</summary>
    /// <param name="n">The case.</param>
    /// <param name="theta">θ in the case's layout.</param>
    /// <returns>The query.</returns>
    public static NetworkQuery Query(NetworkCase n, double[] theta)
    {
        ArgumentNullException.ThrowIfNull(n);
        var (w, b, wout, x) = n.Layout.Unflatten(theta);
        return new NetworkQuery(w.ToRowArrays(), b.ToArray(), wout.ToArray(), x.ToArray(), n.Y, n.Activation.Name, n.Loss.Name);
    }

    /// <summary>The subject's loss and the named gradient blocks against the reference's, each entry within the sum of
    /// its running error bounds for the subject's model and for the reference. A block the subject left out is not
    /// implemented; at the hinge's kink the gradient is undecided (any subgradient is right there).</summary>
    private static CaseOutcome Against(NetworkCase n, CheckContext ctx, string[] parts)
    {
        var got = Ask.Network(ctx.Subject, n.Query);
        var expected = Ask.Value(ctx.Reference.Ask(n.Query));
        if (parts.All(p => Part(got, p) is null))
        {
            return CaseOutcome.NotImplemented;
        }

        var layout = n.Layout;
        var theta = n.Theta;
        var subject = NetworkErrorBounds.Compute(layout, theta, n.Y, n.Activation, n.Loss, ctx.Model);
        var reference = n.Bounds;
        var outcomes = new List<Func<CaseOutcome>>();
        if (parts.Contains("loss") && got.Loss is { } loss)
        {
            outcomes.Add(() => Compare.Values("L", expected.Loss!.Value, loss, subject.Loss + reference.Loss + Compare.Subnormal(ctx.Model)));
        }

        var gradient = parts.Where(p => p != "loss" && Part(got, p) is not null).ToArray();
        string[] notGiven = [.. parts.Where(p => Part(got, p) is null)];
        if (gradient.Length > 0 && n.Loss.Kink is { } margin)
        {
            double z = n.Wout.DotProduct(((n.W * n.X) + n.B).Map(n.Activation.Value));
            if (Math.Abs((n.Y * z) - margin) <= Math.Abs(n.Y) * (subject.Score + reference.Score))
            {
                return CaseOutcome.Inconclusive($"the margin yz = {Show.R(n.Y * z)} is at the {n.Loss.Name} loss's kink: any subgradient is right there");
            }
        }

        foreach (string part in gradient)
        {
            double[] g = Flat(Part(got, part)!), e = Flat(Part(expected, part)!);
            int start = Start(layout, part);
            for (int k = 0; k < g.Length; k++)
            {
                int index = start + k;
                double gk = g[k], ek = e[k];
                outcomes.Add(() => Compare.Values(() => $"∂L/∂{NetworkGradientCheck.EntryName(layout, index)}", ek, gk,
                    subject.Gradient[index] + reference.Gradient[index] + Compare.Subnormal(ctx.Model)));
            }
        }

        return Compare.All([.. outcomes]) with { NotGiven = notGiven };
    }

    /// <summary>⟨∇L, v⟩ of the subject against the central-difference slope of its own loss along v, v a random unit
    /// direction restricted to the blocks the subject gave (renormalised).</summary>
    private static PropertyCheck<(NetworkCase N, double[] V)> Directional(string name, Tier tier, Gen<NetworkCase> networks)
    {
        var cases = from n in networks from v in Generators.UnitDirection(n.Layout.Count) select (n, v);
        return new PropertyCheck<(NetworkCase N, double[] V)>(Item, [Function], name, tier, Cases, true, cases, ShrinkWithDirection,
            t => $"direction {Show.Vector(t.V)} at {t.N}", configuration: t => Configuration(t.N), evaluate: (t, ctx) =>
            {
                var (n, v) = t;
                var got = Ask.Network(ctx.Subject, n.Query);
                if (got.Loss is null || Blocks.All(b => Part(got, b) is null))
                {
                    return CaseOutcome.NotImplemented;
                }

                var layout = n.Layout;
                var gradient = new double[layout.Count];
                var direction = (double[])v.Clone();
                foreach (string block in Blocks)
                {
                    int start = Start(layout, block), count = Count(layout, block);
                    double[]? g = Part(got, block) is { } p ? Flat(p) : null;
                    for (int k = 0; k < count; k++)
                    {
                        gradient[start + k] = g?[k] ?? 0;
                        direction[start + k] = g is null ? 0 : direction[start + k];
                    }
                }

                double norm = Math.Sqrt(direction.Sum(e => e * e));
                if (norm == 0)
                {
                    return CaseOutcome.Inconclusive("the random direction has no component along the blocks you gave");
                }

                direction = [.. direction.Select(e => e / norm)];
                var theta = n.Theta;
                var bounds = NetworkErrorBounds.Compute(layout, theta, n.Y, n.Activation, n.Loss, ctx.Model);
                var (level, kink) = NetworkGradientCheck.ClearLevel(layout, theta, n.Y, n.Activation, n.Loss, direction, bounds);
                if (kink is not null)
                {
                    return CaseOutcome.Inconclusive(kink);
                }

                var r = GradientCheck.Directional(
                    th => Ask.Network(ctx.Subject, Query(n, th)).Loss ?? double.NaN, gradient, theta, direction, bounds.Loss, bounds.Gradient, level);
                return CaseOutcome.From(r, "⟨∇L, v⟩ against the slope of your loss along v") with { NotGiven = [.. Blocks.Where(b => Part(got, b) is null)] };
            });
    }

    /// <summary>Shrinks a (network, direction) pair by shrinking the network and cutting the direction to its size
    /// (renormalised, so it stays a unit vector).</summary>
    /// <param name="t">The pair.</param>
    /// <returns>Smaller pairs.</returns>
    public static IEnumerable<(NetworkCase N, double[] V)> ShrinkWithDirection((NetworkCase N, double[] V) t) =>
        t.N.Shrink().Select(n =>
        {
            var layout = n.Layout;
            var full = t.N.Layout;
            double[] v = new double[layout.Count];
            for (int i = 0; i < n.Hidden; i++)
            {
                for (int j = 0; j < n.Inputs; j++)
                {
                    v[layout.Weight(i, j)] = t.V[full.Weight(i, j)];
                }

                v[layout.Bias(i)] = t.V[full.Bias(i)];
                v[layout.OutputWeight(i)] = t.V[full.OutputWeight(i)];
            }

            for (int j = 0; j < n.Inputs; j++)
            {
                v[layout.Input(j)] = t.V[full.Input(j)];
            }

            double norm = Math.Sqrt(v.Sum(e => e * e));
            return (n, norm > 0 ? v.Select(e => e / norm).ToArray() : v);
        }).Where(p => p.Item2.Any(e => e != 0));

    private static object? Part(NetworkAnswer a, string part) => part switch
    {
        "loss" => a.Loss,
        "dW" => a.DWeights,
        "db" => a.DBias,
        "dw" => a.DOutputWeights,
        _ => a.DInput,
    };

    private static double[] Flat(object part) => part is double[][] rows ? [.. rows.SelectMany(r => r)] : (double[])part;

    private static int Start(NetworkParameters layout, string block) => block switch
    {
        "dW" => 0,
        "db" => layout.Bias(0),
        "dw" => layout.OutputWeight(0),
        _ => layout.Input(0),
    };

    private static int Count(NetworkParameters layout, string block) => block switch
    {
        "dW" => layout.Hidden * layout.Inputs,
        "dx" => layout.Inputs,
        _ => layout.Hidden,
    };

    private static PropertyCheck<NetworkCase> Make(string name, Tier tier, bool independent, Gen<NetworkCase> cases, Func<NetworkCase, CheckContext, CaseOutcome> evaluate) =>
        new(Item, [Function], name, tier, Cases, independent, cases, n => n.Shrink(), n => n.ToString(), evaluate, Configuration);

    /// <summary>What a subject may implement or not: the activation and the loss.</summary>
    internal static string Configuration(NetworkCase n) => $"activation {n.Activation.Name} with the {n.Loss.Name} loss";
}
