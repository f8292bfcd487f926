using Calculus.Activations;
using Calculus.Examples.Support;
using Calculus.Internal;
using Calculus.Losses;

namespace Calculus.Examples;

/// <summary>The vector forms give the same bits at every width: each span function run with 128-, 256- and 512-bit
/// lanes (emulated in software where the host lacks them: IEEE arithmetic lane by lane either way), and the path
/// <c>SpanMap</c> picks, agree bit for bit on special values, every binade and random points; log-sum-exp's sum too.
/// So the accuracy tests, which run the host's widest path, speak for every width, and a host gives the bits any other
/// host gives.</summary>
public sealed class LaneWidthExamples
{
    private delegate void Path(ReadOnlySpan<double> x, Span<double> result);

    /// <summary>Each span function's element-wise form, at a width given by name ("128", "256", "512", or "host" for the
    /// path <c>SpanMap.Apply</c> takes).</summary>
    private static readonly Dictionary<string, Func<string, Path>> Functions = new()
    {
        ["sigmoid"] = At<Sigmoid.ValueLanes>(default),
        ["sigmoid'"] = At<Sigmoid.DerivativeLanes>(default),
        ["tanh"] = At<Tanh.ValueLanes>(default),
        ["tanh'"] = At<Tanh.DerivativeLanes>(default),
        ["erf'"] = At<Erf.DerivativeLanes>(default),
        ["relu"] = At<Relu.ValueLanes>(default),
        ["relu'"] = At<Relu.DerivativeLanes>(default),
        ["leaky-relu"] = At<LeakyRelu.ValueLanes>(default),
        ["leaky-relu'"] = At<LeakyRelu.DerivativeLanes>(default),
        ["plu"] = At(new Plu.ValueLanes(0.25, 2)),
        ["plu'"] = At(new Plu.DerivativeLanes(0.25, 2)),
        ["plu α = 0"] = At(new Plu.ValueLanes(0, 1)),
        ["sin"] = At<Sinusoid.ValueLanes>(default),
        ["cos"] = At<Sinusoid.DerivativeLanes>(default),
        ["gaussian"] = At<Gaussian.ValueLanes>(default),
        ["gaussian'"] = At<Gaussian.DerivativeLanes>(default),
        ["softplus"] = At<Softplus.ValueLanes>(default),
        ["hinge"] = At<Hinge.ValueLanes>(default),
        ["hinge'"] = At<Hinge.SubgradientLanes>(default),
        ["logistic"] = At<LogisticLoss.ValueLanes>(default),
        ["logistic'"] = At<LogisticLoss.DerivativeLanes>(default),
        ["smooth-hinge"] = At<SmoothHinge.ValueLanes>(default),
        ["smooth-hinge'"] = At<SmoothHinge.DerivativeLanes>(default),
    };

    public static TheoryData<string> Names() => [.. Functions.Keys];

    private static Func<string, Path> At<TFunction>(TFunction function)
        where TFunction : struct, IElementwise =>
        width => (x, result) =>
        {
            switch (width)
            {
                case "128": SpanMap.Map<TFunction, Lanes128>(x, result, function); break;
                case "256": SpanMap.Map<TFunction, Lanes256>(x, result, function); break;
                case "512": SpanMap.Map<TFunction, Lanes512>(x, result, function); break;
                default: SpanMap.Apply(x, result, function); break;
            }
        };

    /// <summary>Special values, both sides of every kink and cut-off the kernels have, every binade from 2^-1074 to
    /// 2^1023 with both signs, and 4,000 seeded random points, three in four in [−40, 40] and the others in
    /// [−1000, 1000]: 8,253 in all, so that the last group is partial at every width.</summary>
    private static double[] Inputs()
    {
        double[] specials =
        [
            0.0, -0.0, double.Epsilon, -double.Epsilon, 2.2250738585072014e-308, 1e-300, 1e-8, 0.5, 1.0, 2.0, 19.0616,
            20.0, 26.6158, 27.2972, 37.43, 354.9, 708.4, 709.8, 745.2, 746.0, 800.0, Math.PI / 4, 268435455.9, 268435456.0,
            1e154, 1e300, double.MaxValue, double.PositiveInfinity,
        ];
        var rng = new Random(23);
        var values = specials.Concat(specials.Select(v => -v)).Append(double.NaN)
            .Concat(Enumerable.Range(-1074, 2098).SelectMany(e => new[] { Math.ScaleB(1.5, e), -Math.ScaleB(1.25, e) }))
            .Concat(Enumerable.Range(0, 4000).Select(i => i % 4 == 3 ? (rng.NextDouble() - 0.5) * 2e3 : (rng.NextDouble() - 0.5) * 80));
        return [.. values];
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryWidth_GivesTheSameBits(string name)
    {
        var x = Inputs();
        Assert.True(x.Length % 8 != 0, $"{x.Length} inputs fill whole groups: the padded last group goes untested");
        var expected = Run(Functions[name]("128"), x);
        // The host's path is a vector width unless the host has no vectors and FMA in hardware (as with
        // DOTNET_EnableAVX2=0): then the scalar loops, with other bits.
        string[] others = SpanMap.Width > 0 ? ["256", "512", "host"] : ["256", "512"];
        foreach (string width in others)
        {
            var actual = Run(Functions[name](width), x);
            for (int i = 0; i < x.Length; i++)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(actual[i]) == BitConverter.DoubleToInt64Bits(expected[i]),
                    $"{name}({Expect.R(x[i])}): {Expect.R(actual[i])} at width {width}, {Expect.R(expected[i])} at 128 bits");
            }
        }
    }

    private static double[] Run(Path path, double[] x)
    {
        var result = new double[x.Length];
        path(x, result);
        return result;
    }

    /// <summary>Log-sum-exp's sum of e^(a_i − max) has the same bits at every width, for every length 1 … 40 and 1,001,
    /// with the maximum first, last and inside, and with −∞ and subnormal terms.</summary>
    [Fact]
    public void LogSumExp_EveryWidth_GivesTheSameBits()
    {
        var rng = new Random(2023);
        foreach (int n in Enumerable.Range(1, 40).Append(1001))
        {
            foreach (int position in new[] { 0, n / 2, n - 1 })
            {
                // Every ninth entry −∞ (a term of 0), every eleventh with a − max in [−745, −708] (a subnormal term).
                double[] a = [.. Enumerable.Range(0, n).Select(i => i % 9 == 5 ? double.NegativeInfinity : i % 11 == 7 ? 20.0 - 708.0 - (rng.NextDouble() * 37) : (rng.NextDouble() - 0.5) * 30)];
                a[position] = 20.0;
                double narrow = LogSumExp.ShiftedSum<Lanes128>(a, 20.0);
                Assert.True(narrow > 0 || n == 1, $"n = {n}: the sum of the other terms is {narrow}");
                foreach (double sum in new[] { LogSumExp.ShiftedSum<Lanes256>(a, 20.0), LogSumExp.ShiftedSum<Lanes512>(a, 20.0) })
                {
                    Assert.True(BitConverter.DoubleToInt64Bits(sum) == BitConverter.DoubleToInt64Bits(narrow),
                        $"n = {n}, maximum at {position}: {Expect.R(sum)} against {Expect.R(narrow)} at 128 bits");
                }
            }
        }
    }
}
