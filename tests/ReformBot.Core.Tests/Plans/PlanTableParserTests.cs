using ReformBot.Core.Plans;
using static ReformBot.Core.Tests.Plans.PlanText;

namespace ReformBot.Core.Tests.Plans;

/// <summary>Small plans that each hold one of the odd things PDF-extracted task tables do.</summary>
public class PlanTableParserTests
{
    [Fact]
    public void Helpers_join_cells_with_real_tab_characters()
    {
        Assert.Equal("1\u0009任务\u0009科技厅\u0009持续推进", Row("1", "任务", "科技厅", "持续推进"));
        Assert.Equal("\u0009续\u0009\u0009", More("续", "", ""));
        Assert.Equal("a\nb", Plan("a", "b"));
    }

    [Fact]
    public void Plain_rows_give_number_text_departments_schedule_and_line()
    {
        var tasks = PlanTableParser.Parse(Plan(
            Header,                                                        // 1
            Row("1", "制定科技型企业的条件和标准", "科技厅", "2017年完成"),      // 2
            Row("2", "推进中科援疆基金健康运行", "科技厅、发改委、财政厅", "持续推进"))); // 3

        Assert.Equal(2, tasks.Count);
        Assert.Equal(new ParsedTask(1, "制定科技型企业的条件和标准", tasks[0].Departments,
            new Schedule("2017年完成", null, 2017, null, false), 2), tasks[0]);
        Assert.Equal("科技厅(L)", Roles(tasks[0].Departments));

        Assert.Equal(2, tasks[1].Number);
        Assert.Equal("推进中科援疆基金健康运行", tasks[1].Text);
        Assert.Equal("科技厅(L) 发改委(S) 财政厅(S)", Roles(tasks[1].Departments));
        Assert.Equal(new Schedule("持续推进", null, null, null, true), tasks[1].Schedule);
        Assert.Equal(3, tasks[1].Line);
    }

    [Fact]
    public void Titles_page_numbers_blank_lines_and_lines_before_the_header_are_ignored()
    {
        var tasks = PlanTableParser.Parse(Plan(
            "附件",                                          // 1  title, no tab
            "",                                              // 2
            "说明\t本表按文件原样摘录",                        // 3  tabs, but before the first header
            "重点任务分工及进度安排表",                        // 4
            "",                                              // 5
            Header,                                          // 6
            Row("1", "任务一", "科技厅", "持续推进"),          // 7
            "",                                              // 8
            "— 12 —",                                        // 9  page number
            "   ",                                           // 10 whitespace only
            "",                                              // 11
            Header,                                          // 12 header repeated on the next page
            Row("2", "任务二", "发改委", "2016年启动"),        // 13
            "",                                              // 14
            "13"));                                          // 15 bare page number

        Assert.Equal([1, 2], tasks.Select(t => t.Number));
        Assert.Equal(["任务一", "任务二"], tasks.Select(t => t.Text));
        Assert.Equal([7, 13], tasks.Select(t => t.Line));
    }

    [Fact]
    public void Header_repeated_on_every_page_is_never_read_as_a_row()
    {
        var tasks = PlanTableParser.Parse(Plan(
            Header,
            Row("1", "任务一", "科技厅", "持续推进"),
            Header,
            Header,
            Row("2", "任务二", "科技厅", "持续推进"),
            Row("序 号", "重点 任务", "责任 部门", "时间 进度"),   // the header with extraction spaces
            Row("3", "任务三", "科技厅", "持续推进")));

        Assert.Equal([1, 2, 3], tasks.Select(t => t.Number));
        Assert.All(tasks, t => Assert.Equal("科技厅(L)", Roles(t.Departments)));
    }

    [Fact]
    public void Text_broken_across_a_page_break_is_joined_without_a_gap()
    {
        var tasks = PlanTableParser.Parse(Plan(
            Header,                                                                        // 1
            Row("1", "以学科专业建设为重点，建", "教育厅", "2016年启动，持续推进"),               // 2
            "",                                                                            // 3
            Header,                                                                        // 4
            More("设一批适应自治区发展需求的优势学科", "", ""),                                  // 5
            Row("2", "制定鼓励社会化新型研发机构发展的意见", "科技厅", "2017年完成")));            // 6

        Assert.Equal(2, tasks.Count);
        Assert.Equal("以学科专业建设为重点，建设一批适应自治区发展需求的优势学科", tasks[0].Text);
        Assert.Equal("教育厅(L)", Roles(tasks[0].Departments));
        Assert.Equal(new Schedule("2016年启动，持续推进", 2016, null, null, true), tasks[0].Schedule);
        Assert.Equal(2, tasks[0].Line);
        Assert.Equal("制定鼓励社会化新型研发机构发展的意见", tasks[1].Text);
    }

    [Fact]
    public void Department_name_broken_inside_a_name_across_a_page_break_is_one_name()
    {
        // Task 61 of the shipped plan: “中国人民银” + “行乌鲁木齐 中心支行”.
        var task = Single(
            Header,
            Row("1", "支持银行业金融机构的金融产品创新", "新疆银监局、中国人民银", "2016年启动，持续推进"),
            "",
            Header,
            More("", "行乌鲁木齐 中心支行", ""));

        Assert.Equal("新疆银监局(L) 中国人民银行乌鲁木齐中心支行(S)", Roles(task.Departments));
        Assert.Equal("支持银行业金融机构的金融产品创新", task.Text);
    }

    [Fact]
    public void Department_list_broken_after_a_separator_continues_with_the_next_name()
    {
        // Task 55: the cell ends with “、”, the next page holds the last name.
        var task = Single(
            Header,
            Row("1", "支持企业发行项目收益债", "发改委、中国证监会新疆监管局、", "2016年启动，持续推进"),
            "",
            Header,
            More("", "自治区人民政府法制办", ""));

        Assert.Equal("发改委(L) 中国证监会新疆监管局(S) 自治区人民政府法制办(S)", Roles(task.Departments));
    }

    [Fact]
    public void Department_list_continued_with_a_leading_separator_on_the_next_page()
    {
        var task = Single(
            Header,
            Row("1", "任务", "发改委", "持续推进"),
            Header,
            More("", "、商务厅、工商局", ""));

        Assert.Equal("发改委(L) 商务厅(S) 工商局(S)", Roles(task.Departments));
    }

    [Fact]
    public void Text_and_departments_both_broken_across_a_page_break()
    {
        // Task 101: “建立自治区公” + “平竞争…”, “发改委、商务” + “厅、工商局”.
        var task = Single(
            Header,
            Row("1", "按照国务院的要求，建立自治区公", "发改委、商务", "持续推进"),
            "",
            "— 20 —",
            "",
            Header,
            More("平竞争审查工作联席会议制度。", "厅、工商局", ""));

        Assert.Equal("按照国务院的要求，建立自治区公平竞争审查工作联席会议制度。", task.Text);
        Assert.Equal("发改委(L) 商务厅(S) 工商局(S)", Roles(task.Departments));
        Assert.Equal(new Schedule("持续推进", null, null, null, true), task.Schedule);
        Assert.Equal(2, task.Line);
    }

    [Fact]
    public void Schedule_broken_across_a_page_break_is_joined()
    {
        var task = Single(
            Header,
            Row("1", "任务", "科技厅", "2016年启动，"),
            Header,
            More("", "", "持续推进"));

        Assert.Equal(new Schedule("2016年启动，持续推进", 2016, null, null, true), task.Schedule);
    }

    [Fact]
    public void Each_leads_suffix_broken_across_a_page_break_still_makes_everyone_lead()
    {
        // Task 74: “财政厅、审 计厅、科技” + “厅按职能分别牵头”.
        var task = Single(
            Header,
            Row("1", "健全科研项目资金使用公务卡结算有关制度，完善科研", "财政厅、审 计厅、科技", "持续推进"),
            "",
            Header,
            More("项目和资金使用监管机制", "厅按职能分别牵头", ""));

        Assert.Equal("财政厅(L) 审计厅(L) 科技厅(L)", Roles(task.Departments));
        Assert.Equal("健全科研项目资金使用公务卡结算有关制度，完善科研项目和资金使用监管机制", task.Text);
    }

    [Fact]
    public void Each_leads_suffix_broken_inside_the_phrase()
    {
        var task = Single(
            Header,
            Row("1", "任务", "科技厅、财政厅按职能", "2017年完成"),
            Header,
            More("", "分别牵头", ""));

        Assert.Equal("科技厅(L) 财政厅(L)", Roles(task.Departments));
    }

    [Fact]
    public void Each_leads_suffix_with_extraction_spaces()
    {
        // Task 73: “科技厅、财 政厅按职能 分别牵头”.
        var task = Single(Header, Row("1", "任务", "科技厅、财 政厅按职能 分别牵头", "2017年完成"));

        Assert.Equal("科技厅(L) 财政厅(L)", Roles(task.Departments));
    }

    [Fact]
    public void Continuation_line_with_nothing_but_a_schedule_keeps_the_row_text()
    {
        // Task 85: the text continues, the departments end with a trailing 、 and nothing follows.
        var task = Single(
            Header,
            Row("1", "经认定的外籍高层次人才，允许", "公安厅、外（侨）办、", "2016年启动"),
            "",
            Header,
            More("其在抵达口岸或入境后申请变更R字签证", "", ""));

        Assert.Equal("经认定的外籍高层次人才，允许其在抵达口岸或入境后申请变更R字签证", task.Text);
        Assert.Equal("公安厅(L) 外（侨）办(S)", Roles(task.Departments));
        Assert.Equal(new Schedule("2016年启动", 2016, null, null, false), task.Schedule);
    }

    [Theory]
    [InlineData("财 政厅、发 改委", "财政厅(L) 发改委(S)")]
    [InlineData("自治区党委 改革办", "自治区党委改革办(L)")]
    [InlineData("科技厅、发改委、经信委牵头、财政厅、人社厅", "科技厅(L) 发改委(L) 经信委(L) 财政厅(S) 人社厅(S)")]
    [InlineData("发改委、经信委牵头、科技厅、质监局", "发改委(L) 经信委(L) 科技厅(S) 质监局(S)")]
    [InlineData("科技厅、党委组织部，教育厅、财政厅", "科技厅(L) 党委组织部(S) 教育厅(S) 财政厅(S)")]
    [InlineData("科技厅、发改委等", "科技厅(L) 发改委(S)")]
    [InlineData("金融办、财政厅、中国人民银行乌鲁木齐中心支行、", "金融办(L) 财政厅(S) 中国人民银行乌鲁木齐中心支行(S)")]
    [InlineData("质监局、出入境检验检疫局按职能分别牵头", "质监局(L) 出入境检验检疫局(L)")]
    public void Department_cells_in_a_table(string cell, string expected)
    {
        var task = Single(Header, Row("1", "任务", cell, "持续推进"));

        Assert.Equal(expected, Roles(task.Departments));
    }

    [Fact]
    public void Empty_schedule_cell_and_missing_schedule_cell_give_an_empty_schedule()
    {
        var tasks = PlanTableParser.Parse(Plan(
            Header,
            Row("1", "制定出台实施方案", "科技厅", ""),
            Row("2", "制定出台另一方案", "科技厅"),          // the row ends before the schedule cell
            Row("3", "第三个方案", "科技厅", "   ")));

        Assert.All(tasks, t =>
        {
            Assert.Same(Schedule.Empty, t.Schedule);
            Assert.True(t.Schedule.IsEmpty);
            Assert.Null(t.Schedule.DueYear);
            Assert.False(t.Schedule.Ongoing);
        });
    }

    [Theory]
    [InlineData("持续推进", null, null, null, true)]
    [InlineData("2016年启动", 2016, null, null, false)]
    [InlineData("2016年启动，持续推进", 2016, null, null, true)]
    [InlineData("2017年完成", null, 2017, null, false)]
    [InlineData("2016年已完成", null, null, 2016, false)]
    [InlineData("2017年底前完成", null, 2017, null, false)]
    public void Schedule_cells_in_a_table(string cell, int? start, int? due, int? done, bool ongoing)
    {
        var task = Single(Header, Row("1", "任务", "科技厅", cell));

        Assert.Equal(new Schedule(cell, start, due, done, ongoing), task.Schedule);
    }

    [Fact]
    public void Columns_are_found_by_their_header_words_in_any_order()
    {
        var tasks = PlanTableParser.Parse(Plan(
            Row("序号", "责任部门", "时间进度", "重点任务"),
            Row("1", "科技厅、发改委", "2017年完成", "制定科技型企业的条件和标准"),
            Row("2", "发改委、商务", "持续推进", "建立自治区公"),
            Row("序号", "责任部门", "时间进度", "重点任务"),
            Row("", "厅", "", "平竞争审查制度")));

        Assert.Equal("制定科技型企业的条件和标准", tasks[0].Text);
        Assert.Equal("科技厅(L) 发改委(S)", Roles(tasks[0].Departments));
        Assert.Equal(2017, tasks[0].Schedule.DueYear);
        Assert.Equal("建立自治区公平竞争审查制度", tasks[1].Text);
        Assert.Equal("发改委(L) 商务厅(S)", Roles(tasks[1].Departments));
        Assert.True(tasks[1].Schedule.Ongoing);
    }

    [Fact]
    public void Number_column_need_not_come_first()
    {
        var tasks = PlanTableParser.Parse(Plan(
            Row("重点任务", "时间进度", "责任部门", "序号"),
            Row("制定科技型企业的条件和标准", "2017年完成", "科技厅", "1"),
            Row("建", "2016年启动", "教育厅", "2"),
            Row("设高水平大学", "", "", "")));

        Assert.Equal([1, 2], tasks.Select(t => t.Number));
        Assert.Equal("建设高水平大学", tasks[1].Text);
        Assert.Equal("教育厅(L)", Roles(tasks[1].Departments));
        Assert.Equal(2016, tasks[1].Schedule.StartYear);
    }

    [Fact]
    public void Header_with_other_usual_wordings()
    {
        // 主要任务 / 牵头单位 / 完成时限 are common in other provinces' tables.
        var task = Single(
            Row("序号", "主要任务", "牵头单位", "完成时限"),
            Row("1", "任务", "科技厅、发改委", "2017年完成"));

        Assert.Equal("任务", task.Text);
        Assert.Equal("科技厅(L) 发改委(S)", Roles(task.Departments));
        Assert.Equal(2017, task.Schedule.DueYear);
    }

    [Theory]
    [InlineData("建 设一批 优势学科", "建设一批优势学科")]
    [InlineData("  建设一批优势学科  ", "建设一批优势学科")]
    [InlineData("支持 open source 软件", "支持open source软件")]
    [InlineData("支持open   source软件", "支持open source软件")]
    [InlineData("实施 R 字签证（人才签证）制度", "实施R字签证（人才签证）制度")]
    [InlineData("形成“5+1” 模式", "形成“5+1”模式")]
    [InlineData("比例达到 8% 。", "比例达到8%。")]
    [InlineData("建设\u3000一批", "建设一批")]
    public void Text_whitespace_is_cleaned(string cell, string expected)
    {
        var task = Single(Header, Row("1", cell, "科技厅", "持续推进"));

        Assert.Equal(expected, task.Text);
    }

    [Fact]
    public void Whitespace_around_a_page_break_is_cleaned_too()
    {
        var task = Single(
            Header,
            Row("1", "以学科专业建设为重点， 建 ", "教育厅", "持续推进"),
            Header,
            More("  设 一批优势学科", "", ""));

        Assert.Equal("以学科专业建设为重点，建设一批优势学科", task.Text);
    }

    [Fact]
    public void Number_cell_with_spaces_is_a_number()
    {
        var task = Single(Header, Row(" 1 ", "任务", "科技厅", "持续推进"));

        Assert.Equal(1, task.Number);
    }

    [Fact]
    public void Windows_and_old_mac_line_endings_give_the_same_tasks_and_lines()
    {
        string[] lines =
        [
            "附件",                                                          // 1
            Header,                                                          // 2
            Row("1", "以学科专业建设为重点，建", "教育厅", "持续推进"),           // 3
            "",                                                              // 4
            Header,                                                          // 5
            More("设一批优势学科", "", ""),                                    // 6
            Row("2", "任务二", "科技厅、发改委", "2017年完成"),                 // 7
        ];
        var unix = PlanTableParser.Parse(string.Join("\n", lines));
        var windows = PlanTableParser.Parse(string.Join("\r\n", lines) + "\r\n");
        var mac = PlanTableParser.Parse(string.Join("\r", lines));

        foreach (var parsed in new[] { windows, mac })
        {
            Assert.Equal(unix.Select(t => (t.Number, t.Text, Roles(t.Departments), t.Schedule, t.Line)),
                parsed.Select(t => (t.Number, t.Text, Roles(t.Departments), t.Schedule, t.Line)));
        }
        Assert.Equal([3, 7], unix.Select(t => t.Line));
        Assert.Equal("以学科专业建设为重点，建设一批优势学科", unix[0].Text);
    }

    [Fact]
    public void Form_feed_between_pages_does_not_count_as_a_line()
    {
        // pdftotext ends every page with a form feed; editors and `grep -n` count lines by \n only,
        // and the office looks up the line numbers we report in such an editor.
        var tasks = PlanTableParser.Parse(Plan(
            Header,                                                // 1
            Row("1", "任务一", "科技厅", "持续推进"),                // 2
            "\f" + Header,                                         // 3
            Row("2", "任务二", "科技厅", "持续推进"),                // 4
            "- 2 -\f",                                             // 5
            Header,                                                // 6
            Row("3", "任务三", "科技厅", "持续推进")));              // 7

        Assert.Equal([2, 4, 7], tasks.Select(t => t.Line));
    }

    [Fact]
    public void A_line_of_empty_cells_is_a_blank_line()
    {
        // A table border extracted as tabs only, right after the header: there is nothing to continue.
        var tasks = PlanTableParser.Parse(Plan(
            Header,                                          // 1
            "\t\t\t",                                        // 2
            Row("1", "任务一", "科技厅", "持续推进"),          // 3
            " \t \t\t ",                                     // 4
            Row("2", "任务二", "科技厅", "持续推进")));        // 5

        Assert.Equal([3, 5], tasks.Select(t => t.Line));
        Assert.Equal(["任务一", "任务二"], tasks.Select(t => t.Text));
    }

    [Fact]
    public void Many_rows_keep_their_order()
    {
        var lines = new List<string> { Header };
        for (var n = 1; n <= 40; n++)
        {
            if (n % 10 == 0) lines.AddRange(["", $"— {n / 10} —", Header]);
            lines.Add(Row(n.ToString(), $"任务{n}", "科技厅", "持续推进"));
        }

        var tasks = PlanTableParser.Parse(Plan([.. lines]));

        Assert.Equal(Enumerable.Range(1, 40), tasks.Select(t => t.Number));
        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"任务{n}"), tasks.Select(t => t.Text));
    }
}
