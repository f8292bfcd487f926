using ScottPlot;

namespace Calculus.Cli.Report;

/// <summary>A legend line that draws nothing itself: one entry for a curve drawn as several plottables (a line and its
/// sparse markers, or contour segments), with both the line and the marker its parts use.</summary>
/// <param name="text">The legend text.</param>
/// <param name="line">The line the entry shows.</param>
/// <param name="marker">The marker the entry shows; <see cref="MarkerStyle.None"/> for none.</param>
internal sealed class LegendEntry(string text, LineStyle line, MarkerStyle marker) : IPlottable
{
    /// <summary>The legend text.</summary>
    public string Text { get; } = text;

    /// <summary>The line the entry shows.</summary>
    public LineStyle Line { get; } = line;

    /// <summary>The marker the entry shows.</summary>
    public MarkerStyle Marker { get; } = marker;

    /// <inheritdoc/>
    public bool IsVisible { get; set; } = true;

    /// <inheritdoc/>
    public IAxes Axes { get; set; } = new Axes();

    /// <inheritdoc/>
    public IEnumerable<LegendItem> LegendItems => LegendItem.Single(this, Text, Line, Marker);

    /// <summary>No limits: the entry has no data.</summary>
    /// <returns><see cref="AxisLimits.NoLimits"/>.</returns>
    public AxisLimits GetAxisLimits() => AxisLimits.NoLimits;

    /// <summary>Draws nothing: the curve's own plottables draw it.</summary>
    /// <param name="rp">Unused.</param>
    public void Render(RenderPack rp)
    {
    }
}
