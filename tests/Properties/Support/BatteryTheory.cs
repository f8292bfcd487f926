namespace Calculus.Properties.Support;

/// <summary>The battery of <c>src/Calculus.Verification</c> run against the reference library, as FsCheck properties: the
/// checks whose oracle does not need the reference's own value (central differences of its own values, the sheet's
/// claims), with the error model of a backward-stable implementation (<see cref="ElementaryError.Reference"/>), so the
/// reference is held to tighter tolerances than a student. The checks that compare a value with the reference would
/// compare the library with itself here; they are proved on students' behalf by <c>tests/Examples/Verify</c> (every
/// known mistake rejected, the naive textbook implementation passed).</summary>
internal static class BatteryTheory
{
    /// <summary>The reference checked as a subject.</summary>
    public static CheckContext Reference { get; } = new(ReferenceSheet.Instance, ReferenceSheet.Instance, ElementaryError.Reference);

    /// <summary>The ids of the independent checks of one sheet item.</summary>
    public static TheoryData<string> Checks(string item) => [.. Battery.All.Where(c => c.Item == item && c.Independent).Select(c => c.Id)];

    /// <summary>Runs one check as a property with its default case count (scaled and replayed as every property is), and
    /// requires it decisive: no case not implemented, and at least <see cref="CheckRun.MinimumDecided"/> of the cases
    /// decided (pass), so that an oracle that gives up everywhere cannot pass for a proof. Every failure prints what
    /// replays the run (<c>VERIFY_REPLAY</c>, FsCheck's seed and gamma, which it prints itself only for a failed case).</summary>
    public static void Check(string id)
    {
        var check = Battery.Find(id);
        var tally = new CaseTally();
        string replay = PropertySettings.CheckReplayable(check.ToProperty(Reference, tally), check.Cases);
        Assert.True(Decisive(tally, out string shortfall), $"{id}: {shortfall}; replay with {replay} and a filter for this test");
    }

    /// <summary>Whether the tally is decisive; otherwise what falls short, in words.</summary>
    internal static bool Decisive(CaseTally tally, out string shortfall)
    {
        int ran = tally[CheckVerdict.Pass] + tally[CheckVerdict.Inconclusive] + tally[CheckVerdict.NotImplemented];
        shortfall = tally[CheckVerdict.NotImplemented] > 0 ? $"the reference answered not implemented in {tally[CheckVerdict.NotImplemented]} of {ran} cases"
            : tally[CheckVerdict.Pass] < CheckRun.MinimumDecided * ran ? $"only {tally[CheckVerdict.Pass]} of {ran} cases decided; first reason: {tally.FirstInconclusive}"
            : "";
        return shortfall.Length == 0;
    }
}
