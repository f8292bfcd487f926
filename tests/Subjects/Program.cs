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
//   endless FN       the reference, but the answer to FN a line that never ends: "{"value": [1,1,1,…" without a newline
//   deep FN [DEPTH]  the reference, but the answer to FN one number inside DEPTH nested arrays (default 100,000)
//   flood FN         the reference, but the answer to FN 5 million values, whatever it asked for
//   error FN [ABOVE] the reference, but every request for FN (or for every function, with FN "all") answered
//                    {"error": "unknown function"}: an error that is not "not implemented" and holds for any point;
//                    with ABOVE, only a scalar request with some |x| above ABOVE, answered {"error": "math range error"}
//                    (as a Python loop whose exception at one point fails the whole batch)
//   fork PIDFILE [hang]
//                    the reference, but at start it starts a child "sleep 1000" that outlives it unless killed, and
//                    appends the child's pid to PIDFILE (the child's environment without the tests' run mark, so that
//                    only verify's own clean-up can end it); with "hang", no answer after the first
//   alloc, spin, forkbomb, bigfile, fds, net, write FN
//                    the reference, but a request for FN first tries to pass one limit of verify --sandbox (Escapes:
//                    memory, CPU time, processes, file size, open files, network, the working folder) and is answered
//                    {"error": "MODE: what happened"}
string mode = args.Length > 0 ? args[0] : "naive";
string target = args.Length > 1 ? args[1] : "";
string argument = args.Length > 2 ? args[2] : "";
var output = Console.Out;
if (mode == "banner" || (mode == "crash-then-banner" && File.Exists(argument)))
{
    output.WriteLine("my solution, version 1");
    output.Flush();
}

if (mode == "fork")
{
    var child = new System.Diagnostics.ProcessStartInfo("sleep", "1000") { UseShellExecute = false };
    child.Environment.Remove("CALCULUS_TEST_RUN");
    using var sleeper = System.Diagnostics.Process.Start(child)!;
    File.AppendAllText(target, $"{sleeper.Id}\n");
    if (argument == "hang" && Console.In.ReadLine() is { } first)
    {
        output.WriteLine(ProtocolJson.Answer(ReferenceSheet.Instance, ProtocolJson.ParseRequest(first)));
        output.Flush();
        while (Console.In.ReadLine() is not null)
        {
        }

        return 0;
    }
}

ISheet sheet = mode == "naive" ? new NaiveSheet() : ReferenceSheet.Instance;
while (Console.In.ReadLine() is { } line)
{
    var call = ProtocolJson.ParseRequest(line);
    if (call.Function == target || target == "all")
    {
        switch (mode)
        {
            case "error" when argument.Length == 0:
                output.WriteLine("{\"error\": \"unknown function\"}");
                output.Flush();
                continue;
            case "error" when ((ScalarQuery)call).X.Any(x => Math.Abs(x) > double.Parse(argument, System.Globalization.CultureInfo.InvariantCulture)):
                output.WriteLine("{\"error\": \"math range error\"}");
                output.Flush();
                continue;
            case var escape when Escapes.Modes.Contains(escape):
                output.WriteLine(Escapes.Answer(escape));
                output.Flush();
                continue;
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
            case "endless":
                output.Write("{\"value\": [");
                while (true)
                {
                    output.Write(Repeated("1,", 1 << 15)); // until verify stops reading and kills it
                    output.Flush();
                }

            case "deep":
                int depth = argument.Length > 0 ? int.Parse(argument, System.Globalization.CultureInfo.InvariantCulture) : 100_000;
                output.WriteLine($"{{\"value\": {Repeated("[", depth)}0.5{Repeated("]", depth)}}}");
                output.Flush();
                continue;
            case "flood":
                const int Values = 5_000_000, Chunk = 1 << 15;
                output.Write("{\"value\": [0.5");
                for (int written = 1; written < Values; written += Chunk)
                {
                    output.Write(Repeated(",0.5", Math.Min(Chunk, Values - written)));
                }

                output.WriteLine("]}");
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

static string Repeated(string text, int count) => new System.Text.StringBuilder(text.Length * count).Insert(0, text, count).ToString();

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
