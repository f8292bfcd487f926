namespace Calculus.Verification.Checks;

/// <summary>The verdict of one case or one check.</summary>
internal enum CheckVerdict
{
    /// <summary>Every case decided passed (and enough were decided).</summary>
    Pass,

    /// <summary>A case failed; the smallest counterexample found is reported.</summary>
    Fail,

    /// <summary>The oracle could not decide (a kink in the stencil, a value not finite on both sides, …): never a failure.</summary>
    Inconclusive,

    /// <summary>The subject answered "not implemented".</summary>
    NotImplemented,

    /// <summary>The checker itself failed (an exception inside verify, not the subject's doing): no verdict on the
    /// subject, and the run exits 3.</summary>
    Error,

    /// <summary>The check was not run: the run's time budget (<c>--budget</c>) was spent before it began. Never a
    /// failure and never a pass: an item with a check not run is not judged in full, and the run exits 1.</summary>
    NotRun,
}
