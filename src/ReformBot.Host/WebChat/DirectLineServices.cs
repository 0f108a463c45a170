using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using ReformBot.Host.Bot;
using ReformBot.Host.Configuration;

namespace ReformBot.Host.WebChat;

/// <summary>The built-in Web Chat channel: its services and routes.</summary>
public static class DirectLineServices
{
    /// <summary>Call after AddReformBot: it wraps the bot's authentication (see <see cref="LocalConnectorAuthentication"/>).</summary>
    public static IServiceCollection AddDirectLineChannel(this IServiceCollection services)
    {
        services.AddSettings<DirectLineOptions>(DirectLineOptions.Section, o => o.Problems());
        // The channel runs its turns through the bot's adapter, the CloudAdapter of every channel.
        services.AddSingleton(sp => (AdapterWithErrorHandler)sp.GetRequiredService<CloudAdapter>());
        services.AddSingleton<LocalConnector>();
        services.AddSingleton<DirectLineStore>();
        services.AddSingleton<StreamTickets>();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<Bot.PlanImports.IHostedUploads>(sp => sp.GetRequiredService<AttachmentStore>());
        services.AddSingleton<DirectLineEndpoints>();
        services.AddSingleton<LocalConnectorEndpoint>();
        services.AddSingleton<WebChatPage>();
        services.AddHostedService<TranscriptPruning>();

        var configured = services.LastOrDefault(d => d.ServiceType == typeof(BotFrameworkAuthentication))
            ?? throw new InvalidOperationException("AddReformBot must come before AddDirectLineChannel.");
        services.Remove(configured);
        services.AddSingleton<BotFrameworkAuthentication>(sp => new LocalConnectorAuthentication(
            (BotFrameworkAuthentication)configured.ImplementationFactory!(sp), sp.GetRequiredService<LocalConnector>(),
            sp.GetRequiredService<IHttpClientFactory>()));
        return services;
    }

    public static void MapDirectLineChannel(this WebApplication app)
    {
        // Behind the office's HTTPS reverse proxy on this machine, the streamUrl and attachment links must
        // name the address the browser used. Only loopback proxies are believed (the middleware's default).
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost });
        app.UseWebSockets();
        app.UseStaticFiles();
        app.MapGet("/", (WebChatPage page) => page.Get());
        var api = app.MapGroup(DirectLineEndpoints.PathBase);
        api.MapPost("/tokens/generate", (HttpContext http, DirectLineEndpoints e) => e.GenerateAsync(http));
        api.MapPost("/tokens/refresh", (HttpContext http, DirectLineEndpoints e) => e.Refresh(http));
        api.MapPost("/conversations", (HttpContext http, DirectLineEndpoints e) => e.Start(http));
        api.MapGet("/conversations/{conversationId}", (HttpContext http, string conversationId, string? watermark, DirectLineEndpoints e) =>
            e.Reconnect(http, conversationId, watermark));
        api.MapGet("/conversations/{conversationId}/activities", (HttpContext http, string conversationId, string? watermark, DirectLineEndpoints e) =>
            e.Activities(http, conversationId, watermark));
        api.MapPost("/conversations/{conversationId}/activities", (HttpContext http, string conversationId, DirectLineEndpoints e) =>
                e.PostAsync(http, conversationId))
            .WithMetadata(new RequestSizeLimitAttribute(DirectLineEndpoints.MaxActivityBytes));
        api.MapPost("/conversations/{conversationId}/upload", (HttpContext http, string conversationId, DirectLineEndpoints e, AttachmentStore files) =>
                e.UploadAsync(http, conversationId, files))
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(20L * 1024 * 1024));
        api.MapGet("/conversations/{conversationId}/stream", (HttpContext http, string conversationId, string? t, string? watermark, DirectLineEndpoints e) =>
            e.StreamAsync(http, conversationId, t, watermark));
        api.MapGet("/attachments/{id}", (string id, AttachmentStore files) => files.Serve(id));

        var connector = app.MapGroup(LocalConnector.PathBase.TrimEnd('/') + "/v3/conversations/{conversationId}/activities");
        connector.MapPost("", (HttpContext http, string conversationId, LocalConnectorEndpoint e) => e.PostAsync(http, conversationId));
        connector.MapPost("/{replyToId}", (HttpContext http, string conversationId, LocalConnectorEndpoint e) => e.PostAsync(http, conversationId));
    }
}
