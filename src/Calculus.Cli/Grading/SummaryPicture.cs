using ScottPlot;

namespace Calculus.Cli.Grading;

/// <summary>summary.png: the table of summary.md as a picture, one bar per item stacked by the word each submission's
/// item got, the highest level at the bottom; the legend (below the bars) names only the words the class got.</summary>
internal static class SummaryPicture
{
    /// <summary>The picture's size in pixels: wide enough for the sheet's 17 items side by side.</summary>
    public const int Width = 900, Height = 520;

    /// <summary>The colour of each word: levels from dark green (accurate) to yellow (partial), fail in red, error in
    /// violet, and the words that judge nothing in greys.</summary>
    internal static readonly IReadOnlyDictionary<string, Color> Colors = new Dictionary<string, Color>
    {
        ["accurate"] = Color.FromHex("#1B7837"),
        ["stable"] = Color.FromHex("#5AAE61"),
        ["core"] = Color.FromHex("#A6DBA0"),
        ["partial"] = Color.FromHex("#FEE08B"),
        ["fail"] = Color.FromHex("#D73027"),
        ["not-implemented"] = Color.FromHex("#BABABA"),
        ["error"] = Color.FromHex("#762A83"),
        ["not-run"] = Color.FromHex("#E0E0E0"),
    };

    /// <summary>The bars: per item (position k for the k-th item) a segment per word the item got, from
    /// <see cref="Bar.ValueBase"/> to <see cref="Bar.Value"/>, in the order of the table's columns
    /// (<see cref="ClassSummary.Words"/>) from the bottom up.</summary>
    /// <param name="rows">The gradebook's rows.</param>
    /// <param name="items">The items graded.</param>
    /// <returns>The plot.</returns>
    public static Plot Plot(IReadOnlyList<GradebookRow> rows, IReadOnlyList<string> items)
    {
        var plot = new Plot();
        foreach (string word in ClassSummary.Words)
        {
            var bars = new List<Bar>();
            for (int k = 0; k < items.Count; k++)
            {
                int below = ClassSummary.Words.TakeWhile(w => w != word).Sum(w => Count(rows, items[k], w));
                int count = Count(rows, items[k], word);
                if (count > 0)
                {
                    bars.Add(new Bar { Position = k, ValueBase = below, Value = below + count, FillColor = Colors[word], LineColor = ScottPlot.Colors.White, LineWidth = 1 });
                }
            }

            if (bars.Count > 0)
            {
                var series = plot.Add.Bars(bars);
                series.LegendText = word;
            }
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, items.Count).Select(k => (double)k)], [.. items]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.SetLimits(-0.6, items.Count - 0.4, 0, Math.Max(1, rows.Count) * 1.05);
        plot.Title($"Class summary: the level each item reached, {rows.Count} submission{(rows.Count == 1 ? "" : "s")}");
        plot.XLabel("item");
        plot.YLabel("submissions");
        var panel = plot.ShowLegend(Edge.Bottom);
        panel.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }

    /// <summary>How many submissions got <paramref name="word"/> for <paramref name="item"/>.</summary>
    internal static int Count(IReadOnlyList<GradebookRow> rows, string item, string word) =>
        rows.Count(r => r.Items.Single(i => i.Item == item).Word == word);
}
