using System.Text.Json;

namespace Calculus.Cli.Tests.Grade;

/// <summary>Each submission's results.json against Gradescope's autograder format
/// (https://gradescope-autograders.readthedocs.io/en/latest/specs/, "Output format"): every key it writes is one the
/// sample of that page uses, with the same kind of value; the visibility and status are among the documented words; the
/// score is the sum of the tests' scores.</summary>
[Collection(nameof(WholeClass))]
public sealed class GradescopeFormatTests(WholeClassRun run)
{
    /// <summary>The keys of the specification's sample, with the kind of their values (its comments dropped).</summary>
    private const string Sample = """
        {
          "score": 44.0,
          "execution_time": 136,
          "output": "Text relevant to the entire submission",
          "output_format": "simple_format",
          "test_output_format": "text",
          "test_name_format": "text",
          "visibility": "after_due_date",
          "stdout_visibility": "visible",
          "extra_data": {},
          "tests": [
            {
              "score": 2.0,
              "max_score": 2.0,
              "status": "passed",
              "name": "Your name here",
              "name_format": "text",
              "number": "1.1",
              "output": "Giant multiline string that will be placed in a <pre> tag and collapsed by default",
              "output_format": "text",
              "tags": ["tag1", "tag2", "tag3"],
              "visibility": "visible",
              "extra_data": {}
            }
          ],
          "leaderboard": [
            {"name": "Accuracy", "value": 0.926}
          ]
        }
        """;

    private static readonly string[] Statuses = ["passed", "failed"];

    private static readonly string[] Visibilities = ["hidden", "after_due_date", "after_published", "visible"];

    [Theory]
    [InlineData("right")]
    [InlineData("planted")]
    [InlineData("missing")]
    public void ResultsJson_FollowsTheFormat(string name)
    {
        using var sample = JsonDocument.Parse(Sample);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Class.Out, name, "results.json")));
        var root = doc.RootElement;
        AssertKeysOf(sample.RootElement, root);
        var test0 = sample.RootElement.GetProperty("tests")[0];
        var tests = root.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(3, tests.Count);
        Assert.All(tests, t => AssertKeysOf(test0, t));
        Assert.All(tests, t => Assert.Contains(t.GetProperty("visibility").GetString(), Visibilities));
        Assert.All(tests, t => Assert.Contains(t.GetProperty("status").GetString(), Statuses));
        Assert.All(tests, t => Assert.InRange(t.GetProperty("score").GetDouble(), 0, t.GetProperty("max_score").GetDouble()));
        Assert.Equal(tests.Sum(t => t.GetProperty("score").GetDouble()), root.GetProperty("score").GetDouble());
        Assert.Equal(["1a", "1d", "2a"], tests.Select(t => t.GetProperty("name").GetString()!.Split(':')[0]));
    }

    [Fact]
    public void ResultsJson_OfAMistake_ScoresTheItemZero_AndNamesTheDiagnosisAndTheFirstFailure()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Class.Out, "planted", "results.json")));
        var d = doc.RootElement.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("name").GetString()!.StartsWith("1d", StringComparison.Ordinal));
        Assert.Equal((0.0, 1.5, "failed"), (d.GetProperty("score").GetDouble(), d.GetProperty("max_score").GetDouble(), d.GetProperty("status").GetString()));
        Assert.Contains("σ(x)(1 + σ(x))", d.GetProperty("output").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"; first failure: [^:]+: sigmoid'\(\S+\), expected \S+, got \S+ at x = ", d.GetProperty("output").GetString());
        Assert.Equal(1.5, doc.RootElement.GetProperty("score").GetDouble());
    }

    private static void AssertKeysOf(JsonElement sample, JsonElement actual)
    {
        foreach (var p in actual.EnumerateObject())
        {
            Assert.True(sample.TryGetProperty(p.Name, out var s), $"'{p.Name}' is not a key of Gradescope's format");
            Assert.Equal(s.ValueKind, p.Value.ValueKind);
        }
    }
}
