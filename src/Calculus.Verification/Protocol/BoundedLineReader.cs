using System.Text;

namespace Calculus.Verification.Protocol;

/// <summary>A line read within a bound: its text, or as much of it as the bound allowed (<see cref="TooLong"/>), or
/// the end of the stream (<see cref="Text"/> null and not too long).</summary>
/// <param name="Text">The line without its terminator; the first bound + 1 characters of a line that is too long; null
/// at the end of the stream.</param>
/// <param name="TooLong">Whether the line went on past the bound.</param>
internal readonly record struct BoundedLine(string? Text, bool TooLong)
{
    /// <summary>The end of the stream.</summary>
    public static BoundedLine End => default;
}

/// <summary>Reads lines of UTF-8 text from a byte stream, each within a bound given for it, through fixed buffers: a line
/// that goes on past its bound is not read further, so that what a program writes never costs more memory than the
/// bound, however long its line. Lines end at "\n", "\r\n" or "\r", as <see cref="TextReader.ReadLine"/> has them; a
/// byte-order mark at the start of the stream is passed, and bytes that are not UTF-8 read as U+FFFD.</summary>
/// <remarks>It reads the stream itself, one <see cref="Stream.Read(byte[], int, int)"/> at a time, which returns as soon
/// as any bytes have come: a <see cref="StreamReader"/> asked for more characters than its buffer holds reads the pipe
/// again after a read that filled its buffer, and so waits for bytes the subject has not written while a whole answer is
/// in hand (the subject waits for the next request meanwhile); one answer in a few thousand exchanges waited for its
/// timeout that way (<c>AnswerBoundsTests.TheReader_GivesALineAsSoonAsItHasCome_EvenWhenItFilledARead</c>).</remarks>
/// <param name="stream">The stream.</param>
internal sealed class BoundedLineReader(Stream stream)
{
    /// <summary>The bytes read from the stream at once.</summary>
    private const int BufferSize = 8192;

    private readonly byte[] bytes = new byte[BufferSize];
    private readonly char[] buffer = new char[Encoding.UTF8.GetMaxCharCount(BufferSize)];
    private readonly Decoder decoder = new UTF8Encoding(false).GetDecoder();
    private int start, end;
    private bool afterCarriageReturn; // a "\n" right after a "\r" ends nothing: the pair is one terminator
    private bool begun, ended;

    /// <summary>The next line, or the first <paramref name="bound"/> + 1 characters of it when it is longer (the rest of
    /// it stays unread: call <see cref="SkipLine"/> to pass it, or stop reading).</summary>
    /// <param name="bound">The most characters the line may have, without its terminator.</param>
    /// <returns>The line, the start of a line too long, or the end.</returns>
    public BoundedLine Read(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bound);
        StringBuilder? text = null;
        while (true)
        {
            if (!Next())
            {
                return text is null ? BoundedLine.End : new BoundedLine(text.ToString(), false); // a last line without a terminator
            }

            int stop = Terminator();
            int taken = (stop < 0 ? end : stop) - start;
            int length = text?.Length ?? 0;
            if (length + taken > bound)
            {
                (text ??= new StringBuilder(bound + 1)).Append(buffer, start, bound + 1 - length);
                start += bound + 1 - length;
                return new BoundedLine(text.ToString(), true);
            }

            if (stop >= 0)
            {
                string line = text is null ? new string(buffer, start, taken) : text.Append(buffer, start, taken).ToString();
                afterCarriageReturn = buffer[stop] == '\r';
                start = stop + 1;
                return new BoundedLine(line, false);
            }

            (text ??= new StringBuilder(Math.Min(bound, 4 * BufferSize))).Append(buffer, start, taken);
            start = end;
        }
    }

    /// <summary>Passes the rest of the current line without keeping it.</summary>
    /// <returns>False when the stream ended first.</returns>
    public bool SkipLine()
    {
        while (true)
        {
            if (!Next())
            {
                return false;
            }

            int stop = Terminator();
            if (stop >= 0)
            {
                afterCarriageReturn = buffer[stop] == '\r';
                start = stop + 1;
                return true;
            }

            start = end;
        }
    }

    /// <summary>Makes the buffer hold the next character of the stream, passing the "\n" of a "\r\n" whose "\r" ended
    /// the last line.</summary>
    /// <returns>False at the end of the stream.</returns>
    private bool Next()
    {
        while (true)
        {
            if (start == end && !Fill())
            {
                return false;
            }

            if (afterCarriageReturn)
            {
                afterCarriageReturn = false;
                if (buffer[start] == '\n')
                {
                    start++;
                    continue;
                }
            }

            return true;
        }
    }

    /// <summary>Reads the stream once or more, until it gives at least one character or ends; passes a byte-order mark
    /// at its start.</summary>
    /// <returns>False at the end of the stream.</returns>
    private bool Fill()
    {
        while (!ended)
        {
            int read = stream.Read(bytes, 0, bytes.Length);
            ended = read == 0;
            start = 0;
            end = decoder.GetChars(bytes, 0, read, buffer, 0, flush: ended); // a sequence cut at the end reads as U+FFFD
            if (!begun && end > 0)
            {
                begun = true;
                start = buffer[0] == '\uFEFF' ? 1 : 0;
            }

            if (start < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the current line ends in the buffer (its "\n" or "\r"), or -1 when not in it.</summary>
    private int Terminator()
    {
        int k = buffer.AsSpan(start, end - start).IndexOfAny('\n', '\r');
        return k < 0 ? -1 : start + k;
    }
}
