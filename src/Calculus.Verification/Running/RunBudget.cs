using System.Globalization;

namespace Calculus.Verification.Running;

/// <summary>The time budget of a whole verify run (<c>--budget</c>), counted from the moment it is made (before the
/// subject starts, so that its start-up counts too). The runner asks <see cref="Spent"/> before each check: a check
/// that has begun is finished, so a run can overrun its budget by one check (bounded by <c>--timeout</c> per request
/// and the restart budgets of <c>Protocol.ProcessSheet</c>); the checks after it are not run.</summary>
internal sealed class RunBudget
{
    /// <summary>The default budget, 600 s: enough for every run a class's CI should see to reach its verdicts. The
    /// default battery (161 checks at their default case counts) against a right solution in plain Python takes 4.0 s
    /// (17,728 requests, seed 1, on a 2-core machine). What makes a run long is a subject that hangs: each function may
    /// time out <c>ProcessSheet.MaxTimeoutsPerFunction</c> = 2 times before its requests fail at once, so a subject that
    /// hangs in all 18 functions of the protocol costs 18 × 2 × 10 s (the default <c>--timeout</c>) = 360 s. 600 s covers that with
    /// room for a slow runner, and still ends any run within the ten minutes CI jobs of a class are commonly given.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(600);

    private readonly TimeProvider clock;
    private readonly long start;

    /// <summary>Starts the budget now.</summary>
    /// <param name="limit">How long the run may take before the remaining checks are not run; positive.</param>
    /// <param name="clock">The clock (the system's; tests pass their own).</param>
    public RunBudget(TimeSpan limit, TimeProvider? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero);
        Limit = limit;
        this.clock = clock ?? TimeProvider.System;
        start = this.clock.GetTimestamp();
    }

    /// <summary>The budget.</summary>
    public TimeSpan Limit { get; }

    /// <summary>The time since the budget was made.</summary>
    public TimeSpan Elapsed => clock.GetElapsedTime(start);

    /// <summary>Whether the budget is spent: no further check is begun.</summary>
    public bool Spent => Elapsed >= Limit;

    /// <summary>The reason a check was not run: "the time budget of 600 s (--budget) was spent after 601.3 s".</summary>
    public string Reason => string.Create(CultureInfo.InvariantCulture,
        $"the time budget of {Limit.TotalSeconds:0.###} s (--budget) was spent after {Elapsed.TotalSeconds:0.0} s");
}
