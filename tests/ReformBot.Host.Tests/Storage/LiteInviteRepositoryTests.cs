using ReformBot.Core.Contacts;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Storage;

public sealed class LiteInviteRepositoryTests : IDisposable
{
    private static readonly DateTimeOffset Created = new(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Registrant User(string userId, string name = "王伟") =>
        new($"contact-{userId}", name, new ConversationAddress("msteams", "https://smba.example/cn/", $"conv-{userId}", userId, "tenant-1", "bot-1"));

    [Fact]
    public void Invites_round_trip_exactly_through_a_reopened_file()
    {
        var open = Invite.Create("K7QMXW3P9T", "科技厅", Created.AddTicks(1234), TimeSpan.FromDays(7));
        var used = Invite.Create("ABCDEFGHJK", null, Created.AddMinutes(1), TimeSpan.FromDays(1)).RedeemBy("c9", new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));

        using (var store = new LiteDbStore(_dir.DatabasePath))
        {
            var invites = new LiteInviteRepository(store);
            Assert.True(invites.TryAdd(open));
            Assert.True(invites.TryAdd(used));
        }

        using var reopened = new LiteDbStore(_dir.DatabasePath);
        var repository = new LiteInviteRepository(reopened);
        Assert.Equal(open, repository.Find("K7QMXW3P9T"));
        Assert.Equal(used, repository.Find("ABCDEFGHJK"));
        Assert.Equal(TimeSpan.FromHours(8), repository.Find("K7QMXW3P9T")!.ExpiresAt.Offset);
        Assert.Equal(TimeSpan.Zero, repository.Find("ABCDEFGHJK")!.RedeemedAt!.Value.Offset);
        Assert.Null(repository.Find("K7QM-XW3P-9T")); // lookups take the stored form
        Assert.Null(repository.Find("MMMMMMMMMM"));
        Assert.Equal(2, repository.Count());
    }

    [Fact]
    public void A_code_that_exists_is_not_added_again()
    {
        using var store = new LiteDbStore(_dir.DatabasePath);
        var invites = new LiteInviteRepository(store);
        var first = Invite.Create("K7QMXW3P9T", "科技厅", Created, TimeSpan.FromDays(7));

        Assert.True(invites.TryAdd(first));
        Assert.False(invites.TryAdd(first with { Department = "财政厅" }));

        Assert.Equal(1, invites.Count());
        Assert.Equal("科技厅", invites.Find("K7QMXW3P9T")!.Department);
    }

    [Fact]
    public void A_contact_read_in_memory_sees_registrations_and_removals_at_once()
    {
        using var store = new LiteDbStore(_dir.DatabasePath);
        var contacts = new LiteContactRepository(store);
        var invites = new LiteInviteRepository(store);
        invites.TryAdd(Invite.Create("K7QMXW3P9T", "科技厅", Created, TimeSpan.FromDays(7)));
        Assert.Null(contacts.FindByUser("msteams", "u1"));

        invites.Redeem("K7QMXW3P9T", User("u1"), Created.AddHours(1));
        Assert.Equal(["科技厅"], contacts.FindByUser("msteams", "u1")!.Departments);
        contacts.Update("contact-u1", c => c with { Departments = ["科技厅", "财政厅"] });
        Assert.Equal(["contact-u1"], contacts.OfDepartment("财政厅").Select(c => c.Id));

        contacts.Remove("contact-u1");
        Assert.Null(contacts.FindByUser("msteams", "u1"));
        Assert.Empty(contacts.All());
    }

    [Fact]
    public void Redeeming_stores_the_contact_and_uses_up_the_invite_on_disk()
    {
        var now = Created.AddHours(1);
        Redemption redemption;
        using (var store = new LiteDbStore(_dir.DatabasePath))
        {
            var invites = new LiteInviteRepository(store);
            invites.TryAdd(Invite.Create("K7QMXW3P9T", "科技厅", Created, TimeSpan.FromDays(7)));
            invites.TryAdd(Invite.Create("ABCDEFGHJK", "财政厅", Created, TimeSpan.FromDays(7)));
            redemption = invites.Redeem("K7QMXW3P9T", User("u1"), now);
            Assert.Equal(RedemptionResult.Joined, invites.Redeem("ABCDEFGHJK", User("u1", "王伟（财政）") with { NewContactId = "ignored" }, now).Result);
            Assert.Equal(RedemptionResult.AlreadyUsed, invites.Redeem("K7QMXW3P9T", User("u2"), now).Result);
            Assert.Equal(RedemptionResult.UnknownCode, invites.Redeem("MMMMMMMMMM", User("u2"), now).Result);
        }

        Assert.Equal(RedemptionResult.Registered, redemption.Result);
        using var reopened = new LiteDbStore(_dir.DatabasePath);
        var contact = Assert.Single(new LiteContactRepository(reopened).All());
        Assert.Equal("contact-u1", contact.Id);
        Assert.Equal("王伟（财政）", contact.Name);
        Assert.Equal(["科技厅", "财政厅"], contact.Departments);
        Assert.Equal(User("u1").Address, contact.Address);
        Assert.Equal(now, contact.RegisteredAt);
        var invite = new LiteInviteRepository(reopened).Find("K7QMXW3P9T")!;
        Assert.Equal("contact-u1", invite.RedeemedBy);
        Assert.Equal(now, invite.RedeemedAt);
    }

    [Fact]
    public void A_refused_redemption_changes_nothing()
    {
        using var store = new LiteDbStore(_dir.DatabasePath);
        var invites = new LiteInviteRepository(store);
        var invite = Invite.Create("K7QMXW3P9T", "科技厅", Created, TimeSpan.FromDays(7));
        invites.TryAdd(invite);

        Assert.Equal(RedemptionResult.Expired, invites.Redeem("K7QMXW3P9T", User("u1"), invite.ExpiresAt).Result);

        Assert.Equal(invite, invites.Find("K7QMXW3P9T"));
        Assert.Empty(new LiteContactRepository(store).All());
    }

    [Fact]
    public void Of_many_people_racing_with_one_code_exactly_one_registers()
    {
        const int racers = 16;
        var now = Created.AddHours(1);
        using var store = new LiteDbStore(_dir.DatabasePath);
        // Several rounds, because one race may happen to run in order.
        foreach (var code in new[] { "K7QMXW3P9T", "ABCDEFGHJK", "MNPQRSTUVW", "XYZ2345678", "99998888AA", "22223333BB" })
        {
            new LiteInviteRepository(store).TryAdd(Invite.Create(code, "科技厅", Created, TimeSpan.FromDays(7)));
            using var start = new Barrier(racers);

            var results = RunTogether(racers, i =>
            {
                // Each racer has its own repository: what keeps them apart must be the store, not an instance.
                var invites = new LiteInviteRepository(store);
                start.SignalAndWait();
                return invites.Redeem(code, User($"{code}-u{i}"), now);
            });

            var winner = Assert.Single(results, r => r.Result == RedemptionResult.Registered);
            Assert.All(results.Where(r => r != winner), r => Assert.Equal(RedemptionResult.AlreadyUsed, r.Result));
            Assert.Equal(winner.Contact!.Id, Assert.Single(new LiteContactRepository(store).OfDepartment("科技厅"), c => c.Address.UserId.StartsWith(code)).Id);
            Assert.Equal(winner.Contact.Id, new LiteInviteRepository(store).Find(code)!.RedeemedBy);
        }
    }

    [Fact]
    public void One_person_redeeming_several_codes_at_once_gets_one_contact_with_every_department()
    {
        string[] codes = ["K7QMXW3P9T", "ABCDEFGHJK", "MNPQRSTUVW", "XYZ2345678"];
        string[] departments = ["科技厅", "财政厅", "教育厅", "发改委"];
        var now = Created.AddHours(1);
        using var store = new LiteDbStore(_dir.DatabasePath);
        foreach (var (code, department) in codes.Zip(departments))
            new LiteInviteRepository(store).TryAdd(Invite.Create(code, department, Created, TimeSpan.FromDays(7)));
        using var start = new Barrier(codes.Length);

        var results = RunTogether(codes.Length, i =>
        {
            var invites = new LiteInviteRepository(store);
            start.SignalAndWait();
            return invites.Redeem(codes[i], User("u1") with { NewContactId = $"contact-{i}" }, now);
        });

        Assert.Single(results, r => r.Result == RedemptionResult.Registered);
        Assert.Equal(codes.Length - 1, results.Count(r => r.Result == RedemptionResult.Joined));
        var contact = Assert.Single(new LiteContactRepository(store).All());
        Assert.Equal(departments.Order(), contact.Departments.Order());
    }

    private static List<Redemption> RunTogether(int count, Func<int, Redemption> work)
    {
        var threads = new Thread[count];
        var results = new Redemption[count];
        var failures = new List<Exception>();
        for (var i = 0; i < count; i++)
        {
            var index = i;
            threads[i] = new Thread(() =>
            {
                try { results[index] = work(index); }
                catch (Exception e) { lock (failures) failures.Add(e); }
            });
        }
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        Assert.Empty(failures);
        return results.ToList();
    }
}
