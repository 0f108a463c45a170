using System.Net;
using System.Security.Cryptography;
using System.Text;
using ReformBot.Core.Storage;
using ReformBot.Host.Periods;
using ReformBot.Host.Cli;
using ReformBot.Host.Contacts;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Web;

/// <summary>
/// POST /admin/cli: runs a command of the command-line tool inside the host, for a command-line
/// process on this machine. Only loopback callers that present the token from the endpoint file
/// are admitted, so the admin surface is never reachable from the network.
/// </summary>
public static class AdminEndpoint
{
    public static void MapAdminEndpoint(this WebApplication app, string token)
    {
        var expected = Encoding.UTF8.GetBytes(token);
        app.MapPost(AdminProtocol.Path, (HttpContext http, AdminCliRequest request) =>
        {
            if (http.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            var presented = Encoding.UTF8.GetBytes(http.Request.Headers[AdminProtocol.TokenHeader].ToString());
            if (!CryptographicOperations.FixedTimeEquals(presented, expected))
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            if (request.Args is null || !Directory.Exists(request.WorkingDirectory))
                return Results.BadRequest();

            var output = new StringWriter();
            var error = new StringWriter();
            var exitCode = new CliApp(CliContextFor(http.RequestServices, output, error, request.WorkingDirectory)).Run(request.Args);
            return Results.Ok(new AdminCliResponse(exitCode, output.ToString(), error.ToString()));
        });
    }

    /// <summary>A context for running commands of the command-line tool against the host's own services.</summary>
    public static CliContext CliContextFor(IServiceProvider services, TextWriter output, TextWriter error, string workingDirectory) =>
        new(output, error, workingDirectory, services.GetRequiredService<MessageCatalog>(), services.GetRequiredService<IPlanRepository>)
        {
            Contacts = services.GetRequiredService<IContactRepository>,
            Reports = services.GetRequiredService<IReportRepository>,
            Registration = services.GetRequiredService<RegistrationService>,
            Format = services.GetRequiredService<TextFormat>,
            Periods = services.GetRequiredService<ReportingPeriods>,
            PeriodDescription = services.GetRequiredService<PeriodDescription>,
            Digests = services.GetRequiredService<Digests.DigestService>,
            DigestMarkdown = services.GetRequiredService<Digests.DigestMarkdown>,
            Ledger = services.GetRequiredService<Ledger.LedgerService>,
        };
}
