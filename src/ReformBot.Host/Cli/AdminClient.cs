using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;

namespace ReformBot.Host.Cli;

/// <summary>Sends a command line to the running host's admin endpoint, once the host has proved it holds the token.</summary>
public static class AdminClient
{
    /// <summary>The host's answer, or null when no host answers at that address (a stale endpoint file).</summary>
    /// <exception cref="HttpRequestException">The host answered with an error status.</exception>
    /// <exception cref="TimeoutException">Something accepts connections at the address but does not answer the proof in time.</exception>
    /// <exception cref="AdminProofException">The server at the address does not hold the token; nothing was sent.</exception>
    public static AdminCliResponse? TryRun(HostEndpointFile endpoint, AdminCliRequest request)
    {
        // A command (an export of the whole plan) may take long; the proof before it may not.
        using var http = new HttpClient { BaseAddress = new Uri(endpoint.Url), Timeout = TimeSpan.FromMinutes(5) };
        try
        {
            Prove(http, endpoint.Token);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return null;
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, AdminProtocol.Path) { Content = JsonContent.Create(request) };
        message.Headers.Add(AdminProtocol.TokenHeader, endpoint.Token);
        using var response = http.Send(message);
        response.EnsureSuccessStatusCode();
        return response.Content.ReadFromJsonAsync<AdminCliResponse>().GetAwaiter().GetResult();
    }

    private static void Prove(HttpClient http, string token)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        using var timeout = new CancellationTokenSource(AdminProtocol.ProofTimeout);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, AdminProtocol.ProofPath) { Content = JsonContent.Create(new AdminProofRequest(nonce)) };
            using var response = http.Send(message, timeout.Token);
            if (!response.IsSuccessStatusCode) throw new AdminProofException($"HTTP {(int)response.StatusCode}");
            var proof = response.Content.ReadFromJsonAsync<AdminProofResponse>(timeout.Token).GetAwaiter().GetResult()?.Proof ?? "";
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(proof), Encoding.ASCII.GetBytes(AdminProtocol.Proof(token, nonce))))
                throw new AdminProofException("wrong proof");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer in {AdminProtocol.ProofTimeout.TotalSeconds} s.");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new AdminProofException(e.Message);
        }
    }
}

/// <summary>The server at the endpoint file's address could not prove that it holds the token.</summary>
public sealed class AdminProofException(string reason) : Exception(reason);
