namespace Calculus.Properties;

/// <summary>The test knobs (environment variables) read well-formed values and reject malformed ones with one message
/// naming the variable, its value and the form expected; <see cref="PropertySettings.ValidateTheEnvironment"/> prints
/// that message and stops the run before any property runs.</summary>
public sealed class PropertySettingsTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("10", 10)]
    public void Scale_ReadsAPositiveWholeNumber(string? text, int expected) =>
        Assert.Equal(expected, PropertySettings.ParseScale(text));

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("2.5")]
    [InlineData(" 10")]
    [InlineData("99999999999")]
    public void Scale_RejectsAnythingElse_NamingTheVariable(string text)
    {
        var e = Assert.Throws<KnobException>(() => PropertySettings.ParseScale(text));
        Assert.Equal($"VERIFY_PROPERTY_SCALE='{text}' is not a positive whole number (it multiplies every property's case count, e.g. 10)", e.Message);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("(12345,67891)", "(12345,67891)")]
    [InlineData("(12345, 67891, 40)", "(12345, 67891, 40)")]
    public void Replay_ReadsWhatFsCheckPrints(string? text, string? expected) =>
        Assert.Equal(expected, PropertySettings.ParseReplayText(text));

    [Theory]
    [InlineData("(1,2,3,4)")]
    [InlineData("(abc,2)")]
    [InlineData("12345")]
    [InlineData("(1,2,x)")]
    [InlineData("(-1,2)")]
    public void Replay_RejectsAnythingElse_NamingTheVariable(string text)
    {
        var e = Assert.Throws<KnobException>(() => PropertySettings.ParseReplayText(text));
        Assert.StartsWith($"VERIFY_REPLAY='{text}' is not a replay: expected \"(seed,gamma)\"", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("18446744073709551615", 18446744073709551615UL)]
    [InlineData("7", 7UL)]
    public void Seed_ReadsAWholeNumber(string text, ulong expected) =>
        Assert.Equal(expected, PropertySettings.ParseSeed(text));

    [Theory]
    [InlineData("seven")]
    [InlineData("-7")]
    [InlineData("18446744073709551616")]
    public void Seed_RejectsAnythingElse_NamingTheVariable(string text) =>
        Assert.StartsWith($"VERIFY_SEED='{text}' is not a whole number", Assert.Throws<KnobException>(() => PropertySettings.ParseSeed(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void CheckReplayable_ReturnsWhatReplaysTheSameCases()
    {
        // The battery's count of decided cases is made after FsCheck's run, which prints no seed when every case passes:
        // the text returned must replay that run, case for case.
        var first = new List<double>();
        string replay = PropertySettings.CheckReplayable(Prop.ForAll(Arb.From(Generators.Finite), x => { first.Add(x); return true; }), 20);
        var match = System.Text.RegularExpressions.Regex.Match(replay, "^VERIFY_REPLAY=\"(?<r>\\([0-9]+,[0-9]+\\))\"");
        Assert.True(match.Success, replay);
        var again = new List<double>();
        PropertySettings.CheckReplayable(Prop.ForAll(Arb.From(Generators.Finite), x => { again.Add(x); return true; }), 20, PropertySettings.ParseReplay(match.Groups["r"].Value));
        Assert.Equal(20 * PropertySettings.Scale, first.Count);
        Assert.Equal(first, again);
    }

    [Fact]
    public void BatteryTheory_Decisive_NamesTheShortfall()
    {
        var tally = new CaseTally();
        tally.Add(CaseOutcome.Pass);
        tally.Add(CaseOutcome.Inconclusive("too small"));
        tally.Add(CaseOutcome.Inconclusive("too large"));
        Assert.False(BatteryTheory.Decisive(tally, out string shortfall));
        Assert.Equal("only 1 of 3 cases decided; first reason: too small", shortfall);
        tally.Add(CaseOutcome.Pass);
        Assert.True(BatteryTheory.Decisive(tally, out _));
        tally.Add(CaseOutcome.NotImplemented);
        Assert.False(BatteryTheory.Decisive(tally, out shortfall));
        Assert.Equal("the reference answered not implemented in 1 of 5 cases", shortfall);
    }
}
