using Calculus.Activations;
using Calculus.Functions;
using Calculus.Losses;
using ScottPlot;

namespace Calculus.Cli.Report;

/// <summary>The report's pictures, drawn with ScottPlot. Every legend sits outside the data area (below it), so it
/// never hides a curve; the tests in <c>tests/Examples/Cli/PictureTests.cs</c> check the plot models built here.</summary>
internal static class Plots
{
    /// <summary>The size of each picture but the overview, in pixels.</summary>
    internal const int Width = 640, Height = 480;

    /// <summary>The x range of the activation pictures.</summary>
    internal const double Lo = -5, Hi = 5;

    /// <summary>A one-sided slope below this (and not 0) looks flat on [−5, 5] beside a slope of 1 (0.01 rises by 0.05
    /// over five units, a pixel or two); the picture magnifies it in an inset.</summary>
    internal const double FaintSlope = 0.05;

    /// <summary>The upper limit of the accuracy axis: above 1, so that curves at 100 % do not sit on the frame.</summary>
    internal const double AccuracyTop = 1.05;

    private static readonly Color FunctionColor = Colors.Blue, DerivativeColor = Colors.OrangeRed;

    /// <summary>Samples of f on [lo, hi].</summary>
    private static (double[] Xs, double[] Ys) Sample(Func<double, double> f, double lo, double hi, int n = 801)
    {
        double[] xs = [.. Enumerable.Range(0, n).Select(k => lo + ((hi - lo) * k / (n - 1)))];
        return (xs, [.. xs.Select(f)]);
    }

    /// <summary>f' on [lo, hi] as one piece between each two kinks: a piece ends at a kink with the one-sided limit
    /// from its side, so no drawn segment bridges a jump of f' (one line through all samples would draw each jump as a
    /// vertical line; row <c>PictureTests.DerivativeJumps_AreGaps_WithTheOneSidedLimitsMarked</c>).</summary>
    /// <param name="a">The activation.</param>
    /// <param name="lo">The left end.</param>
    /// <param name="hi">The right end.</param>
    /// <returns>The pieces from left to right.</returns>
    internal static IEnumerable<(double[] Xs, double[] Ys)> DerivativePieces(ScalarFunction a, double lo, double hi)
    {
        double start = lo;
        double? startLimit = null;
        foreach (var kink in a.Kinks.Where(k => k.At > lo && k.At < hi).OrderBy(k => k.At).Append(null))
        {
            double end = kink?.At ?? hi;
            int n = Math.Max(2, (int)Math.Round(800 * (end - start) / (hi - lo)) + 1);
            var (xs, ys) = Sample(a.Derivative, start, end, n);
            if (startLimit is double right)
            {
                ys[0] = right;
            }

            if (kink is not null)
            {
                ys[^1] = kink.LeftSlope;
            }

            yield return (xs, ys);
            start = end;
            startLimit = kink?.RightSlope;
        }
    }

    /// <summary>f and f' over [−5, 5], titled with the range; at each kink a diamond on f, and on f' a filled circle at
    /// the value the library uses and an open circle at each one-sided limit it does not take. A one-sided slope too
    /// faint to see (leaky ReLU's 0.01) gets an inset that magnifies it.</summary>
    public static Plot Activation(ScalarFunction a)
    {
        var plot = new Plot();
        DrawActivation(plot, a, legend: true);
        plot.Title($"{a.Name}: range {a.Range}");
        plot.XLabel("x");
        plot.Axes.AutoScale(); // fix the limits now: the inset's corner must be free of data at these limits
        AddFaintSlopeInset(plot, a);
        LegendBelow(plot);
        return plot;
    }

    private static void DrawActivation(Plot plot, ScalarFunction a, bool legend)
    {
        var (xs, ys) = Sample(a.Value, Lo, Hi);
        var f = plot.Add.ScatterLine(xs, ys, FunctionColor);
        f.LineWidth = 2;
        bool first = true;
        foreach (var (pxs, pys) in DerivativePieces(a, Lo, Hi))
        {
            var d = plot.Add.ScatterLine(pxs, pys, DerivativeColor);
            d.LinePattern = LinePattern.Dashed;
            d.LineWidth = 2;
            if (legend && first)
            {
                d.LegendText = $"f'(x) = {a.DerivativeFormula}";
            }

            first = false;
        }

        if (legend)
        {
            f.LegendText = $"f(x) = {a.Formula}";
        }

        var marks = new PointMarks();
        first = true;
        foreach (var kink in a.Kinks.Where(k => k.At > Lo && k.At < Hi))
        {
            bool label = legend && first;
            marks.Add(kink.At, kink.Convention, new MarkerStyle(MarkerShape.FilledCircle, 10, DerivativeColor),
                label ? $"f' at a kink: {kink.Convention}, the value used" : null);
            foreach (double limit in new[] { kink.LeftSlope, kink.RightSlope }.Where(s => s != kink.Convention).Distinct())
            {
                marks.Add(kink.At, limit, OpenCircle(), label ? "f' one-sided limit, not taken" : null);
                label = false;
            }

            // Drawn last and smaller: where f and a limit of f' meet (PLU at x = c: f(c) = 1 = f'(c−)) it sits inside the circle.
            marks.Add(kink.At, a.Value(kink.At), new MarkerStyle(MarkerShape.FilledDiamond, 7, Colors.Black),
                legend && first ? "kink of f" : null);
            first = false;
        }

        if (marks.Marks.Count > 0)
        {
            plot.Add.Plottable(marks);
        }
    }

    /// <summary>An open circle: white inside, so the line that ends at its centre does not show through.</summary>
    private static MarkerStyle OpenCircle() => new(MarkerShape.FilledCircle, 11, Colors.White)
    {
        OutlineColor = DerivativeColor,
        OutlineWidth = 2,
    };

    /// <summary>The first faint one-sided slope of <paramref name="a"/> (0 &lt; |slope| &lt; <see cref="FaintSlope"/>),
    /// with its kink and side (−1 left, +1 right); null if none.</summary>
    internal static (Kink Kink, int Side, double Slope)? FaintSide(ScalarFunction a) =>
        a.Kinks.SelectMany(k => new[] { (Kink: k, Side: -1, Slope: k.LeftSlope), (Kink: k, Side: 1, Slope: k.RightSlope) })
            .Where(s => s.Slope != 0 && Math.Abs(s.Slope) < FaintSlope)
            .Select(s => ((Kink, int, double)?)s).FirstOrDefault();

    private static void AddFaintSlopeInset(Plot plot, ScalarFunction a)
    {
        if (FaintSide(a) is not var (kink, side, slope))
        {
            return;
        }

        // The faint side runs from the kink to the end of the range; the view adds a quarter of it beyond the kink.
        double from = side < 0 ? Lo : kink.At, to = side < 0 ? kink.At : Hi;
        double beyond = (to - from) / 4;
        var (_, fs) = Sample(a.Value, from, to);
        double[] shown = [.. fs, slope, kink.Convention];
        double low = shown.Min(), high = shown.Max(), pad = (high - low) * 0.35;
        var child = new Plot();
        DrawActivation(child, a, legend: false);
        child.Axes.SetLimits(side < 0 ? Lo : kink.At - beyond, side < 0 ? kink.At + beyond : Hi, low - pad, high + pad);
        child.Title($"zoom: f' = {slope} for x {(side < 0 ? "<" : ">")} {kink.At}", 11);
        foreach (var axis in child.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = 10;
        }

        child.FigureBackground.Color = Colors.White;
        plot.Add.Plottable(new Inset(child, side < 0 ? Alignment.UpperLeft : Alignment.LowerRight));
    }

    /// <summary>Moves the legend below the data area.</summary>
    private static void LegendBelow(Plot plot, Orientation orientation = Orientation.Vertical)
    {
        var panel = plot.ShowLegend(Edge.Bottom);
        panel.Legend.Orientation = orientation;
    }

    /// <summary>Sheet 3a: LSE − max against the gap a** − a* on a logarithmic axis, with the bound (n − 1)e^gap.</summary>
    public static Plot LogSumExpExcess(IReadOnlyList<int> sizes)
    {
        var plot = new Plot();
        Color[] colors = [Colors.Blue, Colors.Green, Colors.Purple, Colors.OrangeRed];
        double[] gaps = [.. Enumerable.Range(0, 161).Select(k => -0.25 * k).Skip(1)];
        for (int s = 0; s < sizes.Count; s++)
        {
            int n = sizes[s];
            double[] excess = [.. gaps.Select(g => Math.Log10(LogSumExp.Excess(Vector(n, g))))];
            double[] bound = [.. gaps.Select(g => Math.Log10((n - 1) * Math.Exp(g)))];
            var line = plot.Add.ScatterLine(gaps, excess, colors[s % colors.Length]);
            line.LegendText = $"LSE − max, n = {n}";
            line.LineWidth = 2;
            var b = plot.Add.ScatterLine(gaps, bound, colors[s % colors.Length]);
            b.LinePattern = LinePattern.Dashed;
        }

        plot.Add.Plottable(new LegendEntry("dashed: its bound (n − 1)e^gap",
            new LineStyle { Color = Colors.DimGray, Pattern = LinePattern.Dashed, Width = 1.5f }, MarkerStyle.None));
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            LabelFormatter = y => $"1e{y:0}",
        };
        plot.Title("3a: LSE(a) − max(a) → 0 as the gap a** − a* → −∞");
        plot.XLabel("gap a** − a*");
        plot.YLabel("LSE − max (log scale)");
        LegendBelow(plot, Orientation.Horizontal);
        return plot;
    }

    /// <summary>The vector of the 3a picture: max 0, second largest at the gap, the rest one and two units lower.</summary>
    public static double[] Vector(int n, double gap) => [0, .. Enumerable.Range(0, n - 1).Select(k => gap - k)];

    /// <summary>Sheet 3b/3c: hinge, h*, logistic loss and softplus over t ∈ [−3, 4].</summary>
    public static Plot Losses()
    {
        var plot = new Plot();
        (string Name, Func<double, double> F, Color Color, LinePattern Pattern)[] losses =
        [
            ("hinge max(0, 1 − t)", Hinge.Value, Colors.Black, LinePattern.Solid),
            ("h*(t) = ln(1 + e^(1−t))", SmoothHinge.Value, Colors.Blue, LinePattern.Solid),
            ("logistic l(t) = ln(1 + e^(−t)) = h*(t + 1)", LogisticLoss.Value, Colors.OrangeRed, LinePattern.Dashed),
            ("softplus ln(1 + e^t)", Softplus.Value, Colors.Green, LinePattern.Dotted),
        ];
        foreach (var (name, f, color, pattern) in losses)
        {
            var (xs, ys) = Sample(f, -3, 4);
            var line = plot.Add.ScatterLine(xs, ys, color);
            line.LegendText = name;
            line.LinePattern = pattern;
            line.LineWidth = 2;
        }

        plot.Title("3b/3c: hinge, smooth hinge h*, logistic l(t) = h*(t + 1)");
        plot.XLabel("margin t = y·(w·x)");
        LegendBelow(plot, Orientation.Horizontal);
        return plot;
    }

    /// <summary>Exercise 4: mean loss (left axis, solid) and training accuracy (right axis, 0 to
    /// <see cref="AccuracyTop"/>, a line pattern and marker shape of its own per run) per epoch.</summary>
    public static Plot TrainingCurves(IReadOnlyList<(string Name, IReadOnlyList<Training.EpochRecord> History)> runs, string title)
    {
        var plot = new Plot();
        Color[] colors = [Colors.Blue, Colors.OrangeRed, Colors.Green, Colors.Purple];
        LinePattern[] patterns = [LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];
        MarkerShape[] shapes = [MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp, MarkerShape.OpenDiamond];
        for (int r = 0; r < runs.Count; r++)
        {
            var (name, history) = runs[r];
            var color = colors[r % colors.Length];
            double[] epochs = [.. history.Select(h => (double)h.Epoch)];
            var loss = plot.Add.ScatterLine(epochs, [.. history.Select(h => h.Loss)], color);
            loss.LegendText = $"{name}: loss";
            loss.LineWidth = 2;

            double[] accuracies = [.. history.Select(h => h.Accuracy)];
            var accuracy = plot.Add.ScatterLine(epochs, accuracies, color);
            accuracy.LinePattern = patterns[r % patterns.Length];
            accuracy.LineWidth = 1.5f;
            accuracy.Axes.YAxis = plot.Axes.Right;

            // Markers on every tenth of the run, shifted per run so that runs at the same accuracy do not cover each other.
            int step = Math.Max(1, history.Count / 10), offset = step * r / Math.Max(1, runs.Count);
            var marked = Enumerable.Range(0, history.Count).Where(k => k % step == offset).ToList();
            double[] markedEpochs = [.. marked.Select(k => epochs[k])], markedAccuracies = [.. marked.Select(k => accuracies[k])];
            var markers = plot.Add.Markers(markedEpochs, markedAccuracies,
                shapes[r % shapes.Length], 7, color);
            markers.Axes.YAxis = plot.Axes.Right;
            plot.Add.Plottable(new LegendEntry($"{name}: accuracy (right axis)",
                new LineStyle { Color = color, Pattern = accuracy.LinePattern, Width = accuracy.LineWidth },
                new MarkerStyle(shapes[r % shapes.Length], 7, color)));
        }

        plot.Axes.Right.Label.Text = "training accuracy";
        plot.Axes.SetLimitsY(0, AccuracyTop, plot.Axes.Right);
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel("mean loss");
        LegendBelow(plot, Orientation.Horizontal);
        return plot;
    }

    /// <summary>Exercise 4: σ(z) of the trained network's score z over the plane, with a colour bar, the decision
    /// boundary z = 0 as a contour line, and the training points.</summary>
    public static Plot DecisionBoundary(Training.NetworkModel model, Training.Dataset data, string title)
    {
        var plot = new Plot();
        double xMin = data.Points.Min(p => p[0]) - 0.5, xMax = data.Points.Max(p => p[0]) + 0.5;
        double yMin = data.Points.Min(p => p[1]) - 0.5, yMax = data.Points.Max(p => p[1]) + 0.5;
        const int cells = 120;
        var probability = new double[cells, cells];
        var scores = new Coordinates3d[cells, cells];
        for (int row = 0; row < cells; row++)
        {
            for (int column = 0; column < cells; column++)
            {
                double x = xMin + ((xMax - xMin) * (column + 0.5) / cells);
                double y = yMax - ((yMax - yMin) * (row + 0.5) / cells);
                double z = model.Score(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense([x, y]));
                probability[row, column] = Sigmoid.Value(z);
                scores[row, column] = new Coordinates3d(x, y, z);
            }
        }

        var heatmap = plot.Add.Heatmap(probability);
        heatmap.Extent = new CoordinateRect(xMin, xMax, yMin, yMax);
        heatmap.Colormap = new ScottPlot.Colormaps.CustomInterpolated(
            [Color.FromHex("#6fa8dc"), Colors.White, Color.FromHex("#e06666")]);
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        var bar = plot.Add.ColorBar(heatmap, Edge.Right);
        bar.Label = "σ(z): the network's P(y = +1)";

        var boundary = plot.Add.ContourLines(scores, 1);
        boundary.ContourLineLevels = [0];
        boundary.Update(scores);
        boundary.LineColor = Colors.Black;
        boundary.LabelStyle.IsVisible = false; // the legend names the line
        boundary.LineWidth = 2;
        plot.Add.Plottable(new LegendEntry("z = 0: the decision boundary",
            new LineStyle { Color = Colors.Black, Width = 2 }, MarkerStyle.None));

        foreach (double label in new[] { -1.0, 1.0 })
        {
            var members = Enumerable.Range(0, data.Count).Where(k => data.Labels[k] == label).ToList();
            double[] xs = [.. members.Select(k => data.Points[k][0])];
            double[] ys = [.. members.Select(k => data.Points[k][1])];
            var markers = plot.Add.Markers(xs, ys,
                label > 0 ? MarkerShape.FilledCircle : MarkerShape.FilledSquare, 6, label > 0 ? Colors.DarkRed : Colors.Navy);
            markers.LegendText = $"y = {label:+0;-0}";
        }

        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        plot.Title(title);
        plot.XLabel("x₁");
        plot.YLabel("x₂");
        LegendBelow(plot, Orientation.Horizontal);
        return plot;
    }

    public static void Save(Plot plot, string directory, string name, bool svg)
    {
        plot.SavePng(Path.Combine(directory, name + ".png"), Width, Height);
        if (svg)
        {
            plot.SaveSvg(Path.Combine(directory, name + ".svg"), Width, Height);
        }
    }

    /// <summary>All activation plots in one grid, four to a row. Every cell gets the same fixed margins, so the data
    /// areas line up although the legends below them differ in length; the plots get their own layout back after.</summary>
    public static void SaveOverview(IReadOnlyList<Plot> plots, string path)
    {
        const int columns = 4, cellWidth = 480, cellHeight = 520;
        var multiplot = new Multiplot(plots[0]); // the parameterless constructor starts with an empty plot of its own
        foreach (var p in plots.Skip(1))
        {
            multiplot.AddPlot(p);
        }

        foreach (var p in plots)
        {
            p.Layout.Fixed(new PixelPadding(left: 45, right: 15, bottom: 200, top: 45));
        }

        int rows = (plots.Count + columns - 1) / columns;
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        multiplot.SavePng(path, columns * cellWidth, rows * cellHeight);
        foreach (var p in plots)
        {
            p.Layout.Default();
        }
    }
}
