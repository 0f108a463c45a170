using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Storage;
using ReformBot.Host.Tests.PlanFiles;
using ReformBot.Host.Tests.Support;
using static ReformBot.Host.Tests.WebChat.DirectLineClient;

namespace ReformBot.Host.Tests.WebChat;

/// <summary>The office uploads a plan on the Web Chat page, over real HTTP, and imports it with 确认导入.</summary>
public sealed class PlanImportOverWebChatTests : IAsyncLifetime
{
    private static readonly byte[] TwoTasks = PlanFileWriters.Docx(
        [PlanFileWriters.Header, ["1", "建立科技成果转化激励机制", "科技厅、财政厅", "2027年6月底前"], ["2", "完善科研项目经费管理", "财政厅", "持续推进"]]);

    private static readonly byte[] ThreeTasks = PlanFileWriters.Docx(
    [
        PlanFileWriters.Header, ["1", "建立科技成果转化激励机制", "科技厅、财政厅", "2027年6月底前"], ["2", "完善科研项目经费管理", "财政厅", "持续推进"],
        ["3", "建设科技资源共享平台", "科技厅", "2027年底前"],
    ]);

    private readonly TempDirectory _dir = new();
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Dispose();
    }

    private IPlanRepository Plans => _host.Services.GetRequiredService<IPlanRepository>();

    [Fact]
    public async Task The_office_uploads_a_plan_reads_the_preview_and_confirms()
    {
        using var office = await OfficeMemberAsync();
        var before = Plans.Tasks().Count;

        var (preview, _) = await UploadAsync(office, "2027年计划.docx", TwoTasks);
        Assert.Contains($"2027年计划.docx：共 2 项任务，新增 0 项，变更 2 项，删除 {before - 2} 项", Text(preview));
        Assert.Equal(["确认导入", "取消"], preview["suggestedActions"]!["actions"]!.AsArray().Select(a => a!["value"]!.GetValue<string>()));
        Assert.Equal(before, Plans.Tasks().Count);

        Assert.Contains("已导入：共 2 项任务", await SayAsync(office, "确认导入"));
        Assert.Equal([1, 2], Plans.Tasks().Select(t => t.Number));
    }

    [Fact]
    public async Task Behind_a_public_https_address_the_upload_is_read_from_the_hosts_own_store()
    {
        using var office = await OfficeMemberAsync();

        // As the office's reverse proxy forwards it: the attachment's link names the public https address, which
        // the service-URL policy does not let the bot call (no AllowedServiceUrls, no app id).
        var (preview, upload) = await UploadAsync(office, "计划.docx", TwoTasks, publicHost: "reformbot.example.gov");
        Assert.StartsWith("https://reformbot.example.gov/v3/directline/attachments/", upload["attachments"]![0]!["contentUrl"]!.GetValue<string>());
        Assert.Contains("计划.docx：共 2 项任务", Text(preview));

        Assert.Contains("已导入：共 2 项任务", await SayAsync(office, "确认导入"));
        Assert.Equal([1, 2], Plans.Tasks().Select(t => t.Number));
    }

    [Fact]
    public async Task An_upload_of_another_conversation_is_not_read()
    {
        using var first = await OfficeMemberAsync();
        using var second = await OfficeMemberAsync();
        var before = Plans.Tasks().Count;
        var (_, upload) = await UploadAsync(first, "计划.docx", TwoTasks);
        Assert.Contains("已取消导入", await SayAsync(first, "取消"));

        // The second office member's page posts a message that names the first one's file.
        var (_, watermark) = await second.PollAsync(null);
        var message = Message("导入", Guid.NewGuid().ToString("N"));
        message["attachments"] = new JsonArray(upload["attachments"]![0]!.DeepClone());
        using (var posted = await second.PostActivityAsync(message)) posted.EnsureSuccessStatusCode();
        var reply = (await second.PollUntilAsync(watermark, all => all.Any(IsBot))).Single(IsBot);
        Assert.Contains("地址不在允许的范围内，没有下载", Text(reply));

        Assert.Contains("没有等待确认的导入", await SayAsync(second, "确认导入"));
        Assert.Equal(before, Plans.Tasks().Count);
    }

    [Fact]
    public async Task Two_office_members_preview_at_once_and_the_second_confirmation_is_previewed_again()
    {
        using var first = await OfficeMemberAsync();
        using var second = await OfficeMemberAsync();

        var (firstPreview, _) = await UploadAsync(first, "两项.docx", TwoTasks);
        var (secondPreview, _) = await UploadAsync(second, "三项.docx", ThreeTasks);
        Assert.Contains("两项.docx：共 2 项任务", Text(firstPreview));
        Assert.Contains("三项.docx：共 3 项任务", Text(secondPreview));

        Assert.Contains("已导入：共 2 项任务", await SayAsync(first, "确认导入"));
        Assert.Equal([1, 2], Plans.Tasks().Select(t => t.Number));

        // The second preview was made against the plan before the first import: what it showed is no longer true.
        var again = await SayAsync(second, "确认导入");
        Assert.Contains("预览之后计划或部门已有变动，没有写入", again);
        Assert.Contains("三项.docx：共 3 项任务，新增 1 项，变更 0 项，删除 0 项", again);
        Assert.Equal([1, 2], Plans.Tasks().Select(t => t.Number));
        Assert.Contains("已导入：共 3 项任务", await SayAsync(second, "确认导入"));
        Assert.Equal([1, 2, 3], Plans.Tasks().Select(t => t.Number));
    }

    [Fact]
    public async Task After_a_restart_确认导入_reads_the_upload_again_and_asks_once_more_and_取消_drops_it()
    {
        string token, conversationId;
        using (var office = await OfficeMemberAsync())
        {
            var (preview, _) = await UploadAsync(office, "计划.docx", TwoTasks);
            Assert.Contains("计划.docx：共 2 项任务", Text(preview));
            (token, conversationId) = (office.Token, office.ConversationId);
        }
        var before = Plans.Tasks().Count;

        using var again = await RestartAsync(token, conversationId);
        var answer = await SayAsync(again, "确认导入");
        Assert.Contains("预览之后服务重启过，刚才的预览没有保留，没有写入。下面重新读取文件：", answer);
        Assert.Contains("计划.docx：共 2 项任务", answer);
        Assert.Equal(before, Plans.Tasks().Count);
        Assert.Contains("已导入：共 2 项任务", await SayAsync(again, "确认导入"));
        Assert.Equal([1, 2], Plans.Tasks().Select(t => t.Number));

        Assert.Contains("三项.docx：共 3 项任务", Text((await UploadAsync(again, "三项.docx", ThreeTasks)).Reply));
        using var third = await RestartAsync(token, conversationId);
        Assert.Contains("已取消导入，数据未作任何改动", await SayAsync(third, "取消"));
        Assert.Contains("没有等待确认的导入", await SayAsync(third, "确认导入"));
        Assert.Equal([1, 2], Plans.Tasks().Select(t => t.Number));
    }

    /// <summary>Stops the host and starts it again on the same database; the page keeps its token and conversation.</summary>
    private async Task<DirectLineClient> RestartAsync(string token, string conversationId)
    {
        await _host.DisposeAsync();
        _host = await RunningHost.StartAsync(_dir.DatabasePath);
        return new DirectLineClient(_host.Endpoint.Url) { Token = token, ConversationId = conversationId };
    }

    /// <summary>A new browser registered as an office member with a code from admin-invite.</summary>
    private async Task<DirectLineClient> OfficeMemberAsync()
    {
        var run = CliRun.Of(["admin-invite", "--json", "--db", _dir.DatabasePath]);
        Assert.Equal(0, run.ExitCode);
        var code = JsonDocument.Parse(run.Output).RootElement.GetProperty("code").GetString()!;
        var office = new DirectLineClient(_host.Endpoint.Url);
        await office.StartAsync();
        Assert.Contains("注册成功", await SayAsync(office, $"注册 {code}"));
        return office;
    }

    /// <summary>Uploads a file as the page does; returns the bot's answer and the message as stored.</summary>
    private static async Task<(JsonObject Reply, JsonObject Upload)> UploadAsync(DirectLineClient client, string name, byte[] bytes, string? publicHost = null)
    {
        var (_, watermark) = await client.PollAsync(null);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/upload?userId=x") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        if (publicHost is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", publicHost);
        }
        using (var response = await client.Http.SendAsync(request)) response.EnsureSuccessStatusCode();
        var activities = await client.PollUntilAsync(watermark, all => all.Any(IsBot));
        return (activities.Single(IsBot), activities.Single(a => !IsBot(a)));
    }

    private static bool IsBot(JsonObject activity) => activity["from"]!["role"]!.GetValue<string>() == "bot";

    /// <summary>Says the text as the page does and returns the bot's replies to it.</summary>
    private static async Task<string> SayAsync(DirectLineClient client, string text)
    {
        var (_, watermark) = await client.PollAsync(null);
        await client.SayAsync(text);
        var activities = await client.PollUntilAsync(watermark, all => all.Any(a => a["replyToId"] is not null && IsBot(a)));
        return string.Join("\n", activities.Where(IsBot).Select(Text));
    }
}
