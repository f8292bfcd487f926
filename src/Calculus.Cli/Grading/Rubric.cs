using System.Globalization;
using System.Text.Json;
using Calculus.Cli.Common;
using Calculus.Verification.Checks;

namespace Calculus.Cli.Grading;

/// <summary>The points of each sheet item at each level (docs/grading.md, "Rubric"): a JSON object
/// <c>{"1d": {"core": 1, "stable": 1.5}, …}</c>. The number at a level is what an item at that level earns in all (not an
/// increment); a level the item does not list earns the points of the highest listed level below it (accurate falls back
/// to stable, stable to core); <c>partial</c> (an item implemented in part only) earns its own entry, else 0. fail,
/// not-implemented, error and not-run earn 0, and so does every level of an item the rubric does not name.</summary>
internal sealed class Rubric
{
    /// <summary>The levels a rubric may name, lowest first; partial is apart (it is not above or below a level).</summary>
    public static readonly IReadOnlyList<string> Levels = ["core", "stable", "accurate"];

    /// <summary>The resource name of the default rubric (src/Calculus.Cli/Grading/default-rubric.json).</summary>
    private const string DefaultResource = "Calculus.Cli.Grading.default-rubric.json";

    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> points;

    private Rubric(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> points, string source)
    {
        this.points = points;
        Source = source;
    }

    /// <summary>Where the rubric came from: "the default rubric (exercise 1: 10 points)" or the file's path.</summary>
    public string Source { get; }

    /// <summary>The default rubric: the sheet's own weights. Exercise 1 is the only exercise the sheet gives points
    /// (10); its six items share them, and exercises 2–4 earn none unless a rubric file says so.</summary>
    public static Rubric Default { get; } = LoadDefault();

    /// <summary>Reads a rubric file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The rubric.</returns>
    /// <exception cref="UsageException">The file cannot be read, is not JSON, names an unknown item or level, or gives a
    /// negative or non-finite number of points.</exception>
    public static Rubric Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--rubric: cannot read '{path}': {e.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Reads a rubric from its JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="source">Where it came from, for the messages.</param>
    /// <returns>The rubric.</returns>
    /// <exception cref="UsageException">It is not a rubric (<see cref="Load"/>).</exception>
    public static Rubric Parse(string json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new UsageException($"--rubric {source}: not JSON: {e.Message}");
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"--rubric {source}: a rubric is a JSON object of items, e.g. {{\"1d\": {{\"core\": 1, \"stable\": 1.5}}}}");
            }

            var items = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
            foreach (var item in doc.RootElement.EnumerateObject())
            {
                if (!Battery.Items.Contains(item.Name))
                {
                    throw new UsageException($"--rubric {source}: unknown item '{item.Name}'; the sheet's items are {string.Join(", ", Battery.Items)}");
                }

                if (item.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new UsageException($"--rubric {source}: item '{item.Name}' must map levels to points, e.g. {{\"core\": 1, \"stable\": 1.5}}");
                }

                var levels = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var level in item.Value.EnumerateObject())
                {
                    if (!Levels.Contains(level.Name) && level.Name != "partial")
                    {
                        throw new UsageException($"--rubric {source}: item '{item.Name}': unknown level '{level.Name}'; levels are core, stable, accurate, partial");
                    }

                    if (level.Value.ValueKind != JsonValueKind.Number || !level.Value.TryGetDouble(out double p) || !double.IsFinite(p) || p < 0)
                    {
                        throw new UsageException($"--rubric {source}: item '{item.Name}', level '{level.Name}': points must be a finite number ≥ 0");
                    }

                    levels[level.Name] = p;
                }

                items[item.Name] = levels;
            }

            return new Rubric(items, source);
        }
    }

    /// <summary>The points an item earns with a grade word.</summary>
    /// <param name="item">A sheet item.</param>
    /// <param name="word">The item's word in the gradebook (<see cref="ItemGrade.Word"/>).</param>
    /// <returns>The points; 0 for an item the rubric does not name.</returns>
    public double PointsFor(string item, string word)
    {
        if (!points.TryGetValue(item, out var levels))
        {
            return 0;
        }

        if (word == "partial")
        {
            return levels.TryGetValue("partial", out double p) ? p : 0;
        }

        int reached = Levels.ToList().IndexOf(word);
        for (int k = reached; k >= 0; k--)
        {
            if (levels.TryGetValue(Levels[k], out double p))
            {
                return p;
            }
        }

        return 0;
    }

    /// <summary>The most an item can earn: its largest number of points at any level; 0 for an item not named.</summary>
    /// <param name="item">A sheet item.</param>
    /// <returns>The points.</returns>
    public double MaxFor(string item) => points.TryGetValue(item, out var levels) && levels.Count > 0 ? levels.Values.Max() : 0;

    /// <summary>Points as the gradebook writes them: "1.5", "10", "0".</summary>
    /// <param name="value">The points.</param>
    /// <returns>The text.</returns>
    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static Rubric LoadDefault()
    {
        using var stream = typeof(Rubric).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"the resource {DefaultResource} is not in the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "the default rubric (exercise 1: 10 points; docs/grading.md)");
    }
}
