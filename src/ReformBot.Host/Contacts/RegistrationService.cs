using System.Security.Cryptography;
using ReformBot.Core.Contacts;
using ReformBot.Core.Departments;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Contacts;

/// <summary>The outcome of asking for a department's invite: the invite, or the suggestions for a name that matched no department.</summary>
public sealed record DepartmentInvite(Invite? Invite, IReadOnlyList<Department> Suggestions);

/// <summary>
/// Creates invite codes (random, expiring after <see cref="InviteOptions.ValidDays"/>) and redeems
/// them for chat users. Times are expressed in the reporting time zone, so that stored and printed
/// instants read as local time.
/// </summary>
public sealed class RegistrationService
{
    /// <summary>Codes drawn before giving up on finding an unused one (a clash is already a one-in-10^14 event).</summary>
    private const int MaxDraws = 5;

    private readonly IInviteRepository _invites;
    private readonly IPlanRepository _plans;
    private readonly TimeProvider _time;
    private readonly TimeSpan _validity;
    private readonly Func<string> _newCode;

    /// <exception cref="ArgumentException">The invite settings are out of range.</exception>
    public RegistrationService(IInviteRepository invites, IPlanRepository plans, TimeProvider time, InviteOptions options, TimeZoneInfo zone)
        : this(invites, plans, time, options, zone, NewCode)
    {
    }

    internal RegistrationService(IInviteRepository invites, IPlanRepository plans, TimeProvider time, InviteOptions options, TimeZoneInfo zone, Func<string> newCode)
    {
        _invites = invites;
        _plans = plans;
        _time = time;
        _validity = options.Validity();
        Zone = zone;
        _newCode = newCode;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>A new invite for the department named <paramref name="name"/> (canonical name, full name or alias).</summary>
    /// <param name="createdBy">The office member asking in chat; null on the command line.</param>
    public DepartmentInvite InviteDepartment(string name, string? createdBy = null)
    {
        var directory = new DepartmentDirectory(_plans.Departments());
        var department = directory.Resolve(name);
        return department is null
            ? new DepartmentInvite(null, directory.Suggest(name))
            : new DepartmentInvite(Create(department.Name, createdBy), []);
    }

    /// <summary>A new invite that makes whoever redeems it an office member.</summary>
    /// <param name="createdBy">The office member asking in chat; null on the command line.</param>
    public Invite InviteOfficeMember(string? createdBy = null) => Create(null, createdBy);

    /// <summary>
    /// Redeems what the user typed as a code. A text that cannot be a code is an unknown code.
    /// A user registering for the first time gets a new contact id.
    /// </summary>
    public Redemption Redeem(string typedCode, string name, ConversationAddress address)
    {
        if (!InviteCode.TryNormalize(typedCode, out var code)) return new Redemption(RedemptionResult.UnknownCode, null, null);
        var who = new Registrant(Guid.NewGuid().ToString("N"), name, address);
        // Precise, so that contacts list in the order they registered.
        return _invites.Redeem(code, who, TimeZoneInfo.ConvertTime(_time.GetUtcNow(), Zone));
    }

    private Invite Create(string? department, string? createdBy)
    {
        // To the second: the expiry is printed and read by people.
        var now = TimeZoneInfo.ConvertTime(_time.GetUtcNow(), Zone);
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        for (var draw = 0; draw < MaxDraws; draw++)
        {
            var invite = Invite.Create(_newCode(), department, now, _validity, createdBy);
            // The expiry reads in the zone's offset of its own date, not of today's.
            invite = invite with { ExpiresAt = TimeZoneInfo.ConvertTime(invite.ExpiresAt, Zone) };
            if (_invites.TryAdd(invite)) return invite;
        }
        throw new InvalidOperationException($"No unused invite code after {MaxDraws} draws; is the code generator random?");
    }

    private static string NewCode() => RandomNumberGenerator.GetString(InviteCode.Alphabet, InviteCode.Length);
}
