using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Calculus.Cli.Common;
using Calculus.Cli.Report;
using Calculus.Functions;
using static Calculus.Verification.Reports.VerifyReports;

namespace Calculus.Cli.Commands;

/// <summary><c>calculus report [--out DIR]</c>: the plots of every activation and of sheet 3, and index.md with every
/// check's figures; exit 1 if any check failed.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out", "-o") { Description = "The folder to write to.", DefaultValueFactory = _ => Path.Combine("artifacts", "report") };
        var command = new Command("report", "Draw every activation and the pictures of sheet 3, run every check, and write index.md.") { output };
        command.SetAction(parse => Write(context, parse.GetValue(output)!));
        return command;
    }

    internal static int Write(CliContext context, string directory) => Write(context, directory, Catalog.Activations);

    /// <summary>The report with the activations of sheet 2 given: the catalog's, except in tests, which pass a
    /// deliberately wrong one to see a check fail.</summary>
    internal static int Write(CliContext context, string directory, IReadOnlyList<ScalarFunction> activations)
    {
        var clock = Stopwatch.StartNew();
        ProbeWritable(directory);

        var md = new StringBuilder();
        var checks = new List<ReportCheck>();
        md.AppendLine("# Exercise sheet 4, verified").AppendLine();
        md.AppendLine("Written by `dotnet run --project src/Calculus.Cli -- report`. Every number below was measured by the library's own gradient check (`src/Calculus/Checking`).").AppendLine();
        md.AppendLine("![all activations](overview.png)").AppendLine();

        md.AppendLine("## Sheet 2: activation functions").AppendLine();
        md.AppendLine("| activation | plot | range f(ℝ) | saturates in double | derivative | f' against central differences, x = −10..10: max \\|error\\|, worst error ÷ tolerance | advantage | disadvantage |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        var plots = new List<ScottPlot.Plot>();
        foreach (var a in activations)
        {
            var plot = Plots.Activation(a);
            Plots.Save(plot, directory, a.Name, svg: true);
            plots.Add(plot);
            var (worst, ratio, passed, points, undecided) = ReportChecks.ActivationSweep(a);
            string measured = $"max |error| {worst.ToString("0.0e+00", CultureInfo.InvariantCulture)}, worst error/tolerance {ratio.ToString("0.00", CultureInfo.InvariantCulture)}";
            checks.Add(new ReportCheck("2", $"{a.Name}' against central differences at {points} points{(undecided > 0 ? $" ({undecided} undecided: a kink inside the stencil)" : "")}", measured, passed));
            md.AppendLine($"| {a.Name} | [png]({a.Name}.png), [svg]({a.Name}.svg) | {Cell(a.Range.ToString())} | {Cell(a.SaturatesInDouble)} | {Cell(a.DerivativeFormula)} | {Cell(measured)}{(passed ? "" : " **FAILED**")} | {Cell(a.Advantage ?? "")} | {Cell(a.Disadvantage ?? "")} |");
        }

        Plots.SaveOverview(plots, Path.Combine(directory, "overview.png"));
        md.AppendLine();

        md.AppendLine("## Sheet 1: the network gradient").AppendLine();
        md.AppendLine("a = Wx + b, z = wᵀσ̂(a), L = log(1 + exp(−yz)); f_e(z) = −y·σ(−yz), f_d(a) = σ(a)(1 − σ(a)).").AppendLine();
        md.AppendLine("- 1a: ∂(Wx + b)/∂W_ij = x_j·e_i;  1b: ∂(Wx + b)/∂b_i = e_i;  1c: ∂(Wx + b)/∂x_i = W_(·,i)");
        md.AppendLine("- 1d: σ'(a) = σ(a)(1 − σ(a)) = σ(a)σ(−a);  1e: ∂/∂a log(1 + e^(−ya)) = −y·σ(−ya)");
        md.AppendLine("- 1f: ∂L/∂W_ij = f_e(z)·w_i·f_d(a_i)·x_j, ∂L/∂b_i = f_e(z)·w_i·f_d(a_i), ∂L/∂w = f_e(z)·σ̂(a), ∂L/∂x = Wᵀ(f_e(z)·(w ⊙ f̂_d(a)))").AppendLine();
        AppendChecks(md, checks, ReportChecks.Networks(context.Gradient).ToList());

        md.AppendLine("## Sheet 3: log-sum-exp, hinge and logistic loss").AppendLine();
        md.AppendLine("![3a](lse-excess.png)").AppendLine();
        md.AppendLine("![3b and 3c](losses.png)").AppendLine();
        Plots.Save(Plots.LogSumExpExcess([2, 3, 5, 10]), directory, "lse-excess", svg: false);
        Plots.Save(Plots.Losses(), directory, "losses", svg: false);
        AppendChecks(md, checks, ReportChecks.Sheet3().ToList());
        md.AppendLine("**3c.** The logistic loss is the smooth hinge moved one unit to the *left*, l(t) = h*(t + 1), so it lies below h* everywhere and bends at t = 0 instead of t = 1; the sheet's \"shifted to the right\" has the direction backwards.").AppendLine();

        md.AppendLine("## Exercise 4: the three losses in training").AppendLine();
        md.AppendLine("The sheet-1f network (h = 8, σ) trained on the same XOR data (200 points) from the same initial weights and batches (seed 1), 300 epochs of mini-batch gradient descent (batch 16, η = 1), once per loss of exercise 3:").AppendLine();
        md.AppendLine("![training curves](train-losses.png)").AppendLine();
        AppendChecks(md, checks, ReportChecks.TrainingRuns(out var runs).ToList());
        Plots.Save(Plots.TrainingCurves(runs, "Exercise 4: XOR, h = 8, one run per loss"), directory, "train-losses", svg: false);

        int failed = checks.Count(c => !c.Passed);
        md.AppendLine($"{checks.Count - failed} of {checks.Count} checks passed; the report took {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
        File.WriteAllText(Path.Combine(directory, "index.md"), md.ToString());

        int width = checks.Max(c => c.What.Length);
        context.Output.WriteLine($"{"sheet",-5}  {"check".PadRight(width)}  result");
        foreach (var c in checks)
        {
            context.Output.WriteLine($"{c.Section,-5}  {c.What.PadRight(width)}  {(c.Passed ? "pass" : "FAIL")}  {c.Measured}");
        }

        context.Output.WriteLine($"{checks.Count - failed} of {checks.Count} checks passed in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s; report: {Path.GetFullPath(Path.Combine(directory, "index.md"))}");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }

    private static void AppendChecks(StringBuilder md, List<ReportCheck> all, List<ReportCheck> checks)
    {
        all.AddRange(checks);
        md.AppendLine("| item | check | measured | result |").AppendLine("|---|---|---|---|");
        foreach (var c in checks)
        {
            md.AppendLine($"| {c.Section} | {Cell(c.What)} | {Cell(c.Measured)} | {(c.Passed ? "pass" : "**FAIL**")} |");
        }

        md.AppendLine();
    }

    /// <summary>Creates the folder and fails early, with one clear line naming the option, when it cannot be created
    /// or written: an empty or blank name, a name the file system refuses, a path under a file, a folder without write
    /// permission.</summary>
    internal static void ProbeWritable(string directory, string option = "--out")
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new UsageException($"{option}: the output folder name is empty or blank");
        }

        if (File.Exists(directory))
        {
            throw new UsageException($"{option}: '{directory}' is a file, not a folder");
        }

        try
        {
            string probe = Path.Combine(directory, ".write-test");
            Directory.CreateDirectory(directory);
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"{option}: cannot write to the output folder '{directory}': {e.Message}");
        }
    }
}
