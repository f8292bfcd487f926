using Calculus.Functions;
using Calculus.Losses;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Training;

/// <summary>How to train.</summary>
/// <param name="Epochs">Passes over the data.</param>
/// <param name="LearningRate">The step η.</param>
/// <param name="BatchSize">Examples per step; 0 (or any size ≥ n) is full-batch gradient descent; negative sizes are
/// refused.</param>
/// <param name="Seed">Shuffles the mini-batches; the same seed gives bitwise the same run.</param>
public sealed record TrainingOptions(int Epochs = 300, double LearningRate = 1.0, int BatchSize = 16, int Seed = 1);

/// <summary>The mean loss and the training accuracy after an epoch.</summary>
/// <param name="Epoch">1-based; 0 is before training.</param>
/// <param name="Loss">The mean loss over the data.</param>
/// <param name="Accuracy">The fraction of points classified right.</param>
public sealed record EpochRecord(int Epoch, double Loss, double Accuracy);

/// <summary>The trained model and its history.</summary>
/// <param name="Model">The model after the last epoch.</param>
/// <param name="History">One record per epoch, from epoch 0; when the run diverged, it ends with the epoch that did.</param>
/// <param name="Diverged">Whether the run diverged (<see cref="Trainer.HasDiverged"/>): stopped early because its loss or
/// weights ran away, or ended with a loss an order of magnitude above the initial one.</param>
public sealed record TrainingResult(NetworkModel Model, IReadOnlyList<EpochRecord> History, bool Diverged = false);

/// <summary>Gradient descent on the sheet-1f network (exercise 4): full-batch or mini-batch, with any loss of exercise 3.</summary>
/// <remarks>
/// <para>The batch gradient is the mean of the per-example gradients of <see cref="NetworkSpans"/>, the library's one
/// implementation (which <see cref="Network.Gradient(Matrix{double}, Vector{double}, Vector{double}, Vector{double}, double, ScalarFunction?, IMarginLoss)"/>
/// fronts): the trainer has no gradient code of its own. The inputs x are data, so their gradient is not formed in
/// training (<see cref="MeanGradient"/> returns it).</para>
/// <para>No allocation per example: the span code reads the model's dense arrays and the points' own storage, and
/// writes each example's gradient into buffers allocated once per call (per run for <see cref="Train"/>), reused
/// across the batches and epochs; the mean loss and the accuracy come from one score per example. The numbers are
/// those of the per-example gradients summed as MathNet vectors and matrices: added in batch order from the first one,
/// then divided by n (∂L/∂W as a product with 1/n, as MathNet's dense matrix divides; row
/// <c>Sheet4TrainingExamples.Sheet4_MeanGradient_IsTheMathNetMeanOfTheNetworkGradients_BitForBit</c>).</para>
/// </remarks>
public static class Trainer
{
    /// <summary>How many times the initial mean loss (or 1, if that is smaller) the mean loss may reach during a run before
    /// the run is stopped as diverged: 1000, three orders of magnitude. A run that learns lowers its loss; one whose step
    /// η is too large overshoots further at each step, and its loss runs away.</summary>
    public const double RunawayFactor = 1000;

    /// <summary>How many times the initial mean loss (or 1, if that is smaller) the final mean loss may be before the
    /// run counts as diverged: 10, an order of magnitude. A step too large for a wide layer makes the loss jump between
    /// 10 and 100 times its initial value without running away.</summary>
    public const double GrowthFactor = 10;

    /// <summary>Whether a run has to be stopped as diverged: its mean loss is not finite (NaN or ∞), or it exceeds
    /// <see cref="RunawayFactor"/> × max(1, initial loss).</summary>
    /// <param name="loss">The mean loss after an epoch.</param>
    /// <param name="initialLoss">The mean loss before training (epoch 0); a non-finite one counts as 1.</param>
    /// <returns>True when the run diverged.</returns>
    public static bool HasRunAway(double loss, double initialLoss) =>
        !double.IsFinite(loss) || loss > RunawayFactor * Scale(initialLoss);

    /// <summary>Whether a completed run diverged: it ran away (<see cref="HasRunAway"/>), or its final mean loss exceeds
    /// <see cref="GrowthFactor"/> × max(1, initial loss).</summary>
    /// <param name="finalLoss">The mean loss after the last epoch.</param>
    /// <param name="initialLoss">The mean loss before training (epoch 0).</param>
    /// <returns>True when the run diverged.</returns>
    public static bool HasDiverged(double finalLoss, double initialLoss) =>
        HasRunAway(finalLoss, initialLoss) || finalLoss > GrowthFactor * Scale(initialLoss);

    /// <summary>The mean loss over the examples.</summary>
    /// <param name="model">The model.</param>
    /// <param name="data">The data.</param>
    /// <param name="loss">The loss.</param>
    /// <returns>(1/n) Σ loss(z(x_k), y_k).</returns>
    public static double MeanLoss(NetworkModel model, Dataset data, IMarginLoss loss)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(loss);
        return Evaluate(new Parameters(model), data, loss).Loss;
    }

    /// <summary>The fraction of examples whose prediction equals the label.</summary>
    /// <param name="model">The model.</param>
    /// <param name="data">The data.</param>
    /// <returns>The accuracy in [0, 1].</returns>
    public static double Accuracy(NetworkModel model, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return Evaluate(new Parameters(model), data, null).Accuracy;
    }

    /// <summary>The mean gradient over the examples <paramref name="batch"/> indexes (all when null).</summary>
    /// <param name="model">The model.</param>
    /// <param name="data">The data.</param>
    /// <param name="loss">The loss.</param>
    /// <param name="batch">Indices of the examples; null for all.</param>
    /// <returns>The mean of the library's per-example gradients (∂/∂x is the mean input gradient, unused in training).</returns>
    /// <exception cref="ArgumentException">The batch is empty.</exception>
    public static NetworkGradient MeanGradient(NetworkModel model, Dataset data, IMarginLoss loss, IReadOnlyList<int>? batch = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(loss);
        int[] indices = batch is null ? [.. Enumerable.Range(0, data.Count)] : [.. batch];
        if (indices.Length == 0)
        {
            throw new ArgumentException("The batch must hold at least one example.", batch is null ? nameof(data) : nameof(batch));
        }

        var parameters = new Parameters(model);
        var sums = new Gradients(parameters.Hidden, parameters.Inputs, withInput: true);
        double meanLoss = BatchMean(parameters, data, loss, indices, sums);
        return new NetworkGradient(
            meanLoss,
            double.NaN,
            Matrix<double>.Build.Dense(parameters.Hidden, parameters.Inputs, sums.Weights), // binds the column-major array
            Vector<double>.Build.Dense(sums.Bias),
            Vector<double>.Build.Dense(sums.OutputWeights),
            Vector<double>.Build.Dense(sums.Input));
    }

    /// <summary>Trains a copy of the model; the same model, data, loss and options give bitwise the same result. Stops
    /// after the first epoch whose loss runs away (<see cref="HasRunAway"/>) or whose weights are not finite; says in
    /// <see cref="TrainingResult.Diverged"/> whether the run diverged (<see cref="HasDiverged"/>).</summary>
    /// <param name="model">The initial model (not modified).</param>
    /// <param name="data">The training data.</param>
    /// <param name="loss">The loss.</param>
    /// <param name="options">Epochs, step, batch size and seed.</param>
    /// <param name="progress">Called after each epoch, or null.</param>
    /// <returns>The trained model and the loss and accuracy per epoch.</returns>
    public static TrainingResult Train(NetworkModel model, Dataset data, IMarginLoss loss, TrainingOptions options, Action<EpochRecord>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Epochs, 0);
        if (options.BatchSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "The batch size must be ≥ 0 (0 is full-batch descent).");
        }

        if (!(options.LearningRate > 0 && double.IsFinite(options.LearningRate)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.LearningRate, "The learning rate must be finite and > 0.");
        }

        // A dense copy: the steps below update its arrays in place.
        var current = model with
        {
            Weights = Matrix<double>.Build.Dense(model.Weights.RowCount, model.Weights.ColumnCount, model.Weights.ToColumnMajorArray()),
            Bias = Vector<double>.Build.Dense(model.Bias.ToArray()),
            OutputWeights = Vector<double>.Build.Dense(model.OutputWeights.ToArray()),
        };
        var parameters = new Parameters(current);
        var mean = new Gradients(parameters.Hidden, parameters.Inputs, withInput: false);
        int batchSize = options.BatchSize <= 0 || options.BatchSize >= data.Count ? data.Count : options.BatchSize;
        var rng = new Random(options.Seed);
        int[] order = [.. Enumerable.Range(0, data.Count)];
        var (initialLoss, initialAccuracy) = Evaluate(parameters, data, loss);
        var history = new List<EpochRecord> { new(0, initialLoss, initialAccuracy) };
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            if (batchSize < data.Count)
            {
                rng.Shuffle(order);
            }

            for (int start = 0; start < data.Count; start += batchSize)
            {
                BatchMean(parameters, data, loss, order.AsSpan(start, Math.Min(batchSize, data.Count - start)), mean);
                Step(parameters.Weights, mean.Weights, options.LearningRate);
                Step(parameters.Bias, mean.Bias, options.LearningRate);
                Step(parameters.OutputWeights, mean.OutputWeights, options.LearningRate);
            }

            var (epochLoss, accuracy) = Evaluate(parameters, data, loss);
            var record = new EpochRecord(epoch, epochLoss, accuracy);
            history.Add(record);
            progress?.Invoke(record);
            bool finite = AllFinite(parameters.Weights) && AllFinite(parameters.Bias) && AllFinite(parameters.OutputWeights);
            if (!finite || HasRunAway(record.Loss, history[0].Loss))
            {
                return new TrainingResult(current, history, Diverged: true);
            }
        }

        return new TrainingResult(current, history, HasDiverged(history[^1].Loss, history[0].Loss));
    }

    /// <summary>The mean gradient over the indexed examples into <paramref name="mean"/>, which also holds the sum on the
    /// way: the first example's gradient is written into it and every later one, formed in <paramref name="mean"/>'s
    /// scratch buffers, added to it in batch order (the order, and so the numbers, of a sum of MathNet gradients); then
    /// each sum is divided by n as MathNet divides it. No allocation.</summary>
    /// <returns>The mean loss (the sum of the losses divided by n).</returns>
    private static double BatchMean(Parameters p, Dataset data, IMarginLoss loss, ReadOnlySpan<int> batch, Gradients mean)
    {
        double sum = 0;
        for (int q = 0; q < batch.Length; q++)
        {
            int k = batch[q];
            var x = data.Points[k];
            Network.CheckShapes(p.Model.Weights, p.Model.Bias, p.Model.OutputWeights, x);
            bool first = q == 0;
            double value = NetworkSpans.Gradient(
                p.Weights, NetworkSpans.Layout.ColumnMajor, p.Bias, p.OutputWeights, Network.Values(x), data.Labels[k],
                first ? mean.Weights : mean.ScratchWeights, first ? mean.Bias : mean.ScratchBias,
                first ? mean.OutputWeights : mean.ScratchOutputWeights, first ? mean.Input : mean.ScratchInput,
                p.Model.Activation, loss, out _);
            if (first)
            {
                sum = value;
                continue;
            }

            sum += value;
            Add(mean.Weights, mean.ScratchWeights);
            Add(mean.Bias, mean.ScratchBias);
            Add(mean.OutputWeights, mean.ScratchOutputWeights);
            Add(mean.Input, mean.ScratchInput);
        }

        // MathNet divides a dense matrix by n as a product with 1/n, and a dense vector element by element.
        double n = batch.Length;
        Scale(mean.Weights, 1.0 / n);
        Divide(mean.Bias, n);
        Divide(mean.OutputWeights, n);
        Divide(mean.Input, n);
        return sum / n;
    }

    /// <summary>The mean loss (when <paramref name="loss"/> is given; NaN otherwise) and the accuracy in one pass, one
    /// score per example (<see cref="NetworkSpans.Score"/>, the numbers of <see cref="NetworkModel.Score"/>).</summary>
    private static (double Loss, double Accuracy) Evaluate(Parameters p, Dataset data, IMarginLoss? loss)
    {
        double sum = 0;
        int right = 0;
        for (int k = 0; k < data.Count; k++)
        {
            var x = data.Points[k];
            Network.CheckShapes(p.Model.Weights, p.Model.Bias, p.Model.OutputWeights, x);
            double z = NetworkSpans.Score(p.Weights, NetworkSpans.Layout.ColumnMajor, p.Bias, p.OutputWeights, Network.Values(x), p.Model.Activation);
            double y = data.Labels[k];
            if (loss is not null)
            {
                sum += loss.Value(z, y);
            }

            if (NetworkModel.Sign(z) == y)
            {
                right++;
            }
        }

        return (loss is null ? double.NaN : sum / data.Count, right / (double)data.Count);
    }

    /// <summary>θ ← θ − η·g, as MathNet's θ − (g·η).</summary>
    private static void Step(Span<double> theta, ReadOnlySpan<double> gradient, double rate)
    {
        for (int i = 0; i < theta.Length; i++)
        {
            theta[i] -= gradient[i] * rate;
        }
    }

    private static void Add(Span<double> sum, ReadOnlySpan<double> term)
    {
        for (int i = 0; i < sum.Length; i++)
        {
            sum[i] += term[i];
        }
    }

    private static void Scale(Span<double> values, double scale)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] *= scale;
        }
    }

    private static void Divide(Span<double> values, double divisor)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] /= divisor;
        }
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    private static double Scale(double initialLoss) => Math.Max(1, double.IsFinite(initialLoss) ? initialLoss : 1);

    /// <summary>A model's parameters as spans over its dense storage (W column by column), for the span code.</summary>
    private readonly struct Parameters
    {
        private readonly double[] weights, bias, outputWeights;

        public Parameters(NetworkModel model)
        {
            Model = model;
            weights = Network.Storage(model.Weights);
            bias = Network.Values(model.Bias);
            outputWeights = Network.Values(model.OutputWeights);
        }

        public NetworkModel Model { get; }

        public int Hidden => Model.Weights.RowCount;

        public int Inputs => Model.Weights.ColumnCount;

        /// <summary>W column by column: the model's own array when W is dense (training writes it in place).</summary>
        public Span<double> Weights => weights;

        public Span<double> Bias => bias;

        public Span<double> OutputWeights => outputWeights;
    }

    /// <summary>∂L/∂W (column by column), ∂L/∂b, ∂L/∂w and ∂L/∂x (empty when not wanted), and as much scratch for one
    /// example's gradient.</summary>
    private sealed class Gradients(int hidden, int inputs, bool withInput)
    {
        public double[] Weights { get; } = new double[hidden * inputs];

        public double[] Bias { get; } = new double[hidden];

        public double[] OutputWeights { get; } = new double[hidden];

        public double[] Input { get; } = withInput ? new double[inputs] : [];

        public double[] ScratchWeights { get; } = new double[hidden * inputs];

        public double[] ScratchBias { get; } = new double[hidden];

        public double[] ScratchOutputWeights { get; } = new double[hidden];

        public double[] ScratchInput { get; } = withInput ? new double[inputs] : [];
    }
}
