// The protocol loop of calculus verify (docs/protocol.md): one JSON request per line on standard input, one response
// line per request on standard output. Nothing to change here: your code goes into Sheet.cs. Print debugging output
// to standard error (Console.Error); standard output carries the answers.
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Solution;

var options = new JsonSerializerOptions
{
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // NaN and ±Infinity travel as "NaN", "Infinity"
};
var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
while (Console.In.ReadLine() is { } line)
{
    if (string.IsNullOrWhiteSpace(line))
    {
        continue;
    }

    string response;
    try
    {
        // Verify writes the bare tokens NaN, Infinity, -Infinity, which JSON parsers reject: quote them first.
        var request = JsonNode.Parse(Regex.Replace(line, @"(?<![""\w])(-?Infinity|NaN)(?![""\w])", "\"$1\""))!;
        response = JsonSerializer.Serialize(new { value = Protocol.Json(Protocol.Answer(request)) }, options);
    }
    catch (NotImplementedException)
    {
        response = "{\"error\": \"not implemented\"}";
    }
    catch (Exception e) // any other error fails the case it answers, with this message
    {
        response = JsonSerializer.Serialize(new { error = $"{e.GetType().Name}: {e.Message}" });
    }

    stdout.Write(response);
    stdout.Write('\n');
    stdout.Flush();
}

/// <summary>Dispatches a request to the member of <see cref="Sheet"/> it names.</summary>
internal static class Protocol
{
    private static readonly Dictionary<string, (Func<double, double> Value, Func<double, double> Derivative)> Scalars = new()
    {
        ["sigmoid"] = (Sheet.Sigmoid, Sheet.SigmoidDerivative),
        ["tanh"] = (Sheet.Tanh, Sheet.TanhDerivative),
        ["erf"] = (Sheet.Erf, Sheet.ErfDerivative),
        ["relu"] = (Sheet.Relu, Sheet.ReluDerivative),
        ["leaky-relu"] = (Sheet.LeakyRelu, Sheet.LeakyReluDerivative),
        ["sin"] = (Sheet.Sin, Sheet.SinDerivative),
        ["gaussian"] = (Sheet.Gaussian, Sheet.GaussianDerivative),
        ["softplus"] = (Sheet.Softplus, Sheet.SoftplusDerivative),
        ["logistic"] = (Sheet.Logistic, Sheet.LogisticDerivative),
        ["hinge"] = (Sheet.Hinge, Sheet.HingeDerivative),
        ["smooth-hinge"] = (Sheet.SmoothHinge, Sheet.SmoothHingeDerivative),
    };

    public static object Answer(JsonNode r)
    {
        string fn = (string)r["fn"]!;
        bool derivative = r["derivative"] is { } d && (bool)d;
        if (Scalars.TryGetValue(fn, out var f))
        {
            var g = derivative ? f.Derivative : f.Value;
            return Numbers(r["x"]).Select(g).ToArray();
        }

        return fn switch
        {
            "plu" => Numbers(r["x"]).Select(x => derivative ? Sheet.PluDerivative(x, Number(r["alpha"]), Number(r["c"])) : Sheet.Plu(x, Number(r["alpha"]), Number(r["c"]))).ToArray(),
            "label-logistic" => Numbers(r["x"]).Select(a => derivative ? Sheet.LabelLogisticDerivative(a, Number(r["y"])) : Sheet.LabelLogistic(a, Number(r["y"]))).ToArray(),
            "logsumexp" => Rows(r["a"]).Select(Sheet.LogSumExp).ToArray(),
            "affine" => Sheet.Affine(Rows(r["W"]), Numbers(r["b"]), Numbers(r["x"])),
            "affine-partial" => (string)r["wrt"]! switch
            {
                "W" => Sheet.AffinePartialW(Rows(r["W"]), Numbers(r["b"]), Numbers(r["x"]), (int)r["i"]!, (int)r["j"]!),
                "b" => Sheet.AffinePartialB(Rows(r["W"]), Numbers(r["b"]), Numbers(r["x"]), (int)r["i"]!),
                _ => Sheet.AffinePartialX(Rows(r["W"]), Numbers(r["b"]), Numbers(r["x"]), (int)r["i"]!),
            },
            "network" => Sheet.Network(Rows(r["W"]), Numbers(r["b"]), Numbers(r["w"]), Numbers(r["x"]), Number(r["y"]), Name(r["activation"], "sigmoid"), Name(r["loss"], "logistic")),
            "gd-step" => Sheet.GdStep(Rows(r["W"]), Numbers(r["b"]), Numbers(r["w"]), Rows(r["X"]), Numbers(r["Y"]), Number(r["lr"]), Name(r["activation"], "sigmoid"), Name(r["loss"], "logistic")),
            _ => throw new ArgumentException($"unknown fn {fn}"),
        };
    }

    /// <summary>The value with the protocol's keys: {"loss", "dW", "db", "dw", "dx"} without the blocks left null (dW
    /// and dw differ only in case), and {"W", "b", "w"}.</summary>
    public static object Json(object value) => value switch
    {
        NetworkResult r => new Dictionary<string, object?> { ["loss"] = r.Loss, ["dW"] = r.DW, ["db"] = r.Db, ["dw"] = r.Dw, ["dx"] = r.Dx }
            .Where(kv => kv.Value is not null).ToDictionary(),
        StepResult s => new Dictionary<string, object> { ["W"] = s.W, ["b"] = s.B, ["w"] = s.Wout },
        _ => value,
    };

    private static string Name(JsonNode? n, string fallback) => n is null ? fallback : (string)n!;

    private static double Number(JsonNode? n) => n!.GetValueKind() == JsonValueKind.String
        ? (string)n! switch { "NaN" => double.NaN, "Infinity" => double.PositiveInfinity, "-Infinity" => double.NegativeInfinity, var s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture) }
        : (double)n!;

    private static double[] Numbers(JsonNode? n) => [.. n!.AsArray().Select(Number)];

    private static double[][] Rows(JsonNode? n) => [.. n!.AsArray().Select(Numbers)];
}
