using System.Diagnostics;
using System.Globalization;
using Calculus.Cli;

namespace Calculus.Sweeps;

/// <summary>The wall time of <c>calculus grade</c> over a class of N submissions (the Python template filled with right
/// answers, every fourth with a planted mistake in σ'), one at a time (<c>-j 1</c>) and two at a time (<c>-j 2</c>), with
/// the whole battery at CASES cases per check. A benchmark of whole runs, not a test: the figure goes to
/// docs/performance.md.</summary>
internal static class GradeTiming
{
    private const string Guard = "if __name__ == \"__main__\":";

    private const string Mistake = "def sigmoid_derivative(x):\n    return sigmoid(x) * (1.0 + sigmoid(x))\n";

    public static int Run(int submissions, int cases, TextWriter output)
    {
        string root = Root();
        string template = File.ReadAllText(Path.Combine(root, "templates", "python", "solution.py"));
        string answers = File.ReadAllText(Path.Combine(root, "tests", "Cli", "Verify", "python", "answers.py"));
        string work = Path.Combine(Path.GetTempPath(), $"calculus-grade-timing-{Guid.NewGuid():N}");
        string folder = Path.Combine(work, "class");
        try
        {
            for (int k = 0; k < submissions; k++)
            {
                string dir = Path.Combine(folder, $"student{k:00}");
                Directory.CreateDirectory(dir);
                string filled = answers + (k % 4 == 3 ? "\n\n" + Mistake : "");
                File.WriteAllText(Path.Combine(dir, "solution.py"), template.Replace(Guard, filled + "\n\n\n" + Guard, StringComparison.Ordinal));
            }

            output.WriteLine($"grade timing: {submissions} submissions, the whole battery at {cases} cases per check, {Environment.ProcessorCount} cores");
            var gradebooks = new List<string>();
            foreach (int jobs in new[] { 1, 2 })
            {
                string outDir = Path.Combine(work, $"out-j{jobs}");
                var clock = Stopwatch.StartNew();
                int code = CliApp.Run(["grade", folder, "--exec", "python3 {}/solution.py", "--out", outDir, "-j", jobs.ToString(CultureInfo.InvariantCulture),
                    "--seed", "1", "--cases", cases.ToString(CultureInfo.InvariantCulture)], TextReader.Null, TextWriter.Null, Console.Error);
                double seconds = clock.Elapsed.TotalSeconds;
                gradebooks.Add(File.ReadAllText(Path.Combine(outDir, "gradebook.csv")));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-j {jobs}: {seconds:0.0} s ({seconds / submissions:0.00} s per submission), exit {code}"));
            }

            output.WriteLine($"the same gradebook: {(gradebooks[0] == gradebooks[1] ? "yes" : "NO")}");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Verify.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Verify.sln not found");
    }
}
