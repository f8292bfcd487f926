using System.Text.Json.Nodes;
using Calculus.Verification.Protocol;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Tests;

/// <summary>The reference speaking the protocol in-process, with the answers of one function reshaped: each is written
/// as the response line a subject prints, its value (or the value's member <c>key</c>) rewritten by a
/// <see cref="Reshape"/>, and read back by <see cref="ProtocolJson.ReadAnswer"/>, as <see cref="ProcessSheet"/> reads a
/// subject's lines. The other functions answer as the reference.</summary>
/// <param name="function">The protocol name whose answers are reshaped.</param>
/// <param name="key">The member of a network or gd-step value to reshape, or null for the whole value.</param>
/// <param name="reshape">The rewrite.</param>
internal sealed class ShapeSheet(string function, string? key, Reshape reshape) : SheetBase
{
    private static readonly ReferenceSheet Reference = ReferenceSheet.Instance;

    public override Answer<double[]> Scalar(ScalarQuery query) =>
        query.Function == function ? Reshaped(query, ProtocolJson.ReadNumbers) : Reference.Ask(query);

    public override Answer<double[]> LabelLogistic(LabelLogisticCall call) => Answered(call, ProtocolJson.ReadNumbers);

    public override Answer<double[]> LogSumExp(LogSumExpCall call) => Answered(call, ProtocolJson.ReadNumbers);

    public override Answer<double[]> Affine(AffineCall call) => Answered(call, ProtocolJson.ReadNumbers);

    public override Answer<double[]> AffinePartial(AffinePartialQuery query) => Answered(query, ProtocolJson.ReadNumbers);

    public override Answer<NetworkAnswer> Network(NetworkQuery query) => Answered(query, ProtocolJson.ReadNetwork);

    public override Answer<StepAnswer> GdStep(StepQuery query) => Answered(query, ProtocolJson.ReadStep);

    /// <summary>The call reshaped when it is of the function, else the reference's answer.</summary>
    private Answer<T> Answered<T>(SheetCall<T> call, Func<System.Text.Json.JsonElement, T> read) =>
        call.Function == function ? Reshaped(call, read) : Reference.Ask(call);

    /// <summary>The reference's response line to the call, reshaped, as the protocol reader reads it.</summary>
    public string Line(SheetCall call)
    {
        var root = JsonNode.Parse(ProtocolJson.QuoteNonFinite(ProtocolJson.Answer(Reference, call)))!.AsObject();
        var parent = key is null ? root : root["value"]!.AsObject();
        reshape(parent, key ?? "value");
        return root.ToJsonString();
    }

    private Answer<T> Reshaped<T>(SheetCall call, Func<System.Text.Json.JsonElement, T> read) => ProtocolJson.ReadAnswer(Line(call), read);
}

/// <summary>Rewrites the member <c>name</c> of a response object in place.</summary>
/// <param name="parent">The response, or the value of a network or gd-step answer.</param>
/// <param name="name">"value", or a key of the value.</param>
internal delegate void Reshape(JsonObject parent, string name);

/// <summary>The wrong shapes an answer can have, by name (for test names).</summary>
internal static class Reshapes
{
    /// <summary>One more value: the last entry repeated (for a matrix, one row more).</summary>
    public static void TooMany(JsonObject o, string name) => Longer(o[name]!.AsArray());

    /// <summary>One value fewer (for a matrix, one row fewer).</summary>
    public static void TooFew(JsonObject o, string name) => Shorter(o[name]!.AsArray());

    /// <summary>A matrix's first row one entry longer.</summary>
    public static void RowTooLong(JsonObject o, string name) => Longer(o[name]!.AsArray()[0]!.AsArray());

    /// <summary>A matrix's first row one entry shorter.</summary>
    public static void RowTooShort(JsonObject o, string name) => Shorter(o[name]!.AsArray()[0]!.AsArray());

    /// <summary>Every entry (a number, or a row) in an array of its own; a number as an array of one.</summary>
    public static void Nested(JsonObject o, string name) => o[name] = o[name] is JsonArray a
        ? new JsonArray([.. a.Select(v => (JsonNode)new JsonArray(v!.DeepClone()))])
        : new JsonArray(o[name]!.DeepClone());

    /// <summary>A matrix as one flat array of its entries.</summary>
    public static void Flat(JsonObject o, string name) =>
        o[name] = new JsonArray([.. o[name]!.AsArray().SelectMany(r => r!.AsArray().Select(v => v!.DeepClone()))]);

    /// <summary>The first number as a string of its digits ("0.5", which a lenient reader would take).</summary>
    public static void String(JsonObject o, string name) => ReplaceFirstNumber(o, name, v => JsonValue.Create(v.ToJsonString()));

    /// <summary>The first number as null.</summary>
    public static void Null(JsonObject o, string name) => ReplaceFirstNumber(o, name, _ => null);

    /// <summary>The first number as an object.</summary>
    public static void Object(JsonObject o, string name) => ReplaceFirstNumber(o, name, v => new JsonObject { ["value"] = v.DeepClone() });

    /// <summary>An array replaced by its first number (flat where an array is expected).</summary>
    public static void Number(JsonObject o, string name) => ReplaceFirstNumber(o, name, v => v.DeepClone(), whole: true);

    /// <summary>The member left out.</summary>
    public static void Missing(JsonObject o, string name) => o.Remove(name);

    /// <summary>Every reshape by name.</summary>
    public static IReadOnlyDictionary<string, Reshape> All { get; } = new Dictionary<string, Reshape>
    {
        [nameof(TooMany)] = TooMany, [nameof(TooFew)] = TooFew, [nameof(RowTooLong)] = RowTooLong, [nameof(RowTooShort)] = RowTooShort,
        [nameof(Nested)] = Nested, [nameof(Flat)] = Flat, [nameof(String)] = String, [nameof(Null)] = Null, [nameof(Object)] = Object,
        [nameof(Number)] = Number, [nameof(Missing)] = Missing,
    };

    private static void Longer(JsonArray a) => a.Add(a[^1]!.DeepClone());

    private static void Shorter(JsonArray a) => a.RemoveAt(a.Count - 1);

    /// <summary>Replaces the first number of <c>o[name]</c> (its first entry, or its first row's), or with
    /// <paramref name="whole"/> the whole member by that number's replacement.</summary>
    private static void ReplaceFirstNumber(JsonObject o, string name, Func<JsonNode, JsonNode?> replace, bool whole = false)
    {
        if (whole || o[name] is not JsonArray array)
        {
            o[name] = replace(First(o[name]!));
            return;
        }

        while (array[0] is JsonArray inner)
        {
            array = inner;
        }

        array[0] = replace(array[0]!);
    }

    private static JsonNode First(JsonNode node) => node is JsonArray a ? First(a[0]!) : node;
}
