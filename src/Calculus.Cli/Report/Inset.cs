using ScottPlot;

namespace Calculus.Cli.Report;

/// <summary>A small plot drawn inside a corner of another plot's data area: a magnified view of a region whose detail
/// the full range flattens (leaky ReLU's slope 0.01 on [−5, 5]).</summary>
/// <param name="child">The magnified plot; its axis limits should be set, since it is drawn as it is.</param>
/// <param name="corner">The corner of the host's data area the inset sits in.</param>
internal sealed class Inset(Plot child, Alignment corner) : IPlottable
{
    /// <summary>The inset's share of the width of the host's data area.</summary>
    public const double WidthFraction = 0.48;

    /// <summary>The inset's share of the height of the host's data area.</summary>
    public const double HeightFraction = 0.5;

    /// <summary>The gap in pixels between the inset and the edges of the host's data area.</summary>
    private const float Gap = 6;

    /// <summary>The magnified plot.</summary>
    public Plot Child { get; } = child;

    /// <summary>The corner of the host's data area the inset fills.</summary>
    public Alignment Corner { get; } = corner;

    /// <inheritdoc/>
    public bool IsVisible { get; set; } = true;

    /// <inheritdoc/>
    public IAxes Axes { get; set; } = new Axes();

    /// <inheritdoc/>
    public IEnumerable<LegendItem> LegendItems => LegendItem.None;

    /// <summary>No limits: the inset follows the host's data area and never widens its axes.</summary>
    /// <returns><see cref="AxisLimits.NoLimits"/>.</returns>
    public AxisLimits GetAxisLimits() => AxisLimits.NoLimits;

    /// <summary>The part of the host's coordinate rectangle the inset covers (the host's axis limits must be set).</summary>
    /// <param name="host">The limits of the host's axes.</param>
    /// <returns>The covered rectangle in the host's coordinates.</returns>
    public CoordinateRect Covers(AxisLimits host)
    {
        double width = (host.Right - host.Left) * WidthFraction, height = (host.Top - host.Bottom) * HeightFraction;
        double left = Corner is Alignment.UpperLeft or Alignment.LowerLeft ? host.Left : host.Right - width;
        double bottom = Corner is Alignment.LowerLeft or Alignment.LowerRight ? host.Bottom : host.Top - height;
        return new CoordinateRect(left, left + width, bottom, bottom + height);
    }

    /// <inheritdoc/>
    public void Render(RenderPack rp)
    {
        var data = rp.DataRect;
        float width = (float)(data.Width * WidthFraction), height = (float)(data.Height * HeightFraction);
        float left = Corner is Alignment.UpperLeft or Alignment.LowerLeft ? data.Left + Gap : data.Right - width - Gap;
        float top = Corner is Alignment.UpperLeft or Alignment.UpperRight ? data.Top + Gap : data.Bottom - height - Gap;

        // The child must not clear the canvas it shares with the host: a clear wipes the host's data area (and writes an
        // unfilled, i.e. black, rectangle into an SVG).
        Child.RenderManager.ClearCanvasBeforeEachRender = false;
        Child.Render(rp.Canvas, new PixelRect(left, left + width, top + height, top));
    }
}
