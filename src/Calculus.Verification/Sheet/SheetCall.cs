namespace Calculus.Verification.Sheet;

/// <summary>A request to a subject: one of the closed set of the protocol's calls (docs/protocol.md), one record per row
/// of its table.</summary>
/// <remarks>The set is closed (the constructor is private to this assembly), and code that handles every call does so
/// through <see cref="ISheetCallVisitor{TResult}"/>: a new call is a new member each visitor must implement, not a case
/// a switch forgets.</remarks>
internal abstract record SheetCall
{
    private protected SheetCall()
    {
    }

    /// <summary>The protocol's "fn": a function name of the catalog, "label-logistic", "logsumexp", "affine",
    /// "affine-partial", "network" or "gd-step".</summary>
    public abstract string Function { get; }

    /// <summary>The visitor's member for this kind of call.</summary>
    /// <typeparam name="TResult">What the visitor makes of a call.</typeparam>
    /// <param name="visitor">The visitor.</param>
    /// <returns>The visitor's result.</returns>
    public abstract TResult Accept<TResult>(ISheetCallVisitor<TResult> visitor);

    /// <summary>The sheet's answer to this call, where the call's value type is not known to the caller.</summary>
    /// <param name="sheet">The sheet.</param>
    /// <returns>The answer.</returns>
    public abstract IAnswer AskOf(ISheet sheet);
}

/// <summary>A call whose value has type <typeparamref name="TValue"/>.</summary>
/// <typeparam name="TValue">The value's type: the numbers of a scalar, vector or affine call, a
/// <see cref="NetworkAnswer"/> or a <see cref="StepAnswer"/>.</typeparam>
internal abstract record SheetCall<TValue> : SheetCall
{
    private protected SheetCall()
    {
    }

    /// <inheritdoc/>
    public override IAnswer AskOf(ISheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return sheet.Ask(this);
    }
}

/// <summary>Something done with any call, one member per kind.</summary>
/// <typeparam name="TResult">The result.</typeparam>
internal interface ISheetCallVisitor<out TResult>
{
    /// <summary>A scalar function of the catalog.</summary>
    /// <param name="query">The call.</param>
    /// <returns>The result.</returns>
    TResult Scalar(ScalarQuery query);

    /// <summary>ℓ(a; y) or f_e (1e).</summary>
    /// <param name="call">The call.</param>
    /// <returns>The result.</returns>
    TResult LabelLogistic(LabelLogisticCall call);

    /// <summary>Log-sum-exp of a batch of vectors (3a).</summary>
    /// <param name="call">The call.</param>
    /// <returns>The result.</returns>
    TResult LogSumExp(LogSumExpCall call);

    /// <summary>u = Wx + b (1a–1c).</summary>
    /// <param name="call">The call.</param>
    /// <returns>The result.</returns>
    TResult Affine(AffineCall call);

    /// <summary>A partial derivative of u = Wx + b.</summary>
    /// <param name="query">The call.</param>
    /// <returns>The result.</returns>
    TResult AffinePartial(AffinePartialQuery query);

    /// <summary>The network's loss and gradient (1f).</summary>
    /// <param name="query">The call.</param>
    /// <returns>The result.</returns>
    TResult Network(NetworkQuery query);

    /// <summary>One gradient step (4).</summary>
    /// <param name="query">The call.</param>
    /// <returns>The result.</returns>
    TResult GdStep(StepQuery query);
}
