using System.CommandLine;
using System.Text;
using System.Text.Json;
using Calculus.Checking;
using Calculus.Cli.Common;
using Calculus.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Calculus.Cli.Commands;

/// <summary><c>calculus network [--input FILE|-] [--loss L] [--alpha A] [--c C]</c>: reads {"W", "b", "w", "x", "y",
/// "activation", "loss"} as JSON (strictly, see <see cref="NetworkJson"/>) and prints {"loss", "z", "dW", "db", "dw",
/// "dx"} with round-trip numbers.</summary>
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
            var n = Read(context, parse, input, options);
            var g = context.Gradient(n.W, n.B, n.Wout, n.X, n.Y, n.Activation, n.Loss);
            context.Output.WriteLine(Write(g));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The network of --input (a file, or - for standard input) with its activation and loss resolved:
    /// --loss over the field "loss", --alpha and --c bound to plu.</summary>
    internal static NetworkExample Read(
        CliContext context, ParseResult parse, Option<string> input, NetworkOptions options, string? activationOverride = null)
    {
        string path = parse.GetValue(input) ?? "-";
        var n = NetworkJson.Parse(path == "-" ? ReadAtMost(context.Input, "standard input") : ReadFile(path));
        var activation = options.ResolveActivation(parse, activationOverride ?? n.Activation ?? "sigmoid",
            activationOverride is null && n.Activation is not null ? "field activation" : "--activation");
        return new NetworkExample(n.W, n.B, n.Wout, n.X, n.Y, activation, options.ResolveLoss(parse, n.Loss));
    }

    private static string ReadFile(string path)
    {
        if (path.Length == 0)
        {
            throw new UsageException("--input is empty; give a JSON file, or - for standard input");
        }

        if (Directory.Exists(path))
        {
            throw new UsageException($"--input: '{path}' is a directory, not a JSON file");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"--input: no such file '{path}'");
        }

        try
        {
            using var reader = new StreamReader(path);
            return ReadAtMost(reader, $"'{path}'");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--input: cannot read '{path}': {e.Message}");
        }
    }

    /// <summary>The most characters of JSON read: a 1024 × 1024 network written out takes about 20 million.</summary>
    internal const int MaxInputChars = 64 << 20;

    /// <summary>All the text of the reader, or a usage error once it exceeds <see cref="MaxInputChars"/> (so that
    /// <c>--input /dev/zero</c> ends with a message, not with the memory exhausted).</summary>
    private static string ReadAtMost(TextReader reader, string what)
    {
        var text = new StringBuilder();
        var buffer = new char[1 << 16];
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (text.Length + n > MaxInputChars)
            {
                throw new UsageException($"--input: {what} holds more than {MaxInputChars >> 20} M characters, the limit of the JSON input");
            }

            text.Append(buffer, 0, n);
        }

        return text.ToString();
    }

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
            writer.WriteStringValue(Numbers.Format(v));
        }
    }
}
