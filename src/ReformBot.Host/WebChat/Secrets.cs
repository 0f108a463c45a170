using System.Security.Cryptography;
using System.Text;

namespace ReformBot.Host.WebChat;

/// <summary>Random credentials (tokens, cookies) and the hashes they are stored by.</summary>
internal static class Secrets
{
    /// <summary>32 random bytes, URL-safe: fits in a path, a query and a cookie without escaping.</summary>
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A short random id (conversations, users): unguessable, but not a credential.</summary>
    public static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(12));

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
