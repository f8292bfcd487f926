namespace Calculus.Verification.Protocol;

/// <summary>Answers protocol requests with a sheet, one response line per request line, in order: what
/// <c>calculus serve</c> runs (the reference, or a known mistake for demonstrations and tests).</summary>
public static class ProtocolServer
{
    /// <summary>Serves until standard input ends. A line that is not a request gets an error response, never an exit.</summary>
    /// <param name="sheet">The implementation that answers.</param>
    /// <param name="input">The requests.</param>
    /// <param name="output">The responses (flushed after each).</param>
    /// <returns>How many requests were answered.</returns>
    public static long Serve(ISheet sheet, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        long answered = 0;
        while (input.ReadLine() is { } line)
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
            output.Flush();
            answered++;
        }

        return answered;
    }
}
