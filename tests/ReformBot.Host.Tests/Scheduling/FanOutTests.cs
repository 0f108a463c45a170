using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Contacts;
using ReformBot.Core.Periods;
using ReformBot.Core.Reminders;
using ReformBot.Core.Storage;
using ReformBot.Host.Cli;
using ReformBot.Host.Periods;
using ReformBot.Host.Scheduling;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Proactive;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Scheduling;

/// <summary>Reminder fan-outs against a local channel that throttles, fails and loses contacts; and interrupted fan-outs.</summary>
public sealed class FanOutTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private ScriptedChannel _channel = null!;

    public async Task InitializeAsync() => _channel = await ScriptedChannel.StartAsync();

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Throttled_and_failing_sends_are_retried_and_a_contact_who_removed_the_bot_is_marked_and_reported()
    {
        await using var host = await StartHostAsync();
        var contacts = host.Services.GetRequiredService<IContactRepository>();
        Save(contacts, "ok", "新疆银监局");
        Save(contacts, "throttled", "科技厅");
        Save(contacts, "flaky", "财政厅");
        Save(contacts, "gone", "教育厅");
        Save(contacts, "office", null);
        _channel.Script("conversation-throttled", Answer.Fail(429, retryAfter: "1"), Answer.Ok);
        _channel.Script("conversation-flaky", Answer.Fail(502), Answer.Fail(502), Answer.Ok);
        _channel.Script("conversation-gone", Answer.Fail(404));
        var run = host.Services.GetRequiredService<ReminderRun>();

        var result = await run.RunManualAsync(CancellationToken.None);

        Assert.Equal((3, 1, 0), (result.Sent, result.Unreachable, result.Failed));
        Assert.Equal(2, _channel.HitsOf("conversation-throttled").Count);
        Assert.True(_channel.HitsOf("conversation-throttled")[1].After(_channel.HitsOf("conversation-throttled")[0]) >= TimeSpan.FromSeconds(0.95));
        Assert.Equal(3, _channel.HitsOf("conversation-flaky").Count);
        Assert.Single(_channel.HitsOf("conversation-gone"));
        Assert.True(contacts.Find("gone")!.Unreachable);
        Assert.Empty(_channel.HitsOf("conversation-office"));

        // Again the same day: nothing twice, and nobody writes to the contact who is gone.
        var again = await run.RunManualAsync(CancellationToken.None);
        Assert.Equal((0, 3), (again.Sent, again.AlreadySent));
        Assert.Single(_channel.HitsOf("conversation-gone"));

        // The escalation tells the office who could not be reached.
        var period = host.Services.GetRequiredService<ReportingPeriods>().Current();
        var window = host.Services.GetRequiredService<ReportingPeriods>().Calendar.WindowFor(period);
        var escalationDay = ReminderSchedule.For(window, host.Services.GetRequiredService<ReportingPeriods>().Calendar.Zone, new ReminderOptions(),
            host.Services.GetRequiredService<HolidayCalendar>())[^1].Date;
        await run.RunScheduledAsync(new DateTimeOffset(escalationDay.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)), CancellationToken.None);
        var escalation = Assert.Single(_channel.HitsOf("conversation-office")).Text!;
        Assert.Contains("逾期未报", escalation);
        Assert.Contains("无法送达的联络员", escalation);
        Assert.Contains("联络员gone", escalation);
    }

    [Fact]
    public async Task A_fan_out_stopped_in_the_middle_resumes_where_it_stopped_nothing_twice_nothing_skipped()
    {
        await using var host = await StartHostAsync();
        var contacts = host.Services.GetRequiredService<IContactRepository>();
        var ids = Departments(host).Select((d, i) => Save(contacts, $"c{i}", d).Id).ToList();
        foreach (var id in ids) _channel.Script($"conversation-{id}", Answer.Slow(TimeSpan.FromMilliseconds(40)));
        var run = host.Services.GetRequiredService<ReminderRun>();

        using var stop = new CancellationTokenSource();
        var first = run.RunManualAsync(stop.Token);
        await WaitUntil(() => _channel.Hits.Count >= 12);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var sentBeforeStop = _channel.Hits.Count;
        Assert.InRange(sentBeforeStop, 12, ids.Count - 1);

        var second = await run.RunManualAsync(CancellationToken.None);

        Assert.Equal(sentBeforeStop, second.AlreadySent);
        Assert.Equal(ids.Count - sentBeforeStop, second.Sent);
        Assert.All(ids, id => Assert.Single(_channel.HitsOf($"conversation-{id}")));
        Assert.DoesNotContain(host.Services.GetRequiredService<IReminderLog>().ForPeriod(host.Services.GetRequiredService<ReportingPeriods>().Current()),
            r => r.State != ReminderState.Sent);
    }

    [Fact]
    public async Task A_host_process_killed_in_the_middle_of_a_fan_out_sends_nothing_twice_and_skips_nobody_after_a_restart()
    {
        // The contacts are in the file before the host starts; the office member asks for 提醒 over HTTP.
        List<string> ids;
        using (var store = new TestStore(_dir.DatabasePath))
        {
            ids = store.Plans.Tasks().SelectMany(t => t.LeadDepartments).Distinct()
                .Select((d, i) => Save(store.Contacts, $"c{i}", d).Id).ToList();
            store.Contacts.Save(new Contact("office", "办公室", [], true, new ConversationAddress("emulator", _channel.ServiceUrl, "office-chat", "office-user", null, "bot"), DateTimeOffset.UtcNow));
        }
        // Answers slow enough that the fan-out (29 contacts, 8 at a time) is far from done when the kill comes.
        foreach (var id in ids) _channel.Script($"conversation-{id}", Answer.Slow(TimeSpan.FromSeconds(1)));

        using (var host = StartProcess())
        {
            var endpoint = await WaitForEndpoint(host);
            using var http = new HttpClient { BaseAddress = new Uri(endpoint.Url) };
            // The office is answered at once; the fan-out runs on in the background.
            using var remind = await http.PostAsJsonAsync("/api/messages", Remind());
            Assert.Contains("正在提醒", await remind.Content.ReadAsStringAsync());
            await WaitUntil(() => _channel.Hits.Count >= 12);
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
        Assert.InRange(_channel.Hits.Count, 12, ids.Count - 1);

        // The restart runs in this process: what is under test is what the killed process left in the file.
        foreach (var id in ids) _channel.Script($"conversation-{id}", Answer.Ok);
        await using (var host = await StartHostAsync())
        {
            using var response = await host.Http.PostAsJsonAsync("/api/messages", Remind());
            Assert.True(response.IsSuccessStatusCode);
            // The interrupted 提醒 resumes at start, the new one runs too: each ends with a summary to the office.
            await WaitUntil(() => _channel.HitsOf("office-chat").Count >= 2);
        }

        // Nothing twice. A reminder in flight at the kill may or may not have reached the channel; it is
        // not sent again but recorded as of unknown outcome (the escalation lists it). Everyone else got one.
        using var after = new LiteDbStore(_dir.DatabasePath);
        var unknown = new LiteReminderLog(after).ForPeriod(CurrentPeriod())
            .Where(r => r.State == ReminderState.Failed && r.Error!.Contains("unknown")).Select(r => r.Key.ContactId).ToHashSet();
        Assert.All(ids, id => Assert.InRange(_channel.HitsOf($"conversation-{id}").Count, unknown.Contains(id) ? 0 : 1, 1));
        Assert.InRange(unknown.Count, 0, new SchedulingOptions().FanOutConcurrency);
        Assert.InRange(ids.Count(id => _channel.HitsOf($"conversation-{id}").Count == 0), 0, unknown.Count);
    }

    private static Quarter CurrentPeriod() =>
        new ReportingCalendar(new ReportingCalendarOptions()).CurrentPeriod(DateTimeOffset.UtcNow);

    private async Task<RunningHost> StartHostAsync() =>
        await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath), builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReformBot:Proactive:BaseDelay"] = "00:00:00.010",
        }));

    private Contact Save(IContactRepository contacts, string id, string? department)
    {
        var contact = new Contact(id, $"联络员{id}", department is null ? [] : [department], department is null,
            new ConversationAddress("emulator", _channel.ServiceUrl, $"conversation-{id}", $"user-{id}", null, "bot"), DateTimeOffset.UtcNow);
        contacts.Save(contact);
        return contact;
    }

    private static IEnumerable<string> Departments(RunningHost host) =>
        host.Services.GetRequiredService<IPlanRepository>().Tasks().SelectMany(t => t.LeadDepartments).Distinct();

    private object Remind() => new
    {
        type = "message", id = "m1", channelId = "emulator", serviceUrl = _channel.ServiceUrl,
        from = new { id = "office-user" }, recipient = new { id = "bot" }, conversation = new { id = "office-chat" },
        text = "提醒", deliveryMode = "expectReplies",
    };

    private Process StartProcess()
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ReformBot.Host.dll"), "serve", "--db", _dir.DatabasePath, "--urls", "http://127.0.0.1:0" })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<HostEndpointFile> WaitForEndpoint(Process host)
    {
        HostEndpointFile? endpoint = null;
        await WaitUntil(() => (endpoint = HostEndpointFile.Read(_dir.DatabasePath)) is { } e && e.ProcessId == host.Id || host.HasExited);
        Assert.False(host.HasExited);
        return endpoint!;
    }

    /// <summary>Polls a condition that another process or thread makes true; fails after 60 s.</summary>
    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("The condition did not come true in 60 s.");
            await Task.Delay(20);
        }
    }
}
