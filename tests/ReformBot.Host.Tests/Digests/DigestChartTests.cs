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

    /// <summary>The chart as every machine draws it: with the font shipped with the host.</summary>
    private static DigestChart.Drawing Draw(Digest digest, ChartOptions? options = null) =>
        Chart(options).Draw(digest)
        ?? throw new Xunit.Sdk.XunitException($"No chart: the shipped font {ChartOptions.ShippedFontFile} is missing or has no Chinese glyphs (build/subset-font.sh makes it).");

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
        var typeface = font.Typeface ?? throw new Xunit.Sdk.XunitException($"No font with Chinese glyphs: is {ChartOptions.ShippedFontFile} there?");
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
    public void The_shipped_font_draws_the_chinese_labels_without_any_system_font()
    {
        // No configured font and no system font: only the font shipped beside the executable can draw.
        var options = new ChartOptions { UseSystemFonts = false };
        using var typeface = ChartFont.Find(options, out var source)
            ?? throw new Xunit.Sdk.XunitException($"The shipped font {ChartOptions.ShippedFontFile} was not found or has no Chinese glyphs.");
        Assert.Equal(ChartOptions.ShippedFontFile, source);
        Assert.Equal("Noto Sans SC", typeface.FamilyName);

        var digest = Digest();
        var drawing = Draw(digest, options);
        using var bitmap = SKBitmap.Decode(drawing.Png);
        for (var i = 0; i < drawing.LabelAreas.Count; i++)
            Assert.True(Ink(bitmap, drawing.LabelAreas[i]).Count > 40, $"label of {digest.Departments[i].Department} has no ink");
        Assert.NotEqual(Shape(Ink(bitmap, drawing.LabelAreas[0]), drawing.LabelAreas[0]), Shape(Ink(bitmap, drawing.LabelAreas[1]), drawing.LabelAreas[1]));
    }

    [Fact]
    public void The_shipped_font_has_every_chinese_character_of_the_texts_and_the_seeds()
    {
        // The subset (build/subset-font.sh) takes the characters of dialogs/ and seeds/: a text or a department
        // name with a new character needs the script run again, or the chart would draw a box for it.
        using var typeface = SKTypeface.FromFile(ChartOptions.ShippedFontFile);
        using var font = new SKFont(typeface);
        var texts = new[] { "dialogs", "seeds" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, d), "*", SearchOption.AllDirectories))
            .Select(File.ReadAllText);
        var chinese = texts.SelectMany(t => t).Where(c => c is >= '\u3000' and <= '\u9FFF' or >= '\uFF01' and <= '\uFF5E').Distinct().ToArray();
        Assert.True(chinese.Length > 500, $"only {chinese.Length} characters");
        var missing = chinese.Where(c => !font.ContainsGlyph(c)).ToArray();
        Assert.True(missing.Length == 0, $"the shipped font lacks {new string(missing)}: run build/subset-font.sh");
    }

    [Fact]
    public void A_configured_font_file_is_used_before_the_shipped_and_the_systems_fonts()
    {
        using var dir = new TempDirectory();
        var file = dir.File("configured.ttf");
        File.Copy(ChartOptions.ShippedFontFile, file);
        var options = new ChartOptions { FontFile = file };

        using var typeface = ChartFont.Find(options, out var source);
        Assert.NotNull(typeface);
        Assert.Equal(file, source);
        Assert.NotNull(Chart(options).Render(Digest()));
    }

    [Fact]
    public void Without_a_chinese_font_there_is_no_chart_and_a_warning_says_how_to_get_one()
    {
        var logs = new LogCapture();
        var chart = Chart(new ChartOptions { FontFile = "/nonexistent/font.ttf", FontFamilies = ["No Such Family"], UseShippedFont = false, UseSystemFonts = false }, logs);

        Assert.Null(chart.Render(Digest()));
        Assert.Null(chart.Render(Digest()));
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(ChartOptions.ShippedFontFile, warning.Message);
        Assert.Contains("ReformBot:Chart:FontFile", warning.Message);
    }

    [Fact]
    public void A_font_without_chinese_glyphs_is_not_taken()
    {
        // DejaVu Sans is on most systems and has no Chinese: asked for by name, it is skipped.
        Assert.Null(ChartFont.Find(new ChartOptions { FontFamilies = ["DejaVu Sans"], UseShippedFont = false, UseSystemFonts = false }, out _));
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

    [Fact]
    public void A_chart_asked_again_with_nothing_changed_is_not_drawn_again_and_a_changed_report_changes_it()
    {
        using var dir = new TempDirectory();
        using var store = new TestStore(dir.DatabasePath);
        DigestScenario.Append(store.Reports);
        var chart = Chart();
        Digest At(DateTimeOffset now) => DigestScenario.Compute(store.Plans, store.Reports, now: now);

        var first = chart.Render(At(DigestScenario.Now));
        // An hour later, the same day, nothing reported: the same bytes, not a new drawing.
        Assert.Same(first, chart.Render(At(DigestScenario.Now.AddHours(1))));

        // A report revised to another status: the same number submitted, another status breakdown.
        store.Reports.Append(new ReportKey(1, "科技厅", DigestScenario.Q4), DigestScenario.Content(ReportStatus.Completed, percent: 100), "c-kjt",
            DigestScenario.Now.AddMinutes(90), late: false);
        var revised = At(DigestScenario.Now.AddHours(2));
        var second = chart.Render(revised);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        Assert.Equal(Chart().Draw(revised)!.Png, second);

        // A report not submitted before: the department's bar grows.
        var missing = revised.Tasks.First(r => r.Latest is null);
        store.Reports.Append(new ReportKey(missing.TaskNumber, missing.Department, DigestScenario.Q4), DigestScenario.Content(ReportStatus.OnTrack), "c-x",
            DigestScenario.Now.AddMinutes(150), late: false);
        var added = At(DigestScenario.Now.AddHours(3));
        var third = chart.Render(added);
        Assert.NotEqual(second, third);
        Assert.Equal(Chart().Draw(added)!.Png, third);

        // The next day's chart has the next day's date in its heading.
        Assert.NotEqual(third, chart.Render(At(DigestScenario.Now.AddDays(1))));
    }

    [Fact]
    public void Only_the_last_charts_are_kept_and_turns_asking_at_once_share_one_drawing()
    {
        var chart = Chart();
        var departments = Digest().Departments.Take(DigestChart.KeptCharts + 1).Select(d => d.Department).ToList();
        Assert.Equal(DigestChart.KeptCharts + 1, departments.Count);

        var pngs = new byte[]?[8];
        Parallel.For(0, pngs.Length, i => pngs[i] = chart.Render(Digest(new DigestFilter(departments[0]))));
        Assert.All(pngs, png => Assert.Same(pngs[0], png));

        foreach (var department in departments.Skip(1)) chart.Render(Digest(new DigestFilter(department)));
        // The first department's chart was the least recently used of KeptCharts + 1: drawn again, the same picture.
        var again = chart.Render(Digest(new DigestFilter(departments[0])));
        Assert.NotSame(pngs[0], again);
        Assert.Equal(pngs[0], again);
        // The last one is still kept.
        var last = Digest(new DigestFilter(departments[^1]));
        Assert.Same(chart.Render(last), chart.Render(last));
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
}
