using System.Globalization;
using System.Text.Json;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Protocol;

/// <summary>A student's implementation in any language: a command started once (through the shell), spoken to in JSON
/// Lines over its standard input and output (docs/protocol.md). Batches scalar requests (as many points as the subject
/// answers in a share of the timeout, <see cref="BatchSizer"/>), pipelines the rest, caches every answer of the current
/// check, and survives a subject that prints junk, hangs or exits: the request concerned fails with what happened, the
/// subject is restarted, and the rest go on.</summary>
internal sealed class ProcessSheet : SheetBase, IDisposable
{
    /// <summary>The most points of a batched request: 4,096 numbers are ≤ 100 kB of JSON, one line a subject reads at once.</summary>
    public const int MaxBatch = 4096;

    /// <summary>After this many timeouts of one function its further requests fail at once: a function that hangs costs
    /// two timeouts in a run, not two per check.</summary>
    public const int MaxTimeoutsPerFunction = 2;

    /// <summary>After this many exits, lines that are not JSON or lines too long in answers to one function its further
    /// requests fail at once. Twenty lets the halving of a batch isolate a point that crashes (log2 4,096 = 12 halvings) and leaves room
    /// for a second one.</summary>
    public const int MaxFailuresPerFunction = 20;

    /// <summary>After this many restarts in one run, every further request fails at once. A function that keeps failing
    /// is stopped by its own budget (<see cref="MaxFailuresPerFunction"/>, <see cref="MaxTimeoutsPerFunction"/>), so one
    /// bad function does not cost the others their answers; this is the safety net above those budgets: 20 failures
    /// for each of the protocol's 18 functions are 360 restarts.</summary>
    public const int MaxRestarts = 400;

    /// <summary>The words of a request that was not sent because its function (or the run) failed too often: such a
    /// failure says nothing about the case's input, so shrinking does not follow it.</summary>
    public const string NotAskedAgain = "not asked again";

    /// <summary>The least wait for the answer to the probe of a started or restarted subject: starting an interpreter
    /// (Python importing NumPy, a .NET runtime) takes up to seconds on a loaded machine, and that time must not count
    /// against the first request after a restart, or with a short --timeout (0.5 s) the restart after a crash would
    /// time out and the crash be reported as a timeout.</summary>
    public static readonly TimeSpan MinimumStartup = TimeSpan.FromSeconds(10);

    /// <summary>The probe sent first, and again after each restart: σ(0), which any subject answers, with a value or an
    /// error.</summary>
    private const string Probe = "{\"fn\":\"sigmoid\",\"derivative\":false,\"x\":[0.0]}";

    /// <summary>The probe with the bound of its answer, one value.</summary>
    private static readonly (string Line, int Bound) ProbeRequest = (Probe, AnswerBounds.Characters(1));

    private readonly string command;
    private readonly string launched;
    private readonly Sandbox? sandbox;
    private readonly TimeSpan timeout;
    private readonly BatchSizer sizer;
    private readonly Dictionary<(string Function, bool Derivative, string Parameters), Family> families = [];
    private readonly Dictionary<CallKey, object> calls = [];
    private SubjectProcess? process;
    private readonly Dictionary<string, (int Timeouts, int Others, string Last)> failures = [];
    private string? lastFailure;
    private string? cannotRestart;

    private ProcessSheet(string command, TimeSpan timeout, Sandbox? sandbox)
    {
        this.command = command;
        this.timeout = timeout;
        this.sandbox = sandbox;
        sizer = new BatchSizer(timeout);
        launched = sandbox is null ? command : Sandbox.Resolve(command, Environment.CurrentDirectory);
    }

    private TimeSpan StartupTimeout => timeout > MinimumStartup ? timeout : MinimumStartup;

    /// <summary>Request lines sent so far.</summary>
    public long RequestsSent { get; private set; }

    /// <summary>How often the subject was restarted.</summary>
    public int Restarts { get; private set; }

    /// <summary>Starts the command and sends a probe request.</summary>
    /// <param name="command">The command, run by /bin/sh -c in the current directory.</param>
    /// <param name="timeout">How long to wait for each answer (for the probe's, at least <see cref="MinimumStartup"/>).</param>
    /// <param name="sandbox">With <c>--sandbox</c>: the limits and scratch folder every start of the subject runs in
    /// (its relative paths resolved in the current directory, <see cref="Sandbox.Resolve"/>); the caller disposes it
    /// after this sheet.</param>
    /// <returns>The subject, ready.</returns>
    /// <exception cref="SubjectCannotStartException">It exits, or says nothing, before answering the probe.</exception>
    public static ProcessSheet Start(string command, TimeSpan timeout, Sandbox? sandbox = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        var sheet = new ProcessSheet(command, timeout, sandbox);
        string? junk = null;
        for (int attempt = 0; attempt < 2; attempt++)
        {
            sheet.process?.Dispose();
            sheet.process = new SubjectProcess(sheet.launched, sandbox);
            sheet.process.Send([ProbeRequest]);
            sheet.RequestsSent++;
            BoundedLine answer;
            try
            {
                answer = sheet.process.Receive(sheet.StartupTimeout);
            }
            catch (TimeoutException)
            {
                sheet.Dispose();
                throw new SubjectCannotStartException($"the subject \"{command}\" did not answer its first request within {Seconds(sheet.StartupTimeout)} s");
            }

            if (answer.TooLong)
            {
                sheet.Dispose();
                throw new SubjectCannotStartException(
                    $"the subject \"{command}\" answered its first request with a line too long: {AnswerBounds.TooLong(1)}; it begins \"{Beginning(answer.Text!)}\"");
            }

            if (answer.Text is not { } line)
            {
                string[] tail = sheet.process.ErrorTail;
                int? code = sheet.process.ExitCode;
                sheet.Dispose();
                throw new SubjectCannotStartException(
                    $"the subject \"{command}\" exited{(code is { } c ? $" (code {c}{sheet.Explain(c)})" : "")} before answering its first request" +
                    (tail.Length > 0 ? $": {tail[^1]}" : junk is null ? "" : $": {junk}"));
            }

            if (line.TrimStart().StartsWith('{'))
            {
                return sheet;
            }

            junk = line; // a banner or a stray print before the first answer: once more from the start, then give up
        }

        string[] errors = sheet.process!.ErrorTail;
        sheet.Dispose();
        throw new SubjectCannotStartException(
            $"the subject \"{command}\" answered its first request with a line that is not a JSON object: \"{Excerpt(junk!)}\"" +
            (errors.Length > 0 ? $" (standard error: {Excerpt(errors[0])})" : " (print nothing but the answers on standard output)"));
    }

    /// <inheritdoc/>
    public override Answer<double[]> Scalar(ScalarQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Points(ScalarFamily(query), [.. query.X.Select(x => new[] { x })]);
    }

    /// <inheritdoc/>
    public override Answer<double[]> LabelLogistic(LabelLogisticCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Points(LabelFamily(call.Derivative, call.Y), [.. call.A.Select(x => new[] { x })]);
    }

    /// <inheritdoc/>
    public override Answer<double[]> LogSumExp(LogSumExpCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Points(LseFamily(), call.Vectors);
    }

    /// <inheritdoc/>
    public override Answer<double[]> Affine(AffineCall call) => Call(call, ProtocolJson.ReadNumbers);

    /// <inheritdoc/>
    public override Answer<double[]> AffinePartial(AffinePartialQuery query) => Call(query, ProtocolJson.ReadNumbers);

    /// <inheritdoc/>
    public override Answer<NetworkAnswer> Network(NetworkQuery query) => Call(query, ProtocolJson.ReadNetwork);

    /// <inheritdoc/>
    public override Answer<StepAnswer> GdStep(StepQuery query) => Call(query, ProtocolJson.ReadStep);

    /// <summary>Sends every request a check will make, in batches, before the check asks them one by one; answers of
    /// earlier checks are dropped first (memory stays bounded by one check's requests).</summary>
    /// <param name="requests">The calls, as a <see cref="SheetDecorator"/> over the reference recorded them.</param>
    public void Prefetch(IReadOnlyList<SheetCall> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        calls.Clear();
        foreach (var f in families.Values)
        {
            f.Results.Clear();
        }

        var batchable = requests.Select(Batchable).ToList();
        var groups = new List<(Family Family, double[][] Points)>();
        foreach (var group in batchable.Where(b => b.Family is not null).GroupBy(b => b.Family!))
        {
            var seen = new HashSet<CallKey>();
            groups.Add((group.Key, [.. group.SelectMany(b => b.Points).Where(p => seen.Add(Key(p)) && !group.Key.Results.ContainsKey(Key(p)))]));
        }

        FetchSized(groups);

        // The other calls: fingerprinted once, formatted and (after the exchange) parsed on every core, in call order.
        var rest = requests.Where((_, k) => batchable[k].Family is null).ToList();
        var keys = new CallKey[rest.Count];
        Parallel.For(0, rest.Count, k => keys[k] = CallKey.Of(rest[k]));
        var unique = Enumerable.Range(0, rest.Count).DistinctBy(k => keys[k]).Where(k => !calls.ContainsKey(keys[k])).ToArray();
        var lines = new Outgoing[unique.Length];
        Parallel.For(0, unique.Length, k => lines[k] = Outgoing.Of(rest[unique[k]]));
        var responses = Exchange([.. lines]);
        var answers = new object[unique.Length];
        Parallel.For(0, unique.Length, k => answers[k] = rest[unique[k]].Accept(new Reader(responses[k])));
        for (int k = 0; k < unique.Length; k++)
        {
            calls[keys[unique[k]]] = answers[k];
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        process?.Dispose();
        process = null;
    }

    /// <summary>Why the sandbox ended the subject with this exit code (a phrase after the code), or "".</summary>
    private string Explain(int code) => sandbox?.Explain(code) ?? "";

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A point's cache key: its one number's bits, or (for a vector) a 128-bit fingerprint of its entries.</summary>
    private static CallKey Key(double[] point) => point.Length == 1
        ? new CallKey((ulong)BitConverter.DoubleToInt64Bits(point[0]), 0)
        : CallKey.Of(new LogSumExpCall([point]));

    private static string Excerpt(string text) => ProtocolJson.Excerpt(text);

    /// <summary>The first 40 characters of a line too long: what it is made of, not a screenful of it.</summary>
    private static string Beginning(string text) => text.Length <= 40 ? text : $"{text[..40]}…";

    /// <summary>The family of a scalar request: its function, value or derivative, and parameters (as round-trip text).</summary>
    private Family ScalarFamily(ScalarQuery q) =>
        FamilyOf((q.Function, q.Derivative, string.Join(";", (q.Parameters ?? new Dictionary<string, double>()).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value.ToString("R", CultureInfo.InvariantCulture)}"))),
            points => q with { X = [.. points.Select(p => p[0])] });

    private Family LabelFamily(bool derivative, double y) =>
        FamilyOf(("label-logistic", derivative, $"y={y.ToString("R", CultureInfo.InvariantCulture)}"), points => new LabelLogisticCall(derivative, [.. points.Select(p => p[0])], y));

    private Family LseFamily() => FamilyOf(("logsumexp", false, ""), points => new LogSumExpCall(points));

    private Family FamilyOf((string, bool, string) key, Func<double[][], SheetCall> request)
    {
        if (!families.TryGetValue(key, out var f))
        {
            families[key] = f = new Family(request);
        }

        return f;
    }

    /// <summary>A call whose points can be merged with others into one request: its family and points.</summary>
    private (Family? Family, double[][] Points) Batchable(SheetCall call) => call switch
    {
        ScalarQuery q => (ScalarFamily(q), [.. q.X.Select(x => new[] { x })]),
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
            return known.Error is { } e ? Failed(known) : Answer.Of<double[]>([known.Value]); // the common case: one cached point
        }

        var missing = points.Where(p => !family.Results.ContainsKey(Key(p))).DistinctBy(Key).ToArray();
        if (missing.Length > 0)
        {
            FetchSized([(family, missing)]);
        }

        if (family.NotImplemented)
        {
            return Answer.NotImplemented<double[]>();
        }

        var values = new double[points.Length];
        for (int k = 0; k < points.Length; k++)
        {
            var r = family.Results[Key(points[k])];
            if (r.Error is not null)
            {
                return Failed(r);
            }

            values[k] = r.Value;
        }

        return Answer.Of(values);
    }

    /// <summary>Fetches the points of each family in batches of the size the subject's speed allows
    /// (<see cref="BatchSizer"/>). A family not yet timed sends its first <see cref="BatchSizer.FirstBatch"/> points
    /// alone first, with the other families' batches, and its other points once that answer has sized them: no batch is
    /// sized by a guess.</summary>
    private void FetchSized(List<(Family Family, double[][] Points)> groups)
    {
        var first = new List<(Family Family, double[][] Points)>();
        var later = new List<(Family Family, double[][] Points)>();
        foreach (var (family, points) in groups.Where(g => g.Points.Length > 0))
        {
            if (sizer.Timed(family))
            {
                first.AddRange(points.Chunk(sizer.Size(family)).Select(chunk => (family, chunk)));
            }
            else
            {
                first.Add((family, points[..Math.Min(points.Length, BatchSizer.FirstBatch)]));
                later.Add((family, points[Math.Min(points.Length, BatchSizer.FirstBatch)..]));
            }
        }

        Fetch(first);
        Fetch([.. later.Where(g => g.Points.Length > 0 && !g.Family.NotImplemented)
            .SelectMany(g => g.Points.Chunk(sizer.Size(g.Family)).Select(chunk => (g.Family, chunk)))]);
    }

    /// <summary>Sends the batches together; a batch answered with an error is split in halves and asked again, a batch
    /// lost to a crash, a hang or junk is asked again point by point, so that one bad point does not fail its neighbours;
    /// single points keep their own error. A batch as first sent whose error answer (or wrong shape) its halves and a few
    /// of its points alone repeat is answered with that error at every point (<see cref="WholeBatchError"/>), without
    /// halving further.</summary>
    private void Fetch(List<(Family Family, double[][] Points)> batches) =>
        Fetch([.. batches.Select(b => new Batch(b.Family, b.Points, First: true))]);

    private void Fetch(List<Batch> batches)
    {
        while (batches.Count > 0)
        {
            var lines = batches.Select(b => Outgoing.Of(b.Family.Request(b.Points))).ToList();
            var answers = Exchange(lines);
            var retry = new List<Batch>();
            var errors = new List<(Batch Batch, string Error, bool Subjects, bool Shape)>();
            for (int k = 0; k < batches.Count; k++)
            {
                var (family, points, _, test) = batches[k];
                var answer = Decode(answers[k], ProtocolJson.ReadNumbers);
                if (answers[k].Seconds is { } seconds)
                {
                    sizer.Observe(family, points.Length, seconds, answers[k].Failure is not null);
                }

                bool shape = answer.Kind == AnswerKind.Value && answer.Value!.Length != points.Length;
                bool subjects = shape || (answer.Kind == AnswerKind.Error && answers[k].Failure is null);
                string? error = shape
                    ? $"wrong shape: {points.Length} input{(points.Length == 1 ? " needs 1 value" : $"s need {points.Length} values")}; got {answer.Value!.Length}"
                    : answer.Message;
                test?.Saw(subjects ? error : null, shape, points.Length);

                if (answer.Kind == AnswerKind.NotImplemented)
                {
                    family.NotImplemented = true;
                    continue;
                }

                if (answer.Kind == AnswerKind.Value && !shape)
                {
                    for (int p = 0; p < points.Length; p++)
                    {
                        family.Results[Key(points[p])] = new PointResult(answer.Value![p], null, false);
                    }

                    continue;
                }

                if (points.Length > 1 && answers[k].Failure is not null)
                {
                    // The subject died, hung or printed junk on this batch: ask each point alone (pipelined), so that
                    // the failure lands on the points that cause it and the rest get their answers.
                    retry.AddRange(points.Select(p => new Batch(family, [p])));
                }
                else if (points.Length > 1)
                {
                    errors.Add((batches[k], error!, subjects, shape)); // halved, or decided by its test, once every answer is in
                }
                else
                {
                    family.Results[Key(points[0])] = new PointResult(double.NaN, error!, answer.Kind == AnswerKind.NotAsked);
                }
            }

            foreach (var test in batches.Select(b => b.Test).OfType<WholeBatchError>().Distinct().Where(t => t.Holds))
            {
                var family = batches.First(b => b.Test == test).Family;
                foreach (var p in test.Points)
                {
                    family.Results[Key(p)] = new PointResult(double.NaN, test.Message, false);
                }
            }

            foreach (var (batch, error, subjects, shape) in errors.Where(e => e.Batch.Test is not { Holds: true }))
            {
                if (batch.First && subjects && batch.Points.Length > WholeBatchError.SpotPoints)
                {
                    // The whole batch answered an error: the same error from its halves and a few points alone is every point's.
                    var test = new WholeBatchError(error, batch.Points, shape);
                    retry.AddRange(test.Requests.Select(r => new Batch(batch.Family, r, Test: test)));
                }
                else
                {
                    // An error answer for the batch: halve it, so that one bad point does not fail its neighbours.
                    int half = batch.Points.Length / 2;
                    retry.Add(new Batch(batch.Family, batch.Points[..half]));
                    retry.Add(new Batch(batch.Family, batch.Points[half..]));
                }
            }

            batches = retry;
        }
    }

    /// <summary>Points of one family asked in one request: as first sent (<paramref name="First"/>), or a part of a
    /// batch, maybe one of the requests that test a whole batch's error.</summary>
    private sealed record Batch(Family Family, double[][] Points, bool First = false, WholeBatchError? Test = null);

    /// <summary>A call's answer: from the cache (parsed once), or asked now.</summary>
    private Answer<T> Call<T>(SheetCall<T> call, Func<JsonElement, T> read)
    {
        var key = CallKey.Of(call);
        if (calls.TryGetValue(key, out object? cached))
        {
            return (Answer<T>)cached;
        }

        var answer = Decode(Exchange([Outgoing.Of(call)])[0], read);
        calls[key] = answer;
        return answer;
    }

    /// <summary>Reads a response: a failure of the exchange (its message says what happened; not asked when the
    /// request was refused), or the line as <see cref="ProtocolJson.ReadAnswer"/> reads it.</summary>
    private static Answer<T> Decode<T>(Response response, Func<JsonElement, T> read) =>
        response.Failure is not { } failure ? ProtocolJson.ReadAnswer(response.Line!, read)
        : response.NotAsked ? Answer.NotAsked<T>(failure)
        : Answer.Error<T>(failure);

    /// <summary>What came back for one request line: the subject's line, or why there is none (a timeout, an exit, a
    /// line that is not JSON), with whether the request was not sent at all, and the seconds the answer took (from the
    /// previous answer, or from the sending; the timeout when it timed out; none when the subject failed otherwise).</summary>
    private readonly record struct Response(string? Line, string? Failure, bool NotAsked, double? Seconds = null);

    /// <summary>A request line and how many values its answer has (which bounds the answer's length).</summary>
    private readonly record struct Outgoing(string Line, long Values)
    {
        public static Outgoing Of(SheetCall call) => new(ProtocolJson.Request(call), AnswerBounds.Values(call));
    }

    /// <summary>Decodes a response as the value type of the call it answers.</summary>
    private sealed class Reader(Response response) : ISheetCallVisitor<object>
    {
        public object Scalar(ScalarQuery query) => Decode(response, ProtocolJson.ReadNumbers);

        public object LabelLogistic(LabelLogisticCall call) => Decode(response, ProtocolJson.ReadNumbers);

        public object LogSumExp(LogSumExpCall call) => Decode(response, ProtocolJson.ReadNumbers);

        public object Affine(AffineCall call) => Decode(response, ProtocolJson.ReadNumbers);

        public object AffinePartial(AffinePartialQuery query) => Decode(response, ProtocolJson.ReadNumbers);

        public object Network(NetworkQuery query) => Decode(response, ProtocolJson.ReadNetwork);

        public object GdStep(StepQuery query) => Decode(response, ProtocolJson.ReadStep);
    }

    /// <summary>Sends the lines and collects one response line each, in order. A timeout, the subject's exit, a line
    /// longer than the request's bound (<see cref="AnswerBounds"/>), or a line that is not a JSON object fails that request (recorded as a failure line), kills the subject, and the
    /// requests after it are sent again to a new one. A function that failed <see cref="MaxFailuresPerFunction"/> times
    /// is not asked again (its requests fail at once with the last reason), and after <see cref="MaxRestarts"/> restarts
    /// no request is: a subject that hangs or crashes everywhere ends the run in seconds.</summary>
    private List<Response> Exchange(List<Outgoing> lines)
    {
        var answers = new Response?[lines.Count];
        int answered = 0;
        while (answered < lines.Count)
        {
            var pending = new List<int>();
            for (int k = 0; k < lines.Count; k++)
            {
                if (answers[k] is not null)
                {
                    continue;
                }

                string fn = FunctionOf(lines[k].Line);
                string? refusal = cannotRestart ?? (Restarts >= MaxRestarts
                    ? $"the subject was restarted {MaxRestarts} times in this run; {NotAskedAgain} (last: {lastFailure})"
                    : failures.TryGetValue(fn, out var f) && (f.Timeouts >= MaxTimeoutsPerFunction || f.Others >= MaxFailuresPerFunction)
                        ? $"{fn} failed {f.Timeouts + f.Others} times; {NotAskedAgain} (last: {f.Last})"
                        : null);
                if (refusal is not null)
                {
                    answers[k] = new Response(null, refusal, true);
                    answered++;
                }
                else
                {
                    pending.Add(k);
                }
            }

            if (pending.Count == 0)
            {
                break;
            }

            if (process is null && !Restart())
            {
                continue; // every pending request is refused with the reason on the next pass
            }

            process!.Send(pending.Select(k => (lines[k].Line, AnswerBounds.Characters(lines[k].Values))));
            RequestsSent += pending.Count;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var previous = TimeSpan.Zero;
            foreach (int k in pending)
            {
                string? failure = null;
                string? line = null;
                bool timedOut = false;
                double? took = null;
                string request = Excerpt(lines[k].Line);
                try
                {
                    var answer = process.Receive(timeout);
                    line = answer.Text;
                    var now = clock.Elapsed;
                    took = (now - previous).TotalSeconds;
                    previous = now;
                    if (answer.TooLong)
                    {
                        // Not read further, nor anything after it: the answers are out of step, as after junk.
                        failure = $"{AnswerBounds.TooLong(lines[k].Values)}; it begins \"{Beginning(line!)}\" (in answer to {request})";
                    }
                }
                catch (TimeoutException)
                {
                    failure = $"no answer within {Seconds(timeout)} s (--timeout) to {request}";
                    timedOut = true;
                    took = timeout.TotalSeconds;
                }

                if (failure is null && line is null)
                {
                    string[] tail = process.ErrorTail;
                    failure = $"the subject exited{(process.ExitCode is { } code ? $" (code {code}{Explain(code)})" : "")} while answering {request}" +
                        (tail.Length > 0 ? $"; its last lines on standard error: {string.Join(" | ", tail)}" : "");
                }
                else if (failure is null && !line!.TrimStart().StartsWith('{'))
                {
                    failure = $"the subject printed a line that is not a JSON object: \"{Excerpt(line)}\" (in answer to {request}); " +
                        "print nothing but the answers on standard output (use standard error for debugging)";
                }

                answered++;
                if (failure is not null)
                {
                    answers[k] = new Response(null, failure, false, timedOut ? took : null);
                    lastFailure = failure;
                    string fn = FunctionOf(lines[k].Line);
                    var (timeouts, others, _) = failures.GetValueOrDefault(fn, (0, 0, ""));
                    failures[fn] = timedOut ? (timeouts + 1, others, failure) : (timeouts, others + 1, failure);
                    process.Kill();
                    process = null;
                    break;
                }

                answers[k] = new Response(line!, null, false, took);
            }
        }

        return [.. answers.Select(a => a!.Value)];
    }

    /// <summary>Starts the subject again and waits for its answer to the probe (up to <see cref="StartupTimeout"/>), so
    /// that the start-up is not charged to the next request's --timeout. The answer must be a JSON object, as at the first
    /// start: any other line would shift every later answer by one request.</summary>
    /// <returns>Whether it answered; when not, every further request fails with the reason.</returns>
    private bool Restart()
    {
        Restarts++;
        process = new SubjectProcess(launched, sandbox);
        process.Send([ProbeRequest]);
        RequestsSent++;
        BoundedLine answer = default;
        bool timedOut = false;
        try
        {
            answer = process.Receive(StartupTimeout);
        }
        catch (TimeoutException)
        {
            timedOut = true;
        }

        if (answer is { TooLong: false, Text: { } line } && line.TrimStart().StartsWith('{'))
        {
            return true;
        }

        string[] tail = process.ErrorTail;
        string what = answer.TooLong ? $"answered σ(0) with a line too long ({AnswerBounds.TooLong(1)})"
            : answer.Text is not null ? $"answered σ(0) with a line that is not a JSON object (\"{Excerpt(answer.Text)}\")"
            : timedOut ? $"did not answer σ(0) within {Seconds(StartupTimeout)} s"
            : $"exited{(process.ExitCode is { } code ? $" (code {code}{Explain(code)})" : "")} before answering σ(0)" + (tail.Length > 0 ? $": {Excerpt(tail[^1])}" : "");
        cannotRestart = $"the subject {what} after a restart; {NotAskedAgain} (last: {lastFailure})";
        process.Kill();
        process = null;
        return false;
    }

    /// <summary>The "fn" of a request line as <see cref="ProtocolJson.Request"/> writes it: its first member.</summary>
    private static string FunctionOf(string line)
    {
        const string prefix = "{\"fn\":\"";
        int end = line.IndexOf('"', prefix.Length);
        return line.StartsWith(prefix, StringComparison.Ordinal) && end > 0 ? line[prefix.Length..end] : "";
    }

    /// <summary>A point's value, or the error its request got (not asked, when it was refused).</summary>
    private sealed record PointResult(double Value, string? Error, bool NotAsked);

    private static Answer<double[]> Failed(PointResult r) => r.NotAsked ? Answer.NotAsked<double[]>(r.Error!) : Answer.Error<double[]>(r.Error!);

    private sealed class Family(Func<double[][], SheetCall> request)
    {
        public Func<double[][], SheetCall> Request { get; } = request;

        public Dictionary<CallKey, PointResult> Results { get; } = [];

        public bool NotImplemented { get; set; }
    }
}
