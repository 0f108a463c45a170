using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReformBot.Core.Digests;
using ReformBot.Core.Reports;
using ReformBot.Host.Digests;
using ReformBot.Host.Tests.Support;
using SkiaSharp;

namespace ReformBot.Host.Tests.Digests;

/// <summary>The digest's chart: a PNG that decodes, has the size its layout says, shows bars in the right colours and Chinese labels.</summary>
public sealed class DigestChartTests(DigestChartTests.Scenario scenario) : IClassFixture<DigestChartTests.Scenario>
{
    /// <summary>The digest scenario's reports in one store, read by the tests of the class and written by none.</summary>
    public sealed class Scenario : IDisposable
    {
        private readonly TempDirectory _dir = new();

        public Scenario()
        {
            Store = new TestStore(_dir.DatabasePath);
            DigestScenario.Append(Store.Reports);
        }

        public TestStore Store { get; }

        public void Dispose()
        {
            Store.Dispose();
            _dir.Dispose();
        }
    }

    private Digest Digest(DigestFilter? filter = null) => DigestScenario.Compute(scenario.Store.Plans, scenario.Store.Reports, filter);

    private static DigestChart Chart(ChartOptions? options = null, LogCapture? logs = null)
    {
        var o = Options.Create(options ?? new ChartOptions());
        var factory = LoggerFactory.Create(b => { if (logs is not null) b.AddProvider(logs); });
        return new DigestChart(TestFiles.Messages, TestFiles.Format, new ChartFont(o, factory.CreateLogger<ChartFont>()), o);
    }

    /// <summary>The chart as CI draws it: with the CJK font that .ci/run installs.</summary>
    private static DigestChart.Drawing Draw(Digest digest, ChartOptions? options = null) =>
        Chart(options).Draw(digest)
        ?? throw new Xunit.Sdk.XunitException("No chart: no font with Chinese glyphs here. Install one, as .ci/run does: apt-get install fonts-wqy-microhei");

    [Fact]
    public void The_png_decodes_to_the_size_of_its_layout_and_is_not_blank()
    {
        var drawing = Draw(Digest());

        using var bitmap = SKBitmap.Decode(drawing.Png);
        Assert.NotNull(bitmap);
        Assert.Equal(800, bitmap.Width);
        Assert.Equal(drawing.Height, bitmap.Height);
        // Every lead department has a row: the height follows from their number.
        Assert.Equal(Digest().Departments.Count, drawing.LabelAreas.Count);
        Assert.InRange(bitmap.Height, 900, 1600);
        var colours = bitmap.Pixels.Distinct().Count();
        Assert.True(colours >= 20, $"only {colours} distinct colours");
        Assert.InRange(drawing.Png.Length, 10_000, 150_000);
    }

    [Fact]
    public void Department_bars_are_worst_first_in_their_reporting_lights_colour_and_as_long_as_their_rate()
    {
        var digest = Digest();
        var drawing = Draw(digest);
        using var bitmap = SKBitmap.Decode(drawing.Png);

        var departments = digest.Departments;
        // Before the due date nothing is late to report: the worst departments are red for progress only.
        Assert.Equal((TrafficLight.Green, TrafficLight.Red), (departments[0].ReportingLight, departments[0].ProgressLight));
        for (var i = 0; i < departments.Count; i++)
        {
            var (rect, colour) = drawing.Bars[i];
            Assert.Equal(DigestChart.LightColor(departments[i].ReportingLight), colour);
            if (rect.Width < 2) continue;
            Assert.Equal(colour, bitmap.GetPixel((int)rect.MidX, (int)rect.MidY));
        }
        // Each bar is as long as the department's completion rate; 新疆银监局 reported 1 of its 2 tasks.
        for (var i = 0; i < departments.Count; i++)
            Assert.Equal(departments[i].Rate * drawing.TrackWidth, drawing.Bars[i].Rect.Width, 1);
        var half = departments.ToList().FindIndex(d => d.Department == "新疆银监局");
        Assert.Equal(drawing.TrackWidth / 2, drawing.Bars[half].Rect.Width, 1);
    }

    [Fact]
    public void Each_department_shows_its_reporting_and_its_progress_light_as_two_dots()
    {
        // After the due date: some departments are red for missing reports, others for overdue tasks only.
        var digest = DigestScenario.Compute(scenario.Store.Plans, scenario.Store.Reports, now: new DateTimeOffset(2027, 1, 12, 10, 0, 0, TimeSpan.FromHours(8)));
        var drawing = Draw(digest);
        using var bitmap = SKBitmap.Decode(drawing.Png);

        var departments = digest.Departments;
        Assert.Equal(departments.Count, drawing.Dots.Count);
        Assert.Contains(departments, d => d.ReportingLight != d.ProgressLight);
        for (var i = 0; i < departments.Count; i++)
        {
            var (reporting, progress) = drawing.Dots[i];
            Assert.Equal(reporting.Y, progress.Y);
            Assert.True(reporting.X < progress.X && progress.X < drawing.Bars[i].Rect.Left);
            Assert.Equal(DigestChart.LightColor(departments[i].ReportingLight), bitmap.GetPixel((int)reporting.X, (int)reporting.Y));
            Assert.Equal(DigestChart.LightColor(departments[i].ProgressLight), bitmap.GetPixel((int)progress.X, (int)progress.Y));
        }
    }

    [Fact]
    public void The_status_breakdown_has_a_bar_per_status_with_its_count()
    {
        var digest = Digest();
        var drawing = Draw(digest);
        using var bitmap = SKBitmap.Decode(drawing.Png);

        var statusBars = drawing.Bars.Skip(digest.Departments.Count).ToList();
        Assert.Equal(5, statusBars.Count);
        var unit = statusBars[4].Rect.Width / digest.Totals.Statuses.NotSubmitted;
        for (var i = 0; i < 5; i++)
        {
            var status = DigestChart.StatusOrder[i];
            Assert.Equal(DigestChart.StatusColor(status), statusBars[i].Color);
            Assert.Equal(digest.Totals.Statuses[status] * unit, statusBars[i].Rect.Width, 1);
            Assert.Equal(statusBars[i].Color, bitmap.GetPixel((int)statusBars[i].Rect.MidX, (int)statusBars[i].Rect.MidY));
        }
    }

    [Fact]
    public void Chinese_labels_are_drawn_in_a_font_that_has_their_glyphs()
    {
        var font = new ChartFont(Options.Create(new ChartOptions()), LoggerFactory.Create(_ => { }).CreateLogger<ChartFont>());
        var typeface = font.Typeface ?? throw new Xunit.Sdk.XunitException("No font with Chinese glyphs: apt-get install fonts-wqy-microhei (.ci/run does).");
        using var skFont = new SKFont(typeface);
        Assert.True(skFont.ContainsGlyphs("中国人民银行乌鲁木齐中心支行科技厅滞后"));

        var digest = Digest();
        var drawing = Draw(digest);
        using var bitmap = SKBitmap.Decode(drawing.Png);
        // Each department's label area holds dark text, and different names make different pictures.
        var first = Ink(bitmap, drawing.LabelAreas[0]);
        Assert.True(first.Count > 40, $"label area 0 has {first.Count} dark pixels");
        var second = Ink(bitmap, drawing.LabelAreas[1]);
        Assert.NotEqual(Shape(first, drawing.LabelAreas[0]), Shape(second, drawing.LabelAreas[1]));
    }

    [Fact]
    public void A_configured_font_file_is_used_before_the_systems_fonts()
    {
        var file = FontFileWithChinese() ?? throw new Xunit.Sdk.XunitException("No font file with Chinese glyphs under /usr/share/fonts.");
        var options = new ChartOptions { FontFile = file, FontFamilies = [], UseSystemFonts = false };

        Assert.NotNull(ChartFont.Find(options, out var source));
        Assert.Equal(file, source);
        Assert.NotNull(Chart(options).Render(Digest()));
    }

    [Fact]
    public void Without_a_chinese_font_there_is_no_chart_and_a_warning_says_how_to_get_one()
    {
        var logs = new LogCapture();
        var chart = Chart(new ChartOptions { FontFile = "/nonexistent/font.ttf", FontFamilies = ["No Such Family"], UseSystemFonts = false }, logs);

        Assert.Null(chart.Render(Digest()));
        Assert.Null(chart.Render(Digest()));
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("fonts-wqy-microhei", warning.Message);
    }

    [Fact]
    public void A_font_without_chinese_glyphs_is_not_taken()
    {
        // DejaVu Sans is on most systems and has no Chinese: asked for by name, it is skipped.
        Assert.Null(ChartFont.Find(new ChartOptions { FontFamilies = ["DejaVu Sans"], UseSystemFonts = false }, out _));
    }

    [Fact]
    public void Charts_can_be_turned_off()
    {
        Assert.Null(Chart(new ChartOptions { Enabled = false }).Render(Digest()));
    }

    [Fact]
    public void A_department_digest_draws_that_department_and_many_departments_are_capped()
    {
        var one = Draw(Digest(new DigestFilter("中国人民银行乌鲁木齐中心支行")));
        Assert.Single(one.LabelAreas);

        var capped = Draw(Digest(), new ChartOptions { MaxDepartments = 5 });
        Assert.Equal(5, capped.LabelAreas.Count);
        Assert.True(capped.Height < Draw(Digest()).Height);
    }

    /// <summary>Pixels darker than the bars' and the track's colours: text.</summary>
    private static List<(int X, int Y)> Ink(SKBitmap bitmap, SKRect area)
    {
        var ink = new List<(int, int)>();
        for (var y = (int)area.Top; y < (int)area.Bottom; y++)
            for (var x = (int)area.Left; x < (int)area.Right; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (p.Red + p.Green + p.Blue < 3 * 128) ink.Add((x, y));
            }
        return ink;
    }

    private static string Shape(List<(int X, int Y)> ink, SKRect area) =>
        string.Join(";", ink.Select(p => $"{p.X - (int)area.Right},{p.Y - (int)area.Top}"));

    private static string? FontFileWithChinese()
    {
        if (!Directory.Exists("/usr/share/fonts")) return null;
        foreach (var file in Directory.EnumerateFiles("/usr/share/fonts", "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".ttf") || f.EndsWith(".ttc") || f.EndsWith(".otf")).Order())
        {
            using var typeface = SKTypeface.FromFile(file);
            if (typeface is null) continue;
            using var font = new SKFont(typeface);
            if (font.ContainsGlyphs(ChartFont.Probe)) return file;
        }
        return null;
    }
}
