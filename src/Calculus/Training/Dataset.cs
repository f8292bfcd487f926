using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Training;

/// <summary>Two-class data: n points x_k ∈ ℝ^d with labels y_k ∈ {−1, +1}.</summary>
/// <param name="Points">The points, one vector per example, all of length d.</param>
/// <param name="Labels">The labels, ±1.</param>
public sealed record Dataset(IReadOnlyList<Vector<double>> Points, IReadOnlyList<double> Labels)
{
    /// <summary>n, the number of examples.</summary>
    public int Count => Points.Count;

    /// <summary>d, the dimension of each point.</summary>
    public int Dimension => Points.Count == 0 ? 0 : Points[0].Count;
}

/// <summary>Seeded generators of two-class data in the plane, and a CSV reader for a user's own data.</summary>
public static class Datasets
{
    /// <summary>The names <c>calculus train --data</c> takes for the generators.</summary>
    public static IReadOnlyList<string> Names => ["blobs", "xor", "moons"];

    /// <summary>A generator by name.</summary>
    /// <param name="name">"blobs", "xor" or "moons".</param>
    /// <param name="count">How many points.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The data.</returns>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static Dataset Generate(string name, int count, int seed) => name switch
    {
        "blobs" => Blobs(count, seed),
        "xor" => Xor(count, seed),
        "moons" => Moons(count, seed),
        _ => throw new ArgumentException($"Unknown data set '{name}'; valid names: {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>Two Gaussian blobs (centres (∓2, 0), standard deviation 0.5), linearly separable: a point is redrawn
    /// until it lies at least 0.5 on its own side of x₁ = 0. Point k has label −1 for even k, +1 for odd k.</summary>
    /// <param name="count">How many points, half of each class.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The data.</returns>
    public static Dataset Blobs(int count, int seed)
    {
        var rng = new Random(seed);
        return Build(count, k =>
        {
            double y = k % 2 == 0 ? -1 : 1;
            double x1, x2;
            do
            {
                // Stryker disable once Arithmetic : equivalent: 2·y = 2/y for y = ±1.
                x1 = Normal.Sample(rng, 2 * y, 0.5);
                x2 = Normal.Sample(rng, 0, 0.5);
            }
            while (y * x1 < 0.5);

            return ([x1, x2], y);
        });
    }

    /// <summary>XOR quadrants: x uniform in [−1, 1]² with |x₁|, |x₂| ≥ 0.1, label sign(x₁·x₂).</summary>
    /// <param name="count">How many points.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The data.</returns>
    public static Dataset Xor(int count, int seed)
    {
        var rng = new Random(seed);
        return Build(count, _ =>
        {
            double x1, x2;
            do
            {
                x1 = (2 * rng.NextDouble()) - 1;
                x2 = (2 * rng.NextDouble()) - 1;
            }
            while (Math.Abs(x1) < 0.1 || Math.Abs(x2) < 0.1);

            return ([x1, x2], Math.Sign(x1 * x2));
        });
    }

    /// <summary>Two interleaved half circles of radius 1 with Gaussian noise 0.1 per coordinate: for even k the upper half
    /// about (0, 0), label +1; for odd k the lower half about (1, 0.5), label −1.</summary>
    /// <param name="count">How many points, half of each class.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The data.</returns>
    public static Dataset Moons(int count, int seed)
    {
        var rng = new Random(seed);
        return Build(count, k =>
        {
            double angle = Math.PI * rng.NextDouble();
            bool upper = k % 2 == 0;
            double x1 = upper ? Math.Cos(angle) : 1 - Math.Cos(angle);
            double x2 = upper ? Math.Sin(angle) : 0.5 - Math.Sin(angle);
            return ([x1 + Normal.Sample(rng, 0, 0.1), x2 + Normal.Sample(rng, 0, 0.1)], upper ? 1 : -1);
        });
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static Dataset Build(int count, Func<int, (double[] X, double Y)> point)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var points = new List<Vector<double>>(count);
        var labels = new List<double>(count);
        for (int k = 0; k < count; k++)
        {
            var (x, y) = point(k);
            points.Add(Vector<double>.Build.DenseOfArray(x));
            labels.Add(y);
        }

        return new Dataset(points, labels);
    }
}
