using ReformBot.Core.Plans;
using ReformBot.Host.PlanFiles;

namespace ReformBot.Host.Tests.PlanFiles;

/// <summary>
/// Excerpts of real published plans (PlanFiles/RealPlans, each with a .source.txt naming its title, issuer, number,
/// date and address), imported as an office would: the file read by its content, parsed, and previewed against an
/// empty department directory (another government's plan).
/// </summary>
public sealed class RealPlanTests
{
    private static PlanDocument Read(string file) =>
        PlanFileReader.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "PlanFiles", "RealPlans", file)), file);

    private static ImportPreview Preview(PlanDocument document)
    {
        var parsed = PlanTableParser.Parse(document);
        return ImportPreview.Of(parsed, PlanImport.Prepare(parsed, [], []));
    }

    private static string Units(PreviewTask t) =>
        string.Join(" ", t.Task.LeadDepartments.Select(d => "+" + d).Concat(t.Task.SupportDepartments));

    private static string Warnings(PreviewTask t) => string.Join(" ", t.Warnings.Select(w => $"{w.Kind}:{w.Detail}"));

    [Fact]
    public void Lishan_2023_units_on_label_lines_below_each_task()
    {
        var preview = Preview(Read("lishan-2023.txt"));

        Assert.Equal(6, preview.Tasks.Count);
        Assert.Equal("努力实现地区生产总值增长6.2%左右。", preview.Tasks[0].Task.Text);
        Assert.Equal("+区发改局 立山经济开发区 全区经济运行各专班", Units(preview.Tasks[0]));
        Assert.Equal("+区发改局 立山经济开发区 各街道 区直各部门", Units(preview.Tasks[2]));
        Assert.Equal("+区财政局 立山经济开发区 各街道 税务局", Units(preview.Tasks[4]));
        Assert.All(preview.Tasks, t => Assert.Equal("一、经济社会发展的主要预期目标", t.Section));
        // The plan gives no deadlines: an annual plan's tasks are unscheduled, not misread.
        Assert.All(preview.Tasks, t => Assert.True(t.Task.Schedule.IsEmpty));
        Assert.Equal("GenericUnit:各街道 GenericUnit:区直各部门", Warnings(preview.Tasks[2]));
        Assert.Equal("GenericUnit:各街道 GenericUnit:各相关单位", Warnings(preview.Tasks[5]));
        Assert.Equal(6, preview.WarningCount);
    }

    [Fact]
    public void Xianan_2023_the_leading_official_in_the_parentheses_is_no_department()
    {
        var preview = Preview(Read("xianan-2023.txt"));

        Assert.Equal(12, preview.Tasks.Count);
        Assert.Equal("+区发改局", Units(preview.Tasks[0]));
        // 责任领导:杜新国、丁玲 names people; only the 牵头单位 lead.
        Assert.Equal("+区发改局 +区农业农村局", Units(preview.Tasks[6]));
        Assert.Equal("+市生态环境局咸安分局", Units(preview.Tasks[10]));
        Assert.Equal("+区交通运输局 区发改局 区自然资源和规划局 区林业局 区经发集团 相关乡镇办", Units(preview.Tasks[11]));
        Assert.DoesNotContain(preview.Import.NewDepartments, d => d.Name.Contains("领导") || d.Name is "杜新国" or "丁玲" or "陈浩");
        Assert.Equal("一、2023年全区经济社会发展主要预期目标", preview.Tasks[10].Section);
        Assert.Equal("(一)坚定不移做强增长引擎", preview.Tasks[11].Section);
        Assert.StartsWith("启动南外环高速公路", preview.Tasks[11].Task.Text);
        Assert.EndsWith("公路建成通车。", preview.Tasks[11].Task.Text);
        Assert.All(preview.Tasks, t => Assert.True(t.Task.Schedule.IsEmpty));
        Assert.Equal(0, preview.WarningCount);
    }

    [Fact]
    public void Chuzhou_2020_lead_and_supporting_units_on_labelled_lines_beside_the_leading_official()
    {
        var preview = Preview(Read("chuzhou-2020.txt"));

        Assert.Equal(3, preview.Tasks.Count);
        Assert.Equal(["地区生产总值增长8%以上。", "财政收入增长8%左右。", "固定资产投资增长10%以上。"], preview.Tasks.Select(t => t.Task.Text));
        Assert.Equal("+市发展改革委 市经信局 市商务局 市交通局 市农业农村局 滁州经开区管委会 中新苏滁高新区管委会 各县、市、区政府", Units(preview.Tasks[0]));
        Assert.Equal("+市财政局 市税务局 滁州海关 市人行 滁州经开区管委会 中新苏滁高新区管委会 各县、市、区政府", Units(preview.Tasks[1]));
        Assert.DoesNotContain(preview.Import.NewDepartments, d => d.Name.Contains("金力"));
        Assert.All(preview.Tasks, t => Assert.Equal("GenericUnit:各县、市、区政府", Warnings(t)));
    }

    [Fact]
    public void Qiaocheng_2023_a_main_units_column_of_one_name_a_line_and_a_supporting_column()
    {
        var document = Read("qiaocheng-2023.html");
        Assert.Equal(PlanFileFormat.Html, document.Format);
        var preview = Preview(document);

        // The excerpt is the department's rows 33-35 of the district's table, imported as published.
        Assert.Equal(["33", "34", "35"], preview.Tasks.Select(t => t.Task.Label));
        Assert.Equal(3, preview.Tasks.Count);
        Assert.Equal("+区科技局 区经信局 区商务局(区药发中心) 区税务局 区财政局 区政府有关部门 谯城经开区管委会", Units(preview.Tasks[0]));
        Assert.Equal("+区科技局 +区商务局(区药发中心) +谯城经开区管委会 +区药投公司 区发改委 区经信局 区农业农村局 区政府有关部门 区农投公司", Units(preview.Tasks[1]));
        Assert.Equal("+区科技局 区经信局 区政府有关部门 谯城经开区管委会", Units(preview.Tasks[2]));
        Assert.All(preview.Tasks, t => Assert.Equal(new DateOnly(2023, 12, 31), t.Task.Schedule.DueBy));
        Assert.Equal("NumberingStartsLater:33 GenericUnit:区政府有关部门", Warnings(preview.Tasks[0]));
        Assert.All(preview.Tasks.Skip(1), t => Assert.Equal("GenericUnit:区政府有关部门", Warnings(t)));
    }
}
