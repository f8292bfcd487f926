using System.CommandLine;

namespace Calculus.Cli.Commands;

/// <summary><c>calculus list</c>: every name <c>eval</c> accepts, with its formula, one per line.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("list", "Every name eval accepts, with its formula and derivative.");
        command.SetAction(_ =>
        {
            int width = FunctionCatalog.All.Max(f => f.Name.Length);
            foreach (var f in FunctionCatalog.All)
            {
                context.Output.WriteLine($"{f.Name.PadRight(width)}  f = {f.Formula};  f' = {f.DerivativeFormula}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
