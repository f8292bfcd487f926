namespace Calculus.Cli.Input;

/// <summary>The sizes <c>calculus train</c> accepts; <see cref="CsvDataset.Read"/> enforces the CSV ones while it reads,
/// so that a huge file is refused before it fills the memory.</summary>
/// <remarks>The limits are far above what exercise 4 needs (200 points in the plane, h = 8) and keep a run of
/// <c>calculus train</c> below about 250 MB (peak resident memory, measured): 93 MB for 100,000 points with h = 1,024;
/// 160 MB for a CSV file of 10,000,000 coordinates (10,000 rows of 1,000, or 100,000 of 100); 235 MB for h = d = 1,024.
/// They bound the memory, not the time: one epoch of 100,000 points with h = 1,024 takes minutes (stop a run with
/// Ctrl-C).</remarks>
internal static class TrainingLimits
{
    /// <summary>The most points <c>--points</c> draws for blobs, xor and moons: 100,000.</summary>
    public const int MaxPoints = 100_000;

    /// <summary>The widest hidden layer, <c>--hidden</c>: 1,024 (as <c>calculus gradcheck</c>).</summary>
    public const int MaxHidden = 1_024;

    /// <summary>The most passes over the data, <c>--epochs</c>: 100,000.</summary>
    public const int MaxEpochs = 100_000;

    /// <summary>The largest mini-batch, <c>--batch</c>: 100,000 (0, or any size ≥ n, is full-batch descent).</summary>
    public const int MaxBatch = 100_000;

    /// <summary>The most data rows of a CSV file: 100,000.</summary>
    public const int MaxCsvRows = 100_000;

    /// <summary>The most coordinates d of a CSV row (the label not counted): 1,024.</summary>
    public const int MaxDimension = 1_024;

    /// <summary>The most coordinates of a CSV file in all, rows × d: 10,000,000 (80 MB of doubles).</summary>
    public const int MaxCsvValues = 10_000_000;

    /// <summary>The longest line of a CSV file in characters: 100,000 (1,025 numbers of 97 characters each).</summary>
    public const int MaxCsvLineLength = 100_000;
}
