using ReformBot.Core.Plans;

namespace ReformBot.Core.Tests.Plans;

public class TextCleanupTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("建设一批优势学科", "建设一批优势学科")]
    [InlineData("建 设 一批", "建设一批")]
    [InlineData("  建设  ", "建设")]
    [InlineData("建设\u3000一批\u00A0学科", "建设一批学科")]
    [InlineData("open source", "open source")]
    [InlineData("open   source", "open source")]
    [InlineData(" open source ", "open source")]
    [InlineData("支持 open source 软件", "支持open source软件")]
    [InlineData("5G 网络", "5G网络")]
    [InlineData("实施 R 字签证", "实施R字签证")]
    [InlineData("“5+1” 模式", "“5+1”模式")]
    [InlineData("Bot Framework 协议，Direct Line 通道", "Bot Framework协议，Direct Line通道")]
    [InlineData("A B C", "A B C")]
    [InlineData("   ", "")]
    public void CleanTaskText_removes_spaces_next_to_Chinese_and_keeps_one_between_ASCII(string text, string expected)
    {
        Assert.Equal(expected, TextCleanup.CleanTaskText(text));
    }

    [Theory]
    [InlineData("财 政厅", "财政厅")]
    [InlineData(" 自治区党委 改革办\u3000", "自治区党委改革办")]
    [InlineData("open source", "opensource")]
    [InlineData("a\tb\nc\r\nd", "abcd")]
    public void RemoveAllWhitespace_removes_every_kind_of_space(string text, string expected)
    {
        Assert.Equal(expected, TextCleanup.RemoveAllWhitespace(text));
    }
}
