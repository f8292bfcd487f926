using System.CommandLine;
using Calculus.Cli.Common;
using Calculus.Functions;

namespace Calculus.Cli.Commands;

/// <summary><c>calculus eval NAME [--derivative] [--y Y] [--alpha A] [--c C] [X ...]</c>: f(x) or f'(x) for each X, or
/// for each line of standard input; one output line per input, shortest round-trip, invariant culture. For the vector
/// functions (logsumexp, lse-excess) all the arguments together form one vector, and each line of standard input is
/// one vector. A blank input (an empty argument, or a line of nothing but spaces) is an error for every function:
/// output line k always answers input k.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "A function name (see calculus list)." };
        var xs = new Argument<string[]>("X")
        {
            Description = "Inputs; without any, one per line of standard input. For logsumexp and lse-excess all the arguments form one vector, and each line is one vector; entries are separated by spaces or commas.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var derivative = new Option<bool>("--derivative", "-d") { Description = "Print f'(x) instead of f(x)." };
        var parameterOptions = Lookup.Parameters.Select(t => new Option<string?>($"--{t.Parameter.Name}")
        {
            Description = $"{t.Parameter.Symbol} of {string.Join(" and ", t.Owners)}: {t.Parameter} ({string.Join(", ", t.Owners)} only).",
        }).ToList();
        var command = new Command("eval", "Evaluate a function or its derivative.") { name, xs, derivative };
        parameterOptions.ForEach(command.Options.Add);
        command.SetAction(parse =>
        {
            string fn = parse.GetRequiredValue(name);
            var vector = Catalog.FindVector(fn);
            var f = vector is null ? Find(fn) : null;
            var given = parameterOptions.ToDictionary(o => o.Name, o => parse.GetValue(o), StringComparer.Ordinal);
            bool d = parse.GetValue(derivative);
            var inputs = parse.GetValue(xs) ?? [];

            if (vector is not null)
            {
                if (given.FirstOrDefault(p => p.Value is not null).Key is { } option)
                {
                    var owners = Lookup.Parameters.First(t => $"--{t.Parameter.Name}" == option).Owners;
                    throw new UsageException($"{option} is not a parameter of {vector.Name}; only {string.Join(" and ", owners)} takes {option}");
                }

                if (d)
                {
                    throw new UsageException($"{vector.Name} has no --derivative here (it is the gradient of LSE: softmax)");
                }

                var vectors = inputs.Length > 0
                    ? [(Vector([.. inputs.Select((text, k) => (text, $"argument {k + 1}"))]), "the arguments")] // the arguments: one vector
                    : ReadLines(context.Input).Select(line => (Vector([line]), line.Where));
                foreach (var (entries, where) in vectors)
                {
                    context.Output.WriteLine(Numbers.Format(Evaluate(vector, entries, where)));
                }

                return ExitCodes.Ok;
            }

            var bound = Lookup.Bind(f!, given);
            var scalar = d ? bound.Derivative : bound.Value;
            var lines = inputs.Length > 0
                ? inputs.Select((text, k) => (Text: text, Where: $"argument {k + 1}"))
                : ReadLines(context.Input);
            foreach (var (text, where) in lines)
            {
                context.Output.WriteLine(Numbers.Format(scalar(Numbers.Parse(NotBlank(text, where), where))));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The function of one variable with that name, or a usage error listing every name.</summary>
    private static ScalarFunction Find(string name)
    {
        try
        {
            return Catalog.Find(name);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"unknown function '{name}'; valid names: {string.Join(", ", Catalog.Names)}");
        }
    }

    /// <summary>One vector: the entries of every part (the arguments, or one line), or, when the whole text is in
    /// brackets, the entries between them: "[1, 2, 3]", and "[]" for the empty vector.</summary>
    private static double[] Vector(IReadOnlyList<(string Text, string Where)> parts)
    {
        string joined = string.Join(" ", parts.Select(p => p.Text)).Trim();
        string where = parts.Count == 1 ? parts[0].Where : "the arguments";
        if (joined.StartsWith('[') != joined.EndsWith(']'))
        {
            throw new UsageException($"{where}: '{Numbers.Shorten(joined)}' opens or closes a bracket without the other");
        }

        if (joined.StartsWith('['))
        {
            string inner = joined[1..^1];
            return string.IsNullOrWhiteSpace(inner) ? [] : [.. Entries(inner, where)];
        }

        return [.. parts.SelectMany(p => Entries(p.Text, p.Where))];
    }

    /// <summary>f of one vector; a vector f has no value at (the excess of the empty vector) is a usage error.</summary>
    private static double Evaluate(VectorFunction f, double[] entries, string where)
    {
        try
        {
            return f.Value(entries);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{where}: {e.Message.Split(" (Parameter")[0]}");
        }
    }

    /// <summary>The entries of one argument or line of a vector function: numbers separated by commas, spaces or tabs
    /// ("1, 2 3" is three entries). Blank text, or an empty entry between commas ("1,,2", "1,"), is an error.</summary>
    private static IEnumerable<double> Entries(string text, string where)
    {
        var pieces = NotBlank(text, where).Split(',');
        if (pieces.Any(p => string.IsNullOrWhiteSpace(p)))
        {
            throw new UsageException($"{where}: an empty entry in '{Numbers.Shorten(text)}' (a comma with no number before or after it)");
        }

        return pieces.SelectMany(p => p.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).Select(e => Numbers.Parse(e, where));
    }

    /// <summary>The text, or a usage error when it is empty or only white space: a blank input is never skipped, so
    /// that output line k answers input k.</summary>
    private static string NotBlank(string text, string where) =>
        string.IsNullOrWhiteSpace(text)
            ? throw new UsageException($"{where} is blank (a blank input is not skipped, so that output line k answers input k)")
            : text;

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
