namespace Calculus.Cli.Common;

/// <summary>The exit codes of <c>calculus</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Everything ran and every check passed.</summary>
    public const int Ok = 0;

    /// <summary>A check failed (report, gradcheck, verify), or a training run diverged (train).</summary>
    public const int CheckFailed = 1;

    /// <summary>A usage or input error: unknown verb or name, a missing option, an unparsable number, bad JSON, an
    /// output folder that cannot be written.</summary>
    public const int UsageError = 2;

    /// <summary>A fault of the checker itself (verify): an exception inside it, not the subject's doing. Neither a pass
    /// nor a failure of the subject: a gradebook must not count it as either.</summary>
    public const int CheckerFault = 3;
}
