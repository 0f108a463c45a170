using ReformBot.Core.Periods;

namespace ReformBot.Core.Downloads;

/// <summary>
/// A download link for a ledger (台账): whoever presents its token before it expires gets the ledger
/// of <see cref="Period"/>, limited to <see cref="Departments"/>. Only the token's hash is stored, so the
/// store alone does not give the links away.
/// </summary>
/// <param name="TokenHash">SHA-256 of the token, upper-case hex.</param>
/// <param name="Departments">The lead departments the ledger covers; null for the whole plan (an office member's).</param>
/// <param name="CreatedBy">The contact who asked for it; the link stops working if they lose access.</param>
public sealed record LedgerDownload(
    string TokenHash, Quarter Period, IReadOnlyList<string>? Departments, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Expired from <see cref="ExpiresAt"/> on: the instant itself is too late.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;
}
