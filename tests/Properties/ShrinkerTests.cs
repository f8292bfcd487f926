using Calculus.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Properties;

/// <summary>The shrinkers keep their generators' constraints.</summary>
public sealed class ShrinkerTests
{
    [Fact]
    public void NetworkShrink_GivesSmallerNetworks_ThatKeepTheKinkMargin()
    {
        var rng = new Random(3);
        var w = Matrix<double>.Build.Dense(3, 4, (_, _) => (rng.NextDouble() * 6) - 3);
        var b = Vector<double>.Build.Dense(3, _ => (rng.NextDouble() * 6) - 3);
        var wo = Vector<double>.Build.Dense(3, _ => rng.NextDouble());
        var x = Vector<double>.Build.Dense(4, _ => (rng.NextDouble() * 6) - 3);
        var n = NetworkCase.Create(w, b, wo, x, 0.5371, 3, Catalog.Relu);
        var smaller = n.Shrink().ToList();
        Assert.Equal(3, smaller.Count); // one hidden unit fewer, one input fewer, rounded
        Assert.Contains(smaller, s => s.Hidden == 2 && s.Inputs == 4);
        Assert.Contains(smaller, s => s.Hidden == 3 && s.Inputs == 3);
        Assert.All(smaller, s =>
        {
            Assert.True(s.Hidden * s.Inputs <= n.Hidden * n.Inputs);
            var a = (s.W * s.X) + s.B;
            for (int i = 0; i < s.Hidden; i++)
            {
                double margin = 4 * Tolerances.FivePointStep * (1 + s.W.Row(i).L2Norm() + s.X.L2Norm());
                Assert.True(Math.Abs(a[i]) >= margin, $"a[{i}] = {a[i]} within {margin} of ReLU's kink");
            }
        });
        var pair = (n, Enumerable.Repeat(1 / Math.Sqrt(n.Layout.Count), n.Layout.Count).ToArray());
        Assert.All(NetworkChecks.ShrinkWithDirection(pair), t =>
        {
            Assert.Equal(t.Item1.Layout.Count, t.Item2.Length);
            Assert.Equal(1.0, Math.Sqrt(t.Item2.Sum(e => e * e)), 12);
        });
    }

    [Fact]
    public void DoubleShrink_StaysInsideItsConstraint()
    {
        var shrink = Generators.ShrinkDouble(x => x > 1);
        Assert.All(shrink(123.456), c => Assert.True(c > 1 && Math.Abs(c) < 123.456 + 0.5));
        Assert.DoesNotContain(0.0, shrink(123.456));
    }
}
