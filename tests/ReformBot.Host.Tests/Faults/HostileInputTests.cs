using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;
using ReformBot.Host.Contacts;
using ReformBot.Host.Tests.Bot.Http;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Faults;

/// <summary>
/// Fault scenario: hostile text over real HTTP. Names people choose reach the office's 联络员 listing
/// cleaned and escaped; ids with line breaks (log forging) are refused at the door.
/// </summary>
public sealed class HostileInputTests : IClassFixture<SharedHost>
{
    private readonly RunningHost _host;

    public HostileInputTests(SharedHost shared) => _host = shared.Host;

    [Fact]
    public async Task A_name_with_Markdown_and_control_characters_is_stored_clean_and_listed_escaped()
    {
        var code = InviteCode.Display(_host.Services.GetRequiredService<RegistrationService>().InviteDepartment("科技厅").Invite!.Code);
        var register = BotHttp.Message("c-hostile", "注册 " + code + "\0", userId: "u-hostile");
        register["from"] = new { id = "u-hostile", name = "**王伟**\u202E\0\u001b[2J" + LoneSurrogate };
        // Written by hand: a JSON serializer would replace the lone surrogate with U+FFFD, a channel need not.
        var json = System.Text.Json.JsonSerializer.Serialize(register).Replace(LoneSurrogate, @"\ud800");
        using (var response = await _host.Http.PostRawAsync(json)) Assert.Contains("注册成功", string.Join("\n", await response.ReplyTextsAsync()));

        var stored = _host.Services.GetRequiredService<IContactRepository>().FindByUser(BotHttp.ChannelId, "u-hostile")!;
        Assert.Equal("**王伟**[2J", stored.Name);

        _host.Services.GetRequiredService<IContactRepository>().Save(new Contact("office-hostile", "办公室", [], true,
            new ConversationAddress(BotHttp.ChannelId, BotHttp.UnusedServiceUrl, "c-office-hostile", "u-office-hostile", null, "reformbot"), DateTimeOffset.UtcNow));
        using var asOffice = await _host.Http.PostAsync(BotHttp.Message("c-office-hostile", "联络员", userId: "u-office-hostile"));
        var text = string.Join("\n", await asOffice.ReplyTextsAsync());
        Assert.Contains(@"\*\*王伟\*\*\[2J", text);
        Assert.DoesNotContain('\u202E', text);
        Assert.DoesNotContain('\0', text);
    }

    private const string LoneSurrogate = "LONE-SURROGATE";

    [Theory]
    [InlineData("conversation")]
    [InlineData("from")]
    [InlineData("recipient")]
    public async Task An_id_with_a_line_break_is_refused_with_400(string field)
    {
        var activity = BotHttp.Message("c-ids", "帮助");
        activity[field] = new { id = "x\nINFO: forged log line" };

        using var response = await _host.Http.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
