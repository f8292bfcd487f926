using System.CommandLine;
using Calculus.Training;

namespace Calculus.Cli.Commands;

/// <summary>The options <c>network</c> and <c>gradcheck</c> share: the loss of the score and PLU's parameters.</summary>
internal sealed class NetworkOptions
{
    public Option<string?> Loss { get; } = new("--loss")
    {
        Description = "Loss of the score: logistic (the sheet's, default), smooth-hinge or hinge; overrides the JSON field \"loss\".",
    };

    public Option<string?> Alpha { get; } = new("--alpha") { Description = $"PLU's α in [0, 1] (default {Plu.DefaultAlpha}); with the plu activation only." };

    public Option<string?> C { get; } = new("--c") { Description = $"PLU's c > 0 (default {Plu.DefaultC}); with the plu activation only." };

    public IEnumerable<Option> All => [Loss, Alpha, C];

    /// <summary>The loss named by --loss, else by the input, else the logistic loss.</summary>
    public IMarginLoss ResolveLoss(ParseResult parse, string? fromInput) =>
        parse.GetValue(Loss) is { } name ? FunctionCatalog.Lookup(MarginLosses.Find, name, "--loss")
        : fromInput is { } field ? FunctionCatalog.Lookup(MarginLosses.Find, field, "field loss")
        : MarginLosses.Logistic;

    /// <summary>The activation with that name; for plu, with --alpha and --c bound (validated).</summary>
    public Activation ResolveActivation(ParseResult parse, string name, string where)
    {
        var activation = FunctionCatalog.Lookup(ActivationCatalog.Find, name, where);
        string? alphaText = parse.GetValue(Alpha), cText = parse.GetValue(C);
        if (activation.Name != "plu")
        {
            return alphaText is null && cText is null
                ? activation
                : throw new UsageException($"--alpha and --c are parameters of plu; the activation is {activation.Name}");
        }

        double alpha = alphaText is null ? Plu.DefaultAlpha : Numbers.Parse(alphaText, "--alpha");
        double c = cText is null ? Plu.DefaultC : Numbers.Parse(cText, "--c");
        try
        {
            return ActivationCatalog.CreatePlu(alpha, c);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter")[0]);
        }
    }
}
