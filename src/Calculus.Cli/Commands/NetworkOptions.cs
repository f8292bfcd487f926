using System.CommandLine;
using Calculus.Cli.Common;
using Calculus.Functions;
using Calculus.Losses;

namespace Calculus.Cli.Commands;

/// <summary>The options <c>network</c> and <c>gradcheck</c> share: the loss of the score and PLU's parameters.</summary>
internal sealed class NetworkOptions
{
    public Option<string?> Loss { get; } = new("--loss")
    {
        Description = "Loss of the score: logistic (the sheet's, default), smooth-hinge or hinge; overrides the JSON field \"loss\".",
    };

    /// <summary>One option per parameter of an activation (PLU's --alpha and --c).</summary>
    public IReadOnlyList<Option<string?>> Parameters { get; } =
    [
        .. Catalog.Activations.SelectMany(f => f.Parameters.Select(p => (Parameter: p, Function: f.Name)))
            .DistinctBy(t => t.Parameter.Name)
            .Select(t => new Option<string?>($"--{t.Parameter.Name}") { Description = $"{t.Function}'s {t.Parameter}; with the {t.Function} activation only." }),
    ];

    public IEnumerable<Option> All => [Loss, .. Parameters];

    /// <summary>The loss named by --loss, else by the input, else the logistic loss.</summary>
    public IMarginLoss ResolveLoss(ParseResult parse, string? fromInput) =>
        parse.GetValue(Loss) is { } name ? Lookup.Of(MarginLosses.Find, name, "--loss")
        : fromInput is { } field ? Lookup.Of(MarginLosses.Find, field, "field loss")
        : MarginLosses.Logistic;

    /// <summary>The activation with that name, its parameters bound from the options (validated).</summary>
    public ScalarFunction ResolveActivation(ParseResult parse, string name, string where) =>
        Lookup.Bind(Lookup.Of(Catalog.FindActivation, name, where), Parameters.ToDictionary(o => o.Name, o => parse.GetValue(o), StringComparer.Ordinal));
}
