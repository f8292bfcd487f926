using Calculus.Verification.Sheet;
namespace Calculus.Verification.Protocol;

/// <summary>Answers protocol requests with a sheet, one response line per request line, in order: what
/// <c>calculus serve</c> runs (the reference, or a known mistake for demonstrations and tests).</summary>
internal static class ProtocolServer
{
    /// <summary>Serves until standard input ends. A line that is not a request gets an error response, never an exit.</summary>
    /// <param name="sheet">The implementation that answers.</param>
    /// <param name="input">The requests.</param>
    /// <param name="output">The responses (flushed whenever no further request is waiting).</param>
    /// <returns>How many requests were answered.</returns>
    public static long Serve(ISheet sheet, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        // A reader thread queues the lines, so that the answers to pipelined requests are flushed together, once the
        // queue is empty, rather than one system call each; a lone request is still answered and flushed at once.
        using var lines = new System.Collections.Concurrent.BlockingCollection<string>(boundedCapacity: 4096);
        var reader = new Thread(() =>
        {
            try
            {
                while (input.ReadLine() is { } line)
                {
                    lines.Add(line);
                }
            }
            finally
            {
                lines.CompleteAdding();
            }
        }) { IsBackground = true };
        reader.Start();
        long answered = 0;
        foreach (string line in lines.GetConsumingEnumerable())
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string response;
            try
            {
                response = ProtocolJson.Answer(sheet, ProtocolJson.ParseRequest(line));
            }
            catch (ProtocolException e)
            {
                response = ProtocolJson.Error($"bad request: {e.Message}");
            }

            output.Write(response);
            output.Write('\n');
            if (lines.Count == 0)
            {
                output.Flush();
            }

            answered++;
        }

        output.Flush();
        return answered;
    }
}
