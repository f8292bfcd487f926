using ScottPlot;

namespace Calculus.Cli.Report;

/// <summary>The report's pictures, drawn with ScottPlot.</summary>
internal static class Plots
{
    private const int Width = 640, Height = 420;

    /// <summary>Samples of f on [lo, hi].</summary>
    private static (double[] Xs, double[] Ys) Sample(Func<double, double> f, double lo, double hi, int n = 801)
    {
        double[] xs = [.. Enumerable.Range(0, n).Select(k => lo + ((hi - lo) * k / (n - 1)))];
        return (xs, [.. xs.Select(f)]);
    }

    /// <summary>f and f' over [−5, 5], kinks marked, titled with the sheet's formula.</summary>
    public static Plot Activation(Activation a)
    {
        var plot = new Plot();
        var (xs, ys) = Sample(a.Value, -5, 5);
        var (_, ds) = Sample(a.Derivative, -5, 5);
        var f = plot.Add.ScatterLine(xs, ys, Colors.Blue);
        f.LegendText = $"f(x) = {a.Formula}";
        f.LineWidth = 2;
        var d = plot.Add.ScatterLine(xs, ds, Colors.OrangeRed);
        d.LegendText = $"f'(x) = {a.DerivativeFormula}";
        d.LinePattern = LinePattern.Dashed;
        d.LineWidth = 2;
        foreach (var kink in a.Kinks)
        {
            plot.Add.VerticalLine(kink.At, 1, Colors.Gray, LinePattern.Dotted);
            var marker = plot.Add.Marker(kink.At, a.Value(kink.At), MarkerShape.OpenCircle, 10, Colors.Black);
            if (kink == a.Kinks[0])
            {
                marker.LegendText = $"kink (f' there = {kink.Convention})";
            }
        }

        plot.Title($"{a.Name}: range {a.Range}");
        plot.XLabel("x");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
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
            b.LegendText = $"bound (n − 1)e^gap, n = {n}";
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            LabelFormatter = y => $"1e{y:0}",
        };
        plot.Title("3a: LSE(a) − max(a) → 0 as the gap a** − a* → −∞");
        plot.XLabel("gap a** − a*");
        plot.YLabel("LSE − max (log scale)");
        plot.ShowLegend(Alignment.LowerRight);
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
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>Exercise 4: mean loss (left axis) and training accuracy (right axis) per epoch, one pair of lines per run.</summary>
    public static Plot TrainingCurves(IReadOnlyList<(string Name, IReadOnlyList<Training.EpochRecord> History)> runs, string title)
    {
        var plot = new Plot();
        Color[] colors = [Colors.Blue, Colors.OrangeRed, Colors.Green, Colors.Purple];
        for (int r = 0; r < runs.Count; r++)
        {
            var (name, history) = runs[r];
            double[] epochs = [.. history.Select(h => (double)h.Epoch)];
            var loss = plot.Add.ScatterLine(epochs, [.. history.Select(h => h.Loss)], colors[r % colors.Length]);
            loss.LegendText = $"{name}: loss";
            loss.LineWidth = 2;
            var accuracy = plot.Add.ScatterLine(epochs, [.. history.Select(h => h.Accuracy)], colors[r % colors.Length]);
            accuracy.LegendText = $"{name}: accuracy (right axis)";
            accuracy.LinePattern = LinePattern.Dashed;
            accuracy.Axes.YAxis = plot.Axes.Right;
        }

        plot.Axes.Right.Label.Text = "training accuracy";
        plot.Axes.SetLimitsY(0, 1, plot.Axes.Right);
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel("mean loss");
        plot.ShowLegend(Alignment.MiddleRight);
        return plot;
    }

    /// <summary>Exercise 4: the sign of the trained network's score over the plane, with the training points.</summary>
    public static Plot DecisionBoundary(Training.NetworkModel model, Training.Dataset data, string title)
    {
        var plot = new Plot();
        double xMin = data.Points.Min(p => p[0]) - 0.5, xMax = data.Points.Max(p => p[0]) + 0.5;
        double yMin = data.Points.Min(p => p[1]) - 0.5, yMax = data.Points.Max(p => p[1]) + 0.5;
        const int cells = 120;
        var grid = new double[cells, cells];
        for (int row = 0; row < cells; row++)
        {
            for (int column = 0; column < cells; column++)
            {
                double x = xMin + ((xMax - xMin) * (column + 0.5) / cells);
                double y = yMax - ((yMax - yMin) * (row + 0.5) / cells);
                grid[row, column] = Sigmoid.Value(model.Score(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense([x, y])));
            }
        }

        var heatmap = plot.Add.Heatmap(grid);
        heatmap.Extent = new CoordinateRect(xMin, xMax, yMin, yMax);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Opacity = 0.6;
        foreach (double label in new[] { -1.0, 1.0 })
        {
            var members = Enumerable.Range(0, data.Count).Where(k => data.Labels[k] == label).ToList();
            double[] xs = [.. members.Select(k => data.Points[k][0])];
            double[] ys = [.. members.Select(k => data.Points[k][1])];
            var markers = plot.Add.Markers(xs, ys,
                label > 0 ? MarkerShape.FilledCircle : MarkerShape.FilledSquare, 6, label > 0 ? Colors.Red : Colors.Black);
            markers.LegendText = $"y = {label:+0;-0}";
        }

        plot.Title(title);
        plot.XLabel("x₁");
        plot.YLabel("x₂");
        plot.ShowLegend(Alignment.UpperRight);
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

    /// <summary>All activation plots in one grid.</summary>
    public static void SaveOverview(IReadOnlyList<Plot> plots, string path)
    {
        var multiplot = new Multiplot(plots[0]); // the parameterless constructor starts with an empty plot of its own
        foreach (var p in plots.Skip(1))
        {
            multiplot.AddPlot(p);
        }

        int columns = 4;
        int rows = (plots.Count + columns - 1) / columns;
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        multiplot.SavePng(path, columns * 480, rows * 360);
    }
}
