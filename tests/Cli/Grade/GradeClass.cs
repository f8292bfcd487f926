using Calculus.Cli.Tests.Commands;
using Calculus.Cli.Tests.Support;
using Calculus.Cli.Tests.Verify;

namespace Calculus.Cli.Tests.Grade;

/// <summary>A class of small submissions in a temporary folder, built from the Python template: right (filled with
/// answers.py), two with the same planted mistake in σ', empty (every item not implemented), missing (no solution.py:
/// cannot start), crash (σ' exits the process) and hang (σ' sleeps a minute); and <c>calculus grade</c> run on it
/// in-process, every subject marked so that none outlives the test (<see cref="SubjectGuard.Kill"/>).</summary>
internal sealed class GradeClass : IDisposable
{
    /// <summary>The planted mistake: σ(1 + σ) instead of σ(1 − σ), the known mistake sigmoid-1.</summary>
    public const string Mistake = """
        def sigmoid_derivative(x):  # sigma(1 + sigma) instead of sigma(1 - sigma)
            return sigmoid(x) * (1.0 + sigmoid(x))
        """;

    /// <summary>Items and cases that keep each run short: an affine item, σ (where the mistakes are) and tanh.</summary>
    public static readonly string[] Small = ["--only", "1a,1d,2a", "--cases", "50", "--seed", "7", "--timeout", "1"];

    private readonly TempFolder temp = new();

    private readonly string mark = $"{SubjectGuard.Variable}={Guid.NewGuid():N}";

    private GradeClass(IEnumerable<string> names)
    {
        string python = Templates.Python();
        Directory.CreateDirectory(temp.Path);
        string answers = Templates.Data("python", "answers.py");
        string template = Templates.Template("python", "solution.py");
        foreach (string name in names)
        {
            string? solution = name switch
            {
                "missing" => null,
                "empty" => File.ReadAllText(template),
                "planted" or "planted-too" => Fill(template, answers, Mistake),
                "crash" => Fill(template, answers, "def sigmoid_derivative(x):\n    import os\n    os._exit(3)\n"),
                "hang" => Fill(template, answers, "def sigmoid_derivative(x):\n    import time\n    time.sleep(60)\n"),
                _ => Fill(template, answers),
            };
            string dir = System.IO.Path.Combine(Submissions, name);
            Directory.CreateDirectory(dir);
            if (solution is not null)
            {
                File.WriteAllText(System.IO.Path.Combine(dir, "solution.py"), solution);
            }
        }

        Python = python;
    }

    public string Python { get; }

    private static string Fill(string template, params string[] answers)
    {
        using var folder = new TempFolder();
        return File.ReadAllText(Templates.FillPython(folder, template, answers));
    }

    public string Submissions => System.IO.Path.Combine(temp.Path, "class");

    public string Out => System.IO.Path.Combine(temp.Path, "out");

    /// <summary>The whole class of seven.</summary>
    public static GradeClass Whole() => new(["right", "planted", "planted-too", "empty", "missing", "crash", "hang"]);

    /// <summary>The four quick ones (no crash, no hang).</summary>
    public static GradeClass Quick() => new(["right", "planted", "empty", "missing"]);

    /// <summary><c>calculus grade CLASS --exec "python3 {}/solution.py" --out OUT</c> with the small settings, each
    /// replaced by the same option in <paramref name="options"/>; every subject it started killed when it ends. The
    /// mark is the class's, the same in every run, so that the command template (a setting) stays the same.</summary>
    public CliRunner.Result Grade(params string[] options)
    {
        var small = Small.Chunk(2).Where(pair => !options.Contains(pair[0])).SelectMany(pair => pair);
        try
        {
            return CliRunner.Run("", ["grade", Submissions, "--exec", $"{mark} {Python} {{}}/solution.py", "--out", Out, .. small, .. options]);
        }
        finally
        {
            SubjectGuard.Kill(mark);
        }
    }

    /// <summary>The gradebook.csv as rows of fields by name (no field here holds a comma inside quotes except the
    /// note, which is last).</summary>
    public Dictionary<string, Dictionary<string, string>> Gradebook()
    {
        var lines = File.ReadAllLines(System.IO.Path.Combine(Out, "gradebook.csv"));
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',', header.Length)).ToDictionary(
            f => f[0], f => header.Zip(f).ToDictionary(p => p.First, p => p.Second), StringComparer.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
