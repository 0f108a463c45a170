using System.Net.Http.Json;

namespace ReformBot.Host.Cli;

/// <summary>Sends a command line to the running host's admin endpoint.</summary>
public static class AdminClient
{
    /// <summary>The host's answer, or null when no host answers at that address (a stale endpoint file).</summary>
    /// <exception cref="HttpRequestException">The host answered with an error status.</exception>
    public static AdminCliResponse? TryRun(HostEndpointFile endpoint, AdminCliRequest request)
    {
        using var http = new HttpClient { BaseAddress = new Uri(endpoint.Url), Timeout = TimeSpan.FromMinutes(5) };
        using var message = new HttpRequestMessage(HttpMethod.Post, AdminProtocol.Path) { Content = JsonContent.Create(request) };
        message.Headers.Add(AdminProtocol.TokenHeader, endpoint.Token);
        HttpResponseMessage response;
        try
        {
            response = http.Send(message);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return null;
        }
        using (response)
        {
            response.EnsureSuccessStatusCode();
            return response.Content.ReadFromJsonAsync<AdminCliResponse>().GetAwaiter().GetResult();
        }
    }
}
