using ReformBot.Core.Plans;

namespace ReformBot.Core.Tests.Plans;

/// <summary>Category rows between tasks (一、推动芯片全链发展) are the tasks' sections, never tasks.</summary>
public class PlanSectionsTests
{
    private static IReadOnlyList<ParsedTask> Parse(params string[][] rows) =>
        PlanTableParser.Parse(string.Join("\n", rows.Select(r => string.Join("\t", r))));

    [Fact]
    public void Category_rows_become_the_section_of_the_tasks_below_them()
    {
        var tasks = Parse(
            ["序号", "重点任务", "责任单位", "完成时限"],
            ["一、推动芯片全链发展", "", "", ""],
            ["1", "制定措施", "市科技局", "2026年底前"],
            ["2", "建设平台", "市发改委", "持续推进"],
            // A merged cell arrives as copies of one text.
            ["（二）优化创新生态", "（二）优化创新生态", "（二）优化创新生态", "（二）优化创新生态"],
            ["3", "完善政策", "市财政局", "每年"]);

        Assert.Equal(["一、推动芯片全链发展", "一、推动芯片全链发展", "（二）优化创新生态"], tasks.Select(t => t.Section));
        Assert.Equal([1, 2, 3], tasks.Select(t => t.Number));
        Assert.Equal("制定措施", tasks[0].Text);
    }

    [Fact]
    public void Numbering_that_restarts_in_each_section_numbers_the_tasks_in_order_and_keeps_the_written_number()
    {
        var tasks = Parse(
            ["序号", "重点任务", "责任单位", "完成时限"],
            ["一、推动芯片全链发展", "", "", ""],
            ["1", "制定措施", "市科技局", "2026年底前"],
            ["2", "建设平台", "市发改委", "持续推进"],
            ["二、优化创新生态", "", "", ""],
            ["1", "完善政策", "市财政局", "每年"],
            ["2", "培育人才", "市人社局", "每年"]);

        Assert.Equal([1, 2, 3, 4], tasks.Select(t => t.Number));
        Assert.Equal([null, null, "1", "2"], tasks.Select(t => t.WrittenNumber));
        Assert.Equal("完善政策", tasks[2].Text);
    }

    [Fact]
    public void Numbering_that_continues_across_sections_keeps_no_written_number()
    {
        var tasks = Parse(
            ["序号", "重点任务", "责任单位", "完成时限"],
            ["一、推动芯片全链发展", "", "", ""],
            ["1", "制定措施", "市科技局", "2026年底前"],
            ["二、优化创新生态", "", "", ""],
            ["2", "完善政策", "市财政局", "每年"]);

        Assert.All(tasks, t => Assert.Null(t.WrittenNumber));
    }

    [Fact]
    public void In_numbering_that_restarts_per_section_a_gap_within_a_section_is_still_refused()
    {
        var error = Assert.Throws<PlanFormatException>(() => Parse(
            ["序号", "重点任务", "责任单位", "完成时限"],
            ["一、推动芯片全链发展", "", "", ""],
            ["1", "制定措施", "市科技局", "2026年底前"],
            ["二、优化创新生态", "", "", ""],
            ["1", "完善政策", "市财政局", "每年"],
            ["3", "培育人才", "市人社局", "每年"])).Error;

        Assert.Equal(new PlanFormatError(PlanFormatErrorKind.MissingNumber, 6, "2"), error);
    }

    [Fact]
    public void A_table_without_category_rows_has_no_sections()
    {
        Assert.All(ShippedPlan.Parse(), t => Assert.Null(t.Section));
    }

    [Fact]
    public void A_row_with_a_heading_like_number_and_a_department_is_no_heading_but_an_error()
    {
        var error = Assert.Throws<PlanFormatException>(() => Parse(
            ["序号", "重点任务", "责任单位", "完成时限"],
            ["一、推动芯片全链发展", "制定措施", "市科技局", "2026年底前"])).Error;

        Assert.Equal(PlanFormatErrorKind.RowWithoutNumber, error.Kind);
        Assert.Equal("一、推动芯片全链发展", error.Detail);
    }
}
