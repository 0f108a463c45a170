using ReformBot.Host.Messages;

namespace ReformBot.Host.Tests.Messages;

public sealed class TypedTextTests
{
    [Theory]
    [InlineData("王伟", "王伟")]
    [InlineData("王\0伟", "王伟")]
    [InlineData("王\u001b[31m伟", "王[31m伟")]
    [InlineData("\u202Egnp.exe", "gnp.exe")]
    [InlineData("a\u2066b\u2069c\u202Ad", "abcd")]
    [InlineData("王\uFFFD伟", "王伟")]
    [InlineData("王\r\n伟\t科技厅\u2028", "王  伟 科技厅 ")]
    public void A_name_keeps_what_people_mean_to_type_on_one_line(string typed, string cleaned) =>
        Assert.Equal(cleaned, TypedText.Clean(typed, multiline: false));

    [Theory]
    [InlineData("进展：\r\n1. 完成\n2.\t推进", "进展：\n1. 完成\n2.\t推进")]
    [InlineData("a\u2028b", "a\nb")]
    [InlineData("问题\0\u0007\u202E说明", "问题说明")]
    public void A_message_keeps_its_line_breaks_and_tabs(string typed, string cleaned) =>
        Assert.Equal(cleaned, TypedText.Clean(typed, multiline: true));

    [Fact]
    public void Lone_surrogates_are_dropped_and_pairs_kept()
    {
        // Built here, not in InlineData: theory data would turn a lone surrogate into U+FFFD before the test runs.
        var high = new string('\ud800', 1);
        var low = new string('\udc00', 1);
        Assert.Equal("王伟", TypedText.Clean("王" + high + "伟", multiline: false));
        Assert.Equal("王伟", TypedText.Clean("王" + low + "伟", multiline: true));
        Assert.Equal("王伟", TypedText.Clean(low + "王伟" + high, multiline: false));
        Assert.Equal("王伟\ud83d\ude00", TypedText.Clean("王伟\ud83d\ude00", multiline: false)); // an emoji stays
    }

    [Fact]
    public void Clean_text_is_returned_as_it_is() =>
        Assert.Same("科技厅联络员", TypedText.Clean("科技厅联络员", multiline: false));

    [Fact]
    public void Markdown_characters_are_escaped() =>
        Assert.Equal(@"\*王\*\_伟\_ \[链接\](x) \`a\` \\ \<b\>", TypedText.Markdown(@"*王*_伟_ [链接](x) `a` \ <b>"));
}
