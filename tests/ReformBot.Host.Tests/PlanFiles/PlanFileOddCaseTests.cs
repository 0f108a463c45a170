using System.IO.Compression;
using System.Text;
using ReformBot.Core.Plans;
using ReformBot.Host.PlanFiles;
using ReformBot.Host.Tests.Support;
using static ReformBot.Host.Tests.PlanFiles.PlanFileRoundTripTests;

namespace ReformBot.Host.Tests.PlanFiles;

/// <summary>Files that are not what they seem, merged cells, and tables that cannot be read with confidence.</summary>
public class PlanFileOddCaseTests
{
    private static readonly string[] Header5 = ["类别", "序号", "重点任务", "责任部门", "时间进度"];

    /// <summary>A category column merged down over its tasks, and one department cell merged over two tasks.</summary>
    private static readonly string[][] Categorised =
    [
        Header5,
        ["一、推动企业成为创新主体", "1", "任务一", "科技厅", "持续推进"],
        ["", "2", "任务二", "发改委、财政厅", "2017年完成"],
        ["", "3", "任务三", "", "2017年完成"],
        ["二、改革人才制度", "4", "任务四", "人社厅", "持续推进"],
    ];

    private static void AssertCategorisedRead(PlanDocument document, int table)
    {
        var rows = document.Tables[table].Rows;
        Assert.Equal(["一、推动企业成为创新主体", "3", "任务三", "发改委、财政厅", "2017年完成"], rows[3].Cells);
        var tasks = PlanTableParser.Parse(document);
        Assert.Equal(["科技厅", "发改委 财政厅", "发改委 财政厅", "人社厅"], tasks.Select(t => string.Join(" ", t.Departments.Select(d => d.Name))));
    }

    [Fact]
    public void Word_cells_merged_down_repeat_in_each_row_they_cover()
    {
        var merged = (int row, int column) => (column == 0 && row is 2 or 3) || (column == 3 && row == 3);

        AssertCategorisedRead(PlanFileReader.Read(PlanFileWriters.Docx(Categorised, merged)), 0);
    }

    [Fact]
    public void Word_cell_spanning_columns_fills_its_first_column()
    {
        var bytes = PlanFileWriters.Docx([["序号", "重点任务", "责任部门", "时间进度"], ["1", "任务一", "科技厅", "持续推进"]]);
        // Widen the last row's second cell over the third, as a merged cell is stored.
        bytes = Rewrite(bytes, "word/document.xml", xml =>
        {
            var last = xml.LastIndexOf("<w:tc>", StringComparison.Ordinal);
            var third = xml.LastIndexOf("<w:tc>", last - 1, StringComparison.Ordinal);
            var thirdEnd = xml.IndexOf("</w:tc>", third, StringComparison.Ordinal) + "</w:tc>".Length;
            var second = xml.LastIndexOf("<w:tc>", third - 1, StringComparison.Ordinal);
            return xml[..second] + "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + xml[(second + "<w:tc>".Length)..third] + xml[thirdEnd..];
        });

        var row = PlanFileReader.Read(bytes).Tables[0].Rows[1];

        Assert.Equal(["1", "任务一", "", "持续推进"], row.Cells);
    }

    [Fact]
    public void Excel_merged_ranges_repeat_down_their_first_column()
    {
        var bytes = PlanFileWriters.Xlsx(Categorised, (1, 0, 3, 0), (2, 3, 3, 3));

        AssertCategorisedRead(PlanFileReader.Read(bytes), 1);
    }

    [Fact]
    public void Web_page_cells_spanning_rows_repeat_down_and_entities_are_decoded()
    {
        var html = """
            <html><body><table>
            <tr><th>类别</th><th>序号</th><th>重点任务</th><th>责任部门</th><th>时间进度</th></tr>
            <tr><td rowspan="3">一、推动企业成为创新主体</td><td>1</td><td>任务一</td><td>科技厅</td><td>持续推进</td></tr>
            <tr><td>2</td><td>任务二</td><td rowspan="2">发改委&#x3001;财政厅</td><td>2017年完成</td></tr>
            <tr><td>3</td><td>任务三</td><td>2017年&nbsp;完成</td></tr>
            <tr><td>二、改革人才制度</td><td>4</td><td>任务四</td><td>人社厅</td><td>持续推进</td></tr>
            </table></body></html>
            """;

        var document = PlanFileReader.Read(Encoding.UTF8.GetBytes(html));

        Assert.Equal("2017年\u00a0完成", document.Tables[0].Rows[3].Cells[4]);
        Assert.Equal(["一、推动企业成为创新主体", "3", "任务三", "发改委、财政厅"], document.Tables[0].Rows[3].Cells.Take(4));
        Assert.Equal(["科技厅", "发改委 财政厅", "发改委 财政厅", "人社厅"], PlanTableParser.Parse(document).Select(t => string.Join(" ", t.Departments.Select(d => d.Name))));
    }

    [Fact]
    public void Web_page_of_numbered_paragraphs_passes_its_paragraphs_on()
    {
        var html = "<html><body><h1>实施方案</h1><p>1. 完善企业创新机制。（科技厅牵头）</p><p>2. 改革人才制度。<br>（人社厅牵头）</p></body></html>";

        var document = PlanFileReader.Read(Encoding.UTF8.GetBytes(html));

        Assert.Empty(document.Tables);
        Assert.Equal(["实施方案", "1. 完善企业创新机制。（科技厅牵头）", "2. 改革人才制度。", "（人社厅牵头）"], document.Paragraphs.Select(p => p.Text));
    }

    [Theory]
    [InlineData("WordDocument", PlanFileErrorKind.OldWordFormat)]
    [InlineData("Workbook1Table", PlanFileErrorKind.Damaged)]      // no Excel stream a reader can open
    [InlineData("EncryptedPackage", PlanFileErrorKind.Damaged)]
    [InlineData("PowerPoint Document", PlanFileErrorKind.UnknownFormat)]
    public void Compound_files_are_told_apart_by_their_streams(string stream, PlanFileErrorKind kind)
    {
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes(stream), .. new byte[512]];

        Assert.Equal(kind, Assert.Throws<PlanFileException>(() => PlanFileReader.Read(bytes, "plan.doc")).Kind);
    }

    [Fact]
    public void Files_that_are_no_plan()
    {
        Assert.Equal(PlanFileErrorKind.Empty, Assert.Throws<PlanFileException>(() => PlanFileReader.Read([], "plan.txt")).Kind);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        Assert.Equal(PlanFileErrorKind.UnknownFormat, Assert.Throws<PlanFileException>(() => PlanFileReader.Read(png, "plan.docx")).Kind);
        byte[] binary = [1, 0, 2, 0, 3, 0, 0, 0, 0x41];
        Assert.Equal(PlanFileErrorKind.UnknownFormat, Assert.Throws<PlanFileException>(() => PlanFileReader.Read(binary, "plan.txt")).Kind);
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true)) archive.CreateEntry("content.xml");
        Assert.Equal(PlanFileErrorKind.UnknownFormat, Assert.Throws<PlanFileException>(() => PlanFileReader.Read(zip.ToArray(), "plan.odt")).Kind);
    }

    [Fact]
    public void Damaged_word_and_excel_files()
    {
        var word = Rewrite(PlanFileWriters.Docx([PlanFileWriters.Header]), "word/document.xml", _ => "<w:document");
        Assert.Equal(PlanFileErrorKind.Damaged, Assert.Throws<PlanFileException>(() => PlanFileReader.Read(word)).Kind);
        var cut = PlanFileWriters.Xlsx([PlanFileWriters.Header]).AsSpan(0, 200).ToArray();
        Assert.Equal(PlanFileErrorKind.Damaged, Assert.Throws<PlanFileException>(() => PlanFileReader.Read(cut)).Kind);
    }

    [Fact]
    public void Word_document_without_a_table_has_its_paragraphs_and_no_table()
    {
        var document = PlanFileReader.Read(PlanFileWriters.Docx([], withTable: false));

        Assert.Empty(document.Tables);
        Assert.Equal(["附件", "重点任务分工及进度安排表", "抄送：自治区各有关部门。"], document.Paragraphs.Select(p => p.Text));
        Assert.Equal(PlanFormatErrorKind.NoTable, Assert.Throws<PlanFormatException>(() => PlanTableParser.Parse(document)).Error.Kind);
    }

    [Fact]
    public void Pdf_without_a_table_passes_its_paragraphs_on()
    {
        // A page of prose whose first line is the title, with indented paragraphs: no 序号 header anywhere.
        var pdf = PdfPlanWriter.Pdf([["一、总体要求"], ["为深入实施创新驱动发展战略，制定本方案。"]], title: null, header: false);

        var document = PlanFileReader.Read(pdf);

        Assert.Empty(document.Tables);
        Assert.Contains(document.Paragraphs, p => p.Text.Contains("制定本方案"));
    }

    [Fact]
    public void Pdf_whose_numbers_stand_in_the_middle_of_their_rows_is_refused_naming_the_page()
    {
        var rows = PlanFileWriters.ShippedPlanRows().Take(6).ToList();

        var error = Assert.Throws<PlanFileException>(() => PlanFileReader.Read(PdfPlanWriter.Pdf(rows, centredNumbers: true)));

        Assert.Equal((PlanFileErrorKind.PdfTableUnclear, "1"), (error.Kind, error.Detail));
    }

    [Fact]
    public void Pdf_whose_numbers_stand_in_the_middle_of_their_rows_from_page_2_is_refused_naming_that_page()
    {
        // Page 1 holds rows of one line, whose numbers cannot stand anywhere else; the centred numbers begin on page 2.
        var rows = new List<string[]> { PlanFileWriters.Header };
        rows.AddRange(Enumerable.Range(1, 24).Select(i => new[] { $"{i}", $"短任务{i}", "科技厅", "持续推进" }));
        rows.AddRange(PlanFileWriters.ShippedPlanRows().Skip(1).Take(6).Select((r, i) => new[] { $"{25 + i}", r[1], r[2], r[3] }));
        var pdf = PdfPlanWriter.Pdf(rows, centredNumbers: true);
        Assert.Equal(2, UglyToad.PdfPig.PdfDocument.Open(pdf).NumberOfPages);

        var error = Assert.Throws<PlanFileException>(() => PlanFileReader.Read(pdf));

        Assert.Equal((PlanFileErrorKind.PdfTableUnclear, "2"), (error.Kind, error.Detail));
    }

    [Fact]
    public void Pdf_whose_later_row_has_its_number_in_the_middle_is_refused()
    {
        // The first row is one line, so the page's first number stands on its row's first line; the second row's does not.
        var rows = PlanFileWriters.ShippedPlanRows().Take(4).ToList();
        rows[1] = ["1", "短任务", "科技厅", "持续推进"];

        var error = Assert.Throws<PlanFileException>(() => PlanFileReader.Read(PdfPlanWriter.Pdf(rows, centredNumbers: true)));

        Assert.Equal((PlanFileErrorKind.PdfTableUnclear, "1"), (error.Kind, error.Detail));
    }

    [Fact]
    public void Pdf_with_words_outside_the_headers_columns_is_refused()
    {
        var rows = PlanFileWriters.ShippedPlanRows().Take(4).ToList();

        var error = Assert.Throws<PlanFileException>(() => PlanFileReader.Read(PdfPlanWriter.Pdf(rows, overflowingRow: 2)));

        Assert.Equal(PlanFileErrorKind.PdfTableUnclear, error.Kind);
    }

    private static byte[] Rewrite(byte[] package, string entryName, Func<string, string> change)
    {
        var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(entryName)!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write(change(xml));
        }
        return stream.ToArray();
    }

    [Fact]
    public void Rows_whose_cells_do_not_line_up_are_named_in_the_dry_run()
    {
        using var dir = new TempDirectory();
        var planFile = dir.File("错位.docx");
        File.WriteAllBytes(planFile, PlanFileWriters.Docx(
        [
            ["序号", "重点任务", "责任单位", "完成时限"],
            ["1", "制定支持芯片产业发展的若干措施", "2026年6月底前", "省财政厅"],
            ["2", "推进科研经费包干制试点", "省财政厅", "2026年第三季度"],
        ]));

        var run = CliRun.Of("import", planFile, "--dry-run", "--db", dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("""
            第 1 项：制定支持芯片产业发展的若干措施
              牵头：2026年6月底前；配合：无
              进度：省财政厅
              ⚠ 责任部门一格写的是“2026年6月底前”，像是时间进度。这一行的各格可能错位，请对照原表核对。
              ⚠ 时间进度一格写的是“省财政厅”，像是责任单位。这一行的各格可能错位，请对照原表核对。
            第 2 项：推进科研经费包干制试点
              牵头：省财政厅；配合：无
              进度：2026年第三季度（读作：截止 2026年9月30日）
            """.ReplaceLineEndings("\n"), run.Output);
        Assert.Contains("共 2 处需要核对", run.Output);
    }
}
