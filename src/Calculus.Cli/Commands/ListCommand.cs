using System.CommandLine;
using Calculus.Cli.Common;
using Calculus.Functions;

namespace Calculus.Cli.Commands;

/// <summary><c>calculus list</c>: every name <c>eval</c> accepts, with its formula, one per line.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("list", "Every name eval accepts, with its formula and derivative.");
        command.SetAction(_ =>
        {
            int width = Catalog.Names.Max(n => n.Length);
            foreach (var f in Catalog.All.Append(Catalog.LabelLogistic))
            {
                string parameters = f.Parameters.Count == 0 ? "" : $";  {string.Join(", ", f.Parameters.Select(p => $"--{p.Name}: {p}"))}";
                context.Output.WriteLine($"{f.Name.PadRight(width)}  f = {f.Formula};  f' = {f.DerivativeFormula}{parameters}");
            }

            foreach (var f in Catalog.Vectors)
            {
                context.Output.WriteLine($"{f.Name.PadRight(width)}  f = {f.Formula} of one vector: all the arguments, or each line");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
