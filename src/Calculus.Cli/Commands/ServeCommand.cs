using System.CommandLine;
using Calculus.Cli.Common;
using Calculus.Verification.Diagnosis;
using Calculus.Verification.Protocol;
using Calculus.Verification.Sheet;

namespace Calculus.Cli.Commands;

/// <summary><c>calculus serve [--mistake ID]</c>: speaks the verify protocol on standard input and output with the
/// reference library, or with one known mistake in it (for demonstrations and tests).</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var mistake = new Option<string?>("--mistake")
        {
            Description = "Serve the reference with one known mistake in it (see calculus list --mistakes), e.g. sigmoid-1.",
        };
        var command = new Command("serve", "Answer the verify protocol (docs/protocol.md) with the reference library, one JSON line per request.") { mistake };
        command.SetAction(parse =>
        {
            ISheet sheet = parse.GetValue(mistake) is { } id ? Lookup.Of(KnownMistakes.Find, id, "--mistake").Sheet : ReferenceSheet.Instance;
            ProtocolServer.Serve(sheet, context.Input, context.Output);
            return ExitCodes.Ok;
        });
        return command;
    }
}
