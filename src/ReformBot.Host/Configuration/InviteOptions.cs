namespace ReformBot.Host.Configuration;

/// <summary>The "ReformBot:Invites" section: how long an invite code can be redeemed.</summary>
public sealed class InviteOptions
{
    public const int MaxValidDays = 365;

    /// <summary>Days from creation until an unused invite code expires.</summary>
    public int ValidDays { get; set; } = 7;

    /// <summary>The validity as a span; throws <see cref="ArgumentException"/> naming the setting when it is out of range.</summary>
    public TimeSpan Validity() => ValidDays is >= 1 and <= MaxValidDays
        ? TimeSpan.FromDays(ValidDays)
        : throw new ArgumentException(
            $"{ReformBotOptions.Section}:Invites:{nameof(ValidDays)} must be 1..{MaxValidDays} days, not {ValidDays}.", nameof(ValidDays));
}
