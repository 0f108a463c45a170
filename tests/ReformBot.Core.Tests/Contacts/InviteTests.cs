using ReformBot.Core.Contacts;

namespace ReformBot.Core.Tests.Contacts;

public class InviteTests
{
    private static readonly DateTimeOffset Created = TestTime.At("2026-11-28T10:00:00+08:00");

    [Theory]
    [InlineData("2026-11-28T10:00:00+08:00", InviteState.Usable)]
    [InlineData("2026-12-05T09:59:59.9999999+08:00", InviteState.Usable)]
    [InlineData("2026-12-05T10:00:00+08:00", InviteState.Expired)] // the expiry instant itself is too late
    [InlineData("2026-12-05T02:00:00+00:00", InviteState.Expired)] // the same instant in another offset
    [InlineData("2027-01-01T00:00:00+08:00", InviteState.Expired)]
    public void An_unused_invite_is_usable_until_it_expires(string now, InviteState expected)
    {
        var invite = Invite.Create("K7QMXW3P9T", "科技厅", Created, TimeSpan.FromDays(7));

        Assert.Equal(TestTime.At("2026-12-05T10:00:00+08:00"), invite.ExpiresAt);
        Assert.Equal(expected, invite.StateAt(TestTime.At(now)));
    }

    [Fact]
    public void A_redeemed_invite_stays_redeemed_whatever_the_time()
    {
        var invite = Invite.Create("K7QMXW3P9T", null, Created, TimeSpan.FromDays(7)).RedeemBy("c1", Created.AddDays(1));

        Assert.True(invite.IsForOffice);
        Assert.Equal("c1", invite.RedeemedBy);
        Assert.Equal(Created.AddDays(1), invite.RedeemedAt);
        Assert.Equal(InviteState.Redeemed, invite.StateAt(Created.AddDays(1)));
        Assert.Equal(InviteState.Redeemed, invite.StateAt(Created.AddDays(30)));
    }

    [Fact]
    public void Used_beats_revoked_beats_expired_and_a_stored_invite_follows_the_same_rule()
    {
        var invite = Invite.Create("K7QMXW3P9T", "科技厅", Created, TimeSpan.FromDays(7), createdBy: "office");
        var revoked = invite with { RevokedAt = Created.AddHours(1) };

        Assert.Equal("office", invite.CreatedBy);
        Assert.Equal(InviteState.Revoked, revoked.StateAt(Created.AddHours(2)));
        Assert.Equal(InviteState.Revoked, revoked.StateAt(invite.ExpiresAt.AddDays(1)));
        Assert.Equal(InviteState.Redeemed, (revoked with { RedeemedBy = "c1" }).StateAt(Created.AddHours(2)));
        Assert.Throws<InvalidOperationException>(() => revoked.RedeemBy("c1", Created.AddHours(2)));

        var stored = new StoredInvite("AB12CD" + new string('0', 58), "科技厅", Created, "office", invite.ExpiresAt, null, null, Created.AddHours(1), "office");
        Assert.Equal("ab12cd", stored.ShortId);
        Assert.Equal(InviteState.Revoked, stored.StateAt(Created.AddHours(2)));
        Assert.Equal(InviteState.Usable, (stored with { RevokedAt = null }).StateAt(Created.AddHours(2)));
        Assert.Equal(InviteState.Expired, (stored with { RevokedAt = null }).StateAt(invite.ExpiresAt));
    }

    [Fact]
    public void Only_a_usable_invite_can_be_redeemed()
    {
        var invite = Invite.Create("K7QMXW3P9T", "科技厅", Created, TimeSpan.FromDays(7));

        Assert.Throws<InvalidOperationException>(() => invite.RedeemBy("c1", invite.ExpiresAt));
        Assert.Throws<InvalidOperationException>(() => invite.RedeemBy("c1", Created).RedeemBy("c2", Created));
    }

    [Theory]
    [InlineData("k7qmxw3p9t", "科技厅", 7)]
    [InlineData("K7QM-XW3P-9T", "科技厅", 7)]
    [InlineData("K7QMXW3P9T", " ", 7)]
    [InlineData("K7QMXW3P9T", "科技厅", 0)]
    [InlineData("K7QMXW3P9T", "科技厅", -1)]
    public void Invites_are_created_only_with_a_stored_code_a_department_and_a_validity(string code, string department, int days)
    {
        Assert.Throws<ArgumentException>(() => Invite.Create(code, department, Created, TimeSpan.FromDays(days)));
    }
}
