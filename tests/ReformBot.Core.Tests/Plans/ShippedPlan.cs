using ReformBot.Core.Departments;
using ReformBot.Core.Plans;

namespace ReformBot.Core.Tests.Plans;

/// <summary>The plan shipped in seeds/, read from the repository, and a department directory built by hand.</summary>
internal static class ShippedPlan
{
    public const string PlanFile = "xinjiang-sci-tech-reform-plan-2017.txt";

    private static readonly Lazy<string> LazyText = new(() => File.ReadAllText(Path.Combine(RepoRoot(), "seeds", PlanFile)));

    public static string Text => LazyText.Value;

    /// <summary>The repository root: the nearest directory above the test binaries holding ReformBot.sln.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ReformBot.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No ReformBot.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>
    /// Every department the shipped plan names, by canonical name, with the aliases the plan uses
    /// (党委组织部, 自治区环保厅, 中国银监会新疆监管局) and a few others. Written out here rather than read
    /// from seeds/departments.yaml: the core has no YAML reader, and the test should not depend on one.
    /// </summary>
    public static IReadOnlyList<Department> Departments { get; } =
    [
        new("科技厅", "新疆维吾尔自治区科学技术厅", ["科学技术厅", "自治区科技厅"]),
        new("发改委", "新疆维吾尔自治区发展和改革委员会", ["发展改革委", "自治区发改委"]),
        new("财政厅", null, ["自治区财政厅"]),
        new("经信委", null, ["自治区经信委"]),
        new("国税局", null, []),
        new("地税局", null, []),
        new("国资委", null, ["自治区国资委"]),
        new("新疆保监局", "中国保险监督管理委员会新疆监管局", ["中国保监会新疆监管局"]),
        new("质监局", null, ["自治区质监局"]),
        new("教育厅", null, ["自治区教育厅"]),
        new("人社厅", null, ["自治区人社厅"]),
        new("自治区党委编办", null, ["党委编办"]),
        new("自治区党委组织部", "中共新疆维吾尔自治区委员会组织部", ["党委组织部"]),
        new("自治区人民政府法制办", null, ["法制办"]),
        new("知识产权局", null, []),
        new("工商局", null, []),
        new("自治区科协", null, ["科协"]),
        new("金融办", null, []),
        new("商务厅", null, []),
        new("中国证监会新疆监管局", null, ["新疆证监局"]),
        new("中国人民银行乌鲁木齐中心支行", "中国人民银行乌鲁木齐中心支行", ["人民银行乌鲁木齐中心支行"]),
        new("新疆银监局", "中国银行业监督管理委员会新疆监管局", ["中国银监会新疆监管局"]),
        new("自治区党委改革办", null, ["党委改革办"]),
        new("审计厅", null, []),
        new("统计局", null, []),
        new("外（侨）办", "新疆维吾尔自治区人民政府外事（侨务）办公室", ["外侨办"]),
        new("公安厅", null, []),
        new("出入境检验检疫局", null, []),
        new("相关援疆省市", null, []),
        new("受援地州市", null, []),
        new("自治区高级人民法院", null, []),
        new("自治区检察院", null, []),
        new("国家能源局新疆监管办公室", "国家能源局新疆监管办公室", []),
        new("环保厅", "新疆维吾尔自治区环境保护厅", ["自治区环保厅", "环境保护厅"]),
        new("卫计委", null, []),
        new("文化厅", null, []),
        new("国土资源厅", null, []),
        new("安监局", null, []),
        new("自治区党委宣传部", null, ["党委宣传部"]),
    ];

    public static IReadOnlyList<ParsedTask> Parse() => PlanTableParser.Parse(Text);

    public static PlanImport Import() => PlanImport.Prepare(Parse(), Departments, []);
}
