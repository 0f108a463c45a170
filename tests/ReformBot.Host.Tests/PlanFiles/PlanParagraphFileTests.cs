using System.Text;
using ReformBot.Core.Plans;
using ReformBot.Host.PlanFiles;
using ReformBot.Host.Tests.Cli;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.PlanFiles;

/// <summary>Plans without a table, as a Word document and a web page: the same tasks as the same paragraphs in text.</summary>
public sealed class PlanParagraphFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A local 分解方案 in the State Council's 分工 style, with units in parentheses and on lines of their own.</summary>
    private static readonly string[] Plan =
    [
        "关于落实2026年重点改革任务的分工方案",
        "一、推动芯片全链发展",
        "1.制定支持芯片产业发展的若干措施。（省发展改革委牵头，省财政厅等按职责分工负责，2026年6月底前完成）",
        "2.建设集成电路公共服务平台。",
        "牵头单位：科学技术厅",
        "责任单位：各县（市、区）人民政府",
        "完成时限：年底前",
        "二、优化创新生态",
        "1.推进科研经费包干制试点。（牵头单位：省财政厅；责任单位：科学技术厅；完成时限：2026年第三季度）",
    ];

    private static string Describe(IReadOnlyList<ParsedTask> tasks) =>
        string.Join("\n", tasks.Select(t => $"{t.Number}|{t.Section}|{t.Text}|{string.Join("、", t.Departments.Select(d => $"{d.Name}:{d.Role}"))}|{t.Schedule.Text}|{t.Schedule.DueBy}"));

    [Fact]
    public void A_word_document_and_a_web_page_of_numbered_paragraphs_read_as_the_same_text()
    {
        var fromText = PlanTableParser.Parse(string.Join("\n", Plan));
        Assert.Equal(3, fromText.Count);

        Assert.Equal(Describe(fromText), Describe(PlanTableParser.Parse(PlanFileReader.Read(PlanFileWriters.DocxParagraphs(Plan), "方案.docx"))));
        Assert.Equal(Describe(fromText), Describe(PlanTableParser.Parse(PlanFileReader.Read(Encoding.UTF8.GetBytes(PlanFileWriters.HtmlParagraphs(Plan)), "方案.html"))));
    }

    [Fact]
    public void Importing_a_word_document_of_paragraphs_previews_then_stores_the_tasks()
    {
        var planFile = _dir.File("分工方案.docx");
        File.WriteAllBytes(planFile, PlanFileWriters.DocxParagraphs(Plan));

        var dryRun = CliRun.Of("import", planFile, "--dry-run", "--db", _dir.DatabasePath);

        Assert.Equal(0, dryRun.ExitCode);
        Assert.Contains("一、推动芯片全链发展\n第 1 项：制定支持芯片产业发展的若干措施。", dryRun.Output);
        Assert.Contains("二、优化创新生态\n第 3 项：推进科研经费包干制试点。", dryRun.Output);
        Assert.Contains("截止 2026年12月31日", dryRun.Output);
        Assert.Contains("各县（市、区）人民政府", dryRun.Output);

        var run = CliRun.Of("import", planFile, "--db", _dir.DatabasePath);
        Assert.Equal(0, run.ExitCode);
        var tasks = CliRun.Of("tasks", "--json", "--db", _dir.DatabasePath).Output;
        Assert.Contains("推进科研经费包干制试点", tasks);
        Assert.Contains("\"number\":3", tasks.Replace(" ", ""));
    }

    [Fact]
    public void A_paragraph_task_without_units_is_refused_and_nothing_changes()
    {
        var planFile = _dir.File("缺单位.docx");
        File.WriteAllBytes(planFile, PlanFileWriters.DocxParagraphs(
            ["1.推进科研经费改革。（省科技厅牵头）", "2.完善人才评价。", "3.深化职称制度改革。（省人力资源社会保障厅牵头）"]));

        var run = CliRun.Of("import", planFile, "--db", _dir.DatabasePath);

        Assert.Equal(1, run.ExitCode);
        // A Word document has no line numbers: the paragraph is counted, and the advice is about paragraphs.
        Assert.Contains("缺单位.docx（Word 文档）：第 2 段：第 2 项任务没有写明责任单位。请在这一段末尾的括号里写明", run.Error);
        Assert.Contains("数据未作任何改动", run.Error);
    }

    private static readonly string[] TaskWithoutUnits =
    [
        "为深入实施创新驱动发展战略，加快推进科技体制改革，结合本地实际，制定本方案，请各单位认真贯彻落实。",
        "1.推进科研经费改革。（省科技厅牵头）",
        "2.完善人才评价。",
        "3.深化职称制度改革。（省人力资源社会保障厅牵头）",
    ];

    [Theory]
    // A web page's and a PDF page's paragraphs are counted as the office counts them; a text file keeps its lines.
    [InlineData("缺单位.html", "缺单位.html（网页文件，UTF-8 编码）：第 3 段：第 2 项任务没有写明责任单位。")]
    [InlineData("缺单位.pdf", "缺单位.pdf（PDF 文件）：第 1 页第 3 段：第 2 项任务没有写明责任单位。")]
    [InlineData("缺单位.txt", "缺单位.txt（文本文件，UTF-8 编码）：第 3 行：第 2 项任务没有写明责任单位。")]
    public void A_paragraph_task_without_units_names_its_paragraph_in_each_format(string name, string expected)
    {
        var planFile = _dir.File(name);
        File.WriteAllBytes(planFile, Path.GetExtension(name) switch
        {
            ".html" => Encoding.UTF8.GetBytes(PlanFileWriters.HtmlParagraphs(TaskWithoutUnits)),
            ".pdf" => PdfPlanWriter.Pdf(TaskWithoutUnits.Select(p => new[] { p }).ToList(), title: null, header: false),
            _ => Encoding.UTF8.GetBytes(string.Join("\n", TaskWithoutUnits)),
        });

        var run = CliRun.Of("import", planFile, "--db", _dir.DatabasePath);

        Assert.Equal(1, run.ExitCode);
        Assert.True(run.Error.Contains(expected, StringComparison.Ordinal), run.Error);
    }
}
