namespace ReformBot.Host.Contacts;

/// <summary>The "ReformBot:Invites" section: how long an invite code can be redeemed.</summary>
public sealed class InviteOptions
{
    public const string Section = "ReformBot:Invites";

    public const int MaxValidDays = 365;

    /// <summary>Days from creation until an unused invite code expires.</summary>
    public int ValidDays { get; set; } = 7;

    /// <summary>What is wrong with the settings, one line each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems() => ValidDays is >= 1 and <= MaxValidDays
        ? []
        : [$"{Section}:{nameof(ValidDays)} must be 1..{MaxValidDays} days, not {ValidDays}."];

    /// <exception cref="ArgumentException">The setting is out of range; the message names it.</exception>
    public TimeSpan Validity() => Problems() is [var problem, ..] ? throw new ArgumentException(problem, nameof(ValidDays)) : TimeSpan.FromDays(ValidDays);
}
