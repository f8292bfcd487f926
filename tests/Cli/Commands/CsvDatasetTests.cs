using Calculus.Cli.Input;

namespace Calculus.Cli.Tests.Commands;

/// <summary>The CSV files <c>calculus train --data FILE</c> reads (<see cref="CsvDataset"/>): rows with an optional header,
/// a bad line named, and the limits of <see cref="TrainingLimits"/> enforced while reading.</summary>
public sealed class CsvDatasetTests
{
    [Fact]
    public void Csv_Null_IsRefused() => Assert.Throws<ArgumentNullException>("reader", () => CsvDataset.Read(null!));

    [Fact]
    public void Csv_ReadsRowsWithOptionalHeader()
    {
        Assert.Equal(2, CsvDataset.Read(new StringReader("1,2,1\r\n3,4,-1\r")).Count); // \r\n and \r end lines too
        var d = CsvDataset.Read(new StringReader("x1,x2,y\n0.5,1,1\n-2,3e-1,-1\n\n1,1,1\n"));
        Assert.Equal(3, d.Count);
        Assert.Equal(2, d.Dimension);
        Assert.Equal([1.0, -1.0, 1.0], d.Labels);
        Assert.Equal([-2.0, 0.3], d.Points[1].ToArray());
    }

    [Theory]
    [InlineData("sepal length,sepal_width,label\n1,2,1\n")]
    [InlineData(" x1 , x2 , y \n1,2,1\n")]
    [InlineData("x₁,x₂,y\n1,2,1\n")]
    [InlineData("_a,b.2,c-3\n1,2,1\n")]
    public void Csv_AHeaderNamesEveryColumn(string csv)
    {
        var d = CsvDataset.Read(new StringReader(csv));
        Assert.Equal(1, d.Count);
        Assert.Equal([1.0, 2.0], d.Points[0].ToArray());
    }

    [Theory]
    [InlineData("1;2;1\n3;4;-1\n", "line 1: needs at least one coordinate and a label, got 1 value (values are separated by commas, not ';' or tabs)")]
    [InlineData("1\t2\t1\n", "line 1: needs at least one coordinate and a label, got 1 value (values are separated by commas")]
    [InlineData("# comment\n1,2,1\n", "line 1: '#' comments are not supported")]
    [InlineData("1,2,1\n# comment\n", "line 2: '#' comments are not supported")]
    [InlineData("x1,2,y\n1,2,1\n", "line 1: value 1 'x1' is not a finite number (a header line names every column and holds no numbers")]
    [InlineData("NaN,Infinity,y\n1,2,1\n", "line 1: value 1 'NaN' is not a finite number (a header line")]
    [InlineData("x1,,y\n1,2,1\n", "line 1: value 1 'x1' is not a finite number")]
    [InlineData("1x,x2,y\n1,2,1\n", "line 1: value 1 '1x' is not a finite number")]
    [InlineData("x1,x2,x3,y\n1,2,1\n", "line 2: has 3 values, but the header (line 1) names 4 columns")]
    [InlineData("x,y\n1,2,1\n", "line 2: has 3 values, but the header (line 1) names 2 columns")]
    [InlineData("\nx1,x2,y\n1,2,1\n", "line 2: value 1 'x1' is not a finite number")]
    public void Csv_AFirstLineThatIsNeitherHeaderNorData_IsAnError_NamingTheLine(string csv, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => CsvDataset.Read(new StringReader(csv)));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,2,1\n3,1\n", "line 2: has 2 values, but the first row has 3")]
    [InlineData("1,2,1\n3,abc,1\n", "line 2: value 2 'abc' is not a finite number")]
    [InlineData("1,2,1\n3,4,0\n", "line 2: the label (last value) must be -1 or 1, got 0")]
    [InlineData("", "the file holds no data rows")]
    [InlineData("x1,x2,y\n", "the file holds no data rows")]
    [InlineData("1\n", "line 1: needs at least one coordinate and a label")]
    [InlineData("1,NaN,1\n", "line 1: value 2 'NaN' is not a finite number")]
    public void BadCsv_NamesTheLine(string csv, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => CsvDataset.Read(new StringReader(csv)));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
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
