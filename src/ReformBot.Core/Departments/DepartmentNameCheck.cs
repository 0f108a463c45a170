using System.Text.RegularExpressions;

namespace ReformBot.Core.Departments;

/// <summary>
/// Names a department cell should not hold: a sentence (a task's text slipped into the department column) or a
/// person (a 责任领导 column read as departments). Only names the directory does not know are checked.
/// </summary>
public static partial class DepartmentNameCheck
{
    /// <summary>Longer than any unit's short name, or holding sentence punctuation or a verb phrase.</summary>
    public static bool LooksLikeSentence(string name)
    {
        var key = DepartmentDirectory.Key(name);
        return key.Length > 24 || SentenceMarks().IsMatch(key);
    }

    /// <summary>Two to four Chinese characters that end in no unit word (张伟, 李晓明), or a title (王局长, 副市长).</summary>
    public static bool LooksLikePerson(string name)
    {
        var key = DepartmentDirectory.Key(name);
        return Title().IsMatch(key) || (ShortHan().IsMatch(key) && !UnitEnding().IsMatch(key));
    }

    /// <summary>Ends in a unit word (厅, 局, 委, 中心, 政府…), as a unit's name does.</summary>
    public static bool EndsLikeUnit(string name) => UnitEnding().IsMatch(DepartmentDirectory.Key(name));

    [GeneratedRegex(@"[。！？!?]|加强|推进|落实|完善|建立|制定|做好|确保|开展")]
    private static partial Regex SentenceMarks();

    [GeneratedRegex(@"(?:局长|厅长|主任|书记|市长|县长|区长|省长|部长|同志)$|^副")]
    private static partial Regex Title();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{2,4}$")]
    private static partial Regex ShortHan();

    [GeneratedRegex(@"(?:厅|局|委|办|部|院|会|行|室|处|府|所|站|校|司|社|队|团|协|联|馆|台|中心|组|科|署|庭|区|市|县|州|镇|乡|街道|公司|集团|大学|学院|银行|监管局|党委|政府|法院|检察院|军区|兵团|口岸|海关|机关|单位|部门|省市|地州市|企业|高校|园区|基地)$")]
    private static partial Regex UnitEnding();
}
