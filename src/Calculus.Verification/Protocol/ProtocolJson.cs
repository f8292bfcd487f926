using System.Globalization;
using System.Text;
using System.Text.Json;
using Calculus.Functions;
using Calculus.Verification.Sheet;
using FsCheck.Fluent;

namespace Calculus.Verification.Protocol;

/// <summary>A request or response line that does not follow the protocol.</summary>
internal sealed class ProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProtocolException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the line.</param>
    public ProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the line.</param>
    /// <param name="inner">The cause.</param>
    public ProtocolException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Whether the line is JSON of the protocol but a value in it has the wrong shape: an array where a number
    /// belongs or the reverse, a string, null or an object for a number, a member missing.</summary>
    public bool WrongShape { get; init; }
}

/// <summary>The JSON of the protocol (docs/protocol.md, version 1): requests and responses, one object per line.
/// Numbers are JSON numbers in their shortest round-trip form; the non-finite ones are written as the bare tokens
/// <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c> (as Python's json module writes them), and read from those tokens or
/// from the strings "NaN", "Infinity", "-Infinity".</summary>
internal static class ProtocolJson
{
    /// <summary>The protocol's version.</summary>
    public const int Version = 1;

    /// <summary>The request line of a sheet call.</summary>
    /// <param name="call">The call.</param>
    /// <returns>One line of JSON.</returns>
    public static string Request(SheetCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var w = new Writer();
        w.Name("fn").String(call.Function);
        call.Accept(new RequestWriter(w));
        return w.End();
    }

    /// <summary>Writes each call's arguments after its "fn".</summary>
    private sealed class RequestWriter(Writer w) : ISheetCallVisitor<Writer>
    {
        public Writer Scalar(ScalarQuery query)
        {
            w.Name("derivative").Bool(query.Derivative).Name("x").Numbers(query.X);
            foreach (var (name, value) in ParametersInOrder(query))
            {
                w.Name(name).Number(value);
            }

            return w;
        }

        public Writer LabelLogistic(LabelLogisticCall call) => w.Name("derivative").Bool(call.Derivative).Name("x").Numbers(call.A).Name("y").Number(call.Y);

        public Writer LogSumExp(LogSumExpCall call) => w.Name("a").Rows(call.Vectors);

        public Writer Affine(AffineCall call) => w.Name("W").Rows(call.W).Name("b").Numbers(call.B).Name("x").Numbers(call.X);

        public Writer AffinePartial(AffinePartialQuery query)
        {
            w.Name("W").Rows(query.W).Name("b").Numbers(query.B).Name("x").Numbers(query.X).Name("wrt").String(query.Wrt).Name("i").Integer(query.I);
            return query.Wrt == "W" ? w.Name("j").Integer(query.J) : w;
        }

        public Writer Network(NetworkQuery query) =>
            w.Name("W").Rows(query.W).Name("b").Numbers(query.B).Name("w").Numbers(query.Wout).Name("x").Numbers(query.X).Name("y").Number(query.Y)
                .Name("activation").String(query.Activation).Name("loss").String(query.Loss);

        public Writer GdStep(StepQuery query) =>
            w.Name("W").Rows(query.W).Name("b").Numbers(query.B).Name("w").Numbers(query.Wout).Name("X").Rows(query.Xs).Name("Y").Numbers(query.Ys)
                .Name("lr").Number(query.LearningRate).Name("activation").String(query.Activation).Name("loss").String(query.Loss);
    }

    /// <summary>Parses a request line into its query or call record.</summary>
    /// <param name="line">The line.</param>
    /// <returns>A <see cref="ScalarQuery"/>, <see cref="LabelLogisticCall"/>, <see cref="LogSumExpCall"/>,
    /// <see cref="AffineCall"/>, <see cref="AffinePartialQuery"/>, <see cref="NetworkQuery"/> or <see cref="StepQuery"/>.</returns>
    /// <exception cref="ProtocolException">The line is not a request of this protocol; the message says why.</exception>
    public static SheetCall ParseRequest(string line)
    {
        using var doc = Parse(line, "request");
        var o = doc.RootElement;
        string fn = Text(o, "fn");
        return fn switch
        {
            "label-logistic" => new LabelLogisticCall(Bool(o, "derivative"), Numbers(o, "x"), Number(o, "y")),
            "logsumexp" => new LogSumExpCall(Rows(o, "a")),
            "affine" => new AffineCall(Rows(o, "W"), Numbers(o, "b"), Numbers(o, "x")),
            "affine-partial" => new AffinePartialQuery(Rows(o, "W"), Numbers(o, "b"), Numbers(o, "x"), Text(o, "wrt"), Integer(o, "i"), o.TryGetProperty("j", out _) ? Integer(o, "j") : 0),
            "network" => new NetworkQuery(Rows(o, "W"), Numbers(o, "b"), Numbers(o, "w"), Numbers(o, "x"), Number(o, "y"),
                OptionalText(o, "activation") ?? "sigmoid", OptionalText(o, "loss") ?? "logistic"),
            "gd-step" => new StepQuery(Rows(o, "W"), Numbers(o, "b"), Numbers(o, "w"), Rows(o, "X"), Numbers(o, "Y"), Number(o, "lr"),
                OptionalText(o, "activation") ?? "sigmoid", OptionalText(o, "loss") ?? "logistic"),
            _ when SheetFunctions.Names.Contains(fn) => new ScalarQuery(fn, Bool(o, "derivative"), Numbers(o, "x"), ScalarParameters(o)),
            _ => throw new ProtocolException($"unknown fn \"{fn}\""),
        };
    }

    /// <summary>The parameter names of the scalar functions (PLU's "alpha" and "c"), read from a request wherever they
    /// appear: the sheet answers one given to a function that does not take it with an error.</summary>
    private static readonly string[] ScalarParameterNames = [.. Catalog.All.SelectMany(f => f.Parameters).Select(p => p.Name).Distinct()];

    private static Dictionary<string, double>? ScalarParameters(JsonElement o)
    {
        var given = ScalarParameterNames.Where(name => o.TryGetProperty(name, out _)).ToDictionary(name => name, name => Number(o, name), StringComparer.Ordinal);
        return given.Count == 0 ? null : given;
    }

    /// <summary>A request's parameters in the order of the catalog (then any other, by name).</summary>
    private static IEnumerable<(string Name, double Value)> ParametersInOrder(ScalarQuery q) =>
        (q.Parameters ?? new Dictionary<string, double>())
            .OrderBy(p => Array.IndexOf(ScalarParameterNames, p.Key) is var k and >= 0 ? k : int.MaxValue)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (p.Key, p.Value));

    /// <summary>Answers a request with a sheet.</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="call">The parsed request.</param>
    /// <returns>The response line.</returns>
    public static string Answer(ISheet sheet, SheetCall call)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(call);
        return call.Accept(new Responder(sheet));
    }

    /// <summary>Each call answered by the sheet, the answer written as a response line.</summary>
    private sealed class Responder(ISheet sheet) : ISheetCallVisitor<string>
    {
        public string Scalar(ScalarQuery query) => Response(sheet.Ask(query), Numbers);

        public string LabelLogistic(LabelLogisticCall call) => Response(sheet.Ask(call), Numbers);

        public string LogSumExp(LogSumExpCall call) => Response(sheet.Ask(call), Numbers);

        public string Affine(AffineCall call) => Response(sheet.Ask(call), Numbers);

        public string AffinePartial(AffinePartialQuery query) => Response(sheet.Ask(query), Numbers);

        public string Network(NetworkQuery query) => Response(sheet.Ask(query), (w, a) =>
        {
            w.Object();
            if (a.Loss is { } loss)
            {
                w.Name("loss").Number(loss);
            }

            if (a.DWeights is { } dW)
            {
                w.Name("dW").Rows(dW);
            }

            if (a.DBias is { } db)
            {
                w.Name("db").Numbers(db);
            }

            if (a.DOutputWeights is { } dw)
            {
                w.Name("dw").Numbers(dw);
            }

            if (a.DInput is { } dx)
            {
                w.Name("dx").Numbers(dx);
            }

            w.Close();
        });

        public string GdStep(StepQuery query) =>
            Response(sheet.Ask(query), (w, a) => w.Object().Name("W").Rows(a.W).Name("b").Numbers(a.B).Name("w").Numbers(a.Wout).Close());
    }

    /// <summary>An error response.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The line.</returns>
    public static string Error(string message) => new Writer().Name("error").String(message).End();

    /// <summary>Reads a response line: the value by <paramref name="read"/>, or the error.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="line">The line.</param>
    /// <param name="read">Reads the "value" member.</param>
    /// <returns>The answer; "not implemented" for the error message "not implemented".</returns>
    /// <exception cref="ProtocolException">The line is not a response of this protocol, or its value has the wrong shape
    /// (then <see cref="ProtocolException.WrongShape"/>, and the message begins "wrong shape: ").</exception>
    public static Answer<T> ParseResponse<T>(string line, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        using var doc = Parse(line, "response");
        var o = doc.RootElement;
        if (o.TryGetProperty("error", out var error))
        {
            string message = error.ValueKind == JsonValueKind.String ? error.GetString()! : error.GetRawText();
            return message.Trim().Equals(Sheet.Answer.NotImplementedMessage, StringComparison.OrdinalIgnoreCase)
                ? Sheet.Answer.NotImplemented<T>()
                : Sheet.Answer.Error<T>(message);
        }

        if (!o.TryGetProperty("value", out var value))
        {
            throw new ProtocolException("a response needs \"value\" or \"error\"");
        }

        try
        {
            return Sheet.Answer.Of(read(value));
        }
        catch (ProtocolException e) when (e.WrongShape)
        {
            throw new ProtocolException($"wrong shape: {e.Message}", e) { WrongShape = true };
        }
    }

    /// <summary>Reads a subject's response line as the checks receive it, never throwing: the value, "not implemented",
    /// or an error saying what the subject did: its own error ("the subject answered an error: …"), a value of the wrong
    /// shape ("wrong shape: …"), or a line that breaks the protocol; the last two quote the line.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="line">The line.</param>
    /// <param name="read">Reads the "value" member.</param>
    /// <returns>The answer.</returns>
    public static Answer<T> ReadAnswer<T>(string line, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            var answer = ParseResponse(line, read);
            return answer.Kind == AnswerKind.Error ? Sheet.Answer.Error<T>($"the subject answered an error: {answer.Message}") : answer;
        }
        catch (ProtocolException e)
        {
            return Sheet.Answer.Error<T>(e.WrongShape ? $"{e.Message}, in the answer {Excerpt(line)}" : $"an answer that breaks the protocol ({e.Message}): {Excerpt(line)}");
        }
    }

    /// <summary>Reads an array of numbers.</summary>
    /// <param name="e">The element.</param>
    /// <returns>The numbers.</returns>
    public static double[] ReadNumbers(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw Shape($"expected an array of numbers, got {Kind(e)}");
        }

        var values = new double[e.GetArrayLength()];
        int k = 0;
        foreach (var v in e.EnumerateArray())
        {
            values[k++] = ReadNumber(v);
        }

        return values;
    }

    /// <summary>Reads an array of arrays of numbers.</summary>
    /// <param name="e">The element.</param>
    /// <returns>The rows.</returns>
    public static double[][] ReadRows(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw Shape($"expected an array of rows, got {Kind(e)}");
        }

        var rows = new double[e.GetArrayLength()][];
        int k = 0;
        foreach (var row in e.EnumerateArray())
        {
            rows[k++] = ReadNumbers(row);
        }

        return rows;
    }

    /// <summary>Reads the network's answer: "loss" and the gradient blocks it gives.</summary>
    /// <param name="e">The element.</param>
    /// <returns>The answer.</returns>
    public static NetworkAnswer ReadNetwork(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Shape($"the network's value must be an object {{\"loss\", \"dW\", \"db\", \"dw\", \"dx\"}}, got {Kind(e)}");
        }

        return new NetworkAnswer(
            e.TryGetProperty("loss", out _) ? In(e, "loss", ReadNumber) : null,
            e.TryGetProperty("dW", out _) ? In(e, "dW", ReadRows) : null,
            e.TryGetProperty("db", out _) ? In(e, "db", ReadNumbers) : null,
            e.TryGetProperty("dw", out _) ? In(e, "dw", ReadNumbers) : null,
            e.TryGetProperty("dx", out _) ? In(e, "dx", ReadNumbers) : null);
    }

    /// <summary>Reads a gradient step's answer {"W", "b", "w"}.</summary>
    /// <param name="e">The element.</param>
    /// <returns>The answer.</returns>
    public static StepAnswer ReadStep(JsonElement e) => e.ValueKind == JsonValueKind.Object
        ? new StepAnswer(In(e, "W", ReadRows), In(e, "b", ReadNumbers), In(e, "w", ReadNumbers))
        : throw Shape($"the step's value must be an object {{\"W\", \"b\", \"w\"}}, got {Kind(e)}");

    /// <summary>A number, or one of the strings "NaN", "Infinity", "-Infinity".</summary>
    /// <param name="e">The element.</param>
    /// <returns>The number.</returns>
    public static double ReadNumber(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.TryGetDouble(out double v) && double.IsFinite(v) ? v : throw new ProtocolException($"the number {e.GetRawText()} is out of the range of a double"),
        JsonValueKind.String => e.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => throw Shape($"expected a number, got the string \"{s}\""),
        },
        _ => throw Shape($"expected a number, got {Kind(e)}"),
    };

    /// <summary>The line with the bare tokens NaN, Infinity, -Infinity (outside strings) quoted, so that a strict JSON
    /// parser reads them; everything else unchanged.</summary>
    /// <param name="line">The line.</param>
    /// <returns>Strict JSON.</returns>
    public static string QuoteNonFinite(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.Contains("NaN", StringComparison.Ordinal) && !line.Contains("Infinity", StringComparison.Ordinal))
        {
            return line;
        }

        var sb = new StringBuilder(line.Length + 16);
        bool inString = false;
        for (int k = 0; k < line.Length; k++)
        {
            char c = line[k];
            if (inString)
            {
                sb.Append(c);
                if (c == '\\' && k + 1 < line.Length)
                {
                    sb.Append(line[++k]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '"')
            {
                inString = true;
                sb.Append(c);
                continue;
            }

            string? token = Token(line, k, "NaN") ?? Token(line, k, "Infinity") ?? Token(line, k, "-Infinity");
            if (token is not null)
            {
                sb.Append('"').Append(token).Append('"');
                k += token.Length - 1;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string? Token(string line, int at, string token) =>
        string.CompareOrdinal(line, at, token, 0, token.Length) == 0 ? token : null;

    /// <summary>A line is read no deeper than the protocol's deepest shape allows: a 100,000-deep array is refused at its
    /// sixth bracket, not read into a tree.</summary>
    private static readonly JsonDocumentOptions Bounded = new() { MaxDepth = AnswerBounds.MaxDepth };

    private static JsonDocument Parse(string line, string what)
    {
        try
        {
            var doc = JsonDocument.Parse(QuoteNonFinite(line), Bounded);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                doc.Dispose();
                throw new ProtocolException($"a {what} must be a JSON object");
            }

            return doc;
        }
        catch (JsonException e) when (TooDeep(line))
        {
            throw new ProtocolException($"nested deeper than the protocol's shapes (more than {AnswerBounds.MaxDepth} levels of arrays and objects)", e);
        }
        catch (JsonException e)
        {
            throw new ProtocolException($"not JSON ({e.Message.Split(" Path:")[0].Split(" LineNumber")[0].TrimEnd('.', ' ')})", e);
        }
    }

    /// <summary>Whether the brackets of the line (outside strings) nest deeper than <see cref="AnswerBounds.MaxDepth"/>:
    /// the reason a parse failed, told in the protocol's words.</summary>
    private static bool TooDeep(string line)
    {
        int depth = 0;
        bool inString = false;
        for (int k = 0; k < line.Length; k++)
        {
            char c = line[k];
            if (inString)
            {
                k += c == '\\' ? 1 : 0;
                inString = c != '"';
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '[' or '{' && ++depth > AnswerBounds.MaxDepth)
            {
                return true;
            }
            else if (c is ']' or '}')
            {
                depth--;
            }
        }

        return false;
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => $"the string \"{e.GetString()}\"",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        _ => "null",
    };

    private static ProtocolException Shape(string message) => new(message) { WrongShape = true };

    /// <summary>The line, cut to 160 characters for a message.</summary>
    internal static string Excerpt(string text) => text.Length <= 160 ? text : $"{text[..157]}…";

    private static JsonElement Member(JsonElement o, string name) =>
        o.TryGetProperty(name, out var e) ? e : throw Shape($"\"{name}\" is missing");

    /// <summary>A member read by <paramref name="read"/>, a failure naming the member.</summary>
    private static T In<T>(JsonElement o, string name, Func<JsonElement, T> read)
    {
        var e = Member(o, name);
        try
        {
            return read(e);
        }
        catch (ProtocolException x)
        {
            throw new ProtocolException($"\"{name}\": {x.Message}", x) { WrongShape = x.WrongShape };
        }
    }

    private static string Text(JsonElement o, string name) =>
        Member(o, name) is { ValueKind: JsonValueKind.String } e ? e.GetString()! : throw new ProtocolException($"\"{name}\" must be a string");

    private static string? OptionalText(JsonElement o, string name) =>
        o.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null ? Text(o, name) : null;

    private static bool Bool(JsonElement o, string name) => o.TryGetProperty(name, out var e)
        ? e.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => throw new ProtocolException($"\"{name}\" must be true or false") }
        : false;

    private static int Integer(JsonElement o, string name) =>
        Member(o, name) is { ValueKind: JsonValueKind.Number } e && e.TryGetInt32(out int v) ? v : throw new ProtocolException($"\"{name}\" must be an integer");

    private static double Number(JsonElement o, string name) => ReadNumber(Member(o, name));

    private static double[] Numbers(JsonElement o, string name) => ReadNumbers(Member(o, name));

    private static double[][] Rows(JsonElement o, string name) => ReadRows(Member(o, name));

    private static string Response<T>(Answer<T> answer, Action<Writer, T> write)
    {
        if (answer.Kind != AnswerKind.Value)
        {
            return Error(answer.Message ?? Sheet.Answer.NotImplementedMessage);
        }

        var w = new Writer().Name("value");
        write(w, answer.Value!);
        return w.End();
    }

    private static void Numbers(Writer w, double[] values) => w.Numbers(values);

    /// <summary>A minimal writer of one JSON object on one line, doubles in their shortest round-trip form (with ".0"
    /// when it is a whole number, so that every reader gives a float) and the non-finite ones as bare tokens (which
    /// System.Text.Json cannot write).</summary>
    private sealed class Writer
    {
        private readonly StringBuilder sb = new StringBuilder(256).Append('{');
        private bool first = true;

        public Writer Name(string name)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            return Quoted(name).Append(":");
        }

        public Writer String(string value) => Quoted(value);

        public Writer Bool(bool value) => Append(value ? "true" : "false");

        public Writer Integer(int value) => Append(value.ToString(CultureInfo.InvariantCulture));

        public Writer Number(double v)
        {
            if (!double.IsFinite(v))
            {
                return Append(double.IsNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
            }

            Span<char> text = stackalloc char[32]; // the shortest round-trip form, without a string per number
            v.TryFormat(text, out int written, default, CultureInfo.InvariantCulture);
            sb.Append(text[..written]);

            // A whole number (0, -0, 1000) gets ".0": JSON readers such as Python's read "0" as an integer, and numpy keeps
            // integer types (np.maximum(0, 0) is an int64). With a point or an exponent ("1E-05") every reader gives a float.
            return text[..written].IndexOfAny('.', 'E') < 0 ? Append(".0") : this;
        }

        public Writer Numbers(double[] values)
        {
            sb.EnsureCapacity(sb.Length + (24 * values.Length) + 2);
            sb.Append('[');
            for (int k = 0; k < values.Length; k++)
            {
                if (k > 0)
                {
                    sb.Append(',');
                }

                Number(values[k]);
            }

            return Append("]");
        }

        public Writer Rows(double[][] rows)
        {
            sb.Append('[');
            for (int k = 0; k < rows.Length; k++)
            {
                if (k > 0)
                {
                    sb.Append(',');
                }

                Numbers(rows[k]);
            }

            return Append("]");
        }

        public Writer Object()
        {
            sb.Append('{');
            first = true;
            return this;
        }

        public Writer Close()
        {
            sb.Append('}');
            first = false;
            return this;
        }

        public string End() => sb.Append('}').ToString();

        private Writer Append(string text)
        {
            sb.Append(text);
            return this;
        }

        private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private Writer Quoted(string text)
        {
            sb.Append(JsonSerializer.Serialize(text, Relaxed));
            return this;
        }
    }
}
