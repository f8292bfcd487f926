using Calculus.Cli.Grading;
using ScottPlot;
using ScottPlot.Plottables;

namespace Calculus.Cli.Tests.Grade;

/// <summary>summary.png draws the table of summary.md: per item a bar of the class's submissions stacked by word in the
/// table's order, and a legend of the words the class got.</summary>
public sealed class SummaryPictureTests
{
    private static GradebookRow Row(string name, params string[] words) =>
        new(name, [.. words.Select((w, k) => new ItemGrade(Items[k], "", w, 0, 0, []))], null, false);

    private static readonly string[] Items = ["1a", "1d", "2a"];

    [Fact]
    public void EachItemsBar_StacksItsSubmissionsByWord_InTheTablesOrder()
    {
        GradebookRow[] rows =
        [
            Row("a", "stable", "stable", "core"),
            Row("b", "stable", "fail", "not-implemented"),
            Row("c", "core", "fail", "not-implemented"),
            Row("d", "not-run", "not-run", "not-run"),
        ];
        var plot = SummaryPicture.Plot(rows, Items);
        var segments = plot.GetPlottables<BarPlot>().SelectMany(series => series.Bars.Select(b => (Series: series.LegendText, Bar: b))).ToList();

        // Each item: its segments from 0 up, touching, in the table's order, summing to the class.
        for (int k = 0; k < Items.Length; k++)
        {
            var bar = segments.Where(s => s.Bar.Position == k).OrderBy(s => s.Bar.ValueBase).ToList();
            var expected = ClassSummary.Words.Where(w => SummaryPicture.Count(rows, Items[k], w) > 0).ToList();
            Assert.Equal(expected, bar.Select(s => s.Series));
            Assert.Equal(0, bar[0].Bar.ValueBase);
            for (int s = 1; s < bar.Count; s++)
            {
                Assert.Equal(bar[s - 1].Bar.Value, bar[s].Bar.ValueBase);
            }

            Assert.Equal(rows.Length, bar[^1].Bar.Value);
            Assert.All(bar, s => Assert.Equal(SummaryPicture.Colors[s.Series], s.Bar.FillColor));
        }

        // 1d: 1 stable (0–1), 2 fail (1–3), 1 not-run (3–4).
        Assert.Equal([(0.0, 1.0), (1.0, 3.0), (3.0, 4.0)], segments.Where(s => s.Bar.Position == 1).OrderBy(s => s.Bar.ValueBase).Select(s => (s.Bar.ValueBase, s.Bar.Value)));

        // The legend: the words the class got, once each, none it did not.
        Assert.Equal(["stable", "core", "fail", "not-implemented", "not-run"], plot.GetPlottables<BarPlot>().Select(b => b.LegendText));
        plot.RenderInMemory(SummaryPicture.Width, SummaryPicture.Height);
        Assert.Equal(Items, plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label));
    }

    [Fact]
    public void APictureThatCannotBeDrawn_CostsThePictureOnly()
    {
        // summary.png is a folder: the picture cannot be written; the gradebook and every results.json are, and grade
        // still exits 0, saying so on standard error.
        using var quick = GradeClass.Quick();
        Directory.CreateDirectory(Path.Combine(quick.Out, "summary.png"));
        var run = quick.Grade("--only", "1a");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.StartsWith("calculus: summary.png not drawn (the gradebook and every results.json are written): ", run.Error, StringComparison.Ordinal);
        Assert.Equal(4, quick.Gradebook().Count);
        Assert.All(quick.Gradebook().Keys, name => Assert.True(File.Exists(Path.Combine(quick.Out, name, "results.json")), name));
        Assert.DoesNotContain("summary.png", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryWord_HasAColourOfItsOwn()
    {
        Assert.Equal(ClassSummary.Words.Order(StringComparer.Ordinal), SummaryPicture.Colors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(SummaryPicture.Colors.Count, SummaryPicture.Colors.Values.Distinct().Count());
    }
}
