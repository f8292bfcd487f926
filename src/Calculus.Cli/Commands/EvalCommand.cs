using System.CommandLine;

namespace Calculus.Cli.Commands;

/// <summary><c>calculus eval NAME [--derivative] [--y Y] [--alpha A] [--c C] [X ...]</c>: f(x) or f'(x) for each X, or
/// for each line of standard input; one output line per input, shortest round-trip, invariant culture.</summary>
internal static class EvalCommand
{
    private static readonly char[] Separators = [',', ' ', '\t'];

    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "A function name (see calculus list)." };
        var xs = new Argument<string[]>("X")
        {
            Description = "Inputs; without any, one per line of standard input (for logsumexp and lse-excess: one vector per line, entries separated by commas or spaces).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var derivative = new Option<bool>("--derivative", "-d") { Description = "Print f'(x) instead of f(x)." };
        var y = new Option<string?>("--y") { Description = "The label y of label-logistic." };
        var alpha = new Option<string?>("--alpha") { Description = $"PLU's α in [0, 1] (default {Plu.DefaultAlpha})." };
        var c = new Option<string?>("--c") { Description = $"PLU's c > 0 (default {Plu.DefaultC})." };
        var command = new Command("eval", "Evaluate a function or its derivative.") { name, xs, derivative, y, alpha, c };
        command.SetAction(parse =>
        {
            var f = FunctionCatalog.Find(parse.GetRequiredValue(name));
            bool d = parse.GetValue(derivative);
            var inputs = parse.GetValue(xs) ?? [];
            var lines = inputs.Length > 0
                ? inputs.Select((text, k) => (Text: text, Where: $"argument {k + 1}"))
                : ReadLines(context.Input);

            if (f.IsVector)
            {
                if (d)
                {
                    throw new UsageException($"{f.Name} has no --derivative here (it is the gradient of LSE: softmax)");
                }

                Func<double[], double> g = f.Name == "logsumexp" ? a => LogSumExp.Value(a) : a => LogSumExp.Excess(a);
                foreach (var (text, where) in lines)
                {
                    var entries = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(e => Numbers.Parse(e, where)).ToArray();
                    if (f.Name == "lse-excess" && entries.Length == 0)
                    {
                        throw new UsageException($"{where}: lse-excess needs at least one entry (the maximum of an empty vector does not exist)");
                    }

                    context.Output.WriteLine(Numbers.Format(g(entries)));
                }

                return ExitCodes.Ok;
            }

            double? label = parse.GetValue(y) is { } yText ? Numbers.Parse(yText, "--y") : null;
            double a = parse.GetValue(alpha) is { } aText ? Numbers.Parse(aText, "--alpha") : Plu.DefaultAlpha;
            double cValue = parse.GetValue(c) is { } cText ? Numbers.Parse(cText, "--c") : Plu.DefaultC;
            var scalar = FunctionCatalog.Scalar(f, d, label, a, cValue);
            foreach (var (text, where) in lines)
            {
                context.Output.WriteLine(Numbers.Format(scalar(Numbers.Parse(text, where))));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Standard input, lazily, one line at a time (memory stays flat however long the input).</summary>
    private static IEnumerable<(string Text, string Where)> ReadLines(TextReader input)
    {
        int number = 0;
        while (input.ReadLine() is { } line)
        {
            number++;
            yield return (line, $"line {number}");
        }
    }
}
