using System.Globalization;
using System.Text.Json;
using Calculus.Examples.Support;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Examples;

/// <summary>A regression check of one refactoring, not a correctness check: when <see cref="NetworkSpans"/> became the
/// one implementation of sheet 1f's loss and gradient and <see cref="Network"/> a front over it (issue 14 §2), both
/// had to give the numbers the old <c>Network.Gradient</c> and <c>Network.Loss</c> (MathNet products, commit 649dab2)
/// gave, bit for bit.</summary>
/// <remarks>
/// <para>The expected values in <see cref="NetworkBitForBitData"/> are that old code's own output on committed inputs
/// (every activation with every loss, shapes from 1×1 to 66×2 and 3×66, |yz| from 0 to 1300, NaN, ±∞, ±0 and 1e300
/// entries), generated once before the change. They say nothing about whether those numbers are right: the independent
/// checks are the hand-worked examples (<see cref="Sheet1fNetworkExamples"/>), the exact reference networks
/// (<see cref="AccuracyTests"/>, <see cref="NetworkSpansExamples"/>) and the properties of
/// <c>tests/Properties/Sheet1fNetworkProperties.cs</c>.</para>
/// <para>Replay: every activation and loss value the old code asked for was recorded with its case, and the test hands
/// the same values back (an activation and a loss that look their argument up by its bits). Since the network forms
/// the hidden layer through the vectorised span paths (<see cref="ScalarFunction.Values"/> and
/// <see cref="ScalarFunction.Derivatives"/>), the replaying activation's span members look up each element the same way;
/// so the data did not have to be re-recorded for that change. The check covers the network's own arithmetic (the
/// order of every sum, the products, the exact zeros, the layouts of W and ∂L/∂W) and does not depend on the
/// platform's C library or on later work on the scalar or span functions; a pre-activation or score that differs in
/// one bit asks for a value that was never recorded, and the test fails naming it. (The default activation, null for
/// the sigmoid, is not replayed here: it is the vectorised σ, checked against the references.)</para>
/// <para>"Bit for bit": the same 64 bits, so −0 and +0 differ; any NaN matches any NaN (.NET does not define which
/// NaN payload an operation returns).</para>
/// </remarks>
public sealed class NetworkBitForBitExamples
{
    private static readonly Lazy<IReadOnlyList<Case>> Cases = new(Load);

    public static TheoryData<string> CaseNames() => [.. Cases.Value.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MathNetFront_GivesTheOldNumbers(string name)
    {
        var c = Find(name);
        var weights = Matrix<double>.Build.DenseOfRowMajor(c.Hidden, c.Inputs, c.W);
        var (b, w, x) = (Vector<double>.Build.Dense(c.B), Vector<double>.Build.Dense(c.Wout), Vector<double>.Build.Dense(c.X));
        var g = Network.Gradient(weights, b, w, x, c.Y, c.Activation, c.Loss);
        Same(c.GradientLoss, g.Loss, $"{name}: loss");
        Same(c.Z, g.Z, $"{name}: z");
        Same(c.DW, g.Weights.ToRowMajorArray(), $"{name}: ∂L/∂W");
        Same(c.Db, g.Bias.ToArray(), $"{name}: ∂L/∂b");
        Same(c.Dw, g.OutputWeights.ToArray(), $"{name}: ∂L/∂w");
        Same(c.Dx, g.Input.ToArray(), $"{name}: ∂L/∂x");
        Same(c.LossValue, Network.Loss(weights, b, w, x, c.Y, c.Activation, c.Loss), $"{name}: Network.Loss");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Spans_GiveTheOldNumbers(string name)
    {
        var c = Find(name);
        double[] dW = new double[c.W.Length], db = new double[c.Hidden], dw = new double[c.Hidden], dx = new double[c.Inputs];
        double loss = NetworkSpans.Gradient(c.W, c.B, c.Wout, c.X, c.Y, dW, db, dw, dx, c.Activation, c.Loss);
        Same(c.GradientLoss, loss, $"{name}: loss");
        Same(c.DW, dW, $"{name}: ∂L/∂W (row-major)");
        Same(c.Db, db, $"{name}: ∂L/∂b");
        Same(c.Dw, dw, $"{name}: ∂L/∂w");
        Same(c.Dx, dx, $"{name}: ∂L/∂x");
        Same(c.LossValue, NetworkSpans.Loss(c.W, c.B, c.Wout, c.X, c.Y, c.Activation, c.Loss), $"{name}: NetworkSpans.Loss");
    }

    [Fact]
    public void TheCases_ReachEveryActivationAndLoss_AndTheEdges()
    {
        // The committed inputs must keep covering what the refactoring could have changed.
        var cases = Cases.Value;
        Assert.All(Catalog.Activations, f => Assert.Contains(cases, c => c.Activation.Name == f.Name));
        Assert.All(MarginLosses.All, l => Assert.Contains(cases, c => c.Loss.Name == l.Name));
        Assert.Contains(cases, c => Math.Abs(c.Y * c.Z) >= 700 && double.IsFinite(c.Z));
        Assert.Contains(cases, c => c.Inputs >= 16 && c.Hidden % 4 != 0);
        Assert.Contains(cases, c => c.Hidden > 64); // more rows than the loss forms at a time for a column-major W
        Assert.Contains(cases, c => c.Inputs > 64);
        Func<Case, double[]>[] blocks = [c => c.W, c => c.B, c => c.Wout, c => c.X];
        foreach (var entries in blocks)
        {
            Assert.Contains(cases, c => entries(c).Any(double.IsNaN));
            Assert.Contains(cases, c => entries(c).Any(double.IsInfinity));
            Assert.Contains(cases, c => entries(c).Any(v => v == 0 && double.IsNegative(v)));
        }

        Assert.Contains(cases, c => double.IsNaN(c.Y));
        Assert.Contains(cases, c => c.Wout.Any(double.IsNaN) && c.Wout.Any(double.IsFinite));
        Assert.Contains(cases, c => c.Wout.Any(double.IsPositiveInfinity) && c.X.Any(v => v == 0));
    }

    private static void Same(double expected, double actual, string what) =>
        Assert.True(
            BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual) || (double.IsNaN(expected) && double.IsNaN(actual)),
            $"{what}: the old code gave {Expect.R(expected)}, now {Expect.R(actual)}");

    private static void Same(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            Same(expected[k], actual[k], $"{what}[{k}]");
        }
    }

    private static Case Find(string name) => Cases.Value.Single(c => c.Name == name);

    private static List<Case> Load()
    {
        using var doc = JsonDocument.Parse(NetworkBitForBitData.Json);
        return [.. doc.RootElement.EnumerateArray().Select(e =>
        {
            string name = e.GetProperty("name").GetString()!;
            var activation = Catalog.FindActivation(e.GetProperty("activation").GetString()!);
            var loss = MarginLosses.Find(e.GetProperty("loss").GetString()!);
            var values = Table(e.GetProperty("f"), 1);
            var derivatives = Table(e.GetProperty("df"), 1);
            var losses = Table(e.GetProperty("l"), 2);
            var lossDerivatives = Table(e.GetProperty("dl"), 2);
            return new Case(
                name, e.GetProperty("h").GetInt32(), e.GetProperty("d").GetInt32(),
                Numbers(e.GetProperty("W")), Numbers(e.GetProperty("b")), Numbers(e.GetProperty("w")), Numbers(e.GetProperty("x")),
                Number(e.GetProperty("y")),
                activation with
                {
                    Value = a => Replay(values, [a], $"{name}: {activation.Name}"),
                    Derivative = a => Replay(derivatives, [a], $"{name}: {activation.Name}'"),

                    // Setting Value and Derivative drops the catalog's span paths, so the network's hidden layer loops
                    // over the replaying functions above (NetworkSpans reads f itself where no span path is given).
                },
                new ReplayLoss(loss, (z, y) => Replay(losses, [z, y], $"{name}: {loss.Name}"), (z, y) => Replay(lossDerivatives, [z, y], $"{name}: ∂{loss.Name}/∂z")),
                Number(e.GetProperty("lossValue")), Number(e.GetProperty("gradientLoss")), Number(e.GetProperty("z")),
                Numbers(e.GetProperty("dW")), Numbers(e.GetProperty("db")), Numbers(e.GetProperty("dw")), Numbers(e.GetProperty("dx")));
        })];

        static double Number(JsonElement e) => double.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);

        static double[] Numbers(JsonElement e) => [.. e.EnumerateArray().Select(Number)];

        // Each row is the arguments followed by the value; the key is the arguments' bits (every NaN as one NaN).
        static Dictionary<string, double> Table(JsonElement rows, int arguments) =>
            rows.EnumerateArray().Select(Numbers).ToDictionary(r => Key(r.AsSpan(0, arguments)), r => r[arguments]);
    }

    private static string Key(ReadOnlySpan<double> arguments)
    {
        var bits = new long[arguments.Length];
        for (int k = 0; k < arguments.Length; k++)
        {
            bits[k] = BitConverter.DoubleToInt64Bits(double.IsNaN(arguments[k]) ? double.NaN : arguments[k]);
        }

        return string.Join(",", bits);
    }

    private static double Replay(Dictionary<string, double> table, double[] arguments, string what) =>
        table.TryGetValue(Key(arguments), out double value)
            ? value
            : throw new Xunit.Sdk.XunitException(
                $"{what} was asked for at ({string.Join(", ", arguments.Select(Expect.R))}), where the old code never asked: a pre-activation or the score changed");

    private sealed record Case(
        string Name, int Hidden, int Inputs, double[] W, double[] B, double[] Wout, double[] X, double Y,
        ScalarFunction Activation, IMarginLoss Loss,
        double LossValue, double GradientLoss, double Z, double[] DW, double[] Db, double[] Dw, double[] Dx);

    /// <summary>The loss's name and kink with recorded values.</summary>
    private sealed class ReplayLoss(IMarginLoss loss, Func<double, double, double> value, Func<double, double, double> derivative) : IMarginLoss
    {
        public string Name => loss.Name;

        public bool IsSmooth => loss.IsSmooth;

        public double? Kink => loss.Kink;

        public double Value(double z, double y) => value(z, y);

        public double DerivativeInScore(double z, double y) => derivative(z, y);

        public Func<System.Numerics.Complex, double, System.Numerics.Complex>? ComplexForm => null;
    }
}
