using Calculus.Activations;
using Calculus.Checking;
using Calculus.Functions;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Examples;

/// <summary>Issue item 8: every bad input throws the contracted exception, naming the parameter and both sizes.</summary>
public sealed class ErrorExamples
{
    private static readonly Matrix<double> W32 = Matrix<double>.Build.Dense(3, 2, 0.5); // h = 3, d = 2
    private static Vector<double> V(int n) => Vector<double>.Build.Dense(n, 0.25);

    [Fact]
    public void Affine_WrongInputLength_NamesXAndBothSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => AffineMap.Apply(W32, V(4), V(3)));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("length 4", e.Message);
        Assert.Contains("length 2", e.Message);
        Assert.Contains("3×2", e.Message);
    }

    [Fact]
    public void Affine_WrongBiasLength_NamesBiasAndBothSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => AffineMap.Apply(W32, V(2), V(2)));
        Assert.Equal("bias", e.ParamName);
        Assert.Contains("length 2", e.Message);
        Assert.Contains("length 3", e.Message);
    }

    [Fact]
    public void Affine_Nulls_Throw_ArgumentNull()
    {
        Assert.Throws<ArgumentNullException>("weights", () => AffineMap.Apply(null!, V(2), V(3)));
        Assert.Throws<ArgumentNullException>("x", () => AffineMap.Apply(W32, null!, V(3)));
        Assert.Throws<ArgumentNullException>("bias", () => AffineMap.Apply(W32, V(2), null!));
        Assert.Throws<ArgumentNullException>("weights", () => AffineMap.PartialBias(null!, 0));
        Assert.Throws<ArgumentNullException>("weights", () => AffineMap.JacobianInput(null!));
    }

    [Theory]
    [InlineData(3, 0, "i")]
    [InlineData(-1, 0, "i")]
    [InlineData(0, 2, "j")]
    public void Affine_IndexOutsideShape_Throws_OutOfRange(int row, int column, string param)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AffineMap.PartialWeight(W32, V(2), row, column));
        Assert.Equal(param, e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>("i", () => AffineMap.PartialInput(W32, 2));
        Assert.Throws<ArgumentOutOfRangeException>("i", () => AffineMap.PartialBias(W32, 3));
    }

    [Fact]
    public void Network_WrongOutputWeightLength_NamesItAndBothSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => Network.Gradient(W32, V(3), V(5), V(2), 1));
        Assert.Equal("outputWeights", e.ParamName);
        Assert.Contains("length 5", e.Message);
        Assert.Contains("length 3", e.Message);
        Assert.Throws<ArgumentException>("x", () => Network.Loss(W32, V(3), V(3), V(3), 1));
        Assert.Throws<ArgumentException>("bias", () => NetworkChainRule.BiasPartial(W32, V(1), V(3), V(2), 1, 0));
        Assert.Throws<ArgumentNullException>("x", () => Network.Gradient(W32, V(3), V(3), null!, 1));
    }

    [Fact]
    public void ChainRule_IndexOutsideShape_Throws_OutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>("i", () => NetworkChainRule.BiasPartial(W32, V(3), V(3), V(2), 1, 3));
        Assert.Throws<ArgumentOutOfRangeException>("j", () => NetworkChainRule.WeightPartial(W32, V(3), V(3), V(2), 1, 0, 2));
    }

    [Theory]
    [InlineData(-0.1, 1.0, "alpha")]
    [InlineData(1.5, 1.0, "alpha")]
    [InlineData(double.NaN, 1.0, "alpha")]
    [InlineData(0.1, 0.0, "c")]
    [InlineData(0.1, -1.0, "c")]
    [InlineData(0.1, double.PositiveInfinity, "c")]
    [InlineData(0.1, double.NaN, "c")]
    public void Plu_InvalidParameters_Throw_OutOfRange(double alpha, double c, string param)
    {
        Assert.Throws<ArgumentOutOfRangeException>(param, () => Plu.Value(0, alpha, c));
        Assert.Throws<ArgumentOutOfRangeException>(param, () => Plu.Derivative(0, alpha, c));
        Assert.Throws<ArgumentOutOfRangeException>(param, () => Catalog.CreatePlu(alpha, c));
    }

    [Fact]
    public void Catalog_UnknownName_ListsValidNames()
    {
        var e = Assert.Throws<ArgumentException>("name", () => Catalog.FindActivation("swish"));
        Assert.Contains("swish", e.Message);
        Assert.Contains("sigmoid, tanh, erf, relu, leaky-relu, plu, sin, gaussian", e.Message);
    }

    [Fact]
    public void LogSumExp_Excess_OfEmpty_Throws_AndNullVector_Throws()
    {
        var e = Assert.Throws<ArgumentException>("a", () => LogSumExp.Excess([]));
        Assert.Contains("length 0", e.Message);
        Assert.Throws<ArgumentNullException>("a", () => LogSumExp.Value((Vector<double>)null!));
        Assert.Throws<ArgumentNullException>("a", () => LogSumExp.Excess((Vector<double>)null!));
    }

    [Fact]
    public void Affine_PartialsCheckTheirShapes_AndIndexMessagesGiveTheRange()
    {
        Assert.Throws<ArgumentException>("x", () => AffineMap.PartialWeight(W32, V(3), 0, 0));
        var e = Assert.Throws<ArgumentOutOfRangeException>("i", () => AffineMap.PartialBias(W32, 3));
        Assert.Contains("i = 3 is outside 0..2 (rows h = 3)", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentOutOfRangeException>("i", () => AffineMap.PartialInput(W32, 2));
        Assert.Contains("outside 0..1 (columns d = 2)", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("x", () => NetworkChainRule.WeightPartial(W32, V(3), V(3), V(1), 1, 0, 0));
        Assert.Throws<ArgumentNullException>("weights", () => AffineMap.PartialWeight(null!, V(2), 0, 0));
        Assert.Throws<ArgumentNullException>("weights", () => AffineMap.PartialInput(null!, 0));
        Assert.Throws<ArgumentNullException>("weights", () => AffineMap.JacobianBias(null!));
    }

    [Fact]
    public void Interval_HalfOpenEnds_AndTheirText()
    {
        var halfOpen = new Interval(0, 1, true, false);
        Assert.True(halfOpen.Contains(0));
        Assert.False(halfOpen.Contains(1));
        Assert.False(halfOpen.Contains(-1e-300));
        Assert.True(new Interval(0, 1, false, true).Contains(1));
        Assert.False(new Interval(0, 1, false, true).Contains(0));
        Assert.Equal("[0, 1)", halfOpen.ToString());
        Assert.Equal("(−2.5, ∞)", new Interval(-2.5, double.PositiveInfinity, false, false).ToString());
        Assert.False(Interval.Closed(0, 1).Contains(2));
        Assert.Equal("(0, 1)", Interval.Open(0, 1).ToString());
        Assert.Equal("[−1, 1]", Interval.Closed(-1, 1).ToString());
        Assert.Equal("(−∞, ∞)", Interval.RealLine.ToString());
    }

    [Fact]
    public void Relu_MapsMinusZeroToPlusZero()
    {
        Assert.False(double.IsNegative(Relu.Value(-0.0)), "ReLU(−0) is +0: every x ≤ 0 maps to +0");
        Assert.False(double.IsNegative(Relu.Value(-1e-300)));
        Assert.Equal(0.0, Relu.Derivative(-0.0));
    }

    [Fact]
    public void Erf_KeepsTheSignOfZero()
    {
        Assert.True(double.IsNegative(Erf.Value(-0.0)));
        Assert.False(double.IsNegative(Erf.Value(0.0)));
        Assert.True(double.IsNaN(Erf.Value(double.NaN)));
    }

    public static TheoryData<string, string> Messages => new()
    {
        { "PartialWeight x", "x has length 3, but weights (3×2) requires length 2." },
        { "PartialWeight i", "i = 3 is outside 0..2 (rows h = 3)." },
        { "PartialWeight j", "j = 2 is outside 0..1 (columns d = 2)." },
        { "PartialBias i", "i = -1 is outside 0..2 (rows h = 3)." },
        { "PartialInput i", "i = 2 is outside 0..1 (columns d = 2)." },
        { "WeightPartial j", "j = 5 is outside 0..1 (columns d = 2)." },
        { "BiasPartial i", "i = 4 is outside 0..2 (rows h = 3)." },
        { "PLU alpha", "PLU's alpha must lie in [0, 1]; got 1.5." },
        { "PLU c", "PLU's c must be finite and > 0; got 0." },
        { "layout h", "A network needs h ≥ 1." },
        { "layout d", "A network needs d ≥ 1." },
        { "Flatten weights", "weights is 3×2, but this layout is 2×2." },
        { "Unflatten theta", "theta has length 3, but h = 1, d = 1 requires length 4." },
        { "complex theta", "theta has length 3, but h = 1, d = 1 requires length 4." },
        { "Directional lengths", "gradient, point and direction must have one length; got 1, 1 and 2." },
        { "empty weights", "weights is 0×2; it must not be empty." },
        { "Partial index", "index = 5 is outside 0..1 (length of point = 2)." },
    };

    /// <summary>Each message states the parameter, the value or size it got and what it needed, word for word.</summary>
    [Theory]
    [MemberData(nameof(Messages))]
    public void EveryGuard_SaysWhatItGotAndWhatItNeeded(string entry, string message)
    {
        var layout = new NetworkParameters(1, 1);
        Action act = entry switch
        {
            "PartialWeight x" => () => AffineMap.PartialWeight(W32, V(3), 0, 0),
            "PartialWeight i" => () => AffineMap.PartialWeight(W32, V(2), 3, 0),
            "PartialWeight j" => () => AffineMap.PartialWeight(W32, V(2), 0, 2),
            "PartialBias i" => () => AffineMap.PartialBias(W32, -1),
            "PartialInput i" => () => AffineMap.PartialInput(W32, 2),
            "WeightPartial j" => () => NetworkChainRule.WeightPartial(W32, V(3), V(3), V(2), 1, 0, 5),
            "BiasPartial i" => () => NetworkChainRule.BiasPartial(W32, V(3), V(3), V(2), 1, 4),
            "PLU alpha" => () => Plu.Value(0, 1.5, 1),
            "PLU c" => () => Plu.Value(0, 0.1, 0),
            "layout h" => () => _ = new NetworkParameters(0, 1),
            "layout d" => () => _ = new NetworkParameters(1, 0),
            "Flatten weights" => () => new NetworkParameters(2, 2).Flatten(W32, V(3), V(3), V(2)),
            "Unflatten theta" => () => layout.Unflatten([1, 2, 3]),
            "complex theta" => () => ComplexNetwork.Loss([1, 2, 3], 1, 1, 1),
            "Directional lengths" => () => GradientCheck.Directional(p => p[0], [1.0], [1.0], [1.0, 0.0]),
            "empty weights" => () => AffineMap.JacobianInput(Matrix<double>.Build.Dense(0, 2)),
            "Partial index" => () => GradientCheck.Partial(p => p[0], 1, [1.0, 2.0], 5),
            _ => throw new ArgumentOutOfRangeException(nameof(entry), entry, "no such row"),
        };
        var e = Assert.ThrowsAny<ArgumentException>(act);
        Assert.StartsWith(message + " (Parameter '", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckResult_PrintsEveryNumberOfTheComparison()
    {
        Assert.Equal(
            "inconclusive [central difference, 5-point (3-point for the error estimate)] analytic 1, numeric 1.5, |error| 0.5, relative 0.3333333333333333, tolerance 0.1; a problem",
            new CheckResult(Oracle.CentralDifference, 1, 1.5, 0.1, "a problem").ToString());
        Assert.Equal(
            "FAIL [central difference, 5-point (3-point for the error estimate)] analytic 1, numeric 1.5, |error| 0.5, relative 0.3333333333333333, tolerance 0.1",
            new CheckResult(Oracle.CentralDifference, 1, 1.5, 0.1).ToString());
        Assert.Equal("inconclusive [central difference, 5-point (3-point for the error estimate)] analytic 1; a kink", CheckResult.Inconclusive(Oracle.CentralDifference, 1, "a kink").ToString());
        Assert.Equal(
            "pass [central difference, 5-point (3-point for the error estimate)] analytic -2, numeric -2.25, |error| 0.25, relative 0.1111111111111111, tolerance 0.5",
            new CheckResult(Oracle.CentralDifference, -2, -2.25, 0.5).ToString());
    }
}
