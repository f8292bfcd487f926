namespace Calculus.Cli;

/// <summary>One name <c>calculus eval</c> accepts: a scalar function with its derivative, or a vector function, and
/// the options that set its parameters (<c>--alpha</c>, <c>--c</c> of plu; <c>--y</c> of label-logistic).</summary>
internal sealed record EvalFunction(string Name, string Formula, string DerivativeFormula, bool IsVector, params string[] Parameters)
{
    /// <summary>Whether the option (e.g. "--alpha") sets a parameter of this function.</summary>
    public bool Takes(string option) => Parameters.Contains(option, StringComparer.Ordinal);
}

/// <summary>Every name <c>eval</c> accepts, with its formula, built from the library's catalog and losses.</summary>
internal static class FunctionCatalog
{
    public static IReadOnlyList<EvalFunction> All { get; } =
    [
        .. ActivationCatalog.All.Select(a => new EvalFunction(a.Name, a.Formula, a.DerivativeFormula, false, a.Name == "plu" ? ["--alpha", "--c"] : [])),
        new("logistic", "ln(1 + e^(-t))", "-σ(-t)", false),
        new("softplus", "ln(1 + e^t)", "σ(t)", false),
        new("hinge", "max(0, 1 - t)", "-1 for t < 1, 0 for t ≥ 1 (a subgradient)", false),
        new("smooth-hinge", "ln(1 + e^(1 - t))", "-σ(1 - t)", false),
        new("label-logistic", "ln(1 + e^(-y·a)), needs --y", "-y·σ(-y·a)", false, "--y"),
        new("logsumexp", "ln Σ e^(a_i) of one vector: all the arguments, or each line", "(none)", true),
        new("lse-excess", "ln Σ e^(a_i) - max a of one vector: all the arguments, or each line", "(none)", true),
    ];

    /// <summary>The options that set a parameter of some function.</summary>
    public static IReadOnlyList<string> ParameterOptions { get; } = ["--y", "--alpha", "--c"];

    public static string Names => string.Join(", ", All.Select(f => f.Name));

    /// <summary>Throws a <see cref="UsageException"/> when an option is given that sets no parameter of f.</summary>
    /// <param name="f">The function.</param>
    /// <param name="given">Whether the option of that name was given on the command line.</param>
    public static void CheckParameters(EvalFunction f, Func<string, bool> given)
    {
        if (ParameterOptions.FirstOrDefault(o => given(o) && !f.Takes(o)) is { } option)
        {
            string owners = string.Join(" and ", All.Where(g => g.Takes(option)).Select(g => g.Name));
            throw new UsageException($"{option} is not a parameter of {f.Name}; only {owners} takes {option}");
        }
    }

    public static EvalFunction Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"unknown function '{name}'; valid names: {Names}");

    /// <summary>A library lookup that throws <see cref="ArgumentException"/> for an unknown name (its message lists the
    /// valid names), turned into a usage error prefixed with where the name came from.</summary>
    public static T Lookup<T>(Func<string, T> find, string name, string where)
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

    /// <summary>The scalar function to evaluate: f or f', with its parameters bound.</summary>
    public static Func<double, double> Scalar(EvalFunction f, bool derivative, double? y, double alpha, double c)
    {
        switch (f.Name)
        {
            case "plu":
                Validate(() => Plu.Validate(alpha, c));
                return derivative ? x => Plu.Derivative(x, alpha, c) : x => Plu.Value(x, alpha, c);
            case "logistic":
                return derivative ? LogisticLoss.Derivative : LogisticLoss.Value;
            case "softplus":
                return derivative ? Softplus.Derivative : Softplus.Value;
            case "hinge":
                return derivative ? Hinge.Subgradient : Hinge.Value;
            case "smooth-hinge":
                return derivative ? SmoothHinge.Derivative : SmoothHinge.Value;
            case "label-logistic":
                double label = y ?? throw new UsageException("label-logistic needs the label: --y Y");
                return derivative ? a => LabelLogisticLoss.Derivative(a, label) : a => LabelLogisticLoss.Value(a, label);
            default:
                var activation = ActivationCatalog.Find(f.Name);
                return derivative ? activation.Derivative : activation.Value;
        }
    }

    private static void Validate(Action check)
    {
        try
        {
            check();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException(e.Message.Split(Environment.NewLine)[0]);
        }
    }
}
