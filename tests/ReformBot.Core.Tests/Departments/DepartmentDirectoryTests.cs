using ReformBot.Core.Departments;

namespace ReformBot.Core.Tests.Departments;

public class DepartmentDirectoryTests
{
    private static readonly Department Science = new("科技厅", "新疆维吾尔自治区科学技术厅", ["科学技术厅", "自治区科技厅"]);
    private static readonly Department Environment = new("环保厅", "新疆维吾尔自治区环境保护厅", ["自治区环保厅", "环境保护厅"]);
    private static readonly Department Banking = new("新疆银监局", "中国银行业监督管理委员会新疆监管局", ["中国银监会新疆监管局", "银监局"]);
    private static readonly Department Organization = new("自治区党委组织部", "中共新疆维吾尔自治区委员会组织部", ["党委组织部"]);
    private static readonly Department ForeignAffairs = new("外（侨）办", "新疆维吾尔自治区人民政府外事（侨务）办公室", ["外侨办"]);
    private static readonly Department Aided = new("受援地州市", null, ["受援地州（市）"]);
    private static readonly Department Energy = new("国家能源局新疆监管办公室", "国家能源局新疆监管办公室", []);

    private static DepartmentDirectory Directory() =>
        new([Science, Environment, Banking, Organization, ForeignAffairs, Aided, Energy]);

    [Theory]
    // Canonical name.
    [InlineData("科技厅", "科技厅")]
    [InlineData("环保厅", "环保厅")]
    [InlineData("外（侨）办", "外（侨）办")]
    // Full name.
    [InlineData("新疆维吾尔自治区科学技术厅", "科技厅")]
    [InlineData("中国银行业监督管理委员会新疆监管局", "新疆银监局")]
    [InlineData("国家能源局新疆监管办公室", "国家能源局新疆监管办公室")]
    // Alias.
    [InlineData("科学技术厅", "科技厅")]
    [InlineData("自治区环保厅", "环保厅")]
    [InlineData("中国银监会新疆监管局", "新疆银监局")]
    [InlineData("党委组织部", "自治区党委组织部")]
    [InlineData("外侨办", "外（侨）办")]
    public void Resolves_by_canonical_name_full_name_and_alias(string name, string canonical)
    {
        var department = Directory().Resolve(name);

        Assert.NotNull(department);
        Assert.Equal(canonical, department.Name);
    }

    [Fact]
    public void Resolves_to_the_department_record_itself()
    {
        var directory = Directory();

        Assert.Same(Banking, directory.Resolve("中国银监会新疆监管局"));
        Assert.Same(Banking, directory.Resolve("新疆银监局"));
        Assert.Same(Organization, directory.Resolve("党委组织部"));
    }

    [Theory]
    [InlineData("科 技厅")]
    [InlineData(" 科技厅 ")]
    [InlineData("科技厅\t")]
    [InlineData("科\u3000技厅")]
    [InlineData("自治区 环保厅")]
    [InlineData("新疆维吾尔自治区 科学技术厅")]
    [InlineData("中国银监会\n新疆监管局")]
    public void Ignores_whitespace(string name)
    {
        Assert.NotNull(Directory().Resolve(name));
    }

    [Theory]
    [InlineData("外(侨)办", "外（侨）办")]
    [InlineData("外（侨)办", "外（侨）办")]
    [InlineData("外 ( 侨 ) 办", "外（侨）办")]
    [InlineData("新疆维吾尔自治区人民政府外事(侨务)办公室", "外（侨）办")]
    [InlineData("受援地州(市)", "受援地州市")]
    [InlineData("受援地州（市）", "受援地州市")]
    public void Full_width_and_half_width_parentheses_match(string name, string canonical)
    {
        Assert.Equal(canonical, Directory().Resolve(name)?.Name);
    }

    [Fact]
    public void Half_width_name_in_the_directory_matches_full_width_in_the_plan()
    {
        var directory = new DepartmentDirectory([new Department("外(侨)办", null, [])]);

        Assert.Equal("外(侨)办", directory.Resolve("外（侨）办")?.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("科技")]
    [InlineData("科技厅等")]
    [InlineData("发改委")]
    [InlineData("环保")]
    [InlineData("中国人民银")]
    public void Unknown_names_resolve_to_nothing(string name)
    {
        Assert.Null(Directory().Resolve(name));
    }

    [Fact]
    public void Lists_departments_in_the_order_given()
    {
        Assert.Equal(["科技厅", "环保厅", "新疆银监局", "自治区党委组织部", "外（侨）办", "受援地州市", "国家能源局新疆监管办公室"],
            Directory().All.Select(d => d.Name));
    }

    [Fact]
    public void A_department_may_repeat_its_own_names()
    {
        var directory = new DepartmentDirectory([new Department("金融办", "金融办", ["金融办", "金 融办", "自治区金融办"])]);

        Assert.Equal("金融办", directory.Resolve("自治区金融办")?.Name);
        Assert.Single(directory.All);
    }

    public static TheoryData<string, Department, Department> Conflicts => new()
    {
        { "same canonical name", new("科技厅", null, []), new("科技厅", "另一个科技厅", []) },
        { "alias is another's canonical name", new("科技厅", null, []), new("科学技术厅", null, ["科技厅"]) },
        { "alias is another's alias", new("环保厅", null, ["自治区环保厅"]), new("环境保护厅", null, ["自治区环保厅"]) },
        { "full name is another's alias", new("新疆银监局", null, ["中国银监会新疆监管局"]), new("银监局", "中国银监会新疆监管局", []) },
        { "names differ only by spaces", new("财政厅", null, []), new("财 政厅", null, []) },
        { "names differ only by parentheses width", new("外（侨）办", null, []), new("外事办", null, ["外(侨)办"]) },
    };

    [Theory]
    [MemberData(nameof(Conflicts))]
    public void Two_departments_claiming_one_name_throw(string name, Department first, Department second)
    {
        var exception = Assert.Throws<ArgumentException>(() => new DepartmentDirectory([first, second]));
        Assert.False(string.IsNullOrEmpty(exception.Message), name);
    }

    [Fact]
    public void Failed_add_leaves_the_directory_as_it_was()
    {
        var directory = Directory();
        var intruder = new Department("审计厅", null, ["自治区审计厅", "科学技术厅"]);

        var exception = Assert.Throws<ArgumentException>(() => directory.Add(intruder));

        Assert.Contains("科学技术厅", exception.Message);
        Assert.Null(directory.Resolve("审计厅"));
        Assert.Null(directory.Resolve("自治区审计厅"));
        Assert.Same(Science, directory.Resolve("科学技术厅"));
        Assert.Equal(7, directory.All.Count);
    }

    [Fact]
    public void Added_department_resolves_by_all_its_names()
    {
        var directory = Directory();

        directory.Add(new Department("审计厅", "新疆维吾尔自治区审计厅", ["自治区审计厅"]));

        Assert.Equal("审计厅", directory.Resolve("审 计厅")?.Name);
        Assert.Equal("审计厅", directory.Resolve("自治区审计厅")?.Name);
        Assert.Equal("审计厅", directory.Resolve("新疆维吾尔自治区审计厅")?.Name);
        Assert.Equal(8, directory.All.Count);
    }

    [Theory]
    [InlineData("外（侨） 办", "外(侨)办")]
    [InlineData(" 财 政厅\u3000", "财政厅")]
    [InlineData("科技厅", "科技厅")]
    public void Key_folds_width_and_drops_whitespace(string name, string key)
    {
        Assert.Equal(key, DepartmentDirectory.Key(name));
    }
}
