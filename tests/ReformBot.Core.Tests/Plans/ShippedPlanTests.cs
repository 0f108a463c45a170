using ReformBot.Core.Plans;
using static ReformBot.Core.Tests.Plans.PlanText;

namespace ReformBot.Core.Tests.Plans;

/// <summary>The plan the bot ships with, read from seeds/, parsed and resolved end to end.</summary>
public class ShippedPlanTests
{
    private static readonly Lazy<IReadOnlyList<ParsedTask>> LazyParsed = new(ShippedPlan.Parse);
    private static readonly Lazy<PlanImport> LazyImport = new(ShippedPlan.Import);

    private static IReadOnlyList<ParsedTask> Parsed => LazyParsed.Value;
    private static PlanImport Import => LazyImport.Value;
    private static PlanTask Task(int number) => Import.Tasks.Single(t => t.Number == number);

    private static readonly char[] Separators = ['、', '，', ',', '；', ';', '。'];

    [Fact]
    public void Plan_file_is_found_from_the_test_binaries()
    {
        Assert.True(File.Exists(Path.Combine(ShippedPlan.RepoRoot(), "seeds", ShippedPlan.PlanFile)));
        Assert.Contains("重点任务分工及进度安排表", ShippedPlan.Text);
    }

    [Fact]
    public void Has_119_tasks_numbered_1_to_119()
    {
        Assert.Equal(Enumerable.Range(1, 119), Parsed.Select(t => t.Number));
        Assert.Equal(Enumerable.Range(1, 119), Import.Tasks.Select(t => t.Number));
    }

    [Theory]
    [InlineData(1, 159)]
    [InlineData(11, 169)]
    [InlineData(12, 172)]    // first row after a page header
    [InlineData(23, 183)]    // continued on line 186
    [InlineData(24, 187)]
    [InlineData(55, 222)]
    [InlineData(61, 231)]
    [InlineData(74, 247)]
    [InlineData(85, 261)]
    [InlineData(101, 282)]
    [InlineData(119, 307)]
    public void Rows_keep_the_line_of_their_number_cell(int number, int line)
    {
        Assert.Equal(line, Parsed[number - 1].Line);
    }

    [Theory]
    [InlineData(25, "优化自治区重点实验室、自治区工程（技术）研究中心布局，完善运行规则和管理办法。探索建立自治区企业重点实验室培育基地认定机制")]
    [InlineData(34, "制定出台《自治区实行以增加知识价值为导向分配政策的实施方案》")]
    [InlineData(55, "支持符合条件的企业发行项目收益债，募集资金用于加大创新投入")]
    [InlineData(61, "建立与之相适应的监管制度，支持银行业金融机构面向中小企业创新需求的金融产品创新")]
    [InlineData(62, "建立部门科技创新沟通协调机制，加强创新规划制定、任务安排、项目实施等的统筹协调")]
    [InlineData(64, "建立并完善自治区科技计划体系，进一步明晰自治区和地州（市）科技管理事权和职能定位，建立责权统一的协同联动机制")]
    [InlineData(73, "建立五类科技计划（专项、基金等）管理和资金管理制度，制定和修订相关计划管理办法和经费管理办法")]
    [InlineData(74, "健全完善科研项目资金使用公务卡结算有关制度，健全科研项目和资金巡视检查、审计等制度，完善科研项目和资金使用监管机制")]
    [InlineData(92, "通过自治区国有重点金融机构发起设立海外创新投资基金")]
    [InlineData(94, "对科研人员因公出国进行分类管理，放宽因公临时出国批次限量管理政策")]
    [InlineData(103, "对新能源汽车、充电桩、风电、光伏等设备组件的技术标准，明确针对性的准入政策")]
    [InlineData(104, "改进互联网、金融、环保、医疗卫生、文化、教育等领域的监管，支持和鼓励新业态、新商业模式发展")]
    [InlineData(117, "深入推进创新型新疆和创新型城市试点建设")]
    [InlineData(119, "建设丝绸之路经济带创新驱动发展试验区")]
    public void Short_texts_are_exact(int number, string text)
    {
        Assert.Equal(text, Task(number).Text);
        Assert.Equal(text, Parsed[number - 1].Text);
    }

    /// <param name="acrossBreak">A piece of text that spans the page break, where the row continues.</param>
    [Theory]
    [InlineData(23, "贯彻落实国务院关于统筹推进世界一流大学和一流学科建设总体方案精神，以学科专业建设为重点，",
        "以学科专业建设为重点，建设一批适应自治区发展需求",
        "开展设立科研岗位试点，推进高等学校研究人员聘用制度改革", 165)]
    [InlineData(85, "实施外国人来疆工作许可’一站式‘办理，对符合条件的外国专家取消来疆工作年龄限制。实施R字签证（人才签证）制度",
        "经认定的外籍高层次人才，允许其在抵达口岸或入境后申请变更R字签证",
        "申请变更R字签证，按照规定办理居留许可", 98)]
    [InlineData(97, "研究降低知识产权侵权行为追究刑事责任门槛，",
        "探索实施惩罚性赔偿制度。完善权利人维权机制",
        "完善权利人维权机制，合理划分权利人举证责任", 63)]
    [InlineData(101, "按照国务院和自治区人民政府的要求，建立自治区公",
        "建立自治区公平竞争审查工作联席会议制度，加快推进垄断性行业改革",
        "纠正地方政府不当补贴或利用行政权力限制、排除竞争的行为。", 192)]
    public void Long_texts_start_end_and_join_across_page_breaks(int number, string start, string acrossBreak, string end, int length)
    {
        var text = Task(number).Text;

        Assert.StartsWith(start, text);
        Assert.Contains(acrossBreak, text);
        Assert.EndsWith(end, text);
        Assert.Equal(length, text.Length);
        Assert.DoesNotContain(text, char.IsWhiteSpace);
    }

    [Theory]
    [InlineData(23, "教育厅(L)")]
    [InlineData(25, "科技厅(L) 发改委(L) 财政厅(L)")]
    [InlineData(34, "科技厅(L) 自治区党委组织部(S) 教育厅(S) 财政厅(S) 人社厅(S) 国资委(S)")]
    [InlineData(55, "发改委(L) 中国证监会新疆监管局(S) 中国人民银行乌鲁木齐中心支行(S) 自治区人民政府法制办(S)")]
    [InlineData(61, "新疆银监局(L) 中国人民银行乌鲁木齐中心支行(S)")]
    [InlineData(62, "自治区党委改革办(L)")]
    [InlineData(64, "科技厅(L) 发改委(S)")]
    [InlineData(73, "科技厅(L) 财政厅(L)")]
    [InlineData(74, "财政厅(L) 审计厅(L) 科技厅(L)")]
    [InlineData(85, "公安厅(L) 外（侨）办(S)")]
    [InlineData(92, "金融办(L) 财政厅(S) 中国人民银行乌鲁木齐中心支行(S)")]
    [InlineData(94, "外（侨）办(L) 科技厅(S) 财政厅(S)")]
    [InlineData(97, "知识产权局(L) 自治区高级人民法院(L) 自治区人民政府法制办(L) 自治区检察院(L)")]
    [InlineData(101, "发改委(L) 商务厅(S) 工商局(S)")]
    [InlineData(103, "发改委(L) 经信委(L) 科技厅(S) 质监局(S) 国家能源局新疆监管办公室(S)")]
    [InlineData(104, "经信委(L) 新疆银监局(S) 环保厅(S) 卫计委(S) 文化厅(S) 教育厅(S)")]
    [InlineData(117, "科技厅(L) 发改委(S)")]
    [InlineData(119, "科技厅(L) 发改委(S) 经信委(S) 财政厅(S) 人社厅(S) 教育厅(S) 商务厅(S)")]
    public void Departments_resolved_with_roles_in_order(int number, string roles)
    {
        Assert.Equal(roles, Roles(Task(number).Departments));
    }

    [Theory]
    // As written in the table, before the directory resolves aliases.
    [InlineData(34, "科技厅(L) 党委组织部(S) 教育厅(S) 财政厅(S) 人社厅(S) 国资委(S)")]
    [InlineData(87, "人社厅(L) 党委组织部(S) 教育厅(S) 科技厅(S)")]
    [InlineData(104, "经信委(L) 中国银监会新疆监管局(S) 自治区环保厅(S) 卫计委(S) 文化厅(S) 教育厅(S)")]
    public void Parsed_departments_keep_the_names_the_table_uses(int number, string roles)
    {
        Assert.Equal(roles, Roles(Parsed[number - 1].Departments));
    }

    [Fact]
    public void One_department_named_two_ways_is_one_department()
    {
        // 党委组织部 (34, 87, 88) and 自治区党委组织部 (18, 30, 82); 自治区环保厅 (104) and 环保厅 (106, 107, 111);
        // 中国银监会新疆监管局 (104) and 新疆银监局 (58–61).
        var names = Import.Tasks.SelectMany(t => t.Departments).Select(d => d.Name).ToHashSet();

        Assert.DoesNotContain("党委组织部", names);
        Assert.DoesNotContain("自治区环保厅", names);
        Assert.DoesNotContain("中国银监会新疆监管局", names);
        Assert.Equal([18, 30, 34, 82, 87, 88], TasksOf("自治区党委组织部"));
        Assert.Equal([104, 106, 107, 111], TasksOf("环保厅"));
        Assert.Equal([58, 59, 60, 61, 104], TasksOf("新疆银监局"));

        static int[] TasksOf(string department) =>
            Import.Tasks.Where(t => t.Departments.Any(d => d.Name == department)).Select(t => t.Number).ToArray();
    }

    [Theory]
    [InlineData(23, "2016年启动，持续推进", 2016, null, null, true)]
    [InlineData(25, "2017年完成", null, 2017, null, false)]
    [InlineData(55, "2016年启动，持续推进", 2016, null, null, true)]
    [InlineData(61, "2016年启动，持续推进", 2016, null, null, true)]
    [InlineData(62, "持续推进", null, null, null, true)]
    [InlineData(64, "2018年完成", null, 2018, null, false)]
    [InlineData(73, "2017年完成", null, 2017, null, false)]
    [InlineData(74, "持续推进", null, null, null, true)]
    [InlineData(85, "2016年启动", 2016, null, null, false)]
    [InlineData(92, "2016年启动", 2016, null, null, false)]
    [InlineData(94, "2016年已完成", null, null, 2016, false)]
    [InlineData(97, "持续推进", null, null, null, true)]
    [InlineData(101, "持续推进", null, null, null, true)]
    [InlineData(103, "2016年启动", 2016, null, null, false)]
    [InlineData(104, "2016年启动", 2016, null, null, false)]
    [InlineData(115, "2020年完成", null, 2020, null, false)]
    [InlineData(117, "持续推进", null, null, null, true)]
    [InlineData(119, "持续推进", null, null, null, true)]
    public void Schedules(int number, string text, int? start, int? due, int? done, bool ongoing)
    {
        Assert.Equal(new Schedule(text, start, due, done, ongoing), Task(number).Schedule);
    }

    [Fact]
    public void Every_schedule_is_understood_to_the_year()
    {
        Assert.All(Import.Tasks, t =>
        {
            Assert.Equal("", ScheduleParser.Read(t.Schedule.Text).Unread);
            Assert.Null(t.Schedule.DueDate);
            Assert.False(t.Schedule.EveryYear);
        });
    }

    [Fact]
    public void Task_34_has_an_empty_schedule()
    {
        Assert.Same(Schedule.Empty, Task(34).Schedule);
        Assert.Equal([34], Import.Tasks.Where(t => t.Schedule.IsEmpty).Select(t => t.Number));
    }

    [Fact]
    public void Schedule_counts_over_the_whole_plan()
    {
        var tasks = Import.Tasks;

        Assert.Equal([94, 113, 114], tasks.Where(t => t.Schedule.DoneYear == 2016).Select(t => t.Number));
        Assert.Equal([19, 115], tasks.Where(t => t.Schedule.DueYear == 2020).Select(t => t.Number));
        Assert.All(tasks.Where(t => !t.Schedule.IsEmpty), t =>
            Assert.True(t.Schedule.Ongoing || t.Schedule.StartYear is not null || t.Schedule.DueYear is not null || t.Schedule.DoneYear is not null,
                $"task {t.Number}: schedule '{t.Schedule.Text}' read as nothing"));
    }

    [Fact]
    public void No_text_holds_whitespace()
    {
        Assert.All(Import.Tasks, t =>
        {
            Assert.False(string.IsNullOrEmpty(t.Text));
            Assert.False(t.Text.Any(char.IsWhiteSpace), $"task {t.Number}: '{t.Text}'");
        });
    }

    [Fact]
    public void No_department_name_holds_whitespace_a_trailing_etc_a_lead_marker_or_a_separator()
    {
        var names = Parsed.SelectMany(t => t.Departments).Select(d => d.Name)
            .Concat(Import.Tasks.SelectMany(t => t.Departments).Select(d => d.Name))
            .Distinct().ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name =>
        {
            Assert.False(name.Length == 0);
            Assert.False(name.Any(char.IsWhiteSpace), $"whitespace in '{name}'");
            Assert.False(name.EndsWith('等'), $"trailing 等 in '{name}'");
            Assert.False(name.Contains("牵头"), $"牵头 in '{name}'");
            Assert.False(name.Contains("按职能"), $"按职能 in '{name}'");
            Assert.False(name.IndexOfAny(Separators) >= 0, $"separator in '{name}'");
        });
    }

    [Fact]
    public void Every_department_the_plan_names_is_in_the_directory()
    {
        // A name split wrongly (中国人民银 / 行乌鲁木齐中心支行, 商务 / 厅) would show up here as a new department.
        Assert.Empty(Import.NewDepartments.Select(d => d.Name));
        var known = ShippedPlan.Departments.Select(d => d.Name).ToHashSet();
        Assert.All(Import.Tasks.SelectMany(t => t.Departments), d => Assert.Contains(d.Name, known));
    }

    [Fact]
    public void Every_task_has_a_lead_and_no_department_twice()
    {
        Assert.All(Import.Tasks, t =>
        {
            Assert.Contains(t.Departments, d => d.Role == DepartmentRole.Lead);
            Assert.Equal(t.Departments.Count, t.Departments.Select(d => d.Name).Distinct().Count());
        });
    }

    [Fact]
    public void Lead_department_counts()
    {
        var leads = Import.Tasks.SelectMany(t => t.LeadDepartments).GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());

        // Tasks with more than one lead: 25, 73, 74, 80, 95, 97 (按职能分别牵头) and 103 (A、B牵头).
        Assert.Equal([25, 73, 74, 80, 95, 97, 103], Import.Tasks.Where(t => t.LeadDepartments.Count() > 1).Select(t => t.Number));
        Assert.Equal(Import.Tasks.Count(t => t.LeadDepartments.Contains("科技厅")), leads["科技厅"]);
        Assert.Equal(1, leads["审计厅"]);
        Assert.False(leads.ContainsKey("商务"));
    }
}
