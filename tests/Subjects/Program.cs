using System.Text.Json.Nodes;
using Calculus.Subjects;
using Calculus.Verification.Protocol;
using Calculus.Verification.Sheet;

// calculus-subjects MODE [FUNCTION [KEY]]: a protocol subject for the tests of calculus verify.
//   naive            the naive textbook implementation (NaiveSheet)
//   junk FN          the reference, but a stray line before every answer to FN
//   hang FN          the reference, but no answer to FN, ever (it reads on and exits at the end of its input, so it
//                    never outlives the run that started it)
//   crash FN         the reference, but exit 3 on a request for FN with an |x| above 1e300
//   shape FN [KEY]   the reference, but one value too few for FN (for network and gd-step: in the block KEY)
//   long FN [KEY]    the reference, but one value too many (the last one repeated)
//   nested FN [KEY]  the reference, but every number of the value (or block) in an array of its own
//   omit FN KEY      the reference, but the block KEY left out of FN's answers (a gradient not implemented)
//   banner           a line of text at start-up, before any answer
//   crash-then-banner FN MARKER
//                    as crash, but first creates the file MARKER; started where MARKER exists, it prints the banner
string mode = args.Length > 0 ? args[0] : "naive";
string target = args.Length > 1 ? args[1] : "";
string argument = args.Length > 2 ? args[2] : "";
var output = Console.Out;
if (mode == "banner" || (mode == "crash-then-banner" && File.Exists(argument)))
{
    output.WriteLine("my solution, version 1");
    output.Flush();
}

ISheet sheet = mode == "naive" ? new NaiveSheet() : ReferenceSheet.Instance;
while (Console.In.ReadLine() is { } line)
{
    var call = ProtocolJson.ParseRequest(line);
    if (call.Function == target)
    {
        switch (mode)
        {
            case "junk":
                output.WriteLine($"debug: computing {target}");
                break;
            case "hang":
                while (Console.In.ReadLine() is not null)
                {
                }

                return 0;
            case "crash" or "crash-then-banner" when ((ScalarQuery)call).X.Any(x => Math.Abs(x) > 1e300):
                if (mode == "crash-then-banner")
                {
                    File.WriteAllText(argument, "");
                }

                return 3;
            case "omit":
                var root = JsonNode.Parse(ProtocolJson.QuoteNonFinite(ProtocolJson.Answer(sheet, call)))!.AsObject();
                root["value"]!.AsObject().Remove(argument);
                output.WriteLine(root.ToJsonString());
                output.Flush();
                continue;
            case "shape" or "long" or "nested":
                output.WriteLine(Reshaped(ProtocolJson.Answer(sheet, call), mode, argument));
                output.Flush();
                continue;
        }
    }

    output.WriteLine(ProtocolJson.Answer(sheet, call));
    output.Flush();
}

return 0;

// The response with its value (or the value's block KEY) reshaped; an error response unchanged.
static string Reshaped(string response, string how, string key)
{
    var root = JsonNode.Parse(ProtocolJson.QuoteNonFinite(response))!.AsObject();
    if (root["value"] is not { } value)
    {
        return response;
    }

    var parent = key.Length > 0 ? value.AsObject() : root;
    string name = key.Length > 0 ? key : "value";
    var array = parent[name]!.AsArray();
    switch (how)
    {
        case "shape":
            array.RemoveAt(0);
            break;
        case "long":
            array.Add(array[^1]!.DeepClone());
            break;
        default:
            parent[name] = new JsonArray([.. array.Select(v => (JsonNode)new JsonArray(v!.DeepClone()))]);
            break;
    }

    return root.ToJsonString();
}
