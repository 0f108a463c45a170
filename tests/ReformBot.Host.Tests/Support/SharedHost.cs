namespace ReformBot.Host.Tests.Support;

/// <summary>
/// One running host with the default settings on a copy of <see cref="TemplateDatabase"/>, shared by
/// the tests of a class (<c>IClassFixture&lt;SharedHost&gt;</c>). Its tests keep apart by using
/// conversations and contacts of their own.
/// </summary>
public sealed class SharedHost : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    public RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath));

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _dir.Dispose();
    }
}
