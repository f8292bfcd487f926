using Calculus.Cli.Report;
using Calculus.Cli.Tests.Support;
using Calculus.Functions;
using Calculus.Losses;
using Calculus.Training;
using ScottPlot;
using ScottPlot.Plottables;

namespace Calculus.Cli.Tests.Commands;

/// <summary>The pictures of <c>calculus report</c> and <c>calculus train</c> (issue 13, finding 8), checked on the ScottPlot
/// models that <see cref="Plots"/> builds, before and after rendering: legends outside the data, accuracy axes with
/// headroom and runs that differ, derivative jumps drawn as gaps with their one-sided limits, an inset for a slope too
/// faint to see, and a colour bar and the z = 0 contour in the decision-boundary picture.</summary>
public sealed class PictureTests
{
    /// <summary>XOR trained briefly: enough for a boundary that crosses the plane.</summary>
    private static readonly Lazy<(NetworkModel Model, Dataset Data)> Trained = new(() =>
    {
        var data = Datasets.Xor(100, seed: 1);
        var model = NetworkModel.Initialize(8, 2, Catalog.Sigmoid, seed: 1);
        return (Trainer.Train(model, data, MarginLosses.Find("logistic"), new TrainingOptions(Epochs: 150)).Model, data);
    });

    /// <summary>Three runs that all end at 100 % accuracy, as the report's three losses do on XOR.</summary>
    private static readonly string[] RunNames = ["logistic", "smooth-hinge", "hinge"];

    private static List<(string Name, IReadOnlyList<EpochRecord> History)> RunsEndingAtOne() =>
        [.. RunNames.Select((name, r) => (name, History(20.0 + (5 * r), 40.0 + (10 * r))))];

    private static IReadOnlyList<EpochRecord> History(double lossScale, double accuracyScale) =>
        [.. Enumerable.Range(0, 301).Select(e => new EpochRecord(e, 0.7 * Math.Exp(-e / lossScale), Math.Min(1, 0.5 + (e / accuracyScale))))];

    /// <summary>Every picture the two verbs draw, by name.</summary>
    public static TheoryData<string> PictureNames()
    {
        var names = new TheoryData<string>();
        foreach (var a in Catalog.Activations)
        {
            names.Add(a.Name);
        }

        names.Add("lse-excess");
        names.Add("losses");
        names.Add("train-losses");
        names.Add("boundary");
        return names;
    }

    private static Plot Build(string name) => name switch
    {
        "lse-excess" => Plots.LogSumExpExcess([2, 3, 5, 10]),
        "losses" => Plots.Losses(),
        "train-losses" => Plots.TrainingCurves(RunsEndingAtOne(), "runs"),
        "boundary" => Plots.DecisionBoundary(Trained.Value.Model, Trained.Value.Data, "boundary"),
        _ => Plots.Activation(Catalog.FindActivation(name)),
    };

    [Theory]
    [MemberData(nameof(PictureNames))]
    public void EveryLegend_SitsOutsideTheDataArea_AndFitsInTheFigure(string name)
    {
        var plot = Build(name);
        Assert.False(plot.Legend.IsVisible, $"{name}: the legend is drawn inside the data area");
        var panel = Assert.Single(plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>());
        Assert.NotEmpty(panel.Legend.GetItems()); // an empty legend panel makes ScottPlot draw a blank picture

        plot.RenderInMemory(Plots.Width, Plots.Height);
        AssertPanelsInsideFigure(plot, name);
    }

    [Fact]
    public void Overview_GivesEveryActivationTheSameDataArea_AndRoomForItsLegend()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        var plots = Catalog.Activations.Select(Plots.Activation).ToList();
        Plots.SaveOverview(plots, folder.File("overview.png"));
        var first = plots[0].LastRender.DataRect;
        foreach (var (plot, a) in plots.Zip(Catalog.Activations))
        {
            Assert.Equal(first.Width, plot.LastRender.DataRect.Width, 0.5);
            Assert.Equal(first.Height, plot.LastRender.DataRect.Height, 0.5);
            AssertPanelsInsideFigure(plot, $"overview, {a.Name}");
        }
    }

    /// <summary>Each bottom or right panel (legend, colour bar, axes) ends inside the figure: nothing is clipped.</summary>
    private static void AssertPanelsInsideFigure(Plot plot, string name)
    {
        var layout = plot.LastRender.Layout;
        foreach (var (panel, offset) in layout.PanelOffsets)
        {
            if (!panel.IsVisible)
            {
                continue;
            }

            float end = offset + layout.PanelSizes[panel];
            switch (panel.Edge)
            {
                case Edge.Bottom:
                    Assert.True(layout.DataRect.Bottom + end <= layout.FigureRect.Bottom + 1,
                        $"{name}: {panel.GetType().Name} ends at {layout.DataRect.Bottom + end}, below the figure's {layout.FigureRect.Bottom}");
                    break;
                case Edge.Right:
                    Assert.True(layout.DataRect.Right + end <= layout.FigureRect.Right + 1,
                        $"{name}: {panel.GetType().Name} ends at {layout.DataRect.Right + end}, right of the figure's {layout.FigureRect.Right}");
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(ActivationNames))]
    public void DerivativeJumps_AreGaps_WithTheOneSidedLimitsMarked(string name)
    {
        var a = Catalog.FindActivation(name);
        var plot = Plots.Activation(a);
        foreach (var kink in a.Kinks)
        {
            // No drawn segment bridges the kink with a jump: f is continuous there, and each piece of f' ends at the kink.
            foreach (var scatter in plot.GetPlottables<Scatter>())
            {
                var points = scatter.Data.GetScatterPoints();
                for (int k = 0; k + 1 < points.Count; k++)
                {
                    var (p, q) = (points[k], points[k + 1]);
                    if (p.X <= kink.At && kink.At <= q.X)
                    {
                        double steepest = Math.Max(Math.Abs(kink.LeftSlope), Math.Abs(kink.RightSlope));
                        Assert.True(Math.Abs(q.Y - p.Y) <= (2 * steepest * (q.X - p.X)) + 1e-12,
                            $"{name}: a line from ({p.X}, {p.Y}) to ({q.X}, {q.Y}) crosses the kink at {kink.At}");
                    }
                }
            }

            // f' at the kink: a closed circle at the value the library returns, an open one at each limit it does not take.
            var marks = plot.GetPlottables<PointMarks>().SelectMany(p => p.Marks).Where(m => m.At.X == kink.At).ToList();
            Assert.Equal(kink.Convention, a.Derivative(kink.At));
            Assert.Contains(marks, m => m.At.Y == kink.Convention && IsClosedCircle(m.Style));
            foreach (double limit in new[] { kink.LeftSlope, kink.RightSlope }.Where(s => s != kink.Convention))
            {
                Assert.Contains(marks, m => m.At.Y == limit && IsOpenCircle(m.Style));
            }

            Assert.DoesNotContain(marks, m => m.At.Y == kink.Convention && IsOpenCircle(m.Style));
        }
    }

    /// <summary>The activations with a kink (the test needs one to mean something).</summary>
    public static TheoryData<string> ActivationNames()
    {
        var names = new TheoryData<string>();
        foreach (var a in Catalog.Activations.Where(a => a.Kinks.Count > 0))
        {
            names.Add(a.Name);
        }

        return names;
    }

    /// <summary>A circle drawn hollow: an open circle, or one filled white (the figure's background) with a visible rim.</summary>
    private static bool IsOpenCircle(MarkerStyle m) =>
        (m.Shape is MarkerShape.OpenCircle && m.LineWidth > 0)
        || (m.Shape is MarkerShape.FilledCircle && m.FillColor == Colors.White && m.OutlineWidth > 0 && m.OutlineColor != Colors.White);

    /// <summary>A circle drawn solid, in a colour other than the background.</summary>
    private static bool IsClosedCircle(MarkerStyle m) => m.Shape is MarkerShape.FilledCircle && m.FillColor != Colors.White;

    /// <summary>The SVG writer prints "Unsupported path effect in addPaint." straight to the process's standard error when
    /// a circle marker follows a dashed line (see <see cref="PointMarks"/>); only a separate process sees that stream. In
    /// the full run: a whole report in a process of its own.</summary>
    [FullRunFact]
    public async Task Report_RunAsAProcess_WritesNothingOnStandardError()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        var r = await CliRunner.RunProcessAsync("", folder.Path, "report", "--out", folder.File("report"));
        Assert.True(r.ExitCode == 0, r.Output + r.Error);
        Assert.Equal("", r.Error);
        Assert.True(File.Exists(folder.File("report/relu.svg")));
    }

    [Fact]
    public void FaintSlope_OfLeakyRelu_IsShownInAnInset_ThatCoversNoData()
    {
        var withFaintSlopes = Catalog.Activations.Where(a => a.Kinks.Any(k =>
            new[] { k.LeftSlope, k.RightSlope }.Any(s => s != 0 && Math.Abs(s) < Plots.FaintSlope))).Select(a => a.Name).ToList();
        Assert.Contains("leaky-relu", withFaintSlopes);
        foreach (var a in Catalog.Activations)
        {
            var plot = Plots.Activation(a);
            var insets = plot.GetPlottables<Inset>().ToList();
            if (!withFaintSlopes.Contains(a.Name))
            {
                Assert.Empty(insets);
                continue;
            }

            var inset = Assert.Single(insets);
            plot.RenderInMemory(Plots.Width, Plots.Height);

            // On the full picture the faint side rises by less than 2 % of the height (why the inset is needed) ...
            var (kink, side, slope) = Plots.FaintSide(a)!.Value;
            double run = side < 0 ? kink.At - Plots.Lo : Plots.Hi - kink.At;
            var host = plot.LastRender.AxisLimits;
            Assert.True(Math.Abs(slope) * run < 0.02 * (host.Top - host.Bottom), $"{a.Name}: the slope is visible without an inset");

            // ... in the inset by more than a quarter of its height, with f' = slope inside its limits.
            var zoom = inset.Child.Axes.GetLimits();
            double shown = Math.Max(0, Math.Min(zoom.Right, side < 0 ? kink.At : Plots.Hi) - Math.Max(zoom.Left, side < 0 ? Plots.Lo : kink.At));
            Assert.True(Math.Abs(slope) * shown > 0.25 * (zoom.Top - zoom.Bottom), $"{a.Name}: the inset's slope rises {Math.Abs(slope) * shown} of {zoom.Top - zoom.Bottom}");
            Assert.InRange(slope, zoom.Bottom, zoom.Top);

            // The inset hides none of the host's curves or markers.
            var covered = inset.Covers(host);
            var data = plot.GetPlottables<Scatter>().SelectMany(s => s.Data.GetScatterPoints())
                .Concat(plot.GetPlottables<PointMarks>().SelectMany(p => p.Marks).Select(m => m.At));
            Assert.DoesNotContain(data, p => covered.Contains(p));
        }
    }

    [Fact]
    public void AccuracyAxis_HasHeadroomAboveOne_AndRunsAtOneCanBeToldApart()
    {
        var plot = Plots.TrainingCurves(RunsEndingAtOne(), "runs");
        var right = plot.Axes.Right.Range;
        Assert.True(right.Min <= 0 && right.Max >= 1.03, $"accuracy axis {right.Min} … {right.Max}: 100 % sits on the frame");

        var accuracy = plot.Legend.GetItems().Where(i => i.LabelText.Contains("accuracy", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, accuracy.Count);
        var looks = accuracy.Select(i => (i.LineStyle.Pattern.Name, i.MarkerStyle.Shape, i.LineStyle.Color)).ToList();
        foreach (var i in Enumerable.Range(0, looks.Count))
        {
            foreach (var j in Enumerable.Range(i + 1, looks.Count - i - 1))
            {
                Assert.NotEqual(looks[i].Name, looks[j].Name);
                Assert.NotEqual(looks[i].Shape, looks[j].Shape);
                Assert.NotEqual(looks[i].Color, looks[j].Color);
            }
        }

        Assert.All(accuracy, i => Assert.NotEqual(MarkerShape.None, i.MarkerStyle.Shape));

        // The markers the legend promises are drawn on the accuracy curves, on the right axis, and not all at the same epochs.
        var marked = plot.GetPlottables<Markers>().Where(m => m.Axes.YAxis == plot.Axes.Right).ToList();
        Assert.Equal(accuracy.Select(i => i.MarkerStyle.Shape).Order(), marked.Select(m => m.MarkerStyle.Shape).Order());
        var epochs = marked.Select(m => m.Data.GetScatterPoints().Select(p => p.X).ToHashSet()).ToList();
        Assert.Empty(epochs.Aggregate((x, y) => [.. x.Intersect(y)]));
    }

    [Fact]
    public void DecisionBoundary_HasAColourBar_AndTheContourWhereTheScoreIsZero()
    {
        var (model, data) = Trained.Value;
        var plot = Plots.DecisionBoundary(model, data, "boundary");
        var heatmap = Assert.Single(plot.GetPlottables<Heatmap>());
        var bar = Assert.Single(plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>());
        Assert.Same(heatmap, bar.Source);
        Assert.False(string.IsNullOrWhiteSpace(bar.Label));

        var contour = Assert.Single(plot.GetPlottables<ContourLines>());
        Assert.Equal([0.0], contour.ContourLineLevels ?? []);
        var points = contour.Lines.SelectMany(l => l.Path.Points).ToList();
        Assert.NotEmpty(points);

        // Independently of the contouring: the network's score is near 0 at every point of the line. The line is drawn
        // from the scores at the centres of the heatmap's cells, each point interpolated linearly between two
        // neighbouring centres (along a side of a cell, or at most its diagonal ℓ) where the score changes sign. The
        // error of linear interpolation is at most ℓ²/8 · max |z''| along that segment, and z'' in a direction u is
        // Σ w_i σ''(a_i) (W_i·u)², with |σ''| ≤ 1/(6√3): so |z| ≤ ℓ²/8 · Σ |w_i| ‖W_i‖² / (6√3) on the line. The
        // interpolated point itself is rounded, by at most 2u of its largest coordinate c in each (u = 2⁻⁵³), which moves
        // z by at most |∇z| ≤ Σ |w_i| ‖W_i‖ / 4 times that, for ≤ 4u·c·Σ |w_i| ‖W_i‖ / 4 more.
        double cellWidth = heatmap.Extent!.Value.Width / heatmap.Intensities.GetLength(1);
        double cellHeight = heatmap.Extent!.Value.Height / heatmap.Intensities.GetLength(0);
        var units = Enumerable.Range(0, model.Bias.Count).Select(i => (Out: Math.Abs(model.OutputWeights[i]), Norm: model.Weights.Row(i).L2Norm())).ToList();
        double curvature = units.Sum(u => u.Out * u.Norm * u.Norm) / (6 * Math.Sqrt(3));
        double c = points.Max(p => Math.Max(Math.Abs(p.X), Math.Abs(p.Y)));
        double bound = (((cellWidth * cellWidth) + (cellHeight * cellHeight)) / 8 * curvature) + (4 * Math.Pow(2, -53) * c * units.Sum(u => u.Out * u.Norm / 4));
        double largest = data.Points.Max(p => Math.Abs(model.Score(p)));
        Assert.True(bound < 0.05 * largest, $"the bound {bound} says little against |z| up to {largest} on the data");
        Assert.All(points, p => Assert.True(Math.Abs(Score(model, p)) <= bound,
            $"z({p.X}, {p.Y}) = {Score(model, p)}, beyond the interpolation bound {bound}"));
        Assert.Contains(plot.Legend.GetItems(), i => i.LabelText.Contains("z = 0", StringComparison.Ordinal));
    }

    private static double Score(NetworkModel model, Coordinates p) =>
        model.Score(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense([p.X, p.Y]));
}
