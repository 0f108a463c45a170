using ReformBot.Host.Bot;
using ReformBot.Host.Bot.Reporting;
using ReformBot.Host.Bot.State;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot.State;

/// <summary>The conversation state as the bot stores it between turns.</summary>
public sealed class ConversationDataStateTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly LiteDbStore _store;
    private readonly LiteDbBotStorage _storage;

    public ConversationDataStateTests()
    {
        _store = new LiteDbStore(_dir.DatabasePath);
        _storage = new LiteDbBotStorage(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_sessions_tasks_come_back_in_order_and_name_each_department_once_per_run()
    {
        (int Task, string Department, bool Note)[] tasks =
        [
            .. Enumerable.Range(1, 39).Select(n => (n, "新疆银监局", false)),
            (5, "科技厅", false), (40, "新疆银监局", false), (7, "新疆银监局", true), (8, "新疆银监局", true),
        ];
        var session = new ReportSession
        {
            Owner = "user1",
            Period = "2026Q4",
            Items = tasks.Select(t => new ReportSessionItem { TaskNumber = t.Task, Department = t.Department, Note = t.Note }).ToList(),
            Index = 3,
        };
        // As the SDK's ConversationState writes it: a property bag.
        await _storage.WriteAsync(new Dictionary<string, object> { ["c"] = new Dictionary<string, object> { ["ConversationData"] = new ConversationData { Report = session } } });

        var bag = Assert.IsType<Dictionary<string, object>>((await _storage.ReadAsync(["c"]))["c"]);
        var read = Assert.IsType<ConversationData>(bag["ConversationData"]).Report!;
        Assert.Equal(tasks, read.Items.Select(i => (i.TaskNumber, i.Department, i.Note)));
        Assert.Equal(3, read.Index);
        // Four runs: the 39 tasks of one department, 科技厅's, the bank's last one, its notes.
        var json = Assert.Single(_store.BotState.FindAll()).Json;
        Assert.Equal(3, json.Split("新疆银监局").Length - 1);
        Assert.Equal(1, json.Split("科技厅").Length - 1);
    }
}
