using ReformBot.Core.Departments;

namespace ReformBot.Core.Tests.Departments;

public class DepartmentSuggestionsTests
{
    private static readonly DepartmentDirectory Directory = new([
        new("科技厅", "新疆维吾尔自治区科学技术厅", ["科学技术厅", "自治区科技厅"]),
        new("财政厅", "新疆维吾尔自治区财政厅", ["自治区财政厅"]),
        new("教育厅", "新疆维吾尔自治区教育厅", []),
        new("科协", "新疆维吾尔自治区科学技术协会", ["自治区科协"]),
        new("新疆银监局", "中国银行业监督管理委员会新疆监管局", ["银监局"]),
    ]);

    [Theory]
    [InlineData("科技", "科技厅")] // part of a name
    [InlineData("科技厅办公室", "科技厅")] // a name within the text
    [InlineData("科枝厅", "科技厅")] // a typo
    [InlineData("财正厅", "财政厅")]
    [InlineData("银监", "新疆银监局")]
    [InlineData("自治区 科学技术协", "科协")]
    public void A_close_name_suggests_its_department_first(string typed, string expected)
    {
        Assert.Null(Directory.Resolve(typed));
        Assert.Equal(expected, Directory.Suggest(typed).First().Name);
    }

    [Theory]
    [InlineData("公安厅")]
    [InlineData("x")]
    [InlineData("")]
    [InlineData("  ")]
    public void A_name_like_no_department_suggests_nothing(string typed)
    {
        Assert.Empty(Directory.Suggest(typed));
    }

    [Fact]
    public void Suggestions_are_few_and_distinct()
    {
        var suggestions = Directory.Suggest("厅", max: 2);
        Assert.Empty(suggestions); // one character is contained everywhere: no use suggesting

        var science = Directory.Suggest("科学技术");
        Assert.Equal(science.Distinct().Count(), science.Count);
        Assert.Equal(["科技厅", "科协"], science.Select(d => d.Name));
    }
}
