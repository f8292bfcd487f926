using System.CommandLine;
using Calculus.Cli.Common;
using Calculus.Functions;
using Calculus.Verification.Diagnosis;

namespace Calculus.Cli.Commands;

/// <summary><c>calculus list [--mistakes]</c>: every name <c>eval</c> accepts, with its formula, one per line; or every
/// known mistake <c>serve --mistake</c> serves, with its item and wrong formula.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var mistakes = new Option<bool>("--mistakes") { Description = "List the known mistakes instead (the ids serve --mistake takes)." };
        var command = new Command("list", "Every name eval accepts, with its formula and derivative.") { mistakes };
        command.SetAction(parse =>
        {
            if (parse.GetValue(mistakes))
            {
                int idWidth = KnownMistakes.All.Max(m => m.Id.Length);
                foreach (var m in KnownMistakes.All)
                {
                    context.Output.WriteLine($"{m.Id.PadRight(idWidth)}  {m.Item,-2}  {m.Function}: {m.Description}");
                }

                return ExitCodes.Ok;
            }

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
