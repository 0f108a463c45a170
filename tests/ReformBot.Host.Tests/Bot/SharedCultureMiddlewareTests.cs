using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using ReformBot.Host.Bot;

namespace ReformBot.Host.Tests.Bot;

public sealed class SharedCultureMiddlewareTests
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task A_turn_runs_in_the_shared_instance_of_the_culture_of_its_locale(string locale)
    {
        var cultures = new List<CultureInfo>();
        var adapter = new TestAdapter(TestAdapter.CreateConversation("culture")) { Locale = locale }.Use(new SharedCultureMiddleware());

        for (var turn = 0; turn < 2; turn++)
            await adapter.ProcessActivityAsync(adapter.MakeActivity("1"), (context, _) =>
            {
                cultures.Add(CultureInfo.CurrentCulture);
                return Task.CompletedTask;
            });

        Assert.All(cultures, culture => Assert.Same(CultureInfo.GetCultureInfo(locale), culture));
    }

    [Fact]
    public async Task Without_it_the_adapter_makes_a_new_culture_for_every_turn()
    {
        // The reason for the middleware: if the SDK stops doing this, it can go.
        var cultures = new List<CultureInfo>();
        var adapter = new TestAdapter(TestAdapter.CreateConversation("culture")) { Locale = "zh-CN" };

        for (var turn = 0; turn < 2; turn++)
            await adapter.ProcessActivityAsync(adapter.MakeActivity("1"), (context, _) =>
            {
                cultures.Add(CultureInfo.CurrentCulture);
                return Task.CompletedTask;
            });

        Assert.Equal("zh-CN", cultures[0].Name);
        Assert.NotSame(cultures[0], cultures[1]);
    }
}
