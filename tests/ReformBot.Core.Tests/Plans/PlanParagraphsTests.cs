using ReformBot.Core.Plans;

namespace ReformBot.Core.Tests.Plans;

/// <summary>Plans without a table: each task a numbered paragraph with its units in parentheses or after a label.</summary>
public class PlanParagraphsTests
{
    private static IReadOnlyList<ParsedTask> Parse(params string[] lines) => PlanTableParser.Parse(string.Join("\n", lines));

    private static string Units(ParsedTask task) =>
        string.Join(" ", task.Departments.Select(d => (d.Role == DepartmentRole.Lead ? "+" : "") + d.Name));

    [Fact]
    public void The_State_Councils_style_reads_units_and_deadline_from_the_closing_parentheses()
    {
        // Shortened from 国务院关于落实《政府工作报告》重点工作部门分工的意见（国发〔2020〕6号），
        // as published at https://www.cs.com.cn/xwzx/hg/202006/t20200611_6066561.html: 一、 and （一） are headings,
        // the numbered paragraphs tasks whose units and deadline close them.
        var tasks = Parse(
            "国务院关于落实《政府工作报告》重点工作部门分工的意见",
            "一、落实2020年发展主要目标和下一阶段工作总体部署",
            "（一）总体要求和主要预期目标。",
            "1.统筹推进疫情防控和经济社会发展工作，全面建成小康社会。（国务院各部门分别负责，年内持续推进）",
            "2.优先稳就业保民生。（国家发展改革委牵头，人力资源社会保障部、国家统计局等按职责分工负责，年底前完成）",
            "（二）下一阶段工作总体部署。",
            "1.积极的财政政策要更加积极有为。（财政部牵头，2020年6月底前完成）");

        Assert.Equal([1, 2, 3], tasks.Select(t => t.Number));
        Assert.Equal("统筹推进疫情防控和经济社会发展工作，全面建成小康社会。", tasks[0].Text);
        Assert.Equal("+国务院各部门", Units(tasks[0]));
        Assert.Equal("+国家发展改革委 人力资源社会保障部 国家统计局", Units(tasks[1]));
        Assert.Equal("+财政部", Units(tasks[2]));
        Assert.Equal(["（一）总体要求和主要预期目标", "（一）总体要求和主要预期目标", "（二）下一阶段工作总体部署"], tasks.Select(t => t.Section));
        // 年底前 is the plan's year, the first the document names.
        Assert.Equal(new DateOnly(2020, 12, 31), tasks[1].Schedule.DueBy);
        Assert.Equal("年底前完成", tasks[1].Schedule.Text);
        Assert.Equal(new DateOnly(2020, 6, 30), tasks[2].Schedule.DueBy);
        Assert.True(tasks[0].Schedule.Ongoing);
        Assert.Equal([4, 5, 7], tasks.Select(t => t.Line));
        Assert.All(tasks, t => Assert.Empty(t.Warnings));
    }

    [Fact]
    public void Labelled_units_in_parentheses_keep_their_roles()
    {
        var task = Assert.Single(Parse(
            "（1）建立科技成果转化年度报告制度。（牵头单位：省科技厅；责任单位：省财政厅、各市（州）人民政府；完成时限：2026年第二季度）"));

        Assert.Equal("建立科技成果转化年度报告制度。", task.Text);
        Assert.Equal("+省科技厅 省财政厅 各市（州）人民政府", Units(task));
        Assert.Equal(new DateOnly(2026, 6, 30), task.Schedule.DueBy);
    }

    [Fact]
    public void A_number_closed_by_a_parenthesis_alone_numbers_a_task()
    {
        var tasks = Parse(
            "（一）推动芯片全链发展",
            "1）制定支持芯片产业发展的若干措施。（市发展改革委牵头，2026年6月底前完成）",
            "2)建设集成电路公共服务平台。（市工业和信息化局牵头，持续推进）");

        Assert.Equal(["制定支持芯片产业发展的若干措施。", "建设集成电路公共服务平台。"], tasks.Select(t => t.Text));
        Assert.Equal(["+市发展改革委", "+市工业和信息化局"], tasks.Select(Units));
        Assert.All(tasks, t => Assert.Equal("（一）推动芯片全链发展", t.Section));
    }

    [Fact]
    public void Units_and_deadline_on_lines_of_their_own_below_the_task()
    {
        var tasks = Parse(
            "一、推动芯片全链发展",
            "1、制定支持芯片产业发展的若干措施，",
            "明确资金和用地保障。",
            "牵头单位：市发展改革委",
            "责任单位：市财政局、市自然资源局",
            "完成时限：2026年6月底前",
            "— 2 —",
            "2、建设集成电路公共服务平台。（2026年底前完成）",
            "责任单位：市工业和信息化局");

        Assert.Equal(["制定支持芯片产业发展的若干措施，明确资金和用地保障。", "建设集成电路公共服务平台。"], tasks.Select(t => t.Text));
        Assert.Equal("+市发展改革委 市财政局 市自然资源局", Units(tasks[0]));
        Assert.Equal(new DateOnly(2026, 6, 30), tasks[0].Schedule.DueBy);
        Assert.Equal("+市工业和信息化局", Units(tasks[1]));
        Assert.Equal(new DateOnly(2026, 12, 31), tasks[1].Schedule.DueBy);
        Assert.All(tasks, t => Assert.Equal("一、推动芯片全链发展", t.Section));
    }

    [Fact]
    public void A_task_broken_over_lines_has_its_units_in_the_parentheses_it_ends_with()
    {
        // As a PDF's page break or a text file's wrapped lines leave it.
        var task = Assert.Single(Parse(
            "1.制定措施，明确资金",
            "保障。（省发展改革委牵头，省财政厅等按",
            "职责分工负责）"));

        Assert.Equal("制定措施，明确资金保障。", task.Text);
        Assert.Equal("+省发展改革委 省财政厅", Units(task));
    }

    [Fact]
    public void A_label_after_the_last_sentence_and_the_firstly_numbering()
    {
        var tasks = Parse(
            "一是完善创新平台布局。责任单位：省科技厅，省教育厅配合",
            "二是深化科研经费包干制试点。（省财政厅牵头，秋季启动）");

        Assert.Equal(["完善创新平台布局。", "深化科研经费包干制试点。"], tasks.Select(t => t.Text));
        Assert.Equal("+省科技厅 省教育厅", Units(tasks[0]));
        Assert.Equal("+省财政厅", Units(tasks[1]));
        // A deadline not understood is kept and named, as in a table.
        Assert.Equal("秋季启动", tasks[1].Schedule.Text);
        Assert.Equal(PlanWarningKind.ScheduleNotUnderstood, Assert.Single(tasks[1].Warnings).Kind);
    }

    [Fact]
    public void Parentheses_that_name_no_unit_stay_in_the_text()
    {
        var task = Assert.Single(Parse(
            "1.推进各县（市、区）政务服务一网通办（以下简称“一网通办”）。（省政务服务中心牵头）"));

        Assert.Equal("推进各县（市、区）政务服务一网通办（以下简称“一网通办”）。", task.Text);
        Assert.Equal("+省政务服务中心", Units(task));
    }

    [Fact]
    public void Sections_that_name_no_units_are_headings_and_closing_measures_no_tasks()
    {
        var tasks = Parse(
            "一、总体要求",
            "以改革创新为动力。",
            "二、重点任务",
            "（一）推进科研经费改革。（省科技厅牵头）",
            "（二）完善人才评价。（省人力资源社会保障厅牵头）",
            "三、保障措施",
            "（一）加强组织领导。",
            "（二）强化督促检查。");

        Assert.Equal(["推进科研经费改革。", "完善人才评价。"], tasks.Select(t => t.Text));
        Assert.All(tasks, t => Assert.Equal("二、重点任务", t.Section));
    }

    [Fact]
    public void A_paragraph_between_tasks_numbered_as_they_are_without_units_is_refused_with_its_line()
    {
        var error = Assert.Throws<PlanFormatException>(() => Parse(
            "1.推进科研经费改革。（省科技厅牵头）",
            "2.完善人才评价。",
            "3.深化职称制度改革。（省人力资源社会保障厅牵头）")).Error;

        Assert.Equal(PlanFormatErrorKind.RowWithoutDepartment, error.Kind);
        Assert.Equal(2, error.Line);
        Assert.Equal("2", error.Detail);
    }

    [Fact]
    public void Text_without_a_table_or_numbered_tasks_is_still_no_table()
    {
        var error = Assert.Throws<PlanFormatException>(() => Parse("实施方案", "一、总体要求", "以改革创新为动力。")).Error;

        Assert.Equal(PlanFormatErrorKind.NoTable, error.Kind);
    }

    [Fact]
    public void A_table_wins_over_numbered_paragraphs_around_it()
    {
        var tasks = Parse(
            "1.这段说明不是任务。（省科技厅牵头）",
            "序号\t重点任务\t责任部门\t时间进度",
            "1\t制定措施\t发改委\t持续推进");

        Assert.Equal("制定措施", Assert.Single(tasks).Text);
    }
}
