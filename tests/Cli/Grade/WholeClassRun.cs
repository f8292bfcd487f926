using Calculus.Cli.Tests.Commands;

namespace Calculus.Cli.Tests.Grade;

/// <summary>The whole class of <see cref="GradeClass.Whole"/> graded once, two at a time, for the tests that read its
/// files.</summary>
public sealed class WholeClassRun : IDisposable
{
    public WholeClassRun()
    {
        Class = GradeClass.Whole();
        Result = Class.Grade("-j", "2");
    }

    internal GradeClass Class { get; }

    internal CliRunner.Result Result { get; }

    public void Dispose() => Class.Dispose();
}
