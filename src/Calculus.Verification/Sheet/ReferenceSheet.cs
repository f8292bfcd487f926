using Calculus.Functions;
using Calculus.Losses;
using Calculus.Training;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Verification.Sheet;

/// <summary>The reference library as a subject: every answer computed by <c>src/Calculus</c>. Bad requests (unknown
/// names, shapes that do not fit) are error answers with the library's message, never exceptions.</summary>
internal sealed class ReferenceSheet : SheetBase
{
    /// <summary>One shared instance (the reference keeps no state).</summary>
    public static ReferenceSheet Instance { get; } = new();

    /// <inheritdoc/>
    public override Answer<double[]> Scalar(ScalarQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Guarded(() =>
        {
            var spec = SheetFunctions.Resolve(query);
            var f = query.Derivative ? spec.Derivative : spec.Value;
            return query.X.Select(f).ToArray();
        });
    }

    /// <inheritdoc/>
    public override Answer<double[]> LabelLogistic(LabelLogisticCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Answer.Of<double[]>([.. call.A.Select(v => call.Derivative ? LabelLogisticLoss.Derivative(v, call.Y) : LabelLogisticLoss.Value(v, call.Y))]);
    }

    /// <inheritdoc/>
    public override Answer<double[]> LogSumExp(LogSumExpCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Answer.Of<double[]>([.. call.Vectors.Select(v => Calculus.LogSumExp.Value(v))]);
    }

    /// <inheritdoc/>
    public override Answer<double[]> Affine(AffineCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Guarded(() => AffineMap.Apply(Matrix(call.W), Vector(call.X), Vector(call.B)).ToArray());
    }

    /// <inheritdoc/>
    public override Answer<double[]> AffinePartial(AffinePartialQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Guarded(() =>
        {
            var w = Matrix(query.W);
            AffineMap.Apply(w, Vector(query.X), Vector(query.B)); // checks the shapes, naming both sizes
            return (query.Wrt switch
            {
                "W" => AffineMap.PartialWeight(w, Vector(query.X), query.I, query.J),
                "b" => AffineMap.PartialBias(w, query.I),
                "x" => AffineMap.PartialInput(w, query.I),
                _ => throw new ArgumentException($"wrt must be \"W\", \"b\" or \"x\"; got \"{query.Wrt}\"."),
            }).ToArray();
        });
    }

    /// <inheritdoc/>
    public override Answer<NetworkAnswer> Network(NetworkQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Guarded(() =>
        {
            var g = Calculus.Networks.Network.Gradient(Matrix(query.W), Vector(query.B), Vector(query.Wout), Vector(query.X), query.Y,
                Activation(query.Activation), MarginLosses.Find(query.Loss));
            return new NetworkAnswer(g.Loss, g.Weights.ToRowArrays(), g.Bias.ToArray(), g.OutputWeights.ToArray(), g.Input.ToArray());
        });
    }

    /// <inheritdoc/>
    public override Answer<StepAnswer> GdStep(StepQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Guarded(() =>
        {
            var model = new NetworkModel(Matrix(query.W), Vector(query.B), Vector(query.Wout), Activation(query.Activation));
            if (query.Xs.Length == 0 || query.Xs.Length != query.Ys.Length)
            {
                throw new ArgumentException($"X has {query.Xs.Length} rows and Y {query.Ys.Length} labels; they must match and be at least 1.");
            }

            var data = new Dataset([.. query.Xs.Select(Vector)], query.Ys);
            var g = Trainer.MeanGradient(model, data, MarginLosses.Find(query.Loss));
            double eta = query.LearningRate;
            return new StepAnswer(
                (model.Weights - (g.Weights * eta)).ToRowArrays(), (model.Bias - (g.Bias * eta)).ToArray(), (model.OutputWeights - (g.OutputWeights * eta)).ToArray());
        });
    }

    /// <summary>The hidden activation of a network request (PLU with its defaults).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the valid ones.</exception>
    internal static ScalarFunction Activation(string name) => Catalog.FindActivation(name);

    /// <summary>W from rows; ragged or empty rows are an <see cref="ArgumentException"/>.</summary>
    internal static Matrix<double> Matrix(double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length == 0 || rows[0].Length == 0 || rows.Any(r => r.Length != rows[0].Length))
        {
            throw new ArgumentException("W must have at least one row, every row of the same length ≥ 1.");
        }

        return Matrix<double>.Build.DenseOfRowArrays(rows);
    }

    internal static Vector<double> Vector(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Vector<double>.Build.DenseOfArray(values);
    }

    private static Answer<T> Guarded<T>(Func<T> compute)
    {
        try
        {
            return Answer.Of(compute());
        }
        catch (ArgumentException e)
        {
            return Answer.Error<T>(e.Message.Split(" (Parameter")[0]);
        }
    }
}
