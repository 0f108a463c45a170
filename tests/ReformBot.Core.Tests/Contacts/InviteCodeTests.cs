using ReformBot.Core.Contacts;

namespace ReformBot.Core.Tests.Contacts;

public class InviteCodeTests
{
    [Theory]
    [InlineData("K7QM-XW3P-9T")]
    [InlineData("K7QMXW3P9T")]
    [InlineData("k7qm-xw3p-9t")]
    [InlineData("k7QmxW3p9T")]
    [InlineData("  K7QM XW3P 9T  ")]
    [InlineData("Ｋ７ＱＭ－ＸＷ３Ｐ－９Ｔ")] // full-width, as phone keyboards in Chinese mode type it
    [InlineData("ｋ７ｑｍｘｗ３ｐ９ｔ")]
    [InlineData("K7QM—XW3P–9T")] // em and en dashes
    [InlineData("K7QM\u3000XW3P\u30009T")] // ideographic spaces
    public void Typed_codes_are_read_in_their_stored_form(string typed)
    {
        Assert.True(InviteCode.TryNormalize(typed, out var code));
        Assert.Equal("K7QMXW3P9T", code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("K7QM-XW3P")] // too short
    [InlineData("K7QM-XW3P-9TT")] // too long
    [InlineData("K7QM-XW3P-0T")] // 0 is not in the alphabet
    [InlineData("K7QM-XW3P-OT")] // nor O
    [InlineData("K7QM-XW3P-1T")] // nor 1
    [InlineData("K7QM-XW3P-IT")] // nor I
    [InlineData("K7QM-XW3P-LT")] // nor L
    [InlineData("K7QM_XW3P_9T")]
    [InlineData("科技厅邀请码1234")]
    public void Texts_that_cannot_be_a_code_are_refused(string? typed)
    {
        Assert.False(InviteCode.TryNormalize(typed, out var code));
        Assert.Equal("", code);
    }

    [Fact]
    public void The_alphabet_has_no_look_alikes_and_no_repeats()
    {
        Assert.Equal(31, InviteCode.Alphabet.Length);
        Assert.Equal(InviteCode.Alphabet.Length, InviteCode.Alphabet.Distinct().Count());
        Assert.DoesNotContain(InviteCode.Alphabet, c => "0O1IL".Contains(c));
        Assert.All(InviteCode.Alphabet, c => Assert.True(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)));
    }

    [Fact]
    public void Codes_display_in_groups_and_read_back()
    {
        Assert.Equal("K7QM-XW3P-9T", InviteCode.Display("K7QMXW3P9T"));
        Assert.True(InviteCode.TryNormalize(InviteCode.Display("ABCDEFGHJK"), out var code));
        Assert.Equal("ABCDEFGHJK", code);
        Assert.Throws<ArgumentException>(() => InviteCode.Display("k7qmxw3p9t"));
        Assert.Throws<ArgumentException>(() => InviteCode.Display("K7QM-XW3P-9T"));
    }
}
