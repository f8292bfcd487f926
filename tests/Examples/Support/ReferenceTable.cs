using System.Globalization;
using System.Text.Json;

namespace Calculus.Examples.Support;

/// <summary>The committed high-precision reference values (Reference/README.md says how they were made).</summary>
internal static class ReferenceTable
{
    /// <summary>One row; <paramref name="Note"/> is the optional fourth column (trig.csv says there where a case comes from).</summary>
    public sealed record Row(int Line, string Function, double[] Args, double Expected, string Note = "");

    public sealed record NetworkCase(
        int Hidden, int Inputs, double[][] W, double[] B, double[] Wout, double[] X, double Y,
        double Loss, double Z, double[][] DW, double[] Db, double[] Dw, double[] Dx);

    private static readonly Lazy<IReadOnlyList<Row>> ScalarRows = new(() => Load("scalar.csv"));

    private static readonly Lazy<IReadOnlyList<Row>> TrigRows = new(() => Load("trig.csv"));

    public static IReadOnlyList<Row> Scalar => ScalarRows.Value;

    /// <summary>Reference/trig.csv: sin and sin' (cos) where the reduction by π/2 is hardest, and random doubles.</summary>
    public static IReadOnlyList<Row> Trig => TrigRows.Value;

    public static IEnumerable<Row> For(string function) => Scalar.Where(r => r.Function == function);

    public static IReadOnlyList<NetworkCase> Networks()
    {
        using var stream = File.OpenRead(PathOf("networks.json"));
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.EnumerateArray().Select(e => new NetworkCase(
            e.GetProperty("hidden").GetInt32(), e.GetProperty("inputs").GetInt32(),
            Matrix(e.GetProperty("W")), Vector(e.GetProperty("b")), Vector(e.GetProperty("w")), Vector(e.GetProperty("x")),
            e.GetProperty("y").GetDouble(), e.GetProperty("loss").GetDouble(), e.GetProperty("z").GetDouble(),
            Matrix(e.GetProperty("dW")), Vector(e.GetProperty("db")), Vector(e.GetProperty("dw")), Vector(e.GetProperty("dx"))))
            .ToList();

        static double[] Vector(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

        static double[][] Matrix(JsonElement e) => e.EnumerateArray().Select(Vector).ToArray();
    }

    /// <summary>The text of a file of Reference/.</summary>
    public static string Text(string file) => File.ReadAllText(PathOf(file));

    private static List<Row> Load(string file)
    {
        var rows = new List<Row>();
        var lines = File.ReadAllLines(PathOf(file));
        for (int i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            rows.Add(new Row(
                i + 1,
                cells[0],
                cells[1].Split(' ').Select(Parse).ToArray(),
                Parse(cells[2]),
                cells.Length > 3 ? cells[3] : ""));
        }

        return rows;
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", file);
}
