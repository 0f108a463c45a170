using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using ReformBot.Core.Digests;
using ReformBot.Core.Reports;
using ReformBot.Host.Messages;
using SkiaSharp;

namespace ReformBot.Host.Digests;

/// <summary>
/// The digest as a picture (PNG): completion by department as horizontal bars, worst first, each in
/// the colour of its reporting light, with two dots before it: the reporting light (报送) and the
/// progress light (进展); then the status breakdown as one stacked bar and a bar per status. Every
/// label comes from the message catalog. Drawn with SkiaSharp in a CJK font found by <see cref="ChartFont"/>;
/// without such a font there is no chart (null), and the digest goes out as text.
/// </summary>
public sealed class DigestChart(MessageCatalog messages, TextFormat format, ChartFont font, IOptions<ChartOptions> options)
{
    public const string ContentType = "image/png";

    // Every channel of these is a multiple of 8, so the palette PNG (IndexedPng) keeps them exactly.
    internal static readonly SKColor Background = SKColors.White;
    internal static readonly SKColor Ink = new(0x20, 0x28, 0x30);
    internal static readonly SKColor Muted = new(0x60, 0x68, 0x78);
    internal static readonly SKColor Track = new(0xE8, 0xE8, 0xF0);

    internal static SKColor LightColor(TrafficLight light) => light switch
    {
        TrafficLight.Red => new SKColor(0xD8, 0x40, 0x40),
        TrafficLight.Yellow => new SKColor(0xF0, 0xB0, 0x20),
        _ => new SKColor(0x30, 0xA0, 0x58),
    };

    /// <summary>Colour of a status; null is 未报送.</summary>
    internal static SKColor StatusColor(ReportStatus? status) => status switch
    {
        ReportStatus.Completed => new SKColor(0x28, 0x78, 0x30),
        ReportStatus.OnTrack => new SKColor(0x48, 0x90, 0xD8),
        ReportStatus.Behind => new SKColor(0xF0, 0xB0, 0x20),
        ReportStatus.NotStarted => new SKColor(0x98, 0x80, 0xD0),
        _ => new SKColor(0xB8, 0xC0, 0xC8),
    };

    /// <summary>The statuses in the order they are drawn; null is 未报送.</summary>
    internal static readonly ReportStatus?[] StatusOrder =
        [ReportStatus.Completed, ReportStatus.OnTrack, ReportStatus.Behind, ReportStatus.NotStarted, null];

    private const int Pad = 24;
    private const int RowHeight = 26;
    private const int BarHeight = 14;
    private const float DotRadius = 5;
    /// <summary>From the reporting light's dot to the progress light's: room for the column labels above them.</summary>
    private const float DotGap = 32;
    /// <summary>The row of the dots' column labels (报送, 进展).</summary>
    private const int ColumnLabelHeight = 18;

    /// <summary>How many of the last charts drawn are kept: the office's digest and a few departments'.</summary>
    internal const int KeptCharts = 8;

    /// <summary>The last charts drawn, most recently used first; guarded by <see cref="_drawing"/>.</summary>
    private readonly List<(ChartContent Content, byte[] Png)> _kept = [];
    private readonly Lock _drawing = new();

    /// <summary>
    /// The PNG, or null when charts are off or no CJK font is available. A chart showing what one of the last
    /// <see cref="KeptCharts"/> showed is that chart's bytes (callers must not change them): drawing costs a
    /// few hundred milliseconds of CPU and megabytes of native memory, and 周报 asked again with nothing
    /// reported since shows the same. One chart is drawn at a time, so turns asking for the same chart at
    /// once draw it once, and at most one canvas is held.
    /// </summary>
    public byte[]? Render(Digest digest)
    {
        var content = Content(digest);
        lock (_drawing)
        {
            var index = _kept.FindIndex(k => k.Content.Equals(content));
            var png = index >= 0 ? _kept[index].Png : Draw(content)?.Png;
            if (png is null) return null; // charts off, or no font: nothing is kept
            if (index >= 0) _kept.RemoveAt(index);
            else if (_kept.Count == KeptCharts) _kept.RemoveAt(KeptCharts - 1);
            _kept.Insert(0, (content, png));
            return png;
        }
    }

    /// <summary>The file name of the chart of a digest, for the chat attachment.</summary>
    public string FileName(Digest digest) => messages.Format(MessageKeys.Chart.FileName, digest.Period.ToString());

    /// <summary>What the chart of <paramref name="digest"/> shows: the departments drawn are the first (worst) ones.</summary>
    internal ChartContent Content(Digest digest)
    {
        var date = format.LocalDate(digest.Now);
        var heading = digest.Filter.Department is { } only
            ? messages.Format(MessageKeys.Chart.TitleDepartment, format.Period(digest.Period), date, only)
            : messages.Format(MessageKeys.Chart.Title, format.Period(digest.Period), date);
        var departments = digest.Departments.Take(Math.Max(options.Value.MaxDepartments, 1))
            .Select(d => new ChartDepartment(d.Department, d.Submitted, d.Expected, d.ReportingLight, d.ProgressLight))
            .ToList();
        return new ChartContent(heading, digest.Totals, departments, digest.Departments.Count - departments.Count);
    }

    /// <summary>The PNG and where things were drawn (for tests); null as <see cref="Render"/>, and never kept.</summary>
    internal Drawing? Draw(Digest digest) => Draw(Content(digest));

    /// <summary>Draws from <paramref name="content"/> alone, so that equal contents are equal pictures.</summary>
    private Drawing? Draw(ChartContent content)
    {
        var o = options.Value;
        if (!o.Enabled || font.Typeface is not { } typeface) return null;

        var m = messages;
        var t = content.Totals;
        using var title = Font(typeface, 22, bold: true);
        using var header = Font(typeface, 16, bold: true);
        using var body = Font(typeface, 14);
        using var small = Font(typeface, 12);

        var width = Math.Max(o.Width, 480);
        var departments = content.Departments;
        var hidden = content.HiddenDepartments;
        var statusLabels = StatusOrder.Select(StatusLabel).ToList();
        var labels = departments.Select(d => d.Name).Concat(statusLabels).ToList();
        var values = departments.Select(d => m.Format(MessageKeys.Chart.DepartmentValue, d.Submitted, d.Expected, DigestMarkdown.Percent(d.Submitted, d.Expected)))
            .Concat(StatusOrder.Select(s => m.Format(MessageKeys.Chart.StatusValue, t.Statuses[s], Share(t.Statuses[s], t.Expected))))
            .ToList();
        var labelWidth = Math.Clamp(labels.Max(l => body.MeasureText(l)) + 8, 80, width * 0.32f);
        var valueWidth = values.Max(v => body.MeasureText(v)) + 8;
        // Between label and bar, a dot for each light: visible even when the bar is empty.
        var dotX = Pad + labelWidth + 6 + DotRadius;
        var progressDotX = dotX + DotGap;
        var trackX = progressDotX + DotRadius + 8;
        var trackWidth = width - Pad - valueWidth - 8 - trackX;

        var departmentRows = Math.Max(departments.Count, 1);
        var height = Pad + 34 + 28 + 28 + ColumnLabelHeight + departmentRows * RowHeight + (hidden > 0 ? 22 : 0) + RowHeight + 12 + 28 + 30 + StatusOrder.Length * RowHeight + Pad;

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        // The canvas's megabytes come from the managed heap, not from the C library's allocator: a block that
        // large, freed there, raises the size below which it keeps freed memory in the process (glibc's mmap
        // threshold), and the whole host's native memory then grows with it.
        var canvasMemory = GC.AllocateUninitializedArray<byte>(info.BytesSize, pinned: true);
        using var surface = SKSurface.Create(info, Marshal.UnsafeAddrOfPinnedArrayElement(canvasMemory, 0), info.RowBytes)
            ?? throw new InvalidOperationException("Skia could not make a canvas.");
        var canvas = surface.Canvas;
        canvas.Clear(Background);
        using var ink = Paint(Ink);
        using var muted = Paint(Muted);
        using var track = Paint(Track);

        float y = Pad;
        var heading = content.Heading;
        // A long heading (a long department name) is set smaller before it is cut.
        var headingWidth = title.MeasureText(heading);
        if (headingWidth > width - 2 * Pad) title.Size = Math.Max(16, title.Size * (width - 2 * Pad) / headingWidth);
        canvas.DrawText(Fit(title, heading, width - 2 * Pad), Pad, Baseline(title, y + 17), SKTextAlign.Left, title, ink);
        y += 34;
        canvas.DrawText(m.Format(MessageKeys.Chart.Totals, t.Expected, t.Submitted, DigestMarkdown.Percent(t.Submitted, t.Expected),
                t.ReportingLights.Red, t.ReportingLights.Yellow, t.ProgressLights.Red, t.ProgressLights.Yellow),
            Pad, Baseline(body, y + 10), SKTextAlign.Left, body, muted);
        y += 28;

        canvas.DrawText(m[MessageKeys.Chart.DepartmentsHeader], Pad, Baseline(header, y + 12), SKTextAlign.Left, header, ink);
        y += 28;
        canvas.DrawText(m[MessageKeys.Chart.ReportingColumn], dotX, Baseline(small, y + ColumnLabelHeight / 2f), SKTextAlign.Center, small, muted);
        canvas.DrawText(m[MessageKeys.Chart.ProgressColumn], progressDotX, Baseline(small, y + ColumnLabelHeight / 2f), SKTextAlign.Center, small, muted);
        y += ColumnLabelHeight;
        var labelAreas = new List<SKRect>();
        var bars = new List<(SKRect Rect, SKColor Color)>();
        var dots = new List<(SKPoint Reporting, SKPoint Progress)>();
        if (departments.Count == 0)
        {
            canvas.DrawText(m[MessageKeys.Chart.None], Pad, Baseline(body, y + RowHeight / 2f), SKTextAlign.Left, body, muted);
            y += RowHeight;
        }
        for (var i = 0; i < departments.Count; i++)
        {
            var d = departments[i];
            var rate = d.Expected == 0 ? 1f : (float)d.Submitted / d.Expected;
            // The bar is the reporting rate: it takes the reporting light's colour.
            var bar = Row(canvas, body, ink, muted, track, y, labelWidth, trackX, trackWidth, Fit(body, d.Name, labelWidth - 8), values[i], rate, LightColor(d.ReportingLight));
            var reportingDot = new SKPoint(dotX, y + RowHeight / 2f);
            var progressDot = new SKPoint(progressDotX, y + RowHeight / 2f);
            using (var dot = Paint(LightColor(d.ReportingLight))) canvas.DrawCircle(reportingDot, DotRadius, dot);
            using (var dot = Paint(LightColor(d.ProgressLight))) canvas.DrawCircle(progressDot, DotRadius, dot);
            labelAreas.Add(new SKRect(Pad, y, Pad + labelWidth, y + RowHeight));
            bars.Add((bar, LightColor(d.ReportingLight)));
            dots.Add((reportingDot, progressDot));
            y += RowHeight;
        }
        if (hidden > 0)
        {
            canvas.DrawText(m.Format(MessageKeys.Chart.MoreDepartments, hidden), trackX, Baseline(body, y + 10), SKTextAlign.Left, body, muted);
            y += 22;
        }
        // The legend of the lights.
        var x = dotX - DotRadius - 1;
        foreach (var light in new[] { TrafficLight.Red, TrafficLight.Yellow, TrafficLight.Green })
        {
            using var swatch = Paint(LightColor(light));
            canvas.DrawCircle(x + 6, y + RowHeight / 2f, DotRadius + 1, swatch);
            var text = m[MessageKeys.Chart.LightPrefix + light];
            canvas.DrawText(text, x + 18, Baseline(body, y + RowHeight / 2f), SKTextAlign.Left, body, muted);
            x += 18 + body.MeasureText(text) + 20;
        }
        y += RowHeight + 12;

        canvas.DrawText(m.Format(MessageKeys.Chart.StatusHeader, t.Expected), Pad, Baseline(header, y + 12), SKTextAlign.Left, header, ink);
        y += 28;
        // One stacked bar: every report of the period, by status.
        canvas.DrawRect(trackX, y + 2, trackWidth, 18, track);
        var stackX = trackX;
        foreach (var status in StatusOrder)
        {
            var count = t.Statuses[status];
            if (count == 0 || t.Expected == 0) continue;
            var segment = trackWidth * count / t.Expected;
            using var paint = Paint(StatusColor(status));
            canvas.DrawRect(stackX, y + 2, segment, 18, paint);
            stackX += segment;
        }
        y += 30;
        for (var i = 0; i < StatusOrder.Length; i++)
        {
            var status = StatusOrder[i];
            var rate = t.Expected == 0 ? 0f : (float)t.Statuses[status] / t.Expected;
            var bar = Row(canvas, body, ink, muted, track, y, labelWidth, trackX, trackWidth, statusLabels[i], values[departments.Count + i], rate, StatusColor(status));
            bars.Add((bar, StatusColor(status)));
            y += RowHeight;
        }

        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels() ?? throw new InvalidOperationException("A raster surface has pixels.");
        // Flat colours and text: a palette PNG keeps it small enough to send inline.
        var png = IndexedPng.Encode(pixels);
        GC.KeepAlive(canvasMemory);
        return new Drawing(png, width, height, trackWidth, labelAreas, bars, dots);
    }

    /// <summary>One labelled bar: the label right-aligned before the track, the value after it. Returns the filled bar.</summary>
    private static SKRect Row(SKCanvas canvas, SKFont body, SKPaint ink, SKPaint muted, SKPaint track, float y, float labelWidth,
        float trackX, float trackWidth, string label, string value, float rate, SKColor color)
    {
        var middle = y + RowHeight / 2f;
        canvas.DrawText(label, Pad + labelWidth, Baseline(body, middle), SKTextAlign.Right, body, ink);
        var top = middle - BarHeight / 2f;
        canvas.DrawRect(trackX, top, trackWidth, BarHeight, track);
        var bar = new SKRect(trackX, top, trackX + trackWidth * Math.Clamp(rate, 0f, 1f), top + BarHeight);
        using var fill = Paint(color);
        canvas.DrawRect(bar, fill);
        canvas.DrawText(value, trackX + trackWidth + 8, Baseline(body, middle), SKTextAlign.Left, body, muted);
        return bar;
    }

    /// <summary>A share in whole percent, rounded (one of 131 is 1%); 0 when there is no whole.</summary>
    internal static int Share(int part, int whole) => whole <= 0 ? 0 : (int)Math.Round(part * 100.0 / whole, MidpointRounding.AwayFromZero);

    private string StatusLabel(ReportStatus? status) =>
        status is { } s ? format.Status(s) : messages[MessageKeys.Chart.NotSubmitted];

    /// <summary>The text, cut with an ellipsis to fit <paramref name="width"/>.</summary>
    private string Fit(SKFont font, string text, float width)
    {
        if (font.MeasureText(text) <= width) return text;
        var ellipsis = messages[MessageKeys.Format.Ellipsis];
        for (var length = text.Length - 1; length > 0; length--)
        {
            var cut = text[..length] + ellipsis;
            if (font.MeasureText(cut) <= width) return cut;
        }
        return ellipsis;
    }

    /// <summary>The baseline that centres a line of this font on <paramref name="middle"/>.</summary>
    private static float Baseline(SKFont font, float middle)
    {
        var metrics = font.Metrics;
        return middle - (metrics.Ascent + metrics.Descent) / 2;
    }

    private static SKFont Font(SKTypeface typeface, float size, bool bold = false) =>
        new(typeface, size) { Edging = SKFontEdging.Antialias, Subpixel = false, Hinting = SKFontHinting.Full, Embolden = bold };

    private static SKPaint Paint(SKColor color) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };

    /// <param name="TrackWidth">The length of a full (100%) bar.</param>
    /// <param name="LabelAreas">Where each department's label was drawn, in order.</param>
    /// <param name="Bars">Each filled bar and its colour: the departments', then the statuses'.</param>
    /// <param name="Dots">The centres of each department's two light dots, in order.</param>
    internal sealed record Drawing(byte[] Png, int Width, int Height, float TrackWidth, IReadOnlyList<SKRect> LabelAreas,
        IReadOnlyList<(SKRect Rect, SKColor Color)> Bars, IReadOnlyList<(SKPoint Reporting, SKPoint Progress)> Dots);
}

/// <summary>
/// Everything a digest's chart shows: charts of equal contents are the same picture. The heading carries the
/// period, the local date and the department of a department's digest; the list is compared item by item.
/// </summary>
/// <param name="Departments">The departments drawn, worst first.</param>
/// <param name="HiddenDepartments">The departments beyond <see cref="ChartOptions.MaxDepartments"/>, counted in one line.</param>
internal sealed record ChartContent(string Heading, DigestTotals Totals, IReadOnlyList<ChartDepartment> Departments, int HiddenDepartments)
{
    public bool Equals(ChartContent? other) =>
        other is not null && Heading == other.Heading && Totals == other.Totals && HiddenDepartments == other.HiddenDepartments
        && Departments.SequenceEqual(other.Departments);

    public override int GetHashCode() => HashCode.Combine(Heading, Totals, Departments.Count, HiddenDepartments);
}

/// <summary>One department's row of the chart.</summary>
internal sealed record ChartDepartment(string Name, int Submitted, int Expected, TrafficLight ReportingLight, TrafficLight ProgressLight);
