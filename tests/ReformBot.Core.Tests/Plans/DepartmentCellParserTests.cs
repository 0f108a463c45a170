using ReformBot.Core.Plans;
using static ReformBot.Core.Tests.Plans.PlanText;

namespace ReformBot.Core.Tests.Plans;

public class DepartmentCellParserTests
{
    [Theory]
    // The first listed department leads, the others support.
    [InlineData("科技厅", "科技厅(L)")]
    [InlineData("科技厅、发改委", "科技厅(L) 发改委(S)")]
    [InlineData("财政厅、国税局、地税局、发改委、经信委", "财政厅(L) 国税局(S) 地税局(S) 发改委(S) 经信委(S)")]
    // …按职能分别牵头: every listed department leads.
    [InlineData("科技厅、发改委、财政厅按职能分别牵头", "科技厅(L) 发改委(L) 财政厅(L)")]
    [InlineData("科技厅、财 政厅按职能 分别牵头", "科技厅(L) 财政厅(L)")]
    [InlineData("财政厅、审 计厅、科技厅按职能分别牵头", "财政厅(L) 审计厅(L) 科技厅(L)")]
    [InlineData("知识产权局、自治区高级人民法院、自治区人民政府法制办、自治区检察院按职能分别牵头", "知识产权局(L) 自治区高级人民法院(L) 自治区人民政府法制办(L) 自治区检察院(L)")]
    [InlineData("科技厅按职能分别牵头", "科技厅(L)")]
    // A、B牵头、C、D: A and B lead.
    [InlineData("发改委、经信委牵头、科技厅、质监局", "发改委(L) 经信委(L) 科技厅(S) 质监局(S)")]
    [InlineData("发改委、经信委牵头、科技厅、质监局、国家能源局新疆监管办公室", "发改委(L) 经信委(L) 科技厅(S) 质监局(S) 国家能源局新疆监管办公室(S)")]
    [InlineData("科技厅牵头、发改委、财政厅", "科技厅(L) 发改委(S) 财政厅(S)")]
    [InlineData("科技厅、发改委牵头", "科技厅(L) 发改委(L)")]
    [InlineData("发改委、经信委 牵头、科技厅", "发改委(L) 经信委(L) 科技厅(S)")]
    // ， (and other punctuation) separates names like 、.
    [InlineData("科技厅、党委组织部，教育厅、财政厅、人社厅、国资委", "科技厅(L) 党委组织部(S) 教育厅(S) 财政厅(S) 人社厅(S) 国资委(S)")]
    [InlineData("科技厅，发改委；财政厅;经信委,商务厅", "科技厅(L) 发改委(S) 财政厅(S) 经信委(S) 商务厅(S)")]
    // A trailing 等 is no name.
    [InlineData("科技厅、发改委等", "科技厅(L) 发改委(S)")]
    [InlineData("科技厅、发改委、经信委、财政厅、人社厅、教育厅、商务厅等", "科技厅(L) 发改委(S) 经信委(S) 财政厅(S) 人社厅(S) 教育厅(S) 商务厅(S)")]
    [InlineData("科技厅等", "科技厅(L)")]
    [InlineData("科技厅、发改委、等", "科技厅(L) 发改委(S)")]
    [InlineData("科技厅、发改委 等", "科技厅(L) 发改委(S)")]
    [InlineData("科技厅、发改委等、", "科技厅(L) 发改委(S)")]
    // A trailing separator is no name either.
    [InlineData("公安厅、外（侨）办、", "公安厅(L) 外（侨）办(S)")]
    [InlineData("金融办、财政厅、中国人民银行乌鲁木齐中心支行、", "金融办(L) 财政厅(S) 中国人民银行乌鲁木齐中心支行(S)")]
    [InlineData("科技厅，", "科技厅(L)")]
    // PDF-extraction spaces inside names, doubled separators.
    [InlineData("财 政厅、发 改委", "财政厅(L) 发改委(S)")]
    [InlineData(" 自治区党委 改革办 ", "自治区党委改革办(L)")]
    [InlineData("科技厅、、发改委", "科技厅(L) 发改委(S)")]
    [InlineData("科技厅、\u3000发改委", "科技厅(L) 发改委(S)")]
    // Names are kept as written; resolving aliases is the directory's job.
    [InlineData("经信委、中国银监会新疆监管局、自治区环保厅", "经信委(L) 中国银监会新疆监管局(S) 自治区环保厅(S)")]
    [InlineData("人社厅、外(侨)办", "人社厅(L) 外(侨)办(S)")]
    public void Cell_gives_names_and_roles_in_order(string cell, string expected)
    {
        Assert.Equal(expected, Roles(DepartmentCellParser.Parse(cell)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("、")]
    [InlineData("，、 ")]
    [InlineData("等")]
    public void Cell_without_a_name_gives_no_departments(string cell)
    {
        Assert.Empty(DepartmentCellParser.Parse(cell));
    }

    [Theory]
    // Labels say who leads, whatever their order; a 责任单位 list beside a 牵头单位 list supports.
    [InlineData("牵头单位：省发展改革委；责任单位：省财政厅、省科技厅", "省发展改革委(L) 省财政厅(S) 省科技厅(S)")]
    [InlineData("配合单位：市财政局、市人社局；牵头单位：市科技局", "市财政局(S) 市人社局(S) 市科技局(L)")]
    [InlineData("牵头单位:市科技局、市发改委 配合单位:市财政局", "市科技局(L) 市发改委(L) 市财政局(S)")]
    [InlineData("牵头部门：省教育厅；参与部门：省科技厅", "省教育厅(L) 省科技厅(S)")]
    // A 责任单位 label alone is an ordinary list: the first leads.
    [InlineData("责任单位：省科技厅、省财政厅", "省科技厅(L) 省财政厅(S)")]
    // The State Council's style: A牵头，B等按职责分工负责.
    [InlineData("省发展改革委牵头，省财政厅等按职责分工负责", "省发展改革委(L) 省财政厅(S)")]
    [InlineData("国家发展改革委、科技部牵头，财政部、教育部等按职责分工负责", "国家发展改革委(L) 科技部(L) 财政部(S) 教育部(S)")]
    [InlineData("市科技局牵头，市财政局、市税务局配合", "市科技局(L) 市财政局(S) 市税务局(S)")]
    [InlineData("市科技局牵头，市财政局参与", "市科技局(L) 市财政局(S)")]
    // 、 inside parentheses does not split a name.
    [InlineData("市科技局、各县（市、区）人民政府", "市科技局(L) 各县（市、区）人民政府(S)")]
    [InlineData("各县(市、区)人民政府、市财政局", "各县(市、区)人民政府(L) 市财政局(S)")]
    [InlineData("市科技局、各县（市、区）人民政府等", "市科技局(L) 各县（市、区）人民政府(S)")]
    public void Labels_and_phrases_and_parentheses(string cell, string expected)
    {
        Assert.Equal(expected, Roles(DepartmentCellParser.Parse(cell)));
    }

    [Theory]
    // Labels of real plans with a word between role and unit.
    [InlineData("牵头责任单位：市财政局；协同责任单位：市税务局、滁州海关", "市财政局(L) 市税务局(S) 滁州海关(S)")]
    [InlineData("主要责任单位：区科技局；协同配合单位：区经信局", "区科技局(L) 区经信局(S)")]
    // Lists of people (责任领导, 牵头负责领导, 联系人) name no unit.
    [InlineData("责任领导：杜新国、丁玲；牵头单位：区发改局、区农业农村局", "区发改局(L) 区农业农村局(L)")]
    [InlineData("牵头负责领导:金力；牵头责任单位:市发展改革委", "市发展改革委(L)")]
    [InlineData("牵头单位：区交通运输局；责任单位：区发改局；联系人：王俊", "区交通运输局(L) 区发改局(S)")]
    // A Word or Excel cell of one name a line.
    [InlineData("区科技局\n区商务局(区药发中心)\r\n谯城经开区管委会", "区科技局(L) 区商务局(区药发中心)(S) 谯城经开区管委会(S)")]
    [InlineData("牵头单位：\n区科技局", "区科技局(L)")]
    // 各县、市、区政府 lists places inside one unit's name.
    [InlineData("市经信局、各县、市、区政府", "市经信局(L) 各县、市、区政府(S)")]
    [InlineData("各县、市、区政府、市财政局", "各县、市、区政府(L) 市财政局(S)")]
    // A等B有关部门: A and the generic B有关部门; a full stop ends the list.
    [InlineData("区经信局等区政府有关部门,谯城经开区管委会。", "区经信局(L) 区政府有关部门(S) 谯城经开区管委会(S)")]
    [InlineData("区发改委、区农业农村局、等区政府有关部门", "区发改委(L) 区农业农村局(S) 区政府有关部门(S)")]
    [InlineData("市科技局等", "市科技局(L)")]
    public void Labels_and_lists_of_real_plans(string cell, string expected)
    {
        Assert.Equal(expected, Roles(DepartmentCellParser.Parse(cell)));
    }
}
