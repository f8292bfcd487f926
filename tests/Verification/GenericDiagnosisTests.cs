using System.Text.RegularExpressions;
using Calculus.Functions;
using Calculus.Subjects;
using Calculus.Verification.Checks;
using Calculus.Verification.Diagnosis;
using Calculus.Verification.Running;
using Calculus.Verification.Sheet;

namespace Calculus.Verification.Tests;

/// <summary>The generic diagnoses (<see cref="GenericDiagnosis"/>): a subject making each mistake of a family that is not
/// on the known list gets it named, with the function and the evidence; a known mistake keeps its own name; and no
/// generic diagnosis fires on a right implementation (the reference, the naive textbook one, the reference in float32),
/// neither on its failed checks nor on the answers of any check it passes.</summary>
public sealed class GenericDiagnosisTests
{
    private static readonly ScalarFunction Sigmoid = Catalog.Sigmoid;
    private static readonly ScalarFunction Tanh = Catalog.Tanh;
    private static readonly ScalarFunction Erf = Catalog.Erf;

    /// <summary>A subject with one mistake outside <see cref="KnownMistakes"/>, the function it concerns, and the
    /// diagnosis it must get, without its evidence ("(all N values agree)").</summary>
    private static readonly Dictionary<string, (ISheet Sheet, string Function, string Diagnosis)> Mistakes = new(StringComparer.Ordinal)
    {
        ["ratio 2"] = (MutantSheet.Scalars("tanh", derivative: x => 2 * Tanh.Derivative(x)), "tanh",
            "every value of tanh_derivative is k × the right one (k = 2): 2·tanh'(x) instead of tanh'(x), a constant factor missing or extra, as from the chain rule."),
        ["ratio 0.5"] = (MutantSheet.Scalars("softplus", derivative: x => Catalog.Softplus.Derivative(x) / 2), "softplus",
            "every value of softplus_derivative is k × the right one (k = 0.5): 0.5·softplus'(x) instead of softplus'(x), a constant factor missing or extra, as from the chain rule."),
        ["sign of the derivative"] = (MutantSheet.Scalars("sigmoid", derivative: x => -Sigmoid.Derivative(x)), "sigmoid",
            "sigmoid_derivative answered every value with the wrong sign: −sigmoid'(x) instead of sigmoid'(x)."),
        ["sign of the value"] = (MutantSheet.Scalars("erf", value: x => -Erf.Value(x)), "erf",
            "erf answered every value with the wrong sign: −erf(x) instead of erf(x)."),
        ["sign of PLU' with its parameters"] = (new SheetDecorator(ReferenceSheet.Instance, call => call is ScalarQuery { Function: "plu", Derivative: true } q
                ? Answer.Of<double[]>([.. ((double[])q.AskOf(ReferenceSheet.Instance).Value!).Select(v => -v)]) : null), "plu",
            "plu_derivative answered every value with the wrong sign: −plu'(x) instead of plu'(x)."),
        ["sigmoid' in terms of the output, given x"] = (MutantSheet.Scalars("sigmoid", derivative: x => x * (1 - x)), "sigmoid",
            "sigmoid_derivative answered x(1 − x): the derivative in terms of the output, y(1 − y) with y = sigmoid(x), was given x instead of y."),
        ["tanh' in terms of the output, given x"] = (MutantSheet.Scalars("tanh", derivative: x => 1 - (x * x)), "tanh",
            "tanh_derivative answered 1 − x²: the derivative in terms of the output, 1 − y² with y = tanh(x), was given x instead of y."),
        ["sigmoid'(sigmoid(x))"] = (MutantSheet.Scalars("sigmoid", derivative: x => Sigmoid.Derivative(Sigmoid.Value(x))), "sigmoid",
            "sigmoid_derivative answered sigmoid'(sigmoid(x)): the derivative taken at the output sigmoid(x) instead of at x."),
        ["erf'(erf(x))"] = (MutantSheet.Scalars("erf", derivative: x => Erf.Derivative(Erf.Value(x))), "erf",
            "erf_derivative answered erf'(erf(x)): the derivative taken at the output erf(x) instead of at x."),
        ["the value for the derivative"] = (MutantSheet.Scalars("sigmoid", derivative: Sigmoid.Value), "sigmoid",
            "sigmoid_derivative answered sigmoid(x) itself: the value, not the derivative."),
        ["the derivative for the value"] = (MutantSheet.Scalars("tanh", value: Tanh.Derivative), "tanh",
            "tanh answered tanh'(x): the derivative, not the value."),
        ["the derivative at x + 1"] = (MutantSheet.Scalars("sigmoid", derivative: x => Sigmoid.Derivative(x + 1)), "sigmoid",
            "sigmoid_derivative answered sigmoid'(x + 1): the right derivative at a shifted argument, x + 1 instead of x."),
        ["the value at x − 0.5"] = (MutantSheet.Scalars("erf", value: x => Erf.Value(x - 0.5)), "erf",
            "erf answered erf(x − 0.5): the right value at a shifted argument, x − 0.5 instead of x."),
        ["tanh's values for sigmoid"] = (MutantSheet.Scalars("sigmoid", value: Tanh.Value), "sigmoid",
            "sigmoid answered tanh's values tanh(x) instead of sigmoid(x)."),
        ["sigmoid's derivative for tanh's"] = (MutantSheet.Scalars("tanh", derivative: Sigmoid.Derivative), "tanh",
            "tanh_derivative answered sigmoid's derivative sigmoid'(x) instead of tanh'(x)."),
    };

    public static TheoryData<string> MistakeNames() => [.. Mistakes.Keys];

    public static TheoryData<string> KnownScalarMistakes() => [.. KnownMistakes.All.Where(m => SheetFunctions.Names.Contains(m.Function)).Select(m => m.Id)];

    private static IReadOnlyList<CheckRun> Failures(ISheet subject, string function, ulong seed, int? cases = null)
    {
        var checks = Battery.All.Where(c => c.Functions.Contains(function)).ToList();
        return [.. BatteryRunner.Run(subject, new VerifySettings(checks, seed, cases, ErrorModels.Verify(), null)).Runs.Where(r => r.Verdict == CheckVerdict.Fail)];
    }

    /// <summary>The diagnosis without its evidence, or null when it does not end in "(all N values agree)." with N ≥ 2.</summary>
    private static string? WithoutEvidence(string? diagnosis) =>
        diagnosis is not null && Regex.Match(diagnosis, @"^(.*) \(all [1-9][0-9]* values agree\)\.$") is { Success: true } m ? m.Groups[1].Value + "." : null;

    private static string Diagnoses(IEnumerable<CheckRun> runs) => string.Join("; ", runs.Select(r => $"{r.Check.Name}: {r.Diagnosis ?? "none"}"));

    private static bool IsKnown(string? diagnosis) => KnownMistakes.All.Any(m => m.Description == diagnosis);

    [Theory]
    [MemberData(nameof(MistakeNames))]
    public void AMistakeOutsideTheKnownList_IsNamed_ByEveryFailedCheckThatNamesOne(string name)
    {
        var (sheet, function, expected) = Mistakes[name];
        ulong seed = BatterySeed.Next();
        var failed = Failures(sheet, function, seed);
        Assert.True(failed.Count > 0, $"seed {seed}: {name} passed every check of {function}");
        Assert.True(failed.Any(r => r.Diagnosis is not null), $"seed {seed}: {name}: no failed check named it; {Diagnoses(failed)}");
        Assert.All(failed.Where(r => r.Diagnosis is not null), r => Assert.Equal(expected, WithoutEvidence(r.Diagnosis)));
    }

    /// <summary>The mistakes whose formula is well conditioned: all but 1 − x², which cancels near |x| = 1, so that the
    /// rounding of x to a float (6e-8 relative) becomes a relative error of 1e-6 and more there.</summary>
    public static TheoryData<string> WellConditionedMistakeNames() => [.. Mistakes.Keys.Where(k => k != IllConditioned)];

    private const string IllConditioned = "tanh' in terms of the output, given x";

    [Theory]
    [MemberData(nameof(WellConditionedMistakeNames))]
    public void AMistakeInFloat32_IsNamedAsInDouble(string name)
    {
        // PyTorch computes in float32: x rounded to a float, the answer too (6e-8 relative), well inside the agreement.
        var (sheet, function, expected) = Mistakes[name];
        ulong seed = BatterySeed.Next();
        var failed = Failures(new SinglePrecisionSheet(sheet), function, seed);
        Assert.True(failed.Any(r => r.Diagnosis is not null), $"seed {seed}: {name}: no failed check named it; {Diagnoses(failed)}");
        Assert.All(failed.Where(r => r.Diagnosis is not null), r => Assert.Equal(expected, WithoutEvidence(r.Diagnosis)));
    }

    [Fact]
    public void AnIllConditionedMistakeInFloat32_IsNotNamedWrongly()
    {
        // 1 − x² in float32 disagrees with 1 − x² in double by more than 1e-6 near |x| = 1: the check then names nothing
        // (a limitation), and never another mistake.
        var (sheet, function, expected) = Mistakes[IllConditioned];
        ulong seed = BatterySeed.Next();
        var failed = Failures(new SinglePrecisionSheet(sheet), function, seed);
        Assert.NotEmpty(failed);
        Assert.All(failed, r => Assert.True(r.Diagnosis is null || WithoutEvidence(r.Diagnosis) == expected, $"seed {seed}: {r.Check.Id}: {r.Diagnosis}"));
    }

    /// <summary>Wrong formulas next to a family: off by 1e-4 relative from it (a hundred times the agreement of 1e-6), or
    /// a factor or shift smaller than <see cref="GenericDiagnosis.Smallest"/>, which rounding can mimic.</summary>
    private static readonly Dictionary<string, Func<double, double>> NearMisses = new(StringComparer.Ordinal)
    {
        ["−σ'(x)·(1 + 1e-4·cos x)"] = x => -Sigmoid.Derivative(x) * (1 + (1e-4 * Math.Cos(x))),
        ["1.0001·σ'(x)"] = x => 1.0001 * Sigmoid.Derivative(x),
        ["σ'(x + 1e-4)"] = x => Sigmoid.Derivative(x + 1e-4),
    };

    public static TheoryData<string> NearMissNames() => [.. NearMisses.Keys];

    [Theory]
    [MemberData(nameof(NearMissNames))]
    public void AFormulaCloseToAFamilyButNotInIt_IsNotNamed(string name)
    {
        var failed = Failures(MutantSheet.Scalars("sigmoid", derivative: NearMisses[name]), "sigmoid", 5, 200);
        Assert.NotEmpty(failed);
        Assert.All(failed, r => Assert.Null(r.Diagnosis));
    }

    [Fact]
    public void TheEvidence_CountsEveryValueAnsweredInTheCheck()
    {
        // The core derivative check asks one point per case; the shrinking after it asks the subject unlogged.
        var check = Battery.All.Single(c => c.Functions.SequenceEqual(["sigmoid"]) && c.Name.StartsWith("derivative matches the reference", StringComparison.Ordinal));
        var run = BatteryRunner.Run(Mistakes["the value for the derivative"].Sheet, new VerifySettings([check], 1, 50, ErrorModels.Verify(), null)).Runs[0];
        Assert.Equal(CheckVerdict.Fail, run.Verdict);
        Assert.Equal("sigmoid_derivative answered sigmoid(x) itself: the value, not the derivative (all 50 values agree).", run.Diagnosis);
    }

    [Fact]
    public void TheReport_ShowsAGenericDiagnosisAsItsOwnSentence_AndAKnownOneAsAKnownMistake()
    {
        var check = Battery.All.Single(c => c.Functions.SequenceEqual(["sigmoid"]) && c.Name.StartsWith("derivative matches the reference", StringComparison.Ordinal));
        var generic = BatteryRunner.Run(Mistakes["the value for the derivative"].Sheet, new VerifySettings([check], 1, 50, ErrorModels.Verify(), null)).Runs[0];
        Assert.Contains("diagnosis: sigmoid_derivative answered sigmoid(x) itself: the value, not the derivative (all 50 values agree).", Reports.VerifyReports.Details(generic));
        var known = KnownMistakes.Find("sigmoid-1");
        var run = BatteryRunner.Run(known.Sheet, new VerifySettings([check], 1, 50, ErrorModels.Verify(), null)).Runs[0];
        Assert.Contains($"diagnosis: your values agree with a known mistake at every sampled case: {known.Description}", Reports.VerifyReports.Details(run));
    }

    [Fact]
    public void TwoWrongParts_GetASentenceEach()
    {
        // The slope check asks f' and then f around x: −σ and 2σ' is two sentences, in the order asked.
        var both = MutantSheet.Scalars("sigmoid", value: x => -Sigmoid.Value(x), derivative: x => 2 * Sigmoid.Derivative(x));
        var check = Battery.All.Single(c => c.Functions.SequenceEqual(["sigmoid"]) && c.Name.StartsWith("derivative matches the slope", StringComparison.Ordinal));
        var run = BatteryRunner.Run(both, new VerifySettings([check], 2, 50, ErrorModels.Verify(), null)).Runs[0];
        Assert.Matches(@"^every value of sigmoid_derivative is k × the right one \(k = 2\): 2·sigmoid'\(x\) instead of sigmoid'\(x\), a constant factor missing or extra, as from the chain rule \(all 50 values agree\)\. "
            + @"sigmoid answered every value with the wrong sign: −sigmoid\(x\) instead of sigmoid\(x\) \(all \d+ values agree\)\.$",
            run.Diagnosis);
    }

    [Fact]
    public void AMistakeNoFamilyExplains_GetsNoDiagnosis()
    {
        // σ'(x) + 0.01: no sign, factor, swap, output form, other function or shift gives it.
        var failed = Failures(MutantSheet.Scalars("sigmoid", derivative: x => Sigmoid.Derivative(x) + 0.01), "sigmoid", 3, 200);
        Assert.NotEmpty(failed);
        Assert.All(failed, r => Assert.Null(r.Diagnosis));
    }

    [Theory]
    [MemberData(nameof(KnownScalarMistakes))]
    public void AKnownMistake_KeepsItsOwnName_WhereAGenericOneWouldAlsoFit(string id)
    {
        // sin'(x) = −cos(x) is also the wrong sign, erf' without 2/√π a factor, the shifted logistic a shift, the smooth
        // hinge answered by the logistic loss another function: the known name comes first, on every failed check.
        var mistake = KnownMistakes.Find(id);
        ulong seed = BatterySeed.Next();
        var failed = Failures(mistake.Sheet, mistake.Function, seed, 200);
        Assert.Contains(failed, r => r.Diagnosis == mistake.Description);
        Assert.All(failed, r => Assert.True(r.Diagnosis is null || r.Diagnosis == mistake.Description, $"seed {seed}: {r.Check.Id}: {r.Diagnosis}"));
    }

    [Theory]
    [InlineData("sin-1")]
    [InlineData("gaussian-2")]
    [InlineData("erf-1")]
    [InlineData("gaussian-1")]
    [InlineData("logistic-1")]
    [InlineData("logistic-2")]
    [InlineData("smooth-hinge-1")]
    public void AKnownMistake_WithoutTheKnownList_WouldGetAGenericDiagnosis(string id)
    {
        // The test above is not vacuous: for these known mistakes a generic family fits too.
        var mistake = KnownMistakes.Find(id);
        var checks = Battery.All.Where(c => c.Functions.SequenceEqual([mistake.Function]) && c.Tier == Tier.Core).ToList();
        var failed = checks.Select(c => RunLogged(mistake.Sheet, c, 4, 100)).Where(r => r.Run.Verdict == CheckVerdict.Fail).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, r => Assert.NotNull(WithoutEvidence(GenericDiagnosis.Of(r.Answers))));
    }

    public static TheoryData<string> RightSubjects() => ["reference", "naive", "float32"];

    private static ISheet Right(string name) => name switch
    {
        "reference" => ReferenceSheet.Instance,
        "naive" => new NaiveSheet(),
        "float32" => new SinglePrecisionSheet(ReferenceSheet.Instance),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    /// <summary>Every answer the subject gave in one check.</summary>
    private static IReadOnlyList<(SheetCall Call, IAnswer Answer)> Logged(ISheet subject, Check check, ulong seed, int? cases = null) =>
        RunLogged(subject, check, seed, cases).Answers;

    /// <summary>One check's run, and every answer the subject gave in it.</summary>
    private static (CheckRun Run, IReadOnlyList<(SheetCall Call, IAnswer Answer)> Answers) RunLogged(ISheet subject, Check check, ulong seed, int? cases = null)
    {
        var log = new SheetDecorator(subject, log: true);
        var run = BatteryRunner.Run(log, new VerifySettings([check], seed, cases, ErrorModels.Verify(), null)).Runs[0];
        return (run, log.Entries);
    }

    [Theory]
    [MemberData(nameof(RightSubjects))]
    public void ARightImplementation_GetsNoGenericDiagnosis_OnAnyCheckOfAScalarFunction(string name)
    {
        // Not only the failed checks (the naive forms fail stable checks, float32 judged in double fails stable ones):
        // the answers of every check, passed or failed, are asked for a generic diagnosis, and none may fire.
        var subject = Right(name);
        ulong seed = BatterySeed.Next();
        int failed = 0;
        foreach (var check in Battery.All.Where(c => c.Functions.All(SheetFunctions.Names.Contains)))
        {
            var (run, answers) = RunLogged(subject, check, seed);
            failed += run.Verdict == CheckVerdict.Fail ? 1 : 0;
            Assert.True(run.Diagnosis is null || IsKnown(run.Diagnosis), $"seed {seed}: {name}: {check.Id} ({run.Verdict}): {run.Diagnosis}");
            string? diagnosis = GenericDiagnosis.Of(answers);
            Assert.True(diagnosis is null, $"seed {seed}: {name}: {check.Id} ({run.Verdict}), from {answers.Count} answers: {diagnosis}");
        }

        Assert.True(name == "reference" || failed > 0, $"seed {seed}: {name} failed no check, so none was diagnosed");
    }
}
