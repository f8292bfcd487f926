using Calculus.Cli.Common;
using Calculus.Cli.Grading;
using Calculus.Verification.Checks;

namespace Calculus.Cli.Tests.Grade;

/// <summary>The rubric: the default gives exercise 1 its 10 points (core most of each item's, stable the rest) and the
/// other exercises none, as the sheet does; a level not listed earns the highest listed one below it; a bad file is a
/// usage error.</summary>
public sealed class GradeRubricTests
{
    [Fact]
    public void Default_ExerciseOne_IsTenPoints_CoreMostOfEachItem()
    {
        var rubric = Rubric.Default;
        string[] one = ["1a", "1b", "1c", "1d", "1e", "1f"];
        Assert.Equal(10, one.Sum(rubric.MaxFor));
        Assert.All(one, i => Assert.True(rubric.PointsFor(i, "core") > rubric.MaxFor(i) / 2, i));
        Assert.All(one, i => Assert.Equal(rubric.MaxFor(i), rubric.PointsFor(i, "stable")));
        Assert.All(Battery.Items.Except(one), i => Assert.Equal(0, rubric.MaxFor(i)));
    }

    [Theory]
    [InlineData("core", 2)]
    [InlineData("stable", 3)]
    [InlineData("accurate", 3)]
    [InlineData("partial", 0)]
    [InlineData("fail", 0)]
    [InlineData("not-implemented", 0)]
    [InlineData("error", 0)]
    [InlineData("not-run", 0)]
    public void Points_ALevelNotListed_EarnsTheHighestListedBelow(string word, double points) =>
        Assert.Equal(points, Rubric.Parse("""{"1d": {"core": 2, "stable": 3}}""", "test").PointsFor("1d", word));

    [Fact]
    public void Points_PartialEarnsItsOwnEntry_AndAnItemNotNamedNothing()
    {
        var rubric = Rubric.Parse("""{"1f": {"core": 4, "partial": 1}}""", "test");
        Assert.Equal(1, rubric.PointsFor("1f", "partial"));
        Assert.Equal(0, rubric.PointsFor("2a", "stable"));
        Assert.Equal(4, rubric.MaxFor("1f"));
    }

    [Theory]
    [InlineData("[1]", "a JSON object of items")]
    [InlineData("""{"9z": {"core": 1}}""", "unknown item '9z'")]
    [InlineData("""{"1d": {"great": 1}}""", "unknown level 'great'")]
    [InlineData("""{"1d": {"core": -1}}""", "finite number ≥ 0")]
    [InlineData("""{"1d": 3}""", "must map levels to points")]
    [InlineData("{", "not JSON")]
    public void Parse_BadRubric_IsAUsageError(string json, string message)
    {
        var e = Assert.Throws<UsageException>(() => Rubric.Parse(json, "r.json"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
