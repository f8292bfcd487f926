using ScottPlot;

namespace Calculus.Cli.Report;

/// <summary>Single markers (the kinks of an activation and the one-sided limits of f' there), drawn in the order added
/// with a paint of their own.</summary>
/// <remarks>ScottPlot's circle markers fill with the plot's shared paint without clearing the dash effect a dashed line
/// left on it; the SVG writer then prints "Unsupported path effect in addPaint." on standard error for every such
/// circle. A fresh paint carries no effect.</remarks>
internal sealed class PointMarks : IPlottable
{
    private readonly List<(Coordinates At, MarkerStyle Style, string? LegendText)> marks = [];

    /// <summary>The marks in drawing order: where, how, and the legend text (null for none).</summary>
    public IReadOnlyList<(Coordinates At, MarkerStyle Style, string? LegendText)> Marks => marks;

    /// <inheritdoc/>
    public bool IsVisible { get; set; } = true;

    /// <inheritdoc/>
    public IAxes Axes { get; set; } = new Axes();

    /// <inheritdoc/>
    public IEnumerable<LegendItem> LegendItems =>
        marks.Where(m => m.LegendText is not null).SelectMany(m => LegendItem.Single(this, m.LegendText!, m.Style));

    /// <summary>Adds a mark, drawn after (above) the marks added before it.</summary>
    /// <param name="x">Its x.</param>
    /// <param name="y">Its y.</param>
    /// <param name="style">Its shape, size and colours.</param>
    /// <param name="legendText">Its legend line; null for none.</param>
    public void Add(double x, double y, MarkerStyle style, string? legendText = null) =>
        marks.Add((new Coordinates(x, y), style, legendText));

    /// <summary>The rectangle around the marks.</summary>
    /// <returns>The limits; <see cref="AxisLimits.NoLimits"/> without marks.</returns>
    public AxisLimits GetAxisLimits() => marks.Count == 0
        ? AxisLimits.NoLimits
        : new AxisLimits(marks.Min(m => m.At.X), marks.Max(m => m.At.X), marks.Min(m => m.At.Y), marks.Max(m => m.At.Y));

    /// <inheritdoc/>
    public void Render(RenderPack rp)
    {
        using var paint = Paint.NewDisposablePaint();
        foreach (var (at, style, _) in marks)
        {
            style.Render(rp.Canvas, Axes.GetPixel(at), paint);
        }
    }
}
