using System.Globalization;
using System.Text.Json;

namespace Calculus.Verification.Protocol;

/// <summary>A student's implementation in any language: a command started once (through the shell), spoken to in JSON
/// Lines over its standard input and output (docs/protocol.md). Batches scalar requests, pipelines the rest, caches every
/// answer of the current check, and survives a subject that prints junk, hangs or exits: the request concerned fails
/// with what happened, the subject is restarted, and the rest go on.</summary>
public sealed class ProcessSheet : ISheet, IDisposable
{
    /// <summary>Points per batched request: 4,096 numbers are ≤ 100 kB of JSON, one line a subject reads at once.</summary>
    public const int MaxBatch = 4096;

    /// <summary>After this many failures in a row without one good answer, the current requests fail at once.</summary>
    public const int MaxConsecutiveFailures = 3;

    /// <summary>After this many restarts in one run, every further request fails at once: a subject that crashes
    /// everywhere must not stretch a run to hours.</summary>
    public const int MaxRestarts = 50;

    /// <summary>The probe sent first: σ(0), which any subject answers, with a value or an error.</summary>
    private const string Probe = "{\"fn\":\"sigmoid\",\"derivative\":false,\"x\":[0]}";

    private readonly string command;
    private readonly TimeSpan timeout;
    private readonly Dictionary<(string Function, bool Derivative, double Alpha, double C, double Y), Family> families = [];
    private readonly Dictionary<CallKey, object> calls = [];
    private SubjectProcess? process;
    private int consecutiveFailures;
    private string? lastFailure;

    private ProcessSheet(string command, TimeSpan timeout)
    {
        this.command = command;
        this.timeout = timeout;
    }

    /// <summary>Request lines sent so far.</summary>
    public long RequestsSent { get; private set; }

    /// <summary>How often the subject was restarted.</summary>
    public int Restarts { get; private set; }

    /// <summary>Starts the command and sends a probe request.</summary>
    /// <param name="command">The command, run by /bin/sh -c in the current directory.</param>
    /// <param name="timeout">How long to wait for each answer (the probe included).</param>
    /// <returns>The subject, ready.</returns>
    /// <exception cref="SubjectCannotStartException">It exits, or says nothing, before answering the probe.</exception>
    public static ProcessSheet Start(string command, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        var sheet = new ProcessSheet(command, timeout);
        sheet.process = new SubjectProcess(command);
        sheet.process.Send([Probe]);
        sheet.RequestsSent++;
        string? line;
        try
        {
            line = sheet.process.Receive(timeout);
        }
        catch (TimeoutException)
        {
            sheet.Dispose();
            throw new SubjectCannotStartException($"the subject \"{command}\" did not answer its first request within {Seconds(timeout)} s");
        }

        if (line is null)
        {
            string[] tail = sheet.process.ErrorTail;
            int? code = sheet.process.ExitCode;
            sheet.Dispose();
            throw new SubjectCannotStartException(
                $"the subject \"{command}\" exited{(code is { } c ? $" (code {c})" : "")} before answering its first request" +
                (tail.Length > 0 ? $": {tail[^1]}" : ""));
        }

        return sheet;
    }

    /// <inheritdoc/>
    public Answer<double[]> Scalar(ScalarQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Points(ScalarFamily(query.Function, query.Derivative, query.Alpha, query.C), [.. query.X.Select(x => new[] { x })]);
    }

    /// <inheritdoc/>
    public Answer<double[]> LabelLogistic(bool derivative, double[] a, double y)
    {
        ArgumentNullException.ThrowIfNull(a);
        return Points(LabelFamily(derivative, y), [.. a.Select(x => new[] { x })]);
    }

    /// <inheritdoc/>
    public Answer<double[]> LogSumExp(double[][] vectors) => Points(LseFamily(), vectors);

    /// <inheritdoc/>
    public Answer<double[]> Affine(double[][] w, double[] b, double[] x) => Call(new AffineCall(w, b, x), ProtocolJson.ReadNumbers);

    /// <inheritdoc/>
    public Answer<double[]> AffinePartial(AffinePartialQuery query) => Call(query, ProtocolJson.ReadNumbers);

    /// <inheritdoc/>
    public Answer<NetworkAnswer> Network(NetworkQuery query) => Call(query, ProtocolJson.ReadNetwork);

    /// <inheritdoc/>
    public Answer<StepAnswer> GdStep(StepQuery query) => Call(query, ProtocolJson.ReadStep);

    /// <summary>Sends every request a check will make, in batches, before the check asks them one by one; answers of
    /// earlier checks are dropped first (memory stays bounded by one check's requests).</summary>
    /// <param name="requests">The calls, as <see cref="RecordingSheet"/> recorded them.</param>
    public void Prefetch(IReadOnlyList<object> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        consecutiveFailures = 0; // each check gets its own chances; MaxRestarts bounds the run
        calls.Clear();
        foreach (var f in families.Values)
        {
            f.Results.Clear();
        }

        var batches = new List<(Family Family, double[][] Points)>();
        foreach (var group in requests.Select(Batchable).Where(b => b.Family is not null).GroupBy(b => b.Family!))
        {
            var seen = new HashSet<CallKey>();
            var points = group.SelectMany(b => b.Points).Where(p => seen.Add(Key(p)) && !group.Key.Results.ContainsKey(Key(p))).ToArray();
            batches.AddRange(points.Chunk(MaxBatch).Select(chunk => (group.Key, chunk)));
        }

        Fetch(batches);
        var rest = requests.Where(r => Batchable(r).Family is null).DistinctBy(CallKey.Of).ToList();
        var responses = Exchange([.. rest.Select(ProtocolJson.Request)]);
        for (int k = 0; k < rest.Count; k++)
        {
            calls[CallKey.Of(rest[k])] = responses[k];
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        process?.Dispose();
        process = null;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A point's cache key: its one number's bits, or (for a vector) a 128-bit fingerprint of its entries.</summary>
    private static CallKey Key(double[] point) => point.Length == 1
        ? new CallKey((ulong)BitConverter.DoubleToInt64Bits(point[0]), 0)
        : CallKey.Of(new LogSumExpCall([point]));

    private static string Excerpt(string text) => text.Length <= 160 ? text : $"{text[..157]}…";

    private Family ScalarFamily(string fn, bool derivative, double? alpha, double? c) =>
        FamilyOf((fn, derivative, alpha ?? double.NaN, c ?? double.NaN, double.NaN), points => new ScalarQuery(fn, derivative, [.. points.Select(p => p[0])], alpha, c));

    private Family LabelFamily(bool derivative, double y) =>
        FamilyOf(("label-logistic", derivative, double.NaN, double.NaN, y), points => new LabelLogisticCall(derivative, [.. points.Select(p => p[0])], y));

    private Family LseFamily() => FamilyOf(("logsumexp", false, double.NaN, double.NaN, double.NaN), points => new LogSumExpCall(points));

    private Family FamilyOf((string, bool, double, double, double) key, Func<double[][], object> request)
    {
        if (!families.TryGetValue(key, out var f))
        {
            families[key] = f = new Family(request);
        }

        return f;
    }

    /// <summary>A call whose points can be merged with others into one request: its family and points.</summary>
    private (Family? Family, double[][] Points) Batchable(object call) => call switch
    {
        ScalarQuery q => (ScalarFamily(q.Function, q.Derivative, q.Alpha, q.C), [.. q.X.Select(x => new[] { x })]),
        LabelLogisticCall l => (LabelFamily(l.Derivative, l.Y), [.. l.A.Select(x => new[] { x })]),
        LogSumExpCall l => (LseFamily(), l.Vectors),
        _ => (null, []),
    };

    /// <summary>The values at the points, fetching the ones not cached in one batch; an error at any point is the
    /// answer's error, "not implemented" anywhere makes it not implemented.</summary>
    private Answer<double[]> Points(Family family, double[][] points)
    {
        if (family.NotImplemented)
        {
            return Answer.NotImplemented<double[]>();
        }

        if (points.Length == 1 && family.Results.TryGetValue(Key(points[0]), out var known))
        {
            return known.Error is { } e ? Answer.Error<double[]>(e) : Answer.Of<double[]>([known.Value]); // the common case: one cached point
        }

        var missing = points.Where(p => !family.Results.ContainsKey(Key(p))).DistinctBy(Key).ToArray();
        if (missing.Length > 0)
        {
            Fetch([.. missing.Chunk(MaxBatch).Select(chunk => (family, chunk))]);
        }

        if (family.NotImplemented)
        {
            return Answer.NotImplemented<double[]>();
        }

        var values = new double[points.Length];
        for (int k = 0; k < points.Length; k++)
        {
            var r = family.Results[Key(points[k])];
            if (r.Error is { } error)
            {
                return Answer.Error<double[]>(error);
            }

            values[k] = r.Value;
        }

        return Answer.Of(values);
    }

    /// <summary>Sends the batches together; a batch answered with an error (or lost to a crash) is split in halves and
    /// asked again, so that one bad point does not fail its neighbours; single points keep their own error.</summary>
    private void Fetch(List<(Family Family, double[][] Points)> batches)
    {
        while (batches.Count > 0)
        {
            var lines = batches.Select(b => ProtocolJson.Request(b.Family.Request(b.Points))).ToList();
            var answers = Exchange(lines);
            var retry = new List<(Family, double[][])>();
            for (int k = 0; k < batches.Count; k++)
            {
                var (family, points) = batches[k];
                Answer<double[]> answer;
                try
                {
                    answer = ProtocolJson.ParseResponse(answers[k], ProtocolJson.ReadNumbers);
                }
                catch (ProtocolException e)
                {
                    answer = Answer.Error<double[]>(Failure(answers[k], e));
                }

                if (answer.Kind == AnswerKind.NotImplemented)
                {
                    family.NotImplemented = true;
                    continue;
                }

                if (answer.Kind == AnswerKind.Value && answer.Value!.Length == points.Length)
                {
                    for (int p = 0; p < points.Length; p++)
                    {
                        family.Results[Key(points[p])] = new PointResult(answer.Value[p], null);
                    }

                    continue;
                }

                string error = answer.Kind == AnswerKind.Value
                    ? $"wrong shape: {points.Length} input{(points.Length == 1 ? "" : "s")} need{(points.Length == 1 ? "s" : "")} as many values; got {answer.Value!.Length}"
                    : answer.Message!;
                if (points.Length > 1)
                {
                    int half = points.Length / 2;
                    retry.Add((family, points[..half]));
                    retry.Add((family, points[half..]));
                }
                else
                {
                    family.Results[Key(points[0])] = new PointResult(double.NaN, answer.Kind == AnswerKind.Value ? error : $"the subject answered an error: {error}");
                }
            }

            batches = retry;
        }
    }

    /// <summary>A call's answer: from the cache (parsed once, then kept parsed), or asked now.</summary>
    private Answer<T> Call<T>(object call, Func<JsonElement, T> read)
    {
        var key = CallKey.Of(call);
        if (!calls.TryGetValue(key, out object? cached))
        {
            cached = Exchange([ProtocolJson.Request(call)])[0];
        }

        if (cached is Answer<T> answer)
        {
            return answer;
        }

        string response = (string)cached;
        try
        {
            answer = ProtocolJson.ParseResponse(response, read);
        }
        catch (ProtocolException e)
        {
            answer = Answer.Error<T>(Failure(response, e));
        }

        calls[key] = answer;
        return answer;
    }

    /// <summary>A failure of the exchange is stored as an error response whose message says what happened.</summary>
    private static string Failure(string response, ProtocolException e) =>
        response.StartsWith(FailurePrefix, StringComparison.Ordinal) ? response[FailurePrefix.Length..] : $"an answer that breaks the protocol ({e.Message}): {Excerpt(response)}";

    private const string FailurePrefix = "\u0001failure:";

    /// <summary>Sends the lines and collects one response line each, in order. A timeout, the subject's exit, or a
    /// line that is not a JSON object fails that request (recorded as a failure line), kills the subject, and the
    /// requests after it are sent again to a new one.</summary>
    private List<string> Exchange(List<string> lines)
    {
        var answers = new List<string>(lines.Count);
        while (answers.Count < lines.Count)
        {
            if (Restarts >= MaxRestarts || consecutiveFailures >= MaxConsecutiveFailures)
            {
                string why = Restarts >= MaxRestarts ? $"the subject was restarted {MaxRestarts} times in this run" : $"the subject failed {consecutiveFailures} times in a row";
                answers.Add($"{FailurePrefix}{why}; not asked again (last: {lastFailure})");
                continue;
            }

            if (process is null)
            {
                process = new SubjectProcess(command);
                Restarts++;
            }

            int first = answers.Count;
            process.Send(lines.Skip(first));
            RequestsSent += lines.Count - first;
            for (int k = first; k < lines.Count; k++)
            {
                string? failure = null;
                string? line = null;
                try
                {
                    line = process.Receive(timeout);
                }
                catch (TimeoutException)
                {
                    failure = $"no answer within {Seconds(timeout)} s (--timeout) to {Excerpt(lines[k])}";
                }

                if (failure is null && line is null)
                {
                    string[] tail = process.ErrorTail;
                    failure = $"the subject exited{(process.ExitCode is { } code ? $" (code {code})" : "")} while answering {Excerpt(lines[k])}" +
                        (tail.Length > 0 ? $"; its last lines on standard error: {string.Join(" | ", tail)}" : "");
                }
                else if (failure is null && !line!.TrimStart().StartsWith('{'))
                {
                    failure = $"the subject printed a line that is not a JSON object: \"{Excerpt(line)}\" (in answer to {Excerpt(lines[k])}); " +
                        "print nothing but the answers on standard output (use standard error for debugging)";
                }

                if (failure is not null)
                {
                    answers.Add(FailurePrefix + failure);
                    lastFailure = failure;
                    consecutiveFailures++;
                    process.Dispose();
                    process = null;
                    break;
                }

                consecutiveFailures = 0;
                answers.Add(line!);
            }
        }

        return answers;
    }

    private sealed record PointResult(double Value, string? Error);

    private sealed class Family(Func<double[][], object> request)
    {
        public Func<double[][], object> Request { get; } = request;

        public Dictionary<CallKey, PointResult> Results { get; } = [];

        public bool NotImplemented { get; set; }
    }
}
