using System.Diagnostics;
using System.Globalization;
using Calculus.Checking;
using Calculus.Verification.Checks;
using Calculus.Verification.Protocol;
using Calculus.Verification.Running;

namespace Calculus.Sweeps;

/// <summary>The wall time of the whole default battery (every check, default case counts) against a subject process,
/// as <c>calculus verify</c> runs it: against <c>calculus serve</c> (target ≤ 5 s) and against the Python template filled
/// with right answers (target ≤ 20 s), with the requests sent and their rate. A benchmark of a whole run, not a test.</summary>
internal static class VerifyTiming
{
    public static int Run(int repeats, TextWriter output)
    {
        string root = Root();
        string calculus = Path.Combine(AppContext.BaseDirectory, "calculus.dll");
        var subjects = new List<(string Name, string Command)> { ("calculus serve", $"dotnet \"{calculus}\" serve") };
        string? python = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "python3")).FirstOrDefault(File.Exists);
        if (python is not null)
        {
            string filled = Path.Combine(Path.GetTempPath(), "calculus-filled-solution.py");
            string template = File.ReadAllText(Path.Combine(root, "templates", "python", "solution.py"));
            string answers = File.ReadAllText(Path.Combine(root, "tests", "Cli", "Verify", "python", "answers.py"));
            const string guard = "if __name__ == \"__main__\":";
            File.WriteAllText(filled, template.Replace(guard, answers + "\n\n" + guard, StringComparison.Ordinal));
            subjects.Add(("the Python template, filled", $"{python} \"{filled}\""));
        }

        output.WriteLine($"verify timing: the whole default battery ({Battery.All.Count} checks), {repeats} runs each, {Environment.ProcessorCount} cores");
        foreach (var (name, command) in subjects)
        {
            var times = new List<double>();
            long requests = 0;
            bool passed = true;
            for (int k = 0; k < repeats; k++)
            {
                var clock = Stopwatch.StartNew();
                using var subject = ProcessSheet.Start(command, TimeSpan.FromSeconds(10));
                var result = BatteryRunner.Run(subject, new VerifySettings(Battery.All, (ulong)(k + 1), null, ElementaryError.Student(), null), subject.Prefetch);
                times.Add(clock.Elapsed.TotalSeconds);
                requests = subject.RequestsSent;
                passed &= !result.Failed;
            }

            times.Sort();
            double median = times[times.Count / 2];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: median {median:0.0} s (min {times[0]:0.0}, max {times[^1]:0.0}), {requests} requests, {requests / median:0} per second, every check {(passed ? "passed" : "NOT passed")}"));
        }

        return 0;
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
