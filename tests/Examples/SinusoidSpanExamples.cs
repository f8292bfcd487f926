using Calculus.Activations;
using Calculus.Examples.Support;
using Calculus.Internal;

namespace Calculus.Examples;

/// <summary>sin and cos over spans (<see cref="Sinusoid.Value(ReadOnlySpan{double}, Span{double})"/> and
/// <see cref="Sinusoid.Derivative(ReadOnlySpan{double}, Span{double})"/>, a vector at a time) give the same bits as
/// the scalar <see cref="Sinusoid.Value(double)"/> and <see cref="Sinusoid.Derivative(double)"/> for every element: on
/// the rows of Reference/trig.csv and the sin rows of Reference/scalar.csv, on special values, on random doubles of
/// every exponent, at every tail length and in place. The scalar path is the one measured within 1 ulp
/// (<see cref="SinusoidAccuracyExamples"/>), so this carries its accuracy over. On a machine without vectors and FMA in
/// hardware the span path is the scalar one, and these hold trivially.</summary>
public sealed class SinusoidSpanExamples
{
    private const double TwoTo28 = 268435456.0;

    public static TheoryData<string> Functions() => ["sin", "sin'"];

    [Theory]
    [MemberData(nameof(Functions))]
    public void TrigTable_EveryRow_BitForBit(string function)
    {
        double[] xs = [.. ReferenceTable.Trig.Where(r => r.Function == function).Select(r => r.Args[0])];
        Assert.True(xs.Length >= 2900, $"{function}: only {xs.Length} rows in trig.csv");
        AssertSameBits(function, xs);

        // In the table's order most groups hold a lane beyond 2^28 and go to the scalar path; the rows
        // below 2^28 on their own all go through the vector form (there are hundreds).
        double[] medium = [.. xs.Where(x => Math.Abs(x) < TwoTo28)];
        Assert.True(medium.Length >= 300, $"{function}: only {medium.Length} rows below 2^28");
        AssertSameBits(function, medium);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void ScalarTable_SinRows_BitForBit(string function)
    {
        double[] xs = [.. ReferenceTable.For(function).Select(r => r.Args[0])];
        Assert.NotEmpty(xs);
        AssertSameBits(function, xs);
        AssertSameBits(function, [.. xs.Where(x => Math.Abs(x) < TwoTo28)]);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void SpecialValues_BitForBit(string function)
    {
        var special = SpecialValues().ToList();

        // Each value alone in a group (with its own neighbours from the list, and with ordinary values).
        AssertSameBits(function, [.. special]);
        foreach (double x in special)
        {
            AssertSameBits(function, [x, 0.5, -2.0, 3.0, 0.25, -7.0, 1e-3, 100.0]);
            AssertSameBits(function, [x, x, x, x, x, x, x, x]);
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void RandomDoubles_OfEveryExponent_BitForBit(string function)
    {
        var rng = new Random(1428);

        // 40,000 doubles of every exponent with either sign (about half are below 2^28, but few groups have no lane beyond),
        // 40,000 of every exponent below 2^28 (all through the vector form), 10,000 in [−20, 20], and 10,000 within a
        // few ulp of kπ/4 (quadrant boundaries where n is rounded, and the zeros of sin and cos).
        var xs = new List<double>();
        for (int i = 0; i < 40000; i++)
        {
            xs.Add(BitConverter.Int64BitsToDouble(rng.NextInt64(0, 0x7FF0_0000_0000_0000) | (rng.Next(2) == 0 ? 0 : long.MinValue)));
        }

        for (int i = 0; i < 40000; i++)
        {
            double x = BitConverter.Int64BitsToDouble(rng.NextInt64(0, 0x41B0_0000_0000_0000)); // below 2^28
            xs.Add(rng.Next(2) == 0 ? x : -x);
        }

        for (int i = 0; i < 10000; i++)
        {
            xs.Add((rng.NextDouble() * 40) - 20);
        }

        for (int i = 0; i < 10000; i++)
        {
            double x = rng.NextInt64(1, 1L << (i % 31)) * (Math.PI / 4);
            long bits = BitConverter.DoubleToInt64Bits(x) + rng.Next(-4, 5);
            xs.Add(BitConverter.Int64BitsToDouble(rng.Next(2) == 0 ? bits : bits | long.MinValue));
        }

        AssertSameBits(function, [.. xs]);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void EveryLength_ZeroToNine_TheTailIncluded(string function)
    {
        double[] values = [0.3, -1.1, 2.5, 1e-9, -7.0, 1e300, -0.0, 12345.678, double.NaN];
        for (int n = 0; n <= 9; n++)
        {
            for (int start = 0; start + n <= values.Length; start++)
            {
                // The result sits inside a larger buffer: nothing around it may be written.
                var buffer = Enumerable.Repeat(-42.0, n + 8).ToArray();
                var x = values.AsSpan(start, n);
                Apply(function, x, buffer.AsSpan(4, n));
                Assert.All(buffer[..4], v => Assert.Equal(-42.0, v));
                Assert.All(buffer[(n + 4)..], v => Assert.Equal(-42.0, v));
                for (int i = 0; i < n; i++)
                {
                    AssertSame(function, x[i], buffer[4 + i]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void SmallAndHugeLanes_InOneGroup(string function)
    {
        // One lane that the vector form does not take (≥ 2^28, ±∞, NaN), in each of the eight positions of the widest
        // group, among lanes that it does take (tiny, below π/4, reduced).
        double[] huge = [TwoTo28, -1e300, double.PositiveInfinity, double.NegativeInfinity, double.NaN, double.MaxValue];
        double[] small = [-1e-300, 0.5, 2.0, -1e5, 3e-9, -0.75, 1e7, -12.5];
        foreach (double h in huge)
        {
            for (int position = 0; position < small.Length; position++)
            {
                double[] xs = [.. small];
                xs[position] = h;
                AssertSameBits(function, xs);
                AssertSameBits(function, [.. xs, .. small, .. xs.Take(3)]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void InPlace_ResultIsX(string function)
    {
        var rng = new Random(7);
        double[] xs = [.. Enumerable.Range(0, 203).Select(i => i % 50 == 0 ? 1e20 * i : (rng.NextDouble() - 0.5) * Math.ScaleB(1, i % 40))];
        double[] expected = [.. xs.Select(Scalar(function))];
        Apply(function, xs, xs);
        for (int i = 0; i < xs.Length; i++)
        {
            Assert.True(SameBits(expected[i], xs[i]), $"{function} in place, element {i}: {Expect.R(xs[i])}, scalar {Expect.R(expected[i])}");
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void WrongLength_OrShiftedOverlap_IsRefused(string function)
    {
        double[] x = [1, 2, 3, 4, 5];
        Assert.Throws<ArgumentException>("result", () => Apply(function, x, new double[4]));
        Assert.Throws<ArgumentException>("result", () => Apply(function, x.AsSpan(0, 4), x.AsSpan(1, 4)));
    }

    [Fact]
    public void VectorReduction_IsReduceMedium_BitForBit()
    {
        // hi, lo and n mod 4 themselves, not only sin and cos of them: a change in the order of the small terms shows
        // in lo long before it moves a rounded sine. Lanes ≤ π/4 are passed through as (|x|, 0, quadrant 0).
        var rng = new Random(2028);
        var xs = Enumerable.Range(0, 40000).Select(_ => Math.Exp(rng.NextDouble() * Math.Log(TwoTo28 / 0.5)) * 0.5)
            .Concat(Enumerable.Range(0, 20000).Select(i => BitConverter.Int64BitsToDouble(
                BitConverter.DoubleToInt64Bits(rng.NextInt64(1, 1L << ((i % 28) + 1)) * (Math.PI / 4)) + rng.Next(-4, 5))))
            .Where(x => x < TwoTo28)
            .ToArray();
        for (int i = 0; i + 4 <= xs.Length; i += 4)
        {
            var n = Lanes(VectorTrig.Reduce(Lanes256.Create(xs.AsSpan(i)), out var hiLanes, out var loLanes));
            var (hi, lo) = (Lanes(hiLanes), Lanes(loLanes));
            for (int lane = 0; lane < 4; lane++)
            {
                double x = xs[i + lane];
                (int quadrant, double h, double l) = x <= TrigReduction.PiOver4
                    ? (0, x, 0.0)
                    : (TrigReduction.ReduceMedium(x, out double rh, out double rl), rh, rl);
                long vectorQuadrant = BitConverter.DoubleToInt64Bits(n[lane]);
                Assert.True(quadrant == vectorQuadrant && SameBits(h, hi[lane]) && SameBits(l, lo[lane]),
                    $"x = {Expect.R(x)}: vector n = {vectorQuadrant}, r = {Expect.R(hi[lane])} + {Expect.R(lo[lane])}; scalar n = {quadrant}, r = {Expect.R(h)} + {Expect.R(l)}");
            }
        }
    }

    [Fact]
    public void VectorKernels_AreTheScalarKernels_BitForBit()
    {
        // (hi, lo) as the reduction leaves them: |hi| ≤ π/4 (a hair more), |lo| ≤ ulp(hi)/2, hi of every size down to 2^-60.
        var rng = new Random(2029);
        var hs = new double[40000];
        var ls = new double[40000];
        for (int i = 0; i < hs.Length; i++)
        {
            double h = i % 2 == 0 ? (rng.NextDouble() - 0.5) * 1.5708 : Math.ScaleB(rng.NextDouble() + 0.5, -rng.Next(1, 61)) * (rng.Next(2) * 2 - 1);
            hs[i] = h;
            ls[i] = i % 7 == 0 ? 0.0 : (rng.NextDouble() - 0.5) * (Math.BitIncrement(Math.Abs(h)) - Math.Abs(h));
        }

        for (int i = 0; i < hs.Length; i += 4)
        {
            var (hi, lo) = (Lanes256.Create(hs.AsSpan(i)), Lanes256.Create(ls.AsSpan(i)));
            var (sin, cos) = (Lanes(VectorTrig.Sin(hi, lo)), Lanes(VectorTrig.Cos(hi, lo)));
            for (int lane = 0; lane < 4; lane++)
            {
                double h = hs[i + lane], l = ls[i + lane];
                Assert.True(SameBits(TrigReduction.Sin(h, l), sin[lane]), $"Sin({Expect.R(h)}, {Expect.R(l)})");
                Assert.True(SameBits(TrigReduction.Cos(h, l), cos[lane]), $"Cos({Expect.R(h)}, {Expect.R(l)})");
            }
        }
    }

    private static IEnumerable<double> SpecialValues()
    {
        double[] bases =
        [
            0.0, double.Epsilon, 1e-310, 2.2250738585072014e-308, 1e-20,
            TrigReduction.CosTiny, TrigReduction.SinTiny, TrigReduction.PiOver4, Math.PI / 2, Math.PI, 3 * Math.PI / 4,
            TwoTo28, 1e300, double.MaxValue, double.PositiveInfinity, double.NaN,
        ];
        foreach (double b in bases)
        {
            foreach (double x in new[] { Math.BitDecrement(b), b, Math.BitIncrement(b) })
            {
                yield return x;
                yield return -x;
            }
        }
    }

    private static Func<double, double> Scalar(string function) => function == "sin" ? Sinusoid.Value : Sinusoid.Derivative;

    private static void Apply(string function, ReadOnlySpan<double> x, Span<double> result)
    {
        if (function == "sin")
        {
            Sinusoid.Value(x, result);
        }
        else
        {
            Sinusoid.Derivative(x, result);
        }
    }

    /// <summary>The lanes as an array.</summary>
    private static double[] Lanes(Lanes256 lanes)
    {
        var values = new double[Lanes256.Count];
        Lanes256.CopyTo(lanes, values);
        return values;
    }

    private static bool SameBits(double expected, double actual) =>
        BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual) || (double.IsNaN(expected) && double.IsNaN(actual));

    private static void AssertSame(string function, double x, double actual)
    {
        double expected = Scalar(function)(x);
        Assert.True(SameBits(expected, actual),
            $"{function}({Expect.R(x)}): span {Expect.R(actual)}, scalar {Expect.R(expected)}");
    }

    private static void AssertSameBits(string function, double[] xs)
    {
        var result = new double[xs.Length];
        Apply(function, xs, result);
        var f = Scalar(function);
        var failures = Enumerable.Range(0, xs.Length).Where(i => !SameBits(f(xs[i]), result[i])).ToList();
        Assert.True(failures.Count == 0,
            $"{function}: {failures.Count} of {xs.Length} elements differ from the scalar path, e.g.\n" + string.Join("\n",
                failures.Take(8).Select(i => $"  x = {Expect.R(xs[i])}: span {Expect.R(result[i])}, scalar {Expect.R(f(xs[i]))}")));
    }
}
