using ReformBot.Core.Contacts;
using ReformBot.Core.Departments;
using ReformBot.Core.Storage;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Contacts;

/// <summary>Invites for many departments at once: 邀请 科技厅 财政厅 发改委, 邀请 全部未注册, `invite --all-missing`.</summary>
public sealed class InviteBatch(RegistrationService registration, IPlanRepository plans, IContactRepository contacts, MessageCatalog messages, TextFormat format)
{
    /// <summary>The invites made, or the refusal (and then none was made).</summary>
    public sealed record Result(IReadOnlyList<Invite> Invites, string? Refusal);

    /// <summary>Whether <paramref name="argument"/> asks for every lead department without a contact.</summary>
    public bool IsAllMissing(string argument) => argument.Trim() == messages[MessageKeys.Invite.AllMissingWord];

    /// <summary>The lead departments, in the plan's order, that no contact belongs to; generic units (各有关单位) can have none.</summary>
    public IReadOnlyList<string> MissingDepartments()
    {
        var covered = contacts.All().SelectMany(c => c.Departments).ToHashSet(StringComparer.Ordinal);
        return plans.Tasks().SelectMany(t => t.LeadDepartments).Distinct(StringComparer.Ordinal)
            .Where(d => !covered.Contains(d) && !GenericUnits.IsGeneric(d)).ToList();
    }

    /// <summary>One invite per named department; if any name is unknown or a generic unit, none is made.</summary>
    /// <param name="createdBy">The office member asking in chat; null on the command line.</param>
    public Result Create(IReadOnlyList<string> names, string? createdBy = null)
    {
        var directory = new DepartmentDirectory(plans.Departments());
        var unknown = names.Where(n => directory.Resolve(n) is null).ToList();
        if (unknown.Count > 0)
            return new Result([], string.Join("\n", unknown.Select(n => InviteTexts.UnknownDepartment(messages, format, n, directory.Suggest(n).Select(d => d.Name)))));
        var departments = names.Select(n => directory.Resolve(n)!.Name).Distinct(StringComparer.Ordinal).ToList();
        var generic = departments.Where(GenericUnits.IsGeneric).ToList();
        if (generic.Count > 0)
            return new Result([], string.Join("\n", generic.Select(d => messages.Format(MessageKeys.Invite.GenericUnit, d))));
        return new Result(departments.Select(d => registration.InviteDepartment(d, createdBy).Invite!).ToList(), null);
    }

    /// <summary>All missing departments; a plain answer when there is none.</summary>
    public Result CreateAllMissing(string? createdBy = null) =>
        MissingDepartments() is { Count: > 0 } missing ? Create(missing, createdBy) : new Result([], messages[MessageKeys.Invite.NoneMissing]);

    /// <summary>The list the office hands out: one line per department.</summary>
    public string Text(IReadOnlyList<Invite> invites) =>
        invites.Count == 1
            ? InviteTexts.Created(messages, format, invites[0])
            : messages.Format(MessageKeys.Invite.BatchHeader, invites.Count, format.LocalTime(invites.Min(i => i.ExpiresAt)))
              + string.Concat(invites.Select(i => "\n" + messages.Format(MessageKeys.Invite.BatchLine, i.Department, InviteCode.Display(i.Code))));
}
