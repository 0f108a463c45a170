using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Storage;
using ReformBot.Host.Seeding;
using ReformBot.Host.Tests.PlanFiles;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>
/// 导入 in chat: the office attaches a plan file (served, as channels serve attachments, from a loopback address),
/// reads a short preview, and only 确认导入 writes.
/// </summary>
public sealed class PlanImportChatTests : BotTest
{
    private static readonly byte[] SmallPlan = PlanFileWriters.Docx(
    [
        PlanFileWriters.Header,
        ["1", "建立科技成果转化激励机制", "科技厅、财政厅", "2027年6月底前"],
        ["2", "完善科研项目经费管理", "财政厅", "持续推进"],
        ["3", "设立区域创新示范区", "某某示范区筹备办", "适时推进"],
    ]);

    private WebApplication _files = null!;
    private string _base = "";
    private readonly ConcurrentDictionary<string, byte[]> _served = new();
    private int _hits;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _files = builder.Build();
        _files.MapGet("/files/{name}", (string name) =>
        {
            Interlocked.Increment(ref _hits);
            return _served.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound();
        });
        await _files.StartAsync();
        _base = _files.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
    }

    public override async Task DisposeAsync()
    {
        await _files.StopAsync();
        await _files.DisposeAsync();
        await base.DisposeAsync();
    }

    private Activity WithFile(string text, string name, byte[] bytes)
    {
        _served[name] = bytes;
        return WithUrl(text, name, $"{_base}/files/{name}");
    }

    private static Activity WithUrl(string text, string name, string url) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Attachments = [new Attachment { Name = name, ContentType = "application/octet-stream", ContentUrl = url }],
    };

    private IReadOnlyList<int> StoredNumbers() => Bot.Get<IPlanRepository>().Tasks().Select(t => t.Number).ToList();

    [Fact]
    public async Task The_office_imports_a_docx_after_a_short_preview()
    {
        Bot.AddOfficeMember("office");
        var before = StoredNumbers();
        Assert.True(before.Count > 3);

        await Bot.Conversation("office")
            .Send(WithFile("导入", "计划.docx", SmallPlan))
            .AssertReply(reply =>
            {
                var message = (IMessageActivity)reply;
                // Removing most of the plan is said first and plainly, before the counts.
                var lines = message.Text.Split('\n');
                Assert.Equal($"⚠ 导入后将删除现有 {before.Count} 项任务中的 {before.Count - 3} 项。这些任务的汇报仍保存在系统中，但不再显示在计划下。", lines[0]);
                Assert.StartsWith("⚠ 要删除的任务超过现有任务的一半", lines[1]);
                Assert.StartsWith("计划.docx：共 3 项任务", lines[2]);
                Assert.Contains($"删除 {before.Count - 3} 项", message.Text);
                Assert.Contains("新部门 1 个：某某示范区筹备办", message.Text);
                Assert.Contains("需要核对 1 处", message.Text);
                // Short enough for a phone: a summary, not the task list.
                Assert.True(message.Text.Split('\n').Length <= 8, message.Text);
                Assert.Equal(["确认导入", "取消"], message.SuggestedActions.Actions.Select(a => a.Value as string));
            })
            .StartTestAsync();
        Assert.Equal(before, StoredNumbers());

        await Bot.Conversation("office").Send("确认导入").Says("已导入：共 3 项任务").StartTestAsync();
        Assert.Equal([1, 2, 3], StoredNumbers());
        Assert.Equal("完善科研项目经费管理", Bot.Get<IPlanRepository>().FindTask(2)!.Text);

        // The confirmation is used up.
        await Bot.Conversation("office").Send("确认导入").Says("没有等待确认的导入").StartTestAsync();
    }

    [Fact]
    public async Task The_warnings_of_a_plan_numbered_in_Chinese_name_the_task_as_第二项()
    {
        Bot.AddOfficeMember("office");
        var chinese = PlanFileWriters.Docx(
        [
            PlanFileWriters.Header,
            ["（一）", "建立科技成果转化激励机制", "科技厅", "持续推进"],
            ["（二）", "完善科研项目经费管理", "财政厅", "秋季启动"],
        ]);

        await Bot.Conversation("office")
            .Send(WithFile("导入", "chinese.docx", chinese))
            .AssertReply(reply => Assert.Contains("\n第二项 ⚠ 进度中的“秋季”没有读懂", ((IMessageActivity)reply).Text))
            .Send("取消").Says("已取消导入")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_file_sent_alone_is_previewed_and_cancel_stores_nothing()
    {
        Bot.AddOfficeMember("office");
        var before = StoredNumbers();

        await Bot.Conversation("office")
            .Send(WithFile("", "plan.docx", SmallPlan)).Says("plan.docx：共 3 项任务")
            .Send("取消").Says("已取消导入，数据未作任何改动")
            .Send("确认导入").Says("没有等待确认的导入")
            .StartTestAsync();
        Assert.Equal(before, StoredNumbers());
    }

    [Fact]
    public async Task A_plan_changed_after_the_preview_is_previewed_again_not_written()
    {
        Bot.AddOfficeMember("office");
        await Bot.Conversation("office").Send(WithFile("导入", "plan.docx", SmallPlan)).Says("删除").StartTestAsync();
        // Meanwhile someone imports another plan on the command line.
        new PlanImporter(Bot.Get<IPlanRepository>()).Import(TestFiles.Plan(["1", "任务一", "科技厅", "持续推进"]), dryRun: false);

        await Bot.Conversation("office")
            .Send("确认导入").Says("预览之后计划或部门已有变动，没有写入")
            .AssertReply(reply => Assert.StartsWith("plan.docx：共 3 项任务，新增 2 项，变更 1 项，删除 0 项", ((IMessageActivity)reply).Text))
            .StartTestAsync();
        Assert.Equal([1], StoredNumbers());
        await Bot.Conversation("office").Send("确认导入").Says("已导入：共 3 项任务").StartTestAsync();
        Assert.Equal([1, 2, 3], StoredNumbers());
    }

    [Fact]
    public async Task An_office_member_removed_after_the_preview_confirms_nothing()
    {
        var office = Bot.AddOfficeMember("office");
        var before = StoredNumbers();
        await Bot.Conversation("office").Send(WithFile("导入", "plan.docx", SmallPlan)).Says("plan.docx：共 3 项任务").StartTestAsync();
        Bot.Get<IContactRepository>().Save(office with { IsOffice = false });

        await Bot.Conversation("office").Send("确认导入").AssertReply(reply => Assert.DoesNotContain("已导入", ((IMessageActivity)reply).Text)).StartTestAsync();
        Assert.Equal(before, StoredNumbers());
    }

    [Fact]
    public async Task Of_several_files_the_first_is_read_and_the_answer_says_so()
    {
        Bot.AddOfficeMember("office");
        var message = WithFile("", "计划.docx", SmallPlan);
        _served["附件二.xlsx"] = [1, 2, 3];
        message.Attachments.Add(new Attachment { Name = "附件二.xlsx", ContentType = "application/octet-stream", ContentUrl = $"{_base}/files/附件二.xlsx" });

        await Bot.Conversation("office")
            .Send(message).Says("收到 2 个文件，一次只导入一个计划，下面只读取第一个：计划.docx").Says("计划.docx：共 3 项任务")
            .StartTestAsync();
        Assert.Equal(1, _hits);
    }

    [Fact]
    public async Task An_office_member_in_the_middle_of_a_report_is_told_to_pause_it_before_importing()
    {
        var office = Bot.AddOfficeMember("office");
        Bot.Get<IContactRepository>().Save(office with { Departments = ["科技厅"] });
        var before = StoredNumbers();

        await Bot.Conversation("office")
            .Send("汇报 1").Says("第 1 项")
            .Send(WithFile("", "plan.docx", SmallPlan)).Says("正在填写汇报：这条带文件的消息没有被采用，草稿未作改动。要导入计划，请先回复“稍后”暂停汇报").Says("请选择本季度进展状态")
            .Send("稍后").Says("汇报")
            .Send(WithFile("", "plan.docx", SmallPlan)).Says("plan.docx：共 3 项任务")
            .Send("取消").Says("已取消导入")
            .StartTestAsync();
        Assert.Equal(1, _hits);
        Assert.Equal(before, StoredNumbers());
    }

    [Fact]
    public async Task A_contacts_file_is_refused_unread()
    {
        Bot.AddContact("li", "科技厅");
        var before = StoredNumbers();

        await Bot.Conversation("li")
            .Send(WithFile("", "plan.docx", SmallPlan)).Says("导入计划仅限协调办公室，文件没有被读取")
            .Send(WithFile("导入", "plan.docx", SmallPlan)).Says("仅限协调办公室使用")
            .StartTestAsync();
        Assert.Equal(0, _hits);
        Assert.Equal(before, StoredNumbers());
    }

    [Fact]
    public async Task A_bad_file_gets_the_clerks_error_and_changes_nothing()
    {
        Bot.AddOfficeMember("office");
        var before = StoredNumbers();
        var noTable = PlanFileWriters.Docx([PlanFileWriters.Header], withTable: false);

        await Bot.Conversation("office")
            .Send(WithFile("导入", "图片.docx", [0x89, 0x50, 0x4E, 0x47, 1, 2, 3])).Says("导入失败，数据未作任何改动。", "图片.docx：")
            .Send(WithFile("导入", "空表.docx", noTable)).Says("导入失败，数据未作任何改动。", "空表.docx")
            .Send("确认导入").Says("没有等待确认的导入")
            .Send("导入").Says("请把计划文件")
            .StartTestAsync();
        Assert.Equal(before, StoredNumbers());
    }

    [Fact]
    public async Task An_attachment_address_outside_the_policy_is_not_fetched()
    {
        Bot.AddOfficeMember("office");
        var before = StoredNumbers();

        await Bot.Conversation("office")
            // Outside loopback, and an https address the host has no reason to trust without an app id.
            .Send(WithUrl("导入", "plan.docx", "http://192.0.2.10/files/plan.docx")).Says("地址不在允许的范围内，没有下载")
            .Send(WithUrl("", "plan.docx", "https://files.example.org/plan.docx")).Says("地址不在允许的范围内，没有下载")
            .Send(WithUrl("导入", "plan.docx", "file:///etc/passwd")).Says("地址不在允许的范围内，没有下载")
            .StartTestAsync();
        Assert.Equal(before, StoredNumbers());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        Bot.AddOfficeMember("office");
        var before = StoredNumbers();

        await Bot.Conversation("office")
            .Send(WithFile("导入", "big.docx", new byte[ReformBot.Host.Bot.PlanImports.PlanAttachment.MaxBytes + 1])).Says("导入失败，数据未作任何改动。", "文件超过 20 MB")
            .StartTestAsync();
        Assert.Equal(before, StoredNumbers());
    }

    [Fact]
    public async Task In_a_group_导入_is_refused()
    {
        Bot.AddOfficeMember("office");
        var message = BotHarness.Mentioning("导入");
        message.Attachments = [new Attachment { Name = "plan.docx", ContentUrl = $"{_base}/files/plan.docx" }];
        _served["plan.docx"] = SmallPlan;

        var alone = BotHarness.Mentioning("");
        alone.Attachments = message.Attachments;

        // Its own reason, not the one of a department's data.
        await Bot.Conversation("office", "group-1", isGroup: true)
            .Send(message).Says("导入计划会改变所有部门的任务，不在群聊中进行。请在与机器人的一对一对话中发送计划文件。")
            .Send(alone).Says("导入计划会改变所有部门的任务，不在群聊中进行")
            .StartTestAsync();
        Assert.Equal(0, _hits);
    }

    [Fact]
    public async Task The_offices_file_alone_is_read_whatever_its_name_and_a_picture_gets_the_formats()
    {
        Bot.AddOfficeMember("office");
        var before = StoredNumbers();
        byte[] doc = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. System.Text.Encoding.Unicode.GetBytes("WordDocument"), 0, 0];

        await Bot.Conversation("office")
            .Send(WithFile("", "截图.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0])).Says("截图.png：无法识别这个文件的格式。可以导入的格式")
            .Send(WithFile("", "计划.doc", doc)).Says("计划.doc：这是旧版 Word（.doc）或 WPS 格式的文件", "另存为”Word 文档（.docx）")
            .Send(WithFile("", "空.docx", [])).Says("空.docx：文件是空的。")
            // A plan file whose name says nothing is still a plan.
            .Send(WithFile("", "下载文件", SmallPlan)).Says("下载文件：共 3 项任务")
            .Send("取消").Says("已取消导入")
            .StartTestAsync();
        Assert.Equal(before, StoredNumbers());
    }
}
