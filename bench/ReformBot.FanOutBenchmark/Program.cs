using System.Diagnostics;
using System.Globalization;
using ReformBot.Core.Contacts;
using ReformBot.FanOutBenchmark;
using ReformBot.Host.Messages;
using ReformBot.Host.Proactive;
using ReformBot.Host.Web;

// Fan-out benchmark: see README.md. Everything runs in this process and talks over loopback only.
var settings = BenchSettings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine(BenchSettings.Usage);
    return 2;
}

var workDir = Path.Combine(Path.GetTempPath(), "reformbot-fanout-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(workDir);
try
{
    await using var channel = await LoopbackChannel.StartAsync();
    var app = ReformBotWebHost.Build(["--db", Path.Combine(workDir, "reformbot.db"), "--urls", "http://127.0.0.1:0"],
        MessageCatalog.Load(MessageCatalog.DefaultPath),
        configure: builder =>
        {
            // The SDK logs every proactive turn at Information; a console line per message would measure the console.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                // The product target is for the sender with the rate limit off.
                [$"{ProactiveOptions.Section}:MessagesPerSecond:{ProactiveOptions.AnyChannel}"] = settings.RateLimit.ToString(CultureInfo.InvariantCulture),
                [$"{ProactiveOptions.Section}:MessagesPerSecond:{LoopbackChannel.ChannelId}"] = settings.RateLimit.ToString(CultureInfo.InvariantCulture),
            });
        });
    await using (app)
    {
        await app.StartAsync();
        var sender = app.Services.GetRequiredService<IProactiveSender>();

        Console.WriteLine($"Fan-out of {settings.Messages:N0} messages to {settings.Messages:N0} conversations, concurrency {settings.Concurrency}, " +
            $"rate limit {(settings.RateLimit == 0 ? "off" : settings.RateLimit + "/s")}, {Environment.ProcessorCount} cores");

        if (settings.Warmup > 0)
        {
            var warm = await FanOut.RunAsync(sender, channel, "warmup", settings.Warmup, settings.Concurrency);
            Console.WriteLine($"warm-up:  {warm.Format()}");
        }
        channel.Reset();
        var result = await FanOut.RunAsync(sender, channel, "c", settings.Messages, settings.Concurrency);
        Console.WriteLine($"measured: {result.Format()}");
        if (channel.Received != settings.Messages || result.Delivered != settings.Messages)
        {
            Console.Error.WriteLine($"Expected {settings.Messages} deliveries; the channel received {channel.Received}, the sender delivered {result.Delivered}.");
            return 1;
        }
        if (settings.Target > 0 && result.MessagesPerSecond < settings.Target)
        {
            Console.Error.WriteLine($"Below the target of {settings.Target} messages a second.");
            return 1;
        }
        await app.StopAsync();
    }
    return 0;
}
finally
{
    try { Directory.Delete(workDir, recursive: true); }
    catch (IOException) { /* best effort */ }
}

namespace ReformBot.FanOutBenchmark
{
    internal sealed record BenchSettings(int Messages, int Concurrency, int Warmup, double RateLimit, double Target)
    {
        public const string Usage =
            "usage: ReformBot.FanOutBenchmark [--messages N (10000)] [--concurrency N (16)] [--warmup N (500)] [--rate N/s (0 = off)] [--target N/s (500; 0 = no check)]";

        public static BenchSettings? Parse(string[] args)
        {
            var settings = new BenchSettings(10_000, 16, 500, 0, 500);
            for (var i = 0; i < args.Length; i++)
            {
                if (i + 1 >= args.Length || !double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) || value < 0) return null;
                settings = args[i] switch
                {
                    "--messages" when value >= 1 => settings with { Messages = (int)value },
                    "--concurrency" when value >= 1 => settings with { Concurrency = (int)value },
                    "--warmup" => settings with { Warmup = (int)value },
                    "--rate" => settings with { RateLimit = value },
                    "--target" => settings with { Target = value },
                    _ => null,
                };
                if (settings is null) return null;
                i++;
            }
            return settings;
        }
    }

    internal sealed record FanOutResult(int Messages, int Delivered, TimeSpan Elapsed, TimeSpan P50, TimeSpan P99, TimeSpan Max, int Retried)
    {
        public double MessagesPerSecond => Messages / Elapsed.TotalSeconds;

        public string Format() => string.Create(CultureInfo.InvariantCulture,
            $"{Messages} messages in {Elapsed.TotalSeconds:0.00} s = {MessagesPerSecond:0} messages/s; latency p50 {P50.TotalMilliseconds:0.0} ms, " +
            $"p99 {P99.TotalMilliseconds:0.0} ms, max {Max.TotalMilliseconds:0.0} ms; delivered {Delivered}, retried {Retried}");
    }

    internal static class FanOut
    {
        /// <summary>Sends one message to each of <paramref name="messages"/> conversations, <paramref name="concurrency"/> at a time.</summary>
        public static async Task<FanOutResult> RunAsync(IProactiveSender sender, LoopbackChannel channel, string prefix, int messages, int concurrency)
        {
            var latencies = new TimeSpan[messages];
            var deliveries = new Delivery[messages];
            var next = -1;
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < messages)
                {
                    var address = new ConversationAddress(LoopbackChannel.ChannelId, channel.ServiceUrl, $"{prefix}-{i}", $"user-{i}", null, "reformbot");
                    var started = Stopwatch.GetTimestamp();
                    deliveries[i] = await sender.SendAsync(address, "请在1月10日前汇报本季度任务进展。", CancellationToken.None);
                    latencies[i] = Stopwatch.GetElapsedTime(started);
                }
            })).ToList();
            await Task.WhenAll(workers);
            var elapsed = clock.Elapsed;
            Array.Sort(latencies);
            return new FanOutResult(messages, deliveries.Count(d => d.IsDelivered), elapsed,
                Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1], deliveries.Count(d => d.Attempts > 1));
        }

        private static TimeSpan Percentile(TimeSpan[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
