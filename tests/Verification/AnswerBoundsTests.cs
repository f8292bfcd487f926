using System.Text;
using Calculus.Verification.Protocol;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Tests;

/// <summary>The bounds of an answer line: its length, from the values the request asks for, read without holding more
/// than the bound; and its depth, refused by the JSON reader past the protocol's deepest shape.</summary>
public sealed class AnswerBoundsTests
{
    [Fact]
    public void Values_AreTheNumbersARightAnswerHas()
    {
        double[][] w = [[1, 2, 3], [4, 5, 6]]; // h = 2, d = 3
        Assert.Equal(4, AnswerBounds.Values(new ScalarQuery("tanh", false, [1, 2, 3, 4])));
        Assert.Equal(2, AnswerBounds.Values(new LabelLogisticCall(true, [1, 2], 1)));
        Assert.Equal(2, AnswerBounds.Values(new LogSumExpCall([[1, 2, 3], [4]])));
        Assert.Equal(2, AnswerBounds.Values(new AffineCall(w, [0, 0], [1, 1, 1])));
        Assert.Equal(2, AnswerBounds.Values(new AffinePartialQuery(w, [0, 0], [1, 1, 1], "W", 0, 1)));
        Assert.Equal((2 * 3) + (2 * 2) + 3 + 1, AnswerBounds.Values(new NetworkQuery(w, [0, 0], [1, 1], [1, 1, 1], 1))); // h·d + 2h + d + 1
        Assert.Equal((2 * 3) + (2 * 2), AnswerBounds.Values(new StepQuery(w, [0, 0], [1, 1], [[1, 1, 1]], [1], 0.1))); // h·d + 2h
        Assert.Equal(8224, AnswerBounds.Characters(1));
        Assert.Equal(139_264, AnswerBounds.Characters(ProcessSheet.MaxBatch));
    }

    [Fact]
    public void ARightAnswer_OfTheLongestNumbers_FitsItsBound()
    {
        // Python's json.dumps writes ", " between values; the longest double is 24 characters. A network of h = d = 32
        // (the stable tier's largest) answered with every number at its longest, as a matrix of rows.
        const string Longest = "-2.2250738585072014e-308";
        Assert.Equal(AnswerBounds.LongestNumber, Longest.Length);
        string Row(int n) => $"[{string.Join(", ", Enumerable.Repeat(Longest, n))}]";
        string Matrix(int h, int d) => $"[{string.Join(", ", Enumerable.Repeat(Row(d), h))}]";
        foreach (int n in new[] { 1, 2, 32 })
        {
            string network = $"{{\"value\": {{\"loss\": {Longest}, \"dW\": {Matrix(n, n)}, \"db\": {Row(n)}, \"dw\": {Row(n)}, \"dx\": {Row(n)}}}}}";
            Assert.True(network.Length <= AnswerBounds.Characters((n * n) + (2 * n) + n + 1), $"{n}: {network.Length}");
            string narrow = $"{{\"value\": {{\"W\": {Matrix(n, 1)}, \"b\": {Row(n)}, \"w\": {Row(n)}}}}}"; // rows of one entry: the most brackets a value
            Assert.True(narrow.Length <= AnswerBounds.Characters(n + (2 * n)), $"{n}: {narrow.Length}");
        }

        string batch = $"{{\"value\": {Row(ProcessSheet.MaxBatch)}}}";
        Assert.True(batch.Length <= AnswerBounds.Characters(ProcessSheet.MaxBatch));
    }

    [Fact]
    public void TheReader_GivesLinesWithinTheirBound_AndEndsEveryKindOfLine()
    {
        var reader = new BoundedLineReader(Utf8("one\ntwo\r\nthree\rfour\r\n\nlast"));
        Assert.Equal(new BoundedLine("one", false), reader.Read(3));
        Assert.Equal(new BoundedLine("two", false), reader.Read(3));
        Assert.Equal(new BoundedLine("three", false), reader.Read(5));
        Assert.Equal(new BoundedLine("four", false), reader.Read(10));
        Assert.Equal(new BoundedLine("", false), reader.Read(10));
        Assert.Equal(new BoundedLine("last", false), reader.Read(10));
        Assert.Equal(BoundedLine.End, reader.Read(10));
    }

    [Fact]
    public void TheReader_StopsALineAtItsBound_WithoutReadingFurther()
    {
        // A stream that never ends, as a subject writing "1," forever: the reader takes the bound and one character more,
        // and then at most one buffer of the stream.
        var endless = new Endless("{\"value\": [", "1,");
        var reader = new BoundedLineReader(endless);
        var line = reader.Read(100_000);
        Assert.True(line.TooLong);
        Assert.Equal(100_001, line.Text!.Length);
        Assert.StartsWith("{\"value\": [1,1,", line.Text, StringComparison.Ordinal);
        Assert.InRange(endless.Served, 100_001, 100_001 + 8192);
    }

    [Fact]
    public void TheReader_CanSkipTheRestOfALineTooLong()
    {
        // Standard error's lines are cut and passed: "a long one" does not end the lines after it.
        var reader = new BoundedLineReader(Utf8($"{new string('x', 20_000)}\r\nnext\n"));
        Assert.Equal(new BoundedLine("xxxxxx", true), reader.Read(5));
        Assert.True(reader.SkipLine());
        Assert.Equal(new BoundedLine("next", false), reader.Read(5));
        Assert.False(reader.SkipLine());
    }

    [Fact]
    public void TheReader_GivesALineAsSoonAsItHasCome_EvenWhenItFilledARead()
    {
        // A subject that answered with exactly 4,096 bytes and waits for the next request: the stream has nothing more to
        // give until then. Through a StreamReader (4,096-byte buffer, asked for 8,192 characters) the reader read the
        // pipe again after the full read and waited there for the request's timeout, then a restart.
        const string Value = "{\"value\": [0.5]}";
        string answer = $"{Value}{new string(' ', 4096 - Value.Length - 1)}\n";
        Assert.Equal(4096, Encoding.UTF8.GetByteCount(answer));
        var stream = new Chunks(false, Encoding.UTF8.GetBytes(answer));
        var reader = new BoundedLineReader(stream);
        Assert.Equal(new BoundedLine(answer.TrimEnd('\n'), false), reader.Read(8192));
        Assert.Equal(1, stream.Reads);
    }

    [Fact]
    public void TheReader_DecodesUtf8_AcrossReads_AndPassesAByteOrderMark()
    {
        // "σ(0) ≈ ½" one byte per read: every multi-byte character is cut between reads; a byte-order mark first (as a
        // Windows program may write) is not part of the first line; an invalid byte reads as U+FFFD.
        byte[] text = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("σ(0) ≈ ½\n"), 0xFF, (byte)'x', (byte)'\n', 0xCF];
        var reader = new BoundedLineReader(new Chunks(true, [.. text.Select(b => new[] { b })]));
        Assert.Equal(new BoundedLine("σ(0) ≈ ½", false), reader.Read(100));
        Assert.Equal(new BoundedLine("\uFFFDx", false), reader.Read(100));
        Assert.Equal(new BoundedLine("\uFFFD", false), reader.Read(100)); // a sequence cut by the end of the stream
        Assert.Equal(BoundedLine.End, reader.Read(100));
    }

    [Fact]
    public void TheReader_EndsALineAtACarriageReturnAndLineFeed_SplitBetweenReads()
    {
        // "\r" at the end of one read and "\n" at the start of the next are one terminator; a line of exactly its bound,
        // over two reads, is not too long.
        var reader = new BoundedLineReader(new Chunks(true, Encoding.UTF8.GetBytes("abc\r"), Encoding.UTF8.GetBytes("\nde"), Encoding.UTF8.GetBytes("f\n")));
        Assert.Equal(new BoundedLine("abc", false), reader.Read(3));
        Assert.Equal(new BoundedLine("def", false), reader.Read(3));
        Assert.Equal(BoundedLine.End, reader.Read(3));
    }

    [Fact]
    public void AnAnswerNestedTooDeep_IsRefused_InTheProtocolsWords()
    {
        // 100,000 levels: refused at the sixth bracket, without building the tree (once, such a line took seconds and
        // gigabytes per answer).
        const int Depth = 100_000;
        string line = $"{{\"value\": {new string('[', Depth)}0.5{new string(']', Depth)}}}";
        var answer = ProtocolJson.ReadAnswer(line, ProtocolJson.ReadNumbers);
        Assert.Equal(AnswerKind.Error, answer.Kind);
        Assert.StartsWith("an answer that breaks the protocol (nested deeper than the protocol's shapes (more than 5 levels", answer.Message, StringComparison.Ordinal);

        // One level too deep is still a wrong shape, with its key: a step's W with every number in an array of its own.
        var step = ProtocolJson.ReadAnswer("{\"value\": {\"W\": [[[1.0]]], \"b\": [1.0], \"w\": [1.0]}}", ProtocolJson.ReadStep);
        Assert.StartsWith("wrong shape: \"W\": expected a number, got an array", step.Message, StringComparison.Ordinal);

        // Brackets inside a string count for nothing.
        var text = ProtocolJson.ReadAnswer($"{{\"error\": \"{new string('[', 10)}\"}}", ProtocolJson.ReadNumbers);
        Assert.Equal($"the subject answered an error: {new string('[', 10)}", text.Message);
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>A stream that begins with a text and then repeats another forever (ASCII), counting the bytes it served.</summary>
    private sealed class Endless(string head, string repeated) : ReadOnlyStream
    {
        private readonly StringBuilder pending = new(head);

        public long Served { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (pending.Length < count)
            {
                pending.Append(repeated);
            }

            Encoding.ASCII.GetBytes(pending.ToString(0, count), 0, count, buffer, offset);
            pending.Remove(0, count);
            Served += count;
            return count;
        }
    }

    /// <summary>A stream that gives its chunks one per read, as a pipe gives what a program wrote; then it ends, or, when
    /// the writer is still there, fails a read instead of waiting for bytes that will never come.</summary>
    private sealed class Chunks(bool ends, params byte[][] chunks) : ReadOnlyStream
    {
        public int Reads { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Reads == chunks.Length)
            {
                return ends ? 0 : throw new InvalidOperationException("read past what the writer wrote: a pipe would wait here");
            }

            byte[] chunk = chunks[Reads++];
            Assert.True(chunk.Length <= count, "a test chunk larger than the reader's buffer");
            chunk.CopyTo(buffer, offset);
            return chunk.Length;
        }
    }

    private abstract class ReadOnlyStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
