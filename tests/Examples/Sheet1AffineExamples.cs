using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Examples;

/// <summary>Sheet 1a–1c on a 2×2 example worked by hand: W = [[1, 2], [3, 4]], x = [5, 6], b = [7, 8].</summary>
public sealed class Sheet1AffineExamples
{
    private static readonly Matrix<double> W = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });
    private static readonly Vector<double> X = Vector<double>.Build.Dense([5.0, 6.0]);
    private static readonly Vector<double> B = Vector<double>.Build.Dense([7.0, 8.0]);

    [Fact]
    public void Sheet1_Apply_IsWxPlusB()
    {
        // Row 0: 1·5 + 2·6 + 7 = 24; row 1: 3·5 + 4·6 + 8 = 47.
        Assert.Equal([24.0, 47.0], AffineMap.Apply(W, X, B).ToArray());
    }

    [Theory]
    [InlineData(0, 0, new[] { 5.0, 0.0 })] // x_0 = 5 in row 0
    [InlineData(0, 1, new[] { 6.0, 0.0 })] // x_1 = 6 in row 0
    [InlineData(1, 0, new[] { 0.0, 5.0 })] // x_0 = 5 in row 1
    [InlineData(1, 1, new[] { 0.0, 6.0 })] // x_1 = 6 in row 1
    public void Sheet1a_PartialWeight_IsXjInRowI(int i, int j, double[] expected)
    {
        Assert.Equal(expected, AffineMap.PartialWeight(W, X, i, j).ToArray());
    }

    [Theory]
    [InlineData(0, new[] { 1.0, 0.0 })]
    [InlineData(1, new[] { 0.0, 1.0 })]
    public void Sheet1b_PartialBias_IsUnitVector(int i, double[] expected)
    {
        Assert.Equal(expected, AffineMap.PartialBias(W, i).ToArray());
    }

    [Theory]
    [InlineData(0, new[] { 1.0, 3.0 })] // column 0 of W
    [InlineData(1, new[] { 2.0, 4.0 })] // column 1 of W
    public void Sheet1c_PartialInput_IsColumnOfW(int i, double[] expected)
    {
        Assert.Equal(expected, AffineMap.PartialInput(W, i).ToArray());
    }

    [Fact]
    public void Sheet1c_JacobianInput_IsW_AndJacobianBias_IsIdentity()
    {
        Assert.Equal(new double[,] { { 1, 2 }, { 3, 4 } }, AffineMap.JacobianInput(W).ToArray());
        Assert.Equal(new double[,] { { 1, 0 }, { 0, 1 } }, AffineMap.JacobianBias(W).ToArray());
    }

    [Fact]
    public void Sheet1a_NonSquare_PartialWeight_HasLengthH()
    {
        // h = 3, d = 2: ∂/∂W_21 = x_1·e_2 = [0, 0, 6].
        var w = Matrix<double>.Build.Dense(3, 2);
        Assert.Equal([0.0, 0.0, 6.0], AffineMap.PartialWeight(w, X, 2, 1).ToArray());
    }
}
