using Calculus.Examples.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Examples;

/// <summary>Sheet 3a: log-sum-exp and its excess over the maximum at hand-checked points.</summary>
public sealed class Sheet3aLogSumExpExamples
{
    [Fact]
    public void Sheet3a_EqualLargeEntries_GiveMaxPlusLnN()
    {
        // ln(2e^1000) = 1000 + ln 2 = 1000.6931471805599 (mpmath); the naive form overflows to ∞.
        Expect.Ulps(1000.6931471805599, LogSumExp.Value([1000, 1000]), 1, "LSE([1000, 1000])");
        // ln(3e^−1000) = −1000 + ln 3 = −998.9013877113318 (mpmath); the naive form is ln 0 = −∞.
        Expect.Ulps(-998.9013877113318, LogSumExp.Value([-1000, -1000, -1000]), 1, "LSE([−1000 ×3])");
    }

    [Fact]
    public void Sheet3a_Excess_IsTinyButNotZero()
    {
        // ln(1 + e^(−40)) = 4.248354255291589e-18 (mpmath) for [0, −40] and [1, −39];
        // LSE − max in double loses it: 1 + 4.2e-18 rounds to 1.
        Expect.Ulps(4.248354255291589e-18, LogSumExp.Excess([0, -40]), 1, "excess [0, −40]");
        Expect.Ulps(4.248354255291589e-18, LogSumExp.Excess([1, -39]), 1, "excess [1, −39]");
        Assert.Equal(0.0, LogSumExp.Value([1, -39]) - 1);
        Expect.Ulps(Math.Log(2), LogSumExp.Excess([5, 5]), 1, "excess [5, 5] = ln 2");
    }

    [Fact]
    public void Sheet3a_SmallVector()
    {
        // ln(e + e² + e³) = 3 + ln(1 + e^(−1) + e^(−2)) = 3.40760596444438 (mpmath).
        Expect.Ulps(3.40760596444438, LogSumExp.Value([1, 2, 3]), 1, "LSE([1, 2, 3])");
        Expect.Ulps(3.40760596444438, LogSumExp.Value(Vector<double>.Build.Dense([3.0, 1.0, 2.0])), 1, "vector overload");
        Expect.Ulps(0.4076059644443803, LogSumExp.Excess(Vector<double>.Build.Dense([3.0, 1.0, 2.0])), 4, "vector overload of the excess (mpmath)");
        Assert.Throws<ArgumentException>("a", () => LogSumExp.Excess(Vector<double>.Build.Dense(0)));
        var sparse = Vector<double>.Build.SparseOfArray([3.0, 1.0, 2.0]); // its storage has no dense array
        Expect.Ulps(3.40760596444438, LogSumExp.Value(sparse), 1, "sparse vector");
        Expect.Ulps(0.4076059644443803, LogSumExp.Excess(sparse), 4, "sparse vector's excess");
        Assert.Equal(0.0, LogSumExp.Value([0.0])); // one entry: LSE = the entry
        Assert.Equal(0.0, LogSumExp.Excess([7.0]));
    }

    [Fact]
    public void Sheet3a_SpecialValues()
    {
        Assert.Equal(double.NegativeInfinity, LogSumExp.Value([])); // ln of an empty sum, ln 0
        Assert.Equal(double.PositiveInfinity, LogSumExp.Value([1, double.PositiveInfinity, 3]));
        Assert.Equal(double.NegativeInfinity, LogSumExp.Value([double.NegativeInfinity, double.NegativeInfinity]));
        Assert.Equal(2.0, LogSumExp.Value([double.NegativeInfinity, 2]));
        Assert.True(double.IsNaN(LogSumExp.Value([1, double.NaN])));
        Assert.True(double.IsNaN(LogSumExp.Excess([double.NaN, 1])));
        Assert.True(double.IsNaN(LogSumExp.Excess([double.NaN])));
        Assert.True(double.IsNaN(LogSumExp.Value([double.NaN])));
        // NaN wins over an infinite maximum too: LSE([+∞, NaN]) is NaN, not +∞.
        Assert.True(double.IsNaN(LogSumExp.Value([double.PositiveInfinity, double.NaN])));
        Assert.True(double.IsNaN(LogSumExp.Value([double.NaN, double.PositiveInfinity])));
        Assert.Equal(0.0, LogSumExp.Excess([double.PositiveInfinity, 1])); // limit as one entry → ∞
        Expect.Ulps(Math.Log(2), LogSumExp.Excess([double.NegativeInfinity, double.NegativeInfinity]), 1, "ln 2 for two −∞");
        // ±MaxValue: the shift keeps it finite; −MaxValue − MaxValue = −∞ in the exponent gives e^−∞ = 0.
        Assert.Equal(double.MaxValue, LogSumExp.Value([double.MaxValue, -double.MaxValue]));
        Assert.Equal(double.MaxValue, LogSumExp.Value([double.MaxValue, double.MaxValue])); // + ln 2 < ulp/2
    }
}
