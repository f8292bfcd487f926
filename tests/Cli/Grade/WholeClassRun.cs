using Calculus.Cli.Tests.Commands;

namespace Calculus.Cli.Tests.Grade;

/// <summary>The whole class of <see cref="GradeClass.Whole"/> graded once, two at a time, for the test classes that read
/// its files (the collection <see cref="WholeClass"/>).</summary>
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

/// <summary>The test classes that share one <see cref="WholeClassRun"/> (as a class fixture each had its own run).</summary>
[CollectionDefinition(nameof(WholeClass))]
public sealed class WholeClass : ICollectionFixture<WholeClassRun>;
