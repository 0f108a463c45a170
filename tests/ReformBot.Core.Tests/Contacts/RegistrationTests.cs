using ReformBot.Core.Contacts;

namespace ReformBot.Core.Tests.Contacts;

public class RegistrationTests
{
    private static readonly DateTimeOffset Created = TestTime.At("2026-11-28T10:00:00+08:00");
    private static readonly DateTimeOffset Now = Created.AddDays(1);
    private static readonly ConversationAddress Phone = new("msteams", "https://smba.example/cn/", "conv-new", "user-1", "tenant", "bot");
    private static readonly ConversationAddress Desk = new("msteams", "https://smba.example/cn/", "conv-old", "user-1", "tenant", "bot");
    private static readonly Registrant Wang = new("new-id", "王伟", Phone);

    private static Invite For(string? department) => Invite.Create("K7QMXW3P9T", department, Created, TimeSpan.FromDays(7));

    private static Contact Existing(params string[] departments) =>
        new("c1", "王 伟", departments, false, Desk, Created.AddDays(-30), Unreachable: true);

    [Fact]
    public void A_new_user_becomes_a_contact_of_the_invites_department()
    {
        var r = Registration.Redeem(For("科技厅"), null, Wang, Now);

        Assert.Equal(RedemptionResult.Registered, r.Result);
        Assert.True(r.Succeeded);
        Assert.Equal(new Contact("new-id", "王伟", r.Contact!.Departments, false, Phone, Now), r.Contact);
        Assert.Equal(["科技厅"], r.Contact.Departments);
        Assert.Equal("new-id", r.Invite!.RedeemedBy);
        Assert.Equal(Now, r.Invite.RedeemedAt);
    }

    [Fact]
    public void An_invite_for_a_generic_unit_registers_nobody()
    {
        var r = Registration.Redeem(For("各有关单位"), null, Wang, Now);

        Assert.Equal(RedemptionResult.GenericUnit, r.Result);
        Assert.False(r.Succeeded);
        Assert.Null(r.Contact);
        Assert.Null(r.Invite!.RedeemedBy);
    }

    [Fact]
    public void An_office_invite_makes_an_office_member_without_departments()
    {
        var r = Registration.Redeem(For(null), null, Wang with { Name = "  " }, Now);

        Assert.Equal(RedemptionResult.Registered, r.Result);
        Assert.True(r.Contact!.IsOffice);
        Assert.Empty(r.Contact.Departments);
        Assert.Equal("", r.Contact.Name);
    }

    [Fact]
    public void A_second_departments_invite_adds_it_to_the_same_contact_and_moves_the_address_to_where_they_wrote()
    {
        var r = Registration.Redeem(For("财政厅"), Existing("科技厅"), Wang, Now);

        Assert.Equal(RedemptionResult.Joined, r.Result);
        var contact = r.Contact!;
        Assert.Equal("c1", contact.Id);
        Assert.Equal(["科技厅", "财政厅"], contact.Departments);
        Assert.Equal("王伟", contact.Name);
        Assert.Equal(Phone, contact.Address);
        Assert.False(contact.Unreachable);
        Assert.Equal(Created.AddDays(-30), contact.RegisteredAt);
        Assert.Equal("c1", r.Invite!.RedeemedBy);
    }

    [Fact]
    public void A_contact_keeps_their_name_when_the_channel_gives_none()
    {
        var r = Registration.Redeem(For("财政厅"), Existing("科技厅"), Wang with { Name = "" }, Now);

        Assert.Equal("王 伟", r.Contact!.Name);
    }

    [Fact]
    public void An_office_invite_makes_a_department_contact_an_office_member_too()
    {
        var r = Registration.Redeem(For(null), Existing("科技厅"), Wang, Now);

        Assert.Equal(RedemptionResult.Joined, r.Result);
        Assert.True(r.Contact!.IsOffice);
        Assert.Equal(["科技厅"], r.Contact.Departments);
    }

    [Fact]
    public void A_contact_already_in_the_department_is_told_so_and_the_invite_stays_unused()
    {
        var existing = Existing("科技厅");

        var r = Registration.Redeem(For("科技厅"), existing, Wang, Now);

        Assert.Equal(RedemptionResult.AlreadyMember, r.Result);
        Assert.False(r.Succeeded);
        Assert.Same(existing, r.Contact);
        Assert.False(r.Invite!.IsRedeemed);
    }

    [Fact]
    public void An_office_member_redeeming_an_office_invite_is_already_a_member()
    {
        var r = Registration.Redeem(For(null), Existing() with { IsOffice = true }, Wang, Now);

        Assert.Equal(RedemptionResult.AlreadyMember, r.Result);
    }

    [Fact]
    public void Sending_ones_own_used_code_again_is_already_a_member_not_an_error()
    {
        var invite = For("科技厅").RedeemBy("c1", Now);

        var r = Registration.Redeem(invite, Existing("科技厅"), Wang, Now.AddDays(30));

        Assert.Equal(RedemptionResult.AlreadyMember, r.Result);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_code_used_by_someone_else_is_refused_even_after_it_would_have_expired(bool registered)
    {
        var invite = For("科技厅").RedeemBy("someone-else", Now);

        Assert.Equal(RedemptionResult.AlreadyUsed, Registration.Redeem(invite, registered ? Existing() : null, Wang, Now).Result);
        Assert.Equal(RedemptionResult.AlreadyUsed, Registration.Redeem(invite, null, Wang, Now.AddDays(30)).Result);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_revoked_code_is_refused_before_and_after_it_would_have_expired(bool registered)
    {
        var invite = For("科技厅") with { RevokedAt = Now, RevokedBy = "office" };

        var r = Registration.Redeem(invite, registered ? Existing() : null, Wang, Now.AddHours(1));

        Assert.Equal(RedemptionResult.Revoked, r.Result);
        Assert.Same(invite, r.Invite);
        Assert.False(r.Succeeded);
        Assert.Equal(RedemptionResult.Revoked, Registration.Redeem(invite, null, Wang, invite.ExpiresAt.AddDays(1)).Result);
    }

    [Fact]
    public void An_expired_code_is_refused_and_stays_unused()
    {
        var invite = For("科技厅");

        var r = Registration.Redeem(invite, null, Wang, invite.ExpiresAt);

        Assert.Equal(RedemptionResult.Expired, r.Result);
        Assert.Same(invite, r.Invite);
        Assert.Null(r.Contact);
    }

    [Fact]
    public void No_invite_is_an_unknown_code()
    {
        Assert.Equal(RedemptionResult.UnknownCode, Registration.Redeem(null, null, Wang, Now).Result);
    }

    [Fact]
    public void Only_a_departments_contacts_report_for_it()
    {
        var contact = Existing("科技厅", "财政厅");

        Assert.True(contact.ReportsFor("科技厅"));
        Assert.True(contact.ReportsFor("财政厅"));
        Assert.False(contact.ReportsFor("教育厅"));
        Assert.False(contact.ReportsFor("科学技术厅")); // names are canonical by the time they get here
        Assert.False((contact with { IsOffice = true, Departments = [] }).ReportsFor("科技厅"));
    }
}
