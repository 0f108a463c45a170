using Microsoft.Extensions.Configuration;
using ReformBot.Host.Proactive;

namespace ReformBot.Host.Tests.Proactive;

/// <summary>The sender's rules without a channel: Retry-After, backoff and the rate settings.</summary>
public sealed class ProactiveRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Retry_After_in_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), ProactiveSender.RetryAfter(Header("Retry-After", "1"), Now));
        Assert.Equal(TimeSpan.FromSeconds(120), ProactiveSender.RetryAfter(Header("retry-after", "120"), Now));
    }

    [Fact]
    public void Retry_After_as_an_HTTP_date()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), ProactiveSender.RetryAfter(Header("Retry-After", Now.AddSeconds(3).ToString("r")), Now));
        Assert.Equal(TimeSpan.Zero, ProactiveSender.RetryAfter(Header("Retry-After", Now.AddMinutes(-1).ToString("r")), Now));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData("-5")]
    public void An_unusable_Retry_After_is_none(string value) =>
        Assert.Null(ProactiveSender.RetryAfter(Header("Retry-After", value), Now));

    [Fact]
    public void No_Retry_After_is_none()
    {
        Assert.Null(ProactiveSender.RetryAfter(Header("Content-Type", "application/json"), Now));
        Assert.Null(ProactiveSender.RetryAfter(null, Now));
    }

    [Fact]
    public void Backoff_has_full_jitter_under_a_doubling_ceiling_capped_at_MaxDelay()
    {
        var options = new ProactiveOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(60) };
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var ceiling = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt - 1)));
            var delays = Enumerable.Range(0, 500).Select(_ => ProactiveSender.Backoff(options, attempt)).ToList();
            Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, ceiling));
            // Spread over the whole range, not bunched at the ceiling.
            Assert.True(delays.Min() < ceiling * 0.2 && delays.Max() > ceiling * 0.8, $"attempt {attempt}: {delays.Min()}..{delays.Max()}");
        }
        Assert.InRange(ProactiveSender.Backoff(options, 1000), TimeSpan.Zero, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Default_rates_are_20_for_Teams_and_30_elsewhere()
    {
        var options = new ProactiveOptions();

        Assert.Equal(20, options.RateFor("msteams"));
        Assert.Equal(30, options.RateFor("webchat"));
        Assert.Equal(5, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxDelay);
        Assert.Empty(options.Problems());
    }

    [Fact]
    public void Configured_rates_add_to_the_defaults_or_replace_them()
    {
        var options = Bind(new()
        {
            ["ReformBot:Proactive:MessagesPerSecond:directline"] = "12.5",
            ["ReformBot:Proactive:MessagesPerSecond:*"] = "0",
        });

        Assert.Equal(12.5, options.RateFor("directline"));
        Assert.Equal(20, options.RateFor("msteams"));
        Assert.Equal(0, options.RateFor("webchat"));
        Assert.Equal(20, options.RateFor("MSTeams"));
    }

    [Fact]
    public void Without_a_default_entry_unlisted_channels_have_no_limit()
    {
        var options = new ProactiveOptions { MessagesPerSecond = new() { ["msteams"] = 20 } };

        Assert.Equal(0, options.RateFor("webchat"));
    }

    [Fact]
    public void Problems_name_each_bad_setting()
    {
        var options = Bind(new()
        {
            ["ReformBot:Proactive:MaxAttempts"] = "0",
            ["ReformBot:Proactive:BaseDelay"] = "00:00:10",
            ["ReformBot:Proactive:MaxDelay"] = "00:00:01",
            ["ReformBot:Proactive:RequestTimeout"] = "00:00:00",
            ["ReformBot:Proactive:MessagesPerSecond:msteams"] = "-3",
        });

        var problems = options.Problems();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("MaxDelay", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("RequestTimeout", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("MessagesPerSecond:msteams", StringComparison.Ordinal));
    }

    private static Dictionary<string, IEnumerable<string>> Header(string name, string value) => new() { [name] = [value] };

    private static ProactiveOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new ProactiveOptions();
        configuration.GetSection(ProactiveOptions.Section).Bind(options);
        return options;
    }
}
