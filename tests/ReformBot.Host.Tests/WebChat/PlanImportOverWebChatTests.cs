using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Storage;
using ReformBot.Host.Tests.PlanFiles;
using ReformBot.Host.Tests.Support;
using static ReformBot.Host.Tests.WebChat.DirectLineClient;

namespace ReformBot.Host.Tests.WebChat;

/// <summary>The office uploads a plan on the Web Chat page, over real HTTP, and imports it with 确认导入.</summary>
public sealed class PlanImportOverWebChatTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task The_office_uploads_a_plan_reads_the_preview_and_confirms()
    {
        var run = CliRun.Of(["admin-invite", "--json", "--db", _dir.DatabasePath]);
        Assert.Equal(0, run.ExitCode);
        var code = JsonDocument.Parse(run.Output).RootElement.GetProperty("code").GetString()!;
        using var office = new DirectLineClient(_host.Endpoint.Url);
        await office.StartAsync();
        Assert.Contains("注册成功", await SayAsync(office, $"注册 {code}"));
        var plans = _host.Services.GetRequiredService<IPlanRepository>();
        var before = plans.Tasks().Count;

        var (_, watermark) = await office.PollAsync(null);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(PlanFileWriters.Docx(
            [PlanFileWriters.Header, ["1", "建立科技成果转化激励机制", "科技厅、财政厅", "2027年6月底前"], ["2", "完善科研项目经费管理", "财政厅", "持续推进"]])),
            "file", "2027年计划.docx");
        using var upload = await office.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{office.ConversationId}/upload?userId=x", form);
        upload.EnsureSuccessStatusCode();
        var preview = (await office.PollUntilAsync(watermark, all => all.Any(IsBot))).Single(IsBot);
        Assert.Contains($"2027年计划.docx：共 2 项任务，新增 0 项，变更 2 项，删除 {before - 2} 项", Text(preview));
        Assert.Equal(["确认导入", "取消"], preview["suggestedActions"]!["actions"]!.AsArray().Select(a => a!["value"]!.GetValue<string>()));
        Assert.Equal(before, plans.Tasks().Count);

        Assert.Contains("已导入：共 2 项任务", await SayAsync(office, "确认导入"));
        Assert.Equal([1, 2], plans.Tasks().Select(t => t.Number));
    }

    private static bool IsBot(System.Text.Json.Nodes.JsonObject activity) => activity["from"]!["role"]!.GetValue<string>() == "bot";

    /// <summary>Says the text as the page does and returns the bot's replies to it.</summary>
    private static async Task<string> SayAsync(DirectLineClient client, string text)
    {
        var (_, watermark) = await client.PollAsync(null);
        await client.SayAsync(text);
        var activities = await client.PollUntilAsync(watermark, all => all.Any(a => a["replyToId"] is not null && IsBot(a)));
        return string.Join("\n", activities.Where(IsBot).Select(Text));
    }
}
