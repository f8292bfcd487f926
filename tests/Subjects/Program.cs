using Calculus.Subjects;
using Calculus.Verification;
using Calculus.Verification.Protocol;

// calculus-subjects MODE [FUNCTION]: a protocol subject for the tests of calculus verify.
//   naive            the naive textbook implementation (NaiveSheet)
//   junk FN          the reference, but a stray line before every answer to FN
//   hang FN          the reference, but no answer to FN, ever
//   crash FN         the reference, but exit 3 on a request for FN with an |x| above 1e300
//   shape FN         the reference, but one value too few for FN
//   banner           a line of text at start-up, before any answer
//   crash-then-banner FN MARKER
//                    as crash, but first creates the file MARKER; started where MARKER exists, it prints the banner
string mode = args.Length > 0 ? args[0] : "naive";
string target = args.Length > 1 ? args[1] : "";
string marker = args.Length > 2 ? args[2] : "";
var output = Console.Out;
if (mode == "banner" || (mode == "crash-then-banner" && File.Exists(marker)))
{
    output.WriteLine("my solution, version 1");
    output.Flush();
}

ISheet sheet = mode == "naive" ? new NaiveSheet() : ReferenceSheet.Instance;
while (Console.In.ReadLine() is { } line)
{
    var call = ProtocolJson.ParseRequest(line);
    string fn = call is ScalarQuery q ? q.Function : "";
    if (fn == target)
    {
        switch (mode)
        {
            case "junk":
                output.WriteLine($"debug: computing {fn}");
                break;
            case "hang":
                Thread.Sleep(Timeout.Infinite);
                break;
            case "crash" or "crash-then-banner" when ((ScalarQuery)call).X.Any(x => Math.Abs(x) > 1e300):
                if (mode == "crash-then-banner")
                {
                    File.WriteAllText(marker, "");
                }

                return 3;
            case "shape":
                var answer = sheet.Scalar((ScalarQuery)call);
                output.WriteLine($"{{\"value\": [{string.Join(", ", answer.Value!.Skip(1).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]}}");
                output.Flush();
                continue;
        }
    }

    output.WriteLine(ProtocolJson.Answer(sheet, call));
    output.Flush();
}

return 0;
