namespace Calculus.Cli.Tests.Support;

/// <summary>The full run: the process-level tests that repeat what a faster test of the default run already holds in
/// another form (the templates in every language, every hostile subject, every sandbox limit, a function crashing on
/// every request), run when <see cref="Variable"/> is 1. <c>.ci/run</c> sets it; the default <c>dotnet test</c> reports
/// them as skipped with the variable's name, and stays under a minute on a 2-core machine.</summary>
internal static class FullRun
{
    /// <summary>The environment variable that turns the full run on.</summary>
    public const string Variable = "VERIFY_FULL_TESTS";

    /// <summary>The reason a test of the full run is skipped in the default run.</summary>
    public const string Reason = $"a test of the full run: set {Variable}=1 (.ci/run does)";

    /// <summary>Whether this is the full run.</summary>
    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";
}

/// <summary>A fact of the full run (<see cref="FullRun"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FullRunFactAttribute : FactAttribute
{
    public FullRunFactAttribute([System.Runtime.CompilerServices.CallerFilePath] string? sourceFilePath = null, [System.Runtime.CompilerServices.CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!FullRun.Enabled)
        {
            Skip = FullRun.Reason;
        }
    }
}

/// <summary>A theory of the full run (<see cref="FullRun"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FullRunTheoryAttribute : TheoryAttribute
{
    public FullRunTheoryAttribute([System.Runtime.CompilerServices.CallerFilePath] string? sourceFilePath = null, [System.Runtime.CompilerServices.CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!FullRun.Enabled)
        {
            Skip = FullRun.Reason;
        }
    }
}
