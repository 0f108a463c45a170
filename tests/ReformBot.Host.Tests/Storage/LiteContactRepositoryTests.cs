using ReformBot.Core.Contacts;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Storage;

public sealed class LiteContactRepositoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Contacts_are_found_by_channel_user_and_by_department_after_a_restart()
    {
        var registeredAt = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8));
        var wang = new Contact("c1", "王 伟 ", ["科技厅", "财政厅"], false,
            new ConversationAddress("msteams", "https://smba.example/cn/", "conv-1", "user-1", null, "bot"), registeredAt);
        var li = new Contact("c2", "", ["财政厅"], true,
            new ConversationAddress("webchat", "http://127.0.0.1:3978/", "conv-2", "user-1", "", null), registeredAt);

        using (var store = new LiteDbStore(_dir.DatabasePath))
        {
            var contacts = new LiteContactRepository(store);
            contacts.Save(wang);
            contacts.Save(li);
            contacts.Save(li with { Unreachable = true });
        }

        using var reopened = new LiteDbStore(_dir.DatabasePath);
        var repository = new LiteContactRepository(reopened);
        var found = repository.FindByUser("msteams", "user-1")!;
        Assert.Equal(wang with { Departments = found.Departments }, found);
        Assert.Equal(wang.Departments, found.Departments);
        Assert.Equal("", repository.FindByUser("webchat", "user-1")!.Address.TenantId);
        Assert.True(repository.Find("c2")!.Unreachable);
        Assert.Null(repository.FindByUser("webchat", "user-2"));
        Assert.Equal(["c1", "c2"], repository.OfDepartment("财政厅").Select(c => c.Id).Order());
        Assert.Equal(["c1"], repository.OfDepartment("科技厅").Select(c => c.Id));
        Assert.Empty(repository.OfDepartment("教育厅"));
        Assert.Equal(2, repository.All().Count);
    }
}
