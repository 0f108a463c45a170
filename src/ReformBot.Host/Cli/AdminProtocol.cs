using System.Security.Cryptography;
using System.Text;

namespace ReformBot.Host.Cli;

/// <summary>A command line run by the host for a command-line process (POST /admin/cli).</summary>
public sealed record AdminCliRequest(string[] Args, string WorkingDirectory);

public sealed record AdminCliResponse(int ExitCode, string Output, string Error);

/// <summary>The command-line process's challenge (POST /admin/proof): a fresh random nonce.</summary>
public sealed record AdminProofRequest(string Nonce);

/// <summary>The host's answer: <see cref="AdminProtocol.Proof"/> of the nonce.</summary>
public sealed record AdminProofResponse(string Proof);

/// <summary>
/// Before the tool sends anything, the server at the endpoint file's address proves that it holds the file's
/// token: it answers a fresh nonce with HMAC-SHA256(token, nonce). A stale file whose port another program
/// now uses gets nothing; the token itself never travels before the proof.
/// </summary>
public static class AdminProtocol
{
    public const string Path = "/admin/cli";
    public const string ProofPath = "/admin/proof";
    public const string TokenHeader = "X-ReformBot-Admin-Token";

    /// <summary>How long the tool waits for the proof: a host that does not answer by then is stuck.</summary>
    public static readonly TimeSpan ProofTimeout = TimeSpan.FromSeconds(5);

    public static string Proof(string token, string nonce) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(nonce)));
}
