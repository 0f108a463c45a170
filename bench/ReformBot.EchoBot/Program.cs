using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using ReformBot.Host.Bot.State;
using ReformBot.Host.Storage;

// echo --db <file> --urls <url> [--write [--flush]]: answers every message with its text. Every turn loads
// the conversation's state from LiteDB, as the host's turns do; with --write it also changes and saves it,
// with --flush forcing every write to disk (the host's ReformBot:BotState:FlushEveryWrite).
var db = Arg("--db") ?? throw new ArgumentException("--db <file> is required");
var write = args.Contains("--write");
var flush = args.Contains("--flush");

var builder = WebApplication.CreateBuilder(args);
// The host logs a line per turn at most; ASP.NET Core's per-request lines would charge the echo more.
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddHttpClient();
builder.Services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
    sp.GetRequiredService<IConfiguration>(), httpClientFactory: sp.GetRequiredService<IHttpClientFactory>()));
builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => new CloudAdapter(
    sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<CloudAdapter>>()));
builder.Services.AddSingleton(_ => new LiteDbStore(db));
builder.Services.AddSingleton<IStorage>(sp => new LiteDbBotStorage(sp.GetRequiredService<LiteDbStore>(), flush));
builder.Services.AddSingleton<ConversationState>();
builder.Services.AddTransient<IBot>(sp => new EchoBot(sp.GetRequiredService<ConversationState>(), write));

var app = builder.Build();
app.MapGet("/health", () => Results.Ok());
app.MapPost("/api/messages", (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot) => adapter.ProcessAsync(http.Request, http.Response, bot));
app.Run();

string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

internal sealed class EchoBot(ConversationState state, bool write) : ActivityHandler
{
    private readonly IStatePropertyAccessor<EchoState> _echo = state.CreateProperty<EchoState>("echo");

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var echo = await _echo.GetAsync(turnContext, () => new EchoState(), cancellationToken);
        if (write)
        {
            echo.Turns++;
            echo.Last = turnContext.Activity.Text;
            await state.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
        }
        await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text), cancellationToken);
    }
}

internal sealed class EchoState
{
    public int Turns { get; set; }
    public string? Last { get; set; }
}
