using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ReformBot.Core.Contacts;
using ReformBot.Host.Contacts;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Contacts;

public sealed class RegistrationServiceTests : IDisposable
{
    // 2026-11-28 10:00:00.789 in Shanghai.
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero).AddMilliseconds(789);
    private static readonly ConversationAddress Address = new("webchat", "http://127.0.0.1:3978/", "conv-1", "user-1", null, "bot");

    private readonly TempDirectory _dir = new();
    private readonly TestStore _store;
    private readonly FakeTimeProvider _time = new(Start);

    public RegistrationServiceTests() => _store = new TestStore(_dir.DatabasePath);

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("科技厅")]
    [InlineData("科学技术厅")]
    [InlineData("新疆维吾尔自治区科学技术厅")]
    [InlineData(" 科学 技术厅 ")]
    public void A_department_is_found_by_any_of_its_names_and_its_invite_is_stored(string name)
    {
        var result = _store.Registration(_time).InviteDepartment(name);

        var invite = Assert.IsType<Invite>(result.Invite);
        Assert.Equal("科技厅", invite.Department);
        Assert.True(InviteCode.IsNormalized(invite.Code));
        Assert.Equal(invite, _store.Invites.Find(invite.Code));
    }

    [Fact]
    public void Invites_expire_after_the_configured_days_in_local_time_to_the_second()
    {
        var week = _store.Registration(_time).InviteOfficeMember();
        var threeDays = _store.Registration(_time, validDays: 3).InviteDepartment("财政厅").Invite!;

        Assert.Null(week.Department);
        Assert.Equal("2026-11-28T10:00:00.0000000+08:00", week.CreatedAt.ToString("O"));
        Assert.Equal("2026-12-05T10:00:00.0000000+08:00", week.ExpiresAt.ToString("O"));
        Assert.Equal("2026-12-01T10:00:00.0000000+08:00", threeDays.ExpiresAt.ToString("O"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    [InlineData(366)]
    public void An_out_of_range_validity_is_refused_naming_the_setting(int days)
    {
        var error = Assert.Throws<ArgumentException>(() => _store.Registration(_time, validDays: days));

        Assert.Contains("ReformBot:Invites:ValidDays", error.Message);
    }

    [Fact]
    public void The_validity_is_read_from_ReformBot_Invites_ValidDays()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ReformBot:Invites:ValidDays"] = "14" })
            .Build();

        var options = configuration.GetSection(InviteOptions.Section).Get<InviteOptions>()!;

        Assert.Equal(TimeSpan.FromDays(14), options.Validity());
        Assert.Equal(TimeSpan.FromDays(7), new InviteOptions().Validity());
    }

    [Fact]
    public void An_unknown_department_gets_suggestions_and_no_invite()
    {
        var result = _store.Registration(_time).InviteDepartment("科枝厅");

        Assert.Null(result.Invite);
        Assert.Equal("科技厅", result.Suggestions.First().Name);
        Assert.Equal(0, _store.Invites.Count());
    }

    [Theory]
    [InlineData(0, RedemptionResult.Registered)]
    [InlineData(7 * 24 - 1, RedemptionResult.Registered)]
    [InlineData(7 * 24, RedemptionResult.Expired)]
    public void A_code_is_redeemable_until_it_expires(int hoursLater, RedemptionResult expected)
    {
        var registration = _store.Registration(_time);
        var invite = registration.InviteDepartment("科技厅").Invite!;
        _time.Advance(TimeSpan.FromHours(hoursLater));

        // Typed as people type it on a phone: lower case, spaces for dashes, full width.
        var typed = string.Concat(InviteCode.Display(invite.Code).ToLowerInvariant().Select(c => c == '-' ? '\u3000' : (char)(c + 0xFEE0)));
        var redemption = registration.Redeem(typed, "王伟", Address);

        Assert.Equal(expected, redemption.Result);
        Assert.Equal(expected == RedemptionResult.Registered ? 1 : 0, _store.Contacts.All().Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("K7QM")]
    [InlineData("注册码")]
    [InlineData("0000-0000-00")]
    public void A_text_that_is_no_code_is_an_unknown_code(string typed)
    {
        Assert.Equal(RedemptionResult.UnknownCode, _store.Registration(_time).Redeem(typed, "王伟", Address).Result);
    }

    [Fact]
    public void A_new_contact_gets_a_fresh_id_and_registers_at_the_precise_local_time()
    {
        var registration = _store.Registration(_time);
        var code = registration.InviteDepartment("科技厅").Invite!.Code;
        var other = registration.InviteDepartment("科技厅").Invite!.Code;

        var first = registration.Redeem(code, "王伟", Address).Contact!;
        var second = registration.Redeem(other, "李娜", Address with { UserId = "user-2" }).Contact!;

        Assert.NotEqual(first.Id, second.Id);
        Assert.True(Guid.TryParse(first.Id, out _));
        Assert.Equal("2026-11-28T10:00:00.7890000+08:00", first.RegisteredAt.ToString("O"));
    }

    [Fact]
    public void Codes_are_random_and_distinct()
    {
        var registration = _store.Registration(_time);

        var codes = Enumerable.Range(0, 200).Select(_ => registration.InviteOfficeMember().Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.True(InviteCode.IsNormalized(c)));
        // Every character of the alphabet turns up somewhere in 2,000 random characters.
        Assert.Equal(InviteCode.Alphabet.Order(), string.Concat(codes).Distinct().Order());
    }

    [Fact]
    public void A_drawn_code_that_exists_is_drawn_again_and_endless_clashes_fail_loudly()
    {
        var draws = new Queue<string>(["K7QMXW3P9T", "K7QMXW3P9T", "ABCDEFGHJK"]);
        var registration = new RegistrationService(_store.Invites, _store.Plans, _time, new InviteOptions(), TestStore.Shanghai, draws.Dequeue);

        Assert.Equal("K7QMXW3P9T", registration.InviteOfficeMember().Code);
        Assert.Equal("ABCDEFGHJK", registration.InviteOfficeMember().Code);

        var stuck = new RegistrationService(_store.Invites, _store.Plans, _time, new InviteOptions(), TestStore.Shanghai, () => "K7QMXW3P9T");
        Assert.Throws<InvalidOperationException>(() => stuck.InviteDepartment("科技厅"));
        Assert.Equal(2, _store.Invites.Count());
    }
}
