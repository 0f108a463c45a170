using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Storage;

public sealed class LiteSettingsRepositoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_setting_survives_a_reopen_and_null_removes_it()
    {
        using (var store = new LiteDbStore(_dir.DatabasePath))
        {
            var settings = new LiteSettingsRepository(store);
            settings.Set("period.override", "2026Q3");
            settings.Set("digest.last", "x");
            settings.Set("digest.last", null);
        }

        using var reopened = new LiteDbStore(_dir.DatabasePath);
        var again = new LiteSettingsRepository(reopened);
        Assert.Equal("2026Q3", again.Get("period.override"));
        Assert.Null(again.Get("digest.last"));
    }

    [Fact]
    public void Reads_come_from_memory_and_every_repository_of_the_store_sees_a_change()
    {
        using var store = new LiteDbStore(_dir.DatabasePath);
        var first = new LiteSettingsRepository(store);
        var second = new LiteSettingsRepository(store);
        first.Set("period.override", "2026Q3");
        Assert.Equal("2026Q3", second.Get("period.override"));

        // Behind the repositories' back: they do not read the file again.
        store.Settings.Upsert(new SettingDocument { Id = "period.override", Value = "2027Q1" });
        Assert.Equal("2026Q3", first.Get("period.override"));

        second.Set("period.override", "2026Q4");
        Assert.Equal("2026Q4", first.Get("period.override"));
        second.Set("period.override", null);
        Assert.Null(first.Get("period.override"));
    }
}
