using Calculus.Functions;
namespace Calculus.Cli.Common;

/// <summary>Names and parameters from the command line, looked up in the library: an unknown name or a bad value is a
/// usage error.</summary>
internal static class Lookup
{
    /// <summary>A library lookup that throws <see cref="ArgumentException"/> for an unknown name (its message lists the
    /// valid names), turned into a usage error prefixed with where the name came from.</summary>
    public static T Of<T>(Func<string, T> find, string name, string where)
    {
        try
        {
            return find(name);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{where}: {e.Message.Split(" (Parameter")[0]}");
        }
    }

    /// <summary>Every parameter name a function of the catalog takes, each the name of an option (<c>--alpha</c>), with
    /// the functions that take it.</summary>
    public static IReadOnlyList<(Parameter Parameter, IReadOnlyList<string> Owners)> Parameters { get; } =
    [
        .. Catalog.All.Append(Catalog.LabelLogistic)
            .SelectMany(f => f.Parameters.Select(p => (Parameter: p, Function: f.Name)))
            .GroupBy(t => t.Parameter.Name, StringComparer.Ordinal)
            .Select(g => (g.First().Parameter, (IReadOnlyList<string>)[.. g.Select(t => t.Function).Distinct()])),
    ];

    /// <summary>The function with the parameters given on the command line (by option name, e.g. "--alpha"; null where
    /// not given) bound: a parameter left out takes its default, one without a default must be given, and an option
    /// that sets no parameter of f is refused.</summary>
    public static ScalarFunction Bind(ScalarFunction f, IReadOnlyDictionary<string, string?> given)
    {
        foreach (var (option, text) in given)
        {
            if (text is not null && f.Parameters.All(p => $"--{p.Name}" != option))
            {
                var owners = Parameters.First(t => $"--{t.Parameter.Name}" == option).Owners;
                throw new UsageException($"{option} is not a parameter of {f.Name}; only {string.Join(" and ", owners)} takes {option}");
            }
        }

        if (f.Parameters.Count == 0)
        {
            return f;
        }

        double[] arguments = [.. f.Parameters.Select(p => given.GetValueOrDefault($"--{p.Name}") is { } text ? Numbers.Parse(text, $"--{p.Name}")
            : p.Default ?? throw new UsageException($"{f.Name} needs {p.Symbol}: --{p.Name} {p.Symbol.ToUpperInvariant()}"))];
        try
        {
            return f.With(arguments);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException(e.Message.Split(Environment.NewLine)[0].Split(" (Parameter")[0]);
        }
    }
}
