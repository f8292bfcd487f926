using System.CommandLine;
using System.Text;
using System.Text.Json;
using Calculus.Training;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Cli.Commands;

/// <summary>The network a user gives as JSON: {"W", "b", "w", "x", "y"} and the optional names "activation", "loss".</summary>
internal sealed record NetworkInput(
    Matrix<double> W, Vector<double> B, Vector<double> Wout, Vector<double> X, double Y, string? Activation, string? Loss);

/// <summary><c>calculus network [--input FILE|-] [--loss L] [--alpha A] [--c C]</c>: reads {"W", "b", "w", "x", "y",
/// "activation", "loss"} as JSON and prints {"loss", "z", "dW", "db", "dw", "dx"} with round-trip numbers.</summary>
internal static class NetworkCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Option<string>("--input", "-i")
        {
            Description = "The JSON file, or - for standard input (the default).",
            DefaultValueFactory = _ => "-",
        };
        var options = new NetworkOptions();
        var command = new Command("network", "Loss and gradient of the sheet-1f network given as JSON: {\"W\": [[...]], \"b\": [...], \"w\": [...], \"x\": [...], \"y\": 1, \"activation\": \"sigmoid\", \"loss\": \"logistic\"}.") { input };
        foreach (var option in options.All)
        {
            command.Add(option);
        }

        command.SetAction(parse =>
        {
            var (n, activation, loss) = Read(context, parse, input, options);
            var g = context.Gradient(n.W, n.B, n.Wout, n.X, n.Y, activation, loss);
            context.Output.WriteLine(Write(g));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The network of --input (a file, or - for standard input) with its activation and loss resolved:
    /// --loss over the field "loss", --alpha and --c bound to plu.</summary>
    internal static (NetworkInput Network, Activation Activation, IMarginLoss Loss) Read(
        CliContext context, ParseResult parse, Option<string> input, NetworkOptions options, string? activationOverride = null)
    {
        string path = parse.GetValue(input) ?? "-";
        var n = Parse(path == "-" ? context.Input.ReadToEnd() : ReadFile(path));
        var activation = options.ResolveActivation(parse, activationOverride ?? n.Activation ?? "sigmoid",
            activationOverride is null && n.Activation is not null ? "field activation" : "--activation");
        return (n, activation, options.ResolveLoss(parse, n.Loss));
    }

    private static string ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--input: no such file '{path}'");
        }

        return File.ReadAllText(path);
    }

    internal static NetworkInput Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new UsageException($"input is not valid JSON: {e.Message}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"input must be a JSON object with W, b, w, x and y; got {root.ValueKind}");
            }

            var rows = Array(root, "W").Select((row, i) => Numbers(row, $"W[{i}]")).ToArray();
            if (rows.Length == 0 || rows[0].Length == 0)
            {
                throw new UsageException("field W must have at least one row of at least one number");
            }

            for (int i = 1; i < rows.Length; i++)
            {
                if (rows[i].Length != rows[0].Length)
                {
                    throw new UsageException($"field W: row {i} has {rows[i].Length} entries, but row 0 has {rows[0].Length}");
                }
            }

            int h = rows.Length, d = rows[0].Length;
            var b = Sized(root, "b", h, $"W has {h} rows");
            var wout = Sized(root, "w", h, $"W has {h} rows");
            var x = Sized(root, "x", d, $"W has {d} columns");
            double y = Number(Field(root, "y"), "y");
            return new NetworkInput(Matrix<double>.Build.DenseOfRowArrays(rows), b, wout, x, y, Name(root, "activation"), Name(root, "loss"));
        }
    }

    /// <summary>An optional name field: null when absent or null, the string otherwise.</summary>
    private static string? Name(JsonElement root, string field) =>
        !root.TryGetProperty(field, out var e) || e.ValueKind == JsonValueKind.Null ? null
        : e.ValueKind == JsonValueKind.String ? e.GetString()
        : throw new UsageException($"field {field} must be a name; got {e.ValueKind}");

    private static JsonElement Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var e) ? e : throw new UsageException($"field {name} is missing");

    private static JsonElement[] Array(JsonElement root, string name)
    {
        var e = Field(root, name);
        return e.ValueKind == JsonValueKind.Array ? [.. e.EnumerateArray()] : throw new UsageException($"field {name} must be an array; got {e.ValueKind}");
    }

    private static Vector<double> Sized(JsonElement root, string name, int expected, string because)
    {
        var values = Numbers(Field(root, name), name);
        return values.Length == expected
            ? Vector<double>.Build.DenseOfArray(values)
            : throw new UsageException($"field {name} has length {values.Length}, but {because}, so it needs length {expected}");
    }

    private static double[] Numbers(JsonElement e, string where) =>
        e.ValueKind == JsonValueKind.Array
            ? [.. e.EnumerateArray().Select((v, k) => Number(v, $"{where}[{k}]"))]
            : throw new UsageException($"field {where} must be an array of numbers; got {e.ValueKind}");

    private static double Number(JsonElement e, string where) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => Cli.Numbers.Parse(e.GetString(), $"field {where}"),
        _ => throw new UsageException($"field {where} must be a number; got {e.ValueKind}"),
    };

    internal static string Write(NetworkGradient g)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("loss");
            Value(writer, g.Loss);
            writer.WritePropertyName("z");
            Value(writer, g.Z);
            writer.WriteStartArray("dW");
            foreach (var row in g.Weights.EnumerateRows())
            {
                Values(writer, row);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("db");
            Values(writer, g.Bias);
            writer.WritePropertyName("dw");
            Values(writer, g.OutputWeights);
            writer.WritePropertyName("dx");
            Values(writer, g.Input);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Values(Utf8JsonWriter writer, Vector<double> values)
    {
        writer.WriteStartArray();
        foreach (double v in values)
        {
            Value(writer, v);
        }

        writer.WriteEndArray();
    }

    /// <summary>The shortest round-trip form; JSON has no NaN or ∞, so those are written as the strings "NaN", "Infinity".</summary>
    private static void Value(Utf8JsonWriter writer, double v)
    {
        if (double.IsFinite(v))
        {
            writer.WriteNumberValue(v); // System.Text.Json writes the shortest form that round-trips
        }
        else
        {
            writer.WriteStringValue(Cli.Numbers.Format(v));
        }
    }
}
