using Calculus.Verification.Sheet;
using FsCheck;

namespace Calculus.Verification.Checks;

/// <summary>One named check of the battery: a sheet item, the function(s) it concerns, what it states, its tier and its
/// default number of cases.</summary>
internal abstract class Check
{
    /// <summary>Creates the check.</summary>
    /// <param name="item">The sheet item, e.g. "1d".</param>
    /// <param name="functions">The protocol names of the functions it calls, e.g. ["sigmoid"] or ["hinge", "smooth-hinge"].</param>
    /// <param name="name">What it states, e.g. "derivative matches the slope of your own values".</param>
    /// <param name="tier">Its tier.</param>
    /// <param name="cases">Its default number of cases.</param>
    /// <param name="independent">True when its oracle does not need the reference's value at the same point (central
    /// differences of the subject's own values, a stated claim): such checks prove something about the reference too.</param>
    protected Check(string item, IReadOnlyList<string> functions, string name, Tier tier, int cases, bool independent)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentOutOfRangeException.ThrowIfZero(functions.Count);
        Item = item;
        Functions = functions;
        Name = name;
        Tier = tier;
        Cases = cases;
        Independent = independent;
    }

    /// <summary>The sheet item, e.g. "1d".</summary>
    public string Item { get; }

    /// <summary>The functions it calls, by protocol name.</summary>
    public IReadOnlyList<string> Functions { get; }

    /// <summary>The functions as a reader sees them: "sigmoid", "hinge, smooth-hinge".</summary>
    public string FunctionText => string.Join(", ", Functions);

    /// <summary>What it states.</summary>
    public string Name { get; }

    /// <summary>Its tier.</summary>
    public Tier Tier { get; }

    /// <summary>Its default number of cases.</summary>
    public int Cases { get; }

    /// <summary>Whether its oracle is independent of the reference's value (see the constructor).</summary>
    public bool Independent { get; }

    /// <summary>"1d sigmoid: derivative matches the slope of your own values".</summary>
    public string Id => $"{Item} {FunctionText}: {Name}";

    /// <summary>The check's id.</summary>
    /// <returns><see cref="Id"/>.</returns>
    public override string ToString() => Id;

    /// <summary>Draws the cases of one run, evaluates them, shrinks the first failure: the runner's part.</summary>
    /// <param name="context">Subject, reference, model.</param>
    /// <param name="cases">How many cases.</param>
    /// <param name="seed">The seed of this check's cases.</param>
    /// <param name="prefetch">Called with every request the cases will make, before they are evaluated (a process
    /// subject sends them in batches); null when the subject needs no prefetch.</param>
    /// <returns>The run.</returns>
    public abstract CheckRun Run(CheckContext context, int cases, ulong seed, Action<IReadOnlyList<SheetCall>>? prefetch = null);

    /// <summary>The check as an FsCheck property over the same generator and shrinker: it fails exactly when a case fails;
    /// every outcome is counted in <paramref name="tally"/>.</summary>
    /// <param name="context">Subject, reference, model.</param>
    /// <param name="tally">Counts the outcomes.</param>
    /// <returns>The property.</returns>
    public abstract Property ToProperty(CheckContext context, CaseTally tally);
}
