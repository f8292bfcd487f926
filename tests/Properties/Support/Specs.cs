using System.Globalization;
using System.Numerics;

namespace Calculus.Properties.Support;

/// <summary>The generic checks, written over the function under test so that the same check runs on the library
/// (the properties) and on deliberately wrong implementations (<c>WrongImplementationTests</c>).</summary>
internal static class Specs
{
    public static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A check result as a labelled property: the property, the whole input and every number of the check.</summary>
    public static Property Holds(this CheckResult result, string property, string input) =>
        result.Passed.Label($"{property}: {result} — at {input}");

    /// <summary>f'(x) matches central differences of f for every x the generator gives.</summary>
    public static Property DerivativeMatchesFiniteDifference(
        string property, Func<double, double> f, Func<double, double> derivative, Gen<double> xs) =>
        Prop.ForAll(Generators.Arbitrary(xs, _ => true), x =>
            GradientCheck.FiniteDifference(f, derivative(x), x).Holds(property, $"x = {R(x)}"));

    /// <summary>f'(x) matches the complex step of f for every x the generator gives.</summary>
    public static Property DerivativeMatchesComplexStep(
        string property, Func<Complex, Complex> f, Func<double, double> derivative, Gen<double> xs) =>
        Prop.ForAll(Generators.Arbitrary(xs, _ => true), x =>
            GradientCheck.ComplexStep(f, derivative(x), x).Holds(property, $"x = {R(x)}"));

    /// <summary>f_e(a; y) matches central differences of ℓ(·; y).</summary>
    public static Property LabelDerivativeMatchesFiniteDifference(
        string property, Func<double, double, double> loss, Func<double, double, double> derivative, Gen<double> labels) =>
        Prop.ForAll(Arb.From(Generators.Moderate.Zip(labels)), t =>
            GradientCheck.FiniteDifference(a => loss(a, t.Item2), derivative(t.Item1, t.Item2), t.Item1)
                .Holds(property, $"a = {R(t.Item1)}, y = {R(t.Item2)}"));

    /// <summary>Every entry of a network gradient (W, b, w, x) matches the central-difference partial of L.</summary>
    public static Property NetworkGradientMatchesPartials(
        string property, Func<NetworkCase, NetworkGradient> gradient, Gen<NetworkCase> networks) =>
        Prop.ForAll(Arb.From(networks, n => n.Shrink()), n =>
        {
            var theta = n.Theta;
            var analytic = n.Layout.Flatten(gradient(n));
            var worst = Enumerable.Range(0, theta.Length)
                .Select(k => (k, r: GradientCheck.Partial(t => n.Layout.Loss(t, n.Y, n.Activation), analytic[k], theta, k, n.LossError)))
                .FirstOrDefault(t => !t.r.Passed);
            return worst.r is null
                ? true.Label(property)
                : worst.r.Holds(property, $"{Describe(n.Layout, worst.k)} of {n}");
        });

    /// <summary>⟨∇L, v⟩ matches the central-difference derivative of t ↦ L(θ + t v) for a random unit v.</summary>
    public static Property NetworkGradientMatchesDirectional(
        string property, Func<NetworkCase, NetworkGradient> gradient, Gen<NetworkCase> networks) =>
        Prop.ForAll(Arb.From(WithDirection(networks), ShrinkWithDirection), t =>
        {
            var (n, v) = t;
            return GradientCheck.Directional(th => n.Layout.Loss(th, n.Y, n.Activation), n.Layout.Flatten(gradient(n)), n.Theta, v, n.LossError)
                .Holds(property, $"direction [{string.Join(", ", v.Select(R))}] of {n}");
        });

    public static Gen<(NetworkCase, double[])> WithDirection(Gen<NetworkCase> networks) =>
        from n in networks
        from v in Generators.UnitDirection(n.Layout.Count)
        select (n, v);

    /// <summary>Shrinks a (network, direction) pair by shrinking the network and cutting the direction to its size
    /// (renormalised, so it stays a unit vector).</summary>
    public static IEnumerable<(NetworkCase, double[])> ShrinkWithDirection((NetworkCase Network, double[] Direction) t) =>
        t.Network.Shrink().Select(n =>
        {
            var layout = n.Layout;
            var full = t.Network.Layout;
            double[] v = new double[layout.Count];
            for (int i = 0; i < n.Hidden; i++)
            {
                for (int j = 0; j < n.Inputs; j++)
                {
                    v[layout.Weight(i, j)] = t.Direction[full.Weight(i, j)];
                }

                v[layout.Bias(i)] = t.Direction[full.Bias(i)];
                v[layout.OutputWeight(i)] = t.Direction[full.OutputWeight(i)];
            }

            for (int j = 0; j < n.Inputs; j++)
            {
                v[layout.Input(j)] = t.Direction[full.Input(j)];
            }

            double norm = Math.Sqrt(v.Sum(e => e * e));
            return (n, norm > 0 ? v.Select(e => e / norm).ToArray() : v);
        }).Where(p => p.Item2.Any(e => e != 0));

    /// <summary>Names a flat parameter index as a partial derivative, e.g. "∂L/∂W[2,0]".</summary>
    public static string Describe(NetworkParameters layout, int k) => $"∂L/∂{NetworkGradientCheck.EntryName(layout, k)}";
}
