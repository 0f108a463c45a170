using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Storage;

public sealed class LiteSettingsRepositoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_setting_reads_as_last_set_and_outlives_a_reopened_file()
    {
        using (var store = new LiteDbStore(_dir.DatabasePath))
        {
            var settings = new LiteSettingsRepository(store);
            Assert.Null(settings.Get("period.override"));
            settings.Set("period.override", "2026Q3");
            Assert.Equal("2026Q3", settings.Get("period.override"));
            settings.Set("period.override", "2026Q4");
            settings.Set("digest.last", "x");
            settings.Set("digest.last", null);
            Assert.Equal("2026Q4", settings.Get("period.override"));
            Assert.Null(settings.Get("digest.last"));
        }

        using var reopened = new LiteDbStore(_dir.DatabasePath);
        var read = new LiteSettingsRepository(reopened);
        Assert.Equal("2026Q4", read.Get("period.override"));
        Assert.Null(read.Get("digest.last"));
    }

    [Fact]
    public void A_setting_once_read_is_answered_from_memory()
    {
        using var store = new LiteDbStore(_dir.DatabasePath);
        var settings = new LiteSettingsRepository(store);
        settings.Set("period.override", "2026Q3");
        Assert.Equal("2026Q3", settings.Get("period.override"));

        // Behind the repository's back (nothing in the host writes settings so): not read again.
        store.Settings.Upsert(new SettingDocument { Id = "period.override", Value = "2025Q1" });

        Assert.Equal("2026Q3", settings.Get("period.override"));
    }
}
