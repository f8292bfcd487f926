using Calculus.Cli.Input;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Training;

namespace Calculus.Examples;

/// <summary>The exercise-4 rows of docs/inputs.md.</summary>
public sealed class TrainingBadInputExamples
{
    private static readonly Dataset Data = Datasets.Xor(10, 1);
    private static readonly NetworkModel Model = NetworkModel.Initialize(2, 2, Catalog.Sigmoid, 1);

    [Fact]
    public void MarginLosses_Find_NullAndUnknown()
    {
        Assert.Throws<ArgumentNullException>("name", () => MarginLosses.Find(null!));
        Assert.Contains("logistic, smooth-hinge, hinge", Assert.Throws<ArgumentException>("name", () => MarginLosses.Find("squared")).Message, StringComparison.Ordinal);
        Assert.Same(MarginLosses.SmoothHinge, MarginLosses.Find("SMOOTH-HINGE"));
    }

    [Fact]
    public void Datasets_InvalidCountsAndNames()
    {
        Assert.Throws<ArgumentOutOfRangeException>("count", () => Datasets.Blobs(1, 1));
        var unknown = Assert.Throws<ArgumentException>("name", () => Datasets.Generate("spirals", 10, 1));
        Assert.StartsWith("Unknown data set 'spirals'; valid names: blobs, xor, moons.", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(["blobs", "xor", "moons"], Datasets.Names);
        Assert.Equal(0, new Dataset([], []).Dimension);
        Assert.Throws<ArgumentNullException>("reader", () => CsvDataset.Read(null!));
    }

    [Fact]
    public void Model_AndTrainer_RejectInvalidParameters()
    {
        Assert.Throws<ArgumentOutOfRangeException>("hidden", () => NetworkModel.Initialize(0, 2, Catalog.Tanh, 1));
        Assert.Throws<ArgumentNullException>("activation", () => NetworkModel.Initialize(2, 2, null!, 1));
        var rate = Assert.Throws<ArgumentOutOfRangeException>("options", () => Trainer.Train(Model, Data, MarginLosses.Logistic, new TrainingOptions(LearningRate: 0)));
        Assert.StartsWith("The learning rate must be finite and > 0.", rate.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("options", () => Trainer.Train(Model, Data, MarginLosses.Logistic, new TrainingOptions(LearningRate: double.NaN)));
        Assert.Throws<ArgumentOutOfRangeException>("options", () => Trainer.Train(Model, Data, MarginLosses.Logistic, new TrainingOptions(LearningRate: double.PositiveInfinity)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Train(Model, Data, MarginLosses.Logistic, new TrainingOptions(Epochs: -1)));
        var batch = Assert.Throws<ArgumentOutOfRangeException>("options", () => Trainer.Train(Model, Data, MarginLosses.Logistic, new TrainingOptions(BatchSize: -1)));
        Assert.StartsWith("The batch size must be ≥ 0 (0 is full-batch descent).", batch.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("loss", () => Trainer.Train(Model, Data, null!, new TrainingOptions()));
        Assert.Throws<ArgumentNullException>("data", () => Trainer.MeanLoss(Model, null!, MarginLosses.Hinge));
        var threeD = CsvDataset.Read(new StringReader("1,2,3,1\n"));
        Assert.Throws<ArgumentException>("x", () => Trainer.MeanLoss(Model, threeD, MarginLosses.Logistic)); // W is 2×2
    }

    [Fact]
    public void Trainer_ZeroEpochs_ReturnsTheModelUnchanged_AndDoesNotTouchTheInput()
    {
        var before = Model.Weights.ToRowMajorArray();
        var result = Trainer.Train(Model, Data, MarginLosses.Logistic, new TrainingOptions(Epochs: 0));
        Assert.Single(result.History);
        Assert.Equal(before, result.Model.Weights.ToRowMajorArray());
        Trainer.Train(Model, Data, MarginLosses.Logistic, new TrainingOptions(Epochs: 3));
        Assert.Equal(before, Model.Weights.ToRowMajorArray()); // training works on a copy
    }

    [Fact]
    public void Csv_ExtremeFiniteValues_AreRead_AndNonFiniteOnesRejected()
    {
        var d = CsvDataset.Read(new StringReader("1e300,-1e300,1\n-0,0,-1\n"));
        Assert.Equal([1e300, -1e300], d.Points[0].ToArray());
        Assert.Contains("not a finite number", Assert.Throws<InvalidDataException>(() => CsvDataset.Read(new StringReader("Infinity,0,1\n"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_MoreRowsThanTheLimit_AreRefused_WithoutReadingTheRest()
    {
        var reader = new RepeatingReader("1,-1\n", TrainingLimits.MaxCsvRows + 1000);
        var e = Assert.Throws<InvalidDataException>(() => CsvDataset.Read(reader));
        Assert.Equal("line 100001: more than 100,000 data rows; at most 100,000 are accepted", e.Message);
        Assert.True(reader.Served <= ((TrainingLimits.MaxCsvRows + 1) * 5) + 8192, $"read {reader.Served} characters"); // a block of 8192 read ahead
        Assert.Equal(TrainingLimits.MaxCsvRows, CsvDataset.Read(new RepeatingReader("1,-1\n", TrainingLimits.MaxCsvRows)).Count);
    }

    [Fact]
    public void Csv_ALineLongerThanTheLimit_IsRefused_BeforeItIsReadToItsEnd()
    {
        var reader = new RepeatingReader("1,", 1_000_000); // 2 MB without a line break
        var e = Assert.Throws<InvalidDataException>(() => CsvDataset.Read(reader));
        Assert.StartsWith("line 1: longer than 100,000 characters", e.Message, StringComparison.Ordinal);
        Assert.True(reader.Served <= TrainingLimits.MaxCsvLineLength + 8192, $"read {reader.Served} characters"); // a block of 8192 read ahead
    }

    [Fact]
    public void Csv_MoreCoordinatesThanTheLimits_AreRefused()
    {
        string Row(int d) => string.Concat(Enumerable.Repeat("0,", d)) + "1\n";
        Assert.Equal(1024, CsvDataset.Read(new StringReader(Row(1024))).Dimension);
        Assert.Equal("line 1: has 1,025 coordinates; at most 1,024 are accepted", Assert.Throws<InvalidDataException>(() => CsvDataset.Read(new StringReader(Row(1025)))).Message);

        // 10,000,000 coordinates in all: 10,000 rows of 1,000 are accepted (the error names the row after them), one row
        // more is not.
        var e = Assert.Throws<InvalidDataException>(() => CsvDataset.Read(new RepeatingReader(Row(1000), 10_001)));
        Assert.Equal("line 10001: more than 10,000,000 coordinates in all (10,001 rows of 1,000); at most 10,000,000 are accepted", e.Message);
    }

    /// <summary>A text of one line repeated, counting the characters it served.</summary>
    private sealed class RepeatingReader(string line, int times) : TextReader
    {
        private readonly long length = (long)line.Length * times;

        public long Served { get; private set; }

        public override int Peek() => Served < length ? line[(int)(Served % line.Length)] : -1;

        public override int Read()
        {
            int c = Peek();
            Served += c >= 0 ? 1 : 0;
            return c;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            int n = 0;
            while (n < buffer.Length && Served < length)
            {
                int offset = (int)(Served % line.Length);
                int take = Math.Min(buffer.Length - n, line.Length - offset);
                take = (int)Math.Min(take, length - Served);
                line.AsSpan(offset, take).CopyTo(buffer[n..]);
                (n, Served) = (n + take, Served + take);
            }

            return n;
        }
    }
}
