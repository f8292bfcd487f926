using Calculus.Activations;
using Calculus.Checking;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Calculus.Examples;

/// <summary>The cells of docs/inputs.md that the sheet examples, special values and error examples do not already cover:
/// NaN, ±∞, ±0, empty, null and extreme finite entries at every vector entry point.</summary>
public sealed class BadInputExamples
{
    private static Vector<double> V(params double[] v) => Vector<double>.Build.DenseOfArray(v);

    private static readonly Matrix<double> W = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, -2 }, { 0.5, 3 } });

    [Fact]
    public void EmptyShapes_ThrowArgumentException_NamingWeightsAndItsShape()
    {
        // MathNet builds 0×d and h×0 matrices and empty vectors; the sheet's network needs h, d ≥ 1.
        var empty = Matrix<double>.Build.Dense(0, 2);
        var e = Assert.Throws<ArgumentException>("weights", () => AffineMap.Apply(empty, V(1, 2), Vector<double>.Build.Dense(0)));
        Assert.Contains("0×2", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("weights", () => Network.Loss(Matrix<double>.Build.Dense(2, 0), V(0, 0), V(1, 1), Vector<double>.Build.Dense(0), 1));
        Assert.Throws<ArgumentException>("weights", () => AffineMap.JacobianBias(empty));
        Assert.Throws<ArgumentException>("x", () => AffineMap.Apply(W, Vector<double>.Build.Dense(0), V(0, 0)));
        Assert.Equal(double.NegativeInfinity, LogSumExp.Value(Vector<double>.Build.Dense(0)));
        Assert.Throws<ArgumentException>("a", () => LogSumExp.Excess(Vector<double>.Build.Dense(0)));
        Assert.Throws<ArgumentOutOfRangeException>("Hidden", () => new NetworkParameters(0, 2));
    }

    [Fact]
    public void Affine_PropagatesNaNAndInfinity_ByIeeeArithmetic()
    {
        var u = AffineMap.Apply(W, V(double.NaN, 1), V(0, 0));
        Assert.All(u, v => Assert.True(double.IsNaN(v)));
        u = AffineMap.Apply(W, V(double.PositiveInfinity, 1), V(0, 0));
        Assert.Equal([double.PositiveInfinity, double.PositiveInfinity], u.ToArray());
        u = AffineMap.Apply(W, V(-0.0, 0.0), V(-0.0, 0));
        Assert.Equal([0.0, 0.0], u.ToArray());
        // Partials do not depend on the values they are not about: PartialBias of a W with NaN is still e_i.
        var nanW = Matrix<double>.Build.Dense(2, 2, double.NaN);
        Assert.Equal([0.0, 1.0], AffineMap.PartialBias(nanW, 1).ToArray());
        Assert.Equal([0.0, double.NegativeInfinity], AffineMap.PartialWeight(W, V(1, double.NegativeInfinity), 1, 1).ToArray());
    }

    [Fact]
    public void Affine_ExtremeEntries_OverflowOnlyWhereTheTrueValueExceedsTheRange()
    {
        // 1e300·1e300 = 1e600 is beyond the doubles: +∞ is the correctly rounded result, not an error.
        var u = AffineMap.Apply(W, V(1e300, 0), V(-800, 800));
        Assert.Equal([1e300, 5e299], u.ToArray());
        Assert.Equal(double.PositiveInfinity, AffineMap.Apply(Matrix<double>.Build.Dense(1, 1, 1e300), V(1e300), V(0))[0]);
    }

    [Fact]
    public void Network_NaNAnywhere_GivesNaNLoss_NotAnException()
    {
        var g = Network.Gradient(W, V(0, double.NaN), V(1, 1), V(1, 1), 1);
        Assert.True(double.IsNaN(g.Loss));
        Assert.True(double.IsNaN(Network.Loss(W, V(0, 0), V(1, 1), V(1, 1), double.NaN)));
    }

    [Fact]
    public void Network_ExtremeFiniteWeights_GiveFiniteLossAndGradient()
    {
        // a = Wx + b overflows to ±∞, σ(±∞) and σ'(±∞) are the correctly rounded 1, 0 and 0, and nothing is NaN.
        var w = Matrix<double>.Build.DenseOfArray(new double[,] { { 1e300, 1e300 }, { -1e300, 800 } });
        var g = Network.Gradient(w, V(1e300, -800), V(800, -800), V(1e300, 1), -1);
        Assert.True(double.IsFinite(g.Loss), $"loss {g.Loss}");
        Assert.All(new[] { g.Weights.ToRowMajorArray(), g.Bias.ToArray(), g.OutputWeights.ToArray() }.SelectMany(v => v),
            v => Assert.False(double.IsNaN(v)));
        // σ̂(a) = (1, 0), z = 800·1 − 800·0 = 800, y·z = −800: L = 800 + ln(1 + e^(−800)) = 800, f_e = −y·σ(−yz) = 1.
        Assert.Equal(800.0, g.Loss);
        Assert.Equal([1.0, 0.0], g.OutputWeights.ToArray()); // f_e·σ̂(a)
    }

    [Fact]
    public void Network_InfiniteInput_FollowsIeee_ZeroTimesInfinityIsNaN()
    {
        // x_0 = +∞ meets W_10 = 0.5 and W_00 = 1: a = (+∞, +∞); σ' = 0 there, and g·x = 0·∞ = NaN in ∂L/∂W's first
        // column: no limit is assumed for a product of 0 and ∞. The loss itself is the finite limit.
        var g = Network.Gradient(W, V(0, 0), V(1, 1), V(double.PositiveInfinity, 1), 1);
        Assert.Equal(LabelLogisticLoss.Value(2, 1), g.Loss);
        Assert.True(double.IsNaN(g.Weights[0, 0]));
        Assert.Equal([1.0, 1.0], g.OutputWeights.Map(v => v / g.OutputWeights[0]).ToArray());
    }

    [Fact]
    public void Catalog_AndInterval_Edges()
    {
        Assert.Throws<ArgumentNullException>("name", () => Catalog.FindActivation(null!));
        Assert.Contains("sigmoid, tanh", Assert.Throws<ArgumentException>("name", () => Catalog.FindActivation("")).Message, StringComparison.Ordinal);
        Assert.False(Interval.Open(0, 1).Contains(double.NaN));
        Assert.False(Interval.Open(0, 1).Contains(0));
        Assert.True(Interval.Closed(0, 1).Contains(-0.0));
        Assert.Equal("(−∞, ∞)", Interval.RealLine.ToString());
    }

    [Fact]
    public void GradientCheck_BadInputs()
    {
        Assert.Throws<ArgumentNullException>("f", () => GradientCheck.FiniteDifference(null!, 0, 0));
        Assert.Throws<ArgumentNullException>("f", () => GradientCheck.ComplexStep(null!, 0, 0));
        Assert.False(GradientCheck.FiniteDifference(Math.Sin, double.NaN, 1).Passed); // a NaN derivative never passes
        var atInfinity = GradientCheck.FiniteDifference(Math.Sin, 0, double.PositiveInfinity);
        Assert.False(atInfinity.Passed);
        Assert.Equal("oracle not finite", atInfinity.Problem);
        Assert.True(double.IsNaN(Sigmoid.OfComplex(new Complex(double.NaN, 0)).Real));
        Assert.True(GradientCheck.Directional(_ => 1.0, [], [], []).Passed); // no parameters: ⟨g, v⟩ = 0 = d/dt of a constant
        Assert.Throws<ArgumentException>("theta", () => ComplexNetwork.Loss(new Complex[3], 2, 2, 1));
        Assert.Throws<ArgumentNullException>("theta", () => ComplexNetwork.Loss(null!, 2, 2, 1));
    }

    [Fact]
    public void NetworkParameters_WrongLengthsAndNulls()
    {
        var layout = new NetworkParameters(2, 2);
        var e = Assert.Throws<ArgumentException>("theta", () => layout.Unflatten(new double[5]));
        Assert.Contains("length 5", e.Message, StringComparison.Ordinal);
        Assert.Contains("length 10", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("theta", () => layout.Loss(null!, 1));
        Assert.Throws<ArgumentException>("weights", () => new NetworkParameters(3, 2).Flatten(W, V(0, 0), V(1, 1), V(1, 1)));
        Assert.Throws<ArgumentNullException>("activation", () => NetworkGradientCheck.MoveOffKinks(W, V(0, 0), V(1, 1), null!));
        Assert.Equal("x[1]", NetworkGradientCheck.EntryName(layout, 9));
        Assert.Equal("W[1,0]", NetworkGradientCheck.EntryName(layout, 2));
        Assert.Equal("w[0]", NetworkGradientCheck.EntryName(layout, 6));
    }
}
