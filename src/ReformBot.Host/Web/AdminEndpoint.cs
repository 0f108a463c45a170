using System.Security.Cryptography;
using System.Text;
using ReformBot.Host.Cli;
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
        // The host proves it holds the token before a command-line process sends anything (see AdminProtocol).
        app.MapPost(AdminProtocol.ProofPath, (HttpContext http, AdminProofRequest request) =>
            !Loopback.Contains(http.Connection.RemoteIpAddress) ? Results.StatusCode(StatusCodes.Status403Forbidden)
            : string.IsNullOrEmpty(request.Nonce) || request.Nonce.Length > 256 ? Results.BadRequest()
            : Results.Ok(new AdminProofResponse(AdminProtocol.Proof(token, request.Nonce))));
        app.MapPost(AdminProtocol.Path, (HttpContext http, AdminCliRequest request, MessageCatalog messages) =>
        {
            if (!Loopback.IsLocalCaller(http))
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            var presented = Encoding.UTF8.GetBytes(http.Request.Headers[AdminProtocol.TokenHeader].ToString());
            if (!CryptographicOperations.FixedTimeEquals(presented, expected))
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            if (request.Args is null || !Directory.Exists(request.WorkingDirectory))
                return Results.BadRequest();

            var output = new StringWriter();
            var error = new StringWriter();
            var exitCode = CliApp.Parse(request.Args, messages).Invoke(new CliContext(output, error, request.WorkingDirectory, http.RequestServices, inHost: true));
            return Results.Ok(new AdminCliResponse(exitCode, output.ToString(), error.ToString()));
        });
    }
}
