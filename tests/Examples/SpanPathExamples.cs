using System.Globalization;
using System.Runtime.InteropServices;
using Calculus.Activations;
using Calculus.Examples.Support;
using Calculus.Functions;
using Calculus.Internal;

namespace Calculus.Examples;

/// <summary>Issue 14: the span overloads of every activation and margin loss, beyond their accuracy (AccuracyTests):
/// shapes, the padded last group, in-place use, special values, no allocation, and log-sum-exp's vector sum.</summary>
public sealed class SpanPathExamples
{
    public static TheoryData<string> Names() => [.. ScalarFunctions.SpanByName.Keys];

    /// <summary>The path the span paths take on this machine, as the test's name shows it (in TRX reports and
    /// <c>dotnet test --output Detailed</c>): the vector width in bits, or "scalar".</summary>
    public static TheoryData<string> TakenPath() => [TakenPathName];

    private static string TakenPathName => SpanMap.Width == 0 ? "scalar" : SpanMap.Width.ToString(CultureInfo.InvariantCulture);

    /// <summary>Which path the span tests exercise: <c>SpanMap</c> takes the widest vectors the host runs in hardware
    /// (512, 256 or 128 bits), and without any the scalar loops, where every span test compares the scalar loop with
    /// itself. The path a run expects is <c>VERIFY_SPAN_PATH</c> ("512", "256", "128", "scalar", or "vector" for any
    /// width; .ci/run sets it for each of its runs), or where unset "vector" on x86, x64 and Arm64 (where a run without
    /// hardware vectors would otherwise pass without anyone knowing) and "scalar" elsewhere. The test fails when the
    /// machine took another path.</summary>
    [Theory]
    [MemberData(nameof(TakenPath))]
    public void SpanPath_IsTheOneTheRunExpects(string path)
    {
        string? set = Environment.GetEnvironmentVariable("VERIFY_SPAN_PATH");
        bool vectors = RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86 or Architecture.Arm64;
        string expected = string.IsNullOrEmpty(set) ? (vectors ? "vector" : "scalar") : set;
        Assert.True(expected is "512" or "256" or "128" or "vector" or "scalar",
            $"VERIFY_SPAN_PATH='{set}' is none of '512', '256', '128', 'vector', 'scalar'");
        bool taken = path == expected || (expected == "vector" && path != "scalar");
        Assert.True(taken,
            $"the span paths took the {path} path ({RuntimeInformation.ProcessArchitecture}), but the run expects {expected}: "
            + (path == "scalar"
                ? "every span test compared the scalar loops with themselves, not the vector forms; set VERIFY_SPAN_PATH=scalar where that is what you meant"
                : "set VERIFY_SPAN_PATH to the width taken, or select another (on x64: DOTNET_EnableAVX512=0 for 256 bits, DOTNET_PreferredVectorBitWidth=128 for 128, DOTNET_EnableAVX2=0 for the scalar loops; anywhere: DOTNET_EnableHWIntrinsic=0)"));
    }

    private static readonly double[] Specials =
    [
        0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-300, -1e-300, 2.2250738585072014e-308, 1e-8, -1e-8, 0.5, -0.5, 1.0,
        -1.0, 19.0616, -19.0616, 20.0, -20.0, 26.6158, 27.2972, -27.2972, 37.43, 354.9, -354.9, 708.4, -708.4, 709.8,
        -709.8, 745.2, -745.2, 746.0, -746.0, 800.0, 1000000000.3, -1000000000.3, 1e154, -1e154, 1e300, -1e300,
        double.MaxValue, -double.MaxValue,
        double.PositiveInfinity, double.NegativeInfinity, double.NaN,
    ];

    /// <summary>The value of an element does not depend on where it sits in the span or on the span's length (the
    /// last partial group goes through the same lanes, padded): every slice of lengths 0 … 17 (two groups of eight and
    /// one more at the widest vectors) at every offset gives the bits the whole span gave.</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void EveryElement_TheSameBits_AtAnyPositionAndLength(string name)
    {
        var f = ScalarFunctions.SpanByName[name];
        var rng = new Random(14);
        double[] x = [.. Specials, .. Enumerable.Range(0, 23).Select(_ => (rng.NextDouble() - 0.5) * 60)];
        double[] whole = new double[x.Length];
        f(x, whole);
        for (int length = 0; length <= 17; length++)
        {
            for (int offset = 0; offset + length <= x.Length; offset++)
            {
                double[] part = new double[length];
                f(x.AsSpan(offset, length), part);
                for (int i = 0; i < length; i++)
                {
                    Assert.True(BitConverter.DoubleToInt64Bits(part[i]) == BitConverter.DoubleToInt64Bits(whole[offset + i]),
                        $"{name}({Expect.R(x[offset + i])}): {Expect.R(part[i])} in a span of {length} at {offset}, {Expect.R(whole[offset + i])} in the whole");
                }
            }
        }
    }

    /// <summary>result may be x itself; the in-place result has the bits of the separate one.</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void InPlace_GivesTheSameBits(string name)
    {
        var f = ScalarFunctions.SpanByName[name];
        double[] x = [.. Specials];
        double[] separate = new double[x.Length];
        f(x, separate);
        f(x, x);
        Assert.Equal(separate.Select(BitConverter.DoubleToInt64Bits), x.Select(BitConverter.DoubleToInt64Bits));
    }

    /// <summary>At the special values (zeros, subnormals, thresholds, huge arguments, ±∞, NaN) the span path agrees
    /// with the scalar function: NaN exactly where it is NaN, the same sign of zero, the same infinities, and otherwise
    /// within twice the table's bound of the scalar value (each is within the bound of the exact value).</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void SpecialValues_AgreeWithTheScalarFunction(string name)
    {
        var f = ScalarFunctions.SpanByName[name];
        var scalar = ScalarFunctions.ByName[name];
        int bound = AccuracyTests.Bounds[name];
        double[] result = new double[Specials.Length];
        f(Specials, result);
        for (int i = 0; i < Specials.Length; i++)
        {
            double expected = scalar(Specials[i]);
            string label = $"{name}({Expect.R(Specials[i])}): span {Expect.R(result[i])}, scalar {Expect.R(expected)}";
            Assert.True(double.IsNaN(result[i]) == double.IsNaN(expected), label);
            if (expected == 0 || double.IsInfinity(expected))
            {
                Assert.True(BitConverter.DoubleToInt64Bits(result[i]) == BitConverter.DoubleToInt64Bits(expected), label);
            }
            else if (!double.IsNaN(expected))
            {
                Assert.True(Ulp.Distance(result[i], expected) <= (ulong)(2 * bound), label);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void WrongLength_OrShiftedOverlap_IsRefused_WithTheLengths(string name)
    {
        var f = ScalarFunctions.SpanByName[name];
        var e = Assert.Throws<ArgumentException>("result", () => f(new double[5], new double[4]));
        Assert.Contains("result has length 4, but it must have the length of x, 5.", e.Message, StringComparison.Ordinal);
        double[] buffer = new double[9];
        var overlap = Assert.Throws<ArgumentException>("result", () => f(buffer.AsSpan(0, 8), buffer.AsSpan(1, 8)));
        Assert.Contains("shifted by", overlap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plu_SpanPath_ValidatesItsParameters_AndUsesThem()
    {
        Assert.Throws<ArgumentOutOfRangeException>("alpha", () => Plu.Value(new double[1], new double[1], alpha: 2));
        Assert.Throws<ArgumentOutOfRangeException>("c", () => Plu.Derivative(new double[1], new double[1], c: 0));
        double[] x = [-3, -0.5, 0.5, 3, double.PositiveInfinity, double.NegativeInfinity, double.NaN];
        foreach (var (alpha, c) in new[] { (0.0, 0.25), (0.5, 2.0), (1.0, 1.0), (0.1, 1e-3) })
        {
            double[] v = new double[x.Length], d = new double[x.Length];
            Plu.Value(x, v, alpha, c);
            Plu.Derivative(x, d, alpha, c);
            Assert.Equal(x.Select(t => Plu.Value(t, alpha, c)), v);
            Assert.Equal(x.Select(t => Plu.Derivative(t, alpha, c)), d);
        }
    }

    [Fact]
    public void SpanPaths_AllocateNothing()
    {
        double[] x = [.. Enumerable.Range(0, 1003).Select(i => (i - 500) * 0.05)];
        double[] y = new double[x.Length];
        var functions = ScalarFunctions.SpanByName.Values.ToArray();
        foreach (var f in functions)
        {
            f(x, y); // warm-up: JIT and statics
        }

        _ = LogSumExp.Value(x);
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var f in functions)
        {
            f(x, y);
        }

        _ = LogSumExp.Value(x) + LogSumExp.Excess(x);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>Log-sum-exp sums in blocks of eight and skips the first maximum by summing the parts before and
    /// after it: every length 1 … 19 with the maximum at every position, and the padded lanes of a partial group
    /// count nothing even where every entry is −∞ (whose terms are 1: the excess of n equal entries is ln n).</summary>
    [Fact]
    public void LogSumExp_AnyLength_AnyPositionOfTheMaximum()
    {
        for (int n = 1; n <= 19; n++)
        {
            Assert.Equal(Math.Log(n), LogSumExp.Excess(Enumerable.Repeat(double.NegativeInfinity, n).ToArray()), 15);
            Assert.Equal(Math.Log(n), LogSumExp.Excess(Enumerable.Repeat(double.PositiveInfinity, n).ToArray()), 15);
            Assert.Equal(double.NegativeInfinity, LogSumExp.Value(Enumerable.Repeat(double.NegativeInfinity, n).ToArray()));
            for (int k = 0; k < n; k++)
            {
                double[] a = [.. Enumerable.Range(0, n).Select(i => i == k ? 3.0 : -40.0 - i)];
                double expected = Enumerable.Range(0, n).Where(i => i != k).Sum(i => Math.Exp(-43.0 - i)); // log1p(s) = s here
                double excess = LogSumExp.Excess(a);
                Assert.True(Math.Abs(excess - expected) <= 1e-15 * expected + double.Epsilon,
                    $"n = {n}, max at {k}: excess {Expect.R(excess)}, expected {Expect.R(expected)}");
                a[(k + 1) % n] = double.NaN; // for n = 1 the NaN replaces the maximum: [NaN]
                Assert.True(double.IsNaN(LogSumExp.Value(a)), $"n = {n}: a NaN next to the maximum is lost");
                Assert.True(double.IsNaN(LogSumExp.Excess(a)), $"n = {n}: a NaN next to the maximum is lost in the excess");
            }
        }
    }

    /// <summary>A copy with a new f (<c>with { Value = g }</c>) must not keep the span path of the old f (it would
    /// silently compute the old function), and the span members must not break record equality.</summary>
    [Fact]
    public void Activation_WithANewValue_DropsTheOldSpanPath_AndStaysEqualToItsCopy()
    {
        var doubled = Catalog.Tanh with { Value = x => 2 * x, Derivative = _ => 2 };
        double[] y = new double[2];
        doubled.Values([1.0, -3.0], y);
        Assert.Equal([2.0, -6.0], y);
        doubled.Derivatives([1.0, -3.0], y);
        Assert.Equal([2.0, 2.0], y);
        Assert.Equal(Catalog.Tanh, Catalog.Tanh);
        Assert.Equal(doubled, doubled with { });
    }
}
