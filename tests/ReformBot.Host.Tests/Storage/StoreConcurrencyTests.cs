using LiteDB;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Storage;

/// <summary>
/// LiteDB 5.0's page cache breaks when two threads read at once on a database larger than the cache
/// (litedb-org/LiteDB#2817): the store lets one thread into the engine at a time. The race itself shows
/// under load (the turn benchmark at 200,000 revisions); here, that the engine is held as it should be.
/// </summary>
public sealed class StoreConcurrencyTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly LiteDbStore _store;

    public StoreConcurrencyTests() => _store = new LiteDbStore(Path.Combine(_dir.Path, "reformbot.db"));

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_transaction_holds_the_engine_until_it_commits_and_may_read_inside_itself()
    {
        var items = _store.Database.GetCollection("items");
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var transaction = Task.Factory.StartNew(() => _store.InTransaction(() =>
        {
            items.Insert(new BsonDocument { ["_id"] = 1 });
            var seen = items.Count();
            inside.Set();
            release.Wait();
            return seen;
        }), TaskCreationOptions.LongRunning);
        inside.Wait();

        var reader = Task.Factory.StartNew(() => items.Count(), TaskCreationOptions.LongRunning);
        await Task.Delay(300);
        Assert.False(reader.IsCompleted);

        release.Set();
        Assert.Equal(1, await transaction);
        Assert.Equal(1, await reader.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_transaction_begun_again_inside_itself_still_lets_go_of_the_engine_when_it_commits()
    {
        var items = _store.Database.GetCollection("items");
        _store.Database.BeginTrans();
        Assert.False(_store.Database.BeginTrans());
        items.Insert(new BsonDocument { ["_id"] = 1 });
        Assert.True(_store.Database.Commit());

        var reader = Task.Factory.StartNew(() => items.Count(), TaskCreationOptions.LongRunning);
        Assert.Equal(1, await reader.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Savers_who_flush_at_the_same_moment_share_flushes()
    {
        var items = _store.Database.GetCollection("items");
        var before = _store.FlushesStarted;
        const int Savers = 16;

        // Each saves, then forces the save to disk (milliseconds), as a confirmed report does: most arrive while another's flush runs.
        using var start = new ManualResetEventSlim();
        var savers = Enumerable.Range(0, Savers).Select(i => Task.Factory.StartNew(() =>
        {
            start.Wait();
            _store.InTransaction(() => items.Insert(new BsonDocument { ["_id"] = i, ["text"] = new string('x', 2000) }));
            _store.FlushToDisk();
        }, TaskCreationOptions.LongRunning)).ToList();
        start.Set();
        await Task.WhenAll(savers);

        Assert.Equal(Savers, items.Count());
        Assert.InRange(_store.FlushesStarted - before, 1, Savers / 2);
    }

    [Fact]
    public async Task A_thread_waits_outside_the_engine_while_another_reads_and_goes_on_when_the_reader_is_closed()
    {
        var notes = _store.Database.GetCollection("items");
        notes.Insert(new BsonDocument { ["_id"] = 1 });
        notes.Insert(new BsonDocument { ["_id"] = 2 });

        using var reading = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var reader = Task.Factory.StartNew(() =>
        {
            using var enumerator = notes.FindAll().GetEnumerator();
            enumerator.MoveNext();
            reading.Set();
            release.Wait();
        }, TaskCreationOptions.LongRunning);
        reading.Wait();

        var writer = Task.Factory.StartNew(() => notes.Insert(new BsonDocument { ["_id"] = 3 }), TaskCreationOptions.LongRunning);
        await Task.Delay(300);
        Assert.False(writer.IsCompleted);

        release.Set();
        await reader;
        await writer.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, notes.Count());
    }
}
