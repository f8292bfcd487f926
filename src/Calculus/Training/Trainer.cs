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
/// <remarks>The batch gradient is the mean of the per-example gradients of <see cref="Network.Gradient(MathNet.Numerics.LinearAlgebra.Matrix{double}, MathNet.Numerics.LinearAlgebra.Vector{double}, MathNet.Numerics.LinearAlgebra.Vector{double}, MathNet.Numerics.LinearAlgebra.Vector{double}, double, Activation?, IMarginLoss)"/>:
/// the trainer has no gradient code of its own. The inputs x are data, so their gradient is not used.</remarks>
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
        double sum = 0;
        for (int k = 0; k < data.Count; k++)
        {
            sum += loss.Value(model.Score(data.Points[k]), data.Labels[k]);
        }

        return sum / data.Count;
    }

    /// <summary>The fraction of examples whose prediction equals the label.</summary>
    /// <param name="model">The model.</param>
    /// <param name="data">The data.</param>
    /// <returns>The accuracy in [0, 1].</returns>
    public static double Accuracy(NetworkModel model, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return Enumerable.Range(0, data.Count).Count(k => model.Predict(data.Points[k]) == data.Labels[k]) / (double)data.Count;
    }

    /// <summary>The mean gradient over the examples <paramref name="batch"/> indexes (all when null).</summary>
    /// <param name="model">The model.</param>
    /// <param name="data">The data.</param>
    /// <param name="loss">The loss.</param>
    /// <param name="batch">Indices of the examples; null for all.</param>
    /// <returns>The mean of the library's per-example gradients (∂/∂x is the mean input gradient, unused in training).</returns>
    public static NetworkGradient MeanGradient(NetworkModel model, Dataset data, IMarginLoss loss, IReadOnlyList<int>? batch = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(loss);
        batch ??= [.. Enumerable.Range(0, data.Count)];
        NetworkGradient? sum = null;
        foreach (int k in batch)
        {
            var g = Network.Gradient(model.Weights, model.Bias, model.OutputWeights, data.Points[k], data.Labels[k], model.Activation, loss);
            sum = sum is null ? g : new NetworkGradient(sum.Loss + g.Loss, 0, sum.Weights + g.Weights, sum.Bias + g.Bias,
                sum.OutputWeights + g.OutputWeights, sum.Input + g.Input);
        }

        double n = batch.Count;
        return new NetworkGradient(sum!.Loss / n, double.NaN, sum.Weights / n, sum.Bias / n, sum.OutputWeights / n, sum.Input / n);
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

        var w = model.Weights.Clone();
        var b = model.Bias.Clone();
        var wout = model.OutputWeights.Clone();
        var current = model with { Weights = w, Bias = b, OutputWeights = wout };
        int batchSize = options.BatchSize <= 0 || options.BatchSize >= data.Count ? data.Count : options.BatchSize;
        var rng = new Random(options.Seed);
        int[] order = [.. Enumerable.Range(0, data.Count)];
        var history = new List<EpochRecord> { new(0, MeanLoss(current, data, loss), Accuracy(current, data)) };
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            if (batchSize < data.Count)
            {
                rng.Shuffle(order);
            }

            for (int start = 0; start < data.Count; start += batchSize)
            {
                var g = MeanGradient(current, data, loss, order[start..Math.Min(start + batchSize, data.Count)]);
                w.Subtract(g.Weights * options.LearningRate, w);
                b.Subtract(g.Bias * options.LearningRate, b);
                wout.Subtract(g.OutputWeights * options.LearningRate, wout);
            }

            var record = new EpochRecord(epoch, MeanLoss(current, data, loss), Accuracy(current, data));
            history.Add(record);
            progress?.Invoke(record);
            bool finite = w.ForAll(double.IsFinite) && b.ForAll(double.IsFinite) && wout.ForAll(double.IsFinite);
            if (!finite || HasRunAway(record.Loss, history[0].Loss))
            {
                return new TrainingResult(current, history, Diverged: true);
            }
        }

        return new TrainingResult(current, history, HasDiverged(history[^1].Loss, history[0].Loss));
    }

    private static double Scale(double initialLoss) => Math.Max(1, double.IsFinite(initialLoss) ? initialLoss : 1);
}
