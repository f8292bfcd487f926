using System.Globalization;
using System.Text.RegularExpressions;
using Calculus.Cli.Grading;
using Calculus.Cli.Tests.Support;
using Calculus.Cli.Tests.Verify;
using Calculus.Verification.Checks;

namespace Calculus.Cli.Tests.Grade;

/// <summary>docs/grading.md against the code: the GitHub Classroom workflow has one command-grader test per sheet item
/// running <c>calculus verify --only ITEM</c>, each reported, exercise 1's worth the default rubric's points; such a
/// command exits 0 for a right item and not for an empty one; the rubric table is the default rubric.</summary>
public sealed partial class GradingDocTests
{
    private static string Doc => File.ReadAllText(Path.Combine(SubjectCommands.Root, "docs", "grading.md"));

    [Fact]
    public void ClassroomWorkflow_HasATestPerItem_EachReported()
    {
        var steps = Steps(Workflow()).ToList();
        var graders = steps.Where(s => s.GetValueOrDefault("uses", "").StartsWith("classroom-resources/autograding-command-grader@", StringComparison.Ordinal)).ToList();
        Assert.Equal(Battery.Items, graders.Select(s => s["test-name"]));
        foreach (var s in graders)
        {
            string item = s["test-name"];
            Assert.Equal($"item-{item}", s["id"]);
            Assert.StartsWith($"calculus verify --only {item} --seed 1 --exec ", s["command"], StringComparison.Ordinal);
            Assert.True(int.TryParse(s["timeout"], CultureInfo.InvariantCulture, out _), s["timeout"]);
            double points = double.Parse(s["max-score"], CultureInfo.InvariantCulture);
            if (Rubric.Default.MaxFor(item) > 0)
            {
                Assert.Equal(Rubric.Default.MaxFor(item), points);
            }
        }

        var reporter = steps.Single(s => s.GetValueOrDefault("uses", "").StartsWith("classroom-resources/autograding-grading-reporter@", StringComparison.Ordinal));
        Assert.Equal(graders.Select(s => s["id"]), reporter["runners"].Split(','));
        Assert.All(graders, s => Assert.Equal($"\"${{{{steps.{s["id"]}.outputs.result}}}}\"", reporter[$"{s["id"].ToUpperInvariant()}_RESULTS"]));
    }

    [Fact]
    public void ClassroomCommand_PassesARightItem_FailsAnEmptyOne()
    {
        string python = Templates.Python();
        using var folder = new TempFolder();
        string right = Templates.FillPython(folder, Templates.Template("python", "solution.py"), Templates.Data("python", "answers.py"));
        Assert.Equal(0, SubjectGuard.Verify($"{python} \"{right}\"", "--only", "1d", "--seed", "1", "--cases", "50").ExitCode);
        Assert.Equal(1, SubjectGuard.Verify($"{python} \"{Templates.Template("python", "solution.py")}\"", "--only", "1d", "--seed", "1", "--cases", "50").ExitCode);
    }

    [Fact]
    public void RubricTable_IsTheDefaultRubric()
    {
        var rows = RubricRow().Matches(Doc).ToList();
        Assert.Equal(3, rows.Count);
        foreach (Match row in rows)
        {
            var items = row.Groups["items"].Value.Contains('…', StringComparison.Ordinal)
                ? Battery.Items.SkipWhile(i => i != "2a")
                : row.Groups["items"].Value.Split(", ");
            foreach (string item in items)
            {
                Assert.Equal(double.Parse(row.Groups["core"].Value, CultureInfo.InvariantCulture), Rubric.Default.PointsFor(item, "core"));
                Assert.Equal(double.Parse(row.Groups["stable"].Value, CultureInfo.InvariantCulture), Rubric.Default.PointsFor(item, "stable"));
            }
        }
    }

    /// <summary>The workflow: the doc's yaml block.</summary>
    private static string Workflow()
    {
        var m = Regex.Match(Doc, "```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline);
        Assert.True(m.Success, "docs/grading.md holds no yaml block");
        return m.Groups["yaml"].Value;
    }

    /// <summary>The steps of a workflow (the subset of YAML it uses: one "- name:" line per step, then "key: value" lines
    /// and the keys of its "with:" and "env:" maps, all indented deeper).</summary>
    private static IEnumerable<Dictionary<string, string>> Steps(string yaml)
    {
        Dictionary<string, string>? step = null;
        foreach (string line in yaml.Split('\n'))
        {
            var start = StepStart().Match(line);
            if (start.Success)
            {
                if (step is not null)
                {
                    yield return step;
                }

                step = new(StringComparer.Ordinal) { ["name"] = start.Groups["name"].Value };
            }
            else if (step is not null && KeyValue().Match(line) is { Success: true } kv && kv.Groups["value"].Length > 0)
            {
                Assert.True(step.TryAdd(kv.Groups["key"].Value, kv.Groups["value"].Value), $"a key twice in a step: {line}");
            }
        }

        if (step is not null)
        {
            yield return step;
        }
    }

    [GeneratedRegex(@"^    - name: (?<name>.+)$")]
    private static partial Regex StepStart();

    [GeneratedRegex(@"^      +(?<key>[\w-]+): ?(?<value>.*)$")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"^\| (?<items>[0-9a-g, …]+) \| (?<core>[\d.]+) \| (?<stable>[\d.]+) \|$", RegexOptions.Multiline)]
    private static partial Regex RubricRow();
}
