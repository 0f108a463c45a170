using ReformBot.Core.Contacts;
using ReformBot.Core.Departments;
using ReformBot.Core.Storage;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Contacts;

/// <summary>
/// 移除联络员 and `contacts remove`: takes a contact out of one department, or removes them. What they
/// may do follows from their departments, so their download links stop working and reminders stop
/// at once. A contact left without any department or office membership is removed, and their Web Chat
/// browsers are signed out. 注销网页 and `contacts signout-web` sign out the browsers only.
/// </summary>
public sealed class ContactRemoval(IContactRepository contacts, IPlanRepository plans, IWebSessions web, TextFormat format, MessageCatalog messages)
{
    /// <summary>What came of it, as the office reads it; <paramref name="Changed"/> whether anything changed.</summary>
    public sealed record Outcome(bool Changed, string Text, Contact? Contact, string? Department, bool RemovedEntirely);

    /// <param name="who">A name, or the start of an id (the 编号 of the listing).</param>
    /// <param name="departmentName">Only this department; null removes the contact.</param>
    /// <param name="requesterId">The office member asking, who cannot remove themselves; null on the command line.</param>
    public Outcome Remove(string who, string? departmentName, string? requesterId)
    {
        who = who.Trim();
        if (who.Length == 0) return Refused(messages[MessageKeys.Contacts.RemoveUsage]);
        string? department = null;
        if (departmentName is { Length: > 0 })
        {
            var directory = new DepartmentDirectory(plans.Departments());
            if (directory.Resolve(departmentName) is not { } found)
                return Refused(InviteTexts.UnknownDepartment(messages, format, departmentName, directory.Suggest(departmentName).Select(d => d.Name)));
            department = found.Name;
        }

        if (Find(who, department, out var refusal) is not { } contact) return Refused(refusal);
        if (contact.Id == requesterId) return Refused(messages[MessageKeys.Contacts.RemoveSelf]);
        if (department is not null && !contact.ReportsFor(department))
            return Refused(messages.Format(MessageKeys.Contacts.RemoveNotInDepartment, format.ContactName(contact), department, Departments(contact)));

        var remaining = department is null ? [] : contact.Departments.Where(d => d != department).ToList();
        if (remaining.Count == 0 && (department is null || !contact.IsOffice))
        {
            contacts.Remove(contact.Id);
            var text = messages.Format(MessageKeys.Contacts.Removed, format.ContactName(contact), contact.ShortId);
            if (web.SignOut(contact.Address.UserId) > 0) text += "\n" + messages.Format(MessageKeys.Contacts.WebEnded, format.ContactName(contact));
            return new Outcome(true, text, contact, department, RemovedEntirely: true);
        }
        var after = contacts.Update(contact.Id, c => c with { Departments = c.Departments.Where(d => d != department).ToList() }) ?? contact;
        return new Outcome(true, messages.Format(MessageKeys.Contacts.RemovedFromDepartment, format.ContactName(after), department, Departments(after)), after, department, RemovedEntirely: false);
    }

    /// <summary>Signs out the contact's Web Chat browsers; the contact stays.</summary>
    /// <param name="who">A name, or the start of an id (the 编号 of the listing).</param>
    public Outcome SignOutWeb(string who)
    {
        who = who.Trim();
        if (who.Length == 0) return Refused(messages[MessageKeys.Contacts.WebSignOutUsage]);
        if (Find(who, null, out var refusal) is not { } contact) return Refused(refusal);
        return web.SignOut(contact.Address.UserId) > 0
            ? new Outcome(true, messages.Format(MessageKeys.Contacts.WebSignOutDone, format.ContactName(contact), contact.ShortId), contact, null, false)
            : Refused(messages.Format(MessageKeys.Contacts.WebSignOutNone, format.ContactName(contact), contact.ShortId));
    }

    /// <summary>The one contact that <paramref name="who"/> names, or null with the reason in the out parameter.</summary>
    private Contact? Find(string who, string? department, out string refusal)
    {
        refusal = "";
        var all = contacts.All().OrderBy(c => c.RegisteredAt).ToList();
        var byName = all.Where(c => c.Name == who).ToList();
        var matches = byName.Count > 0 ? byName : all.Where(c => c.Id.StartsWith(who, StringComparison.OrdinalIgnoreCase)).ToList();
        // Two people of one name: the department may tell them apart.
        if (matches.Count > 1 && department is not null && matches.Where(c => c.ReportsFor(department)).ToList() is { Count: 1 } inDepartment)
            matches = inDepartment;
        if (matches.Count == 0) refusal = messages.Format(MessageKeys.Contacts.RemoveNotFound, who);
        else if (matches.Count > 1)
            refusal = messages.Format(MessageKeys.Contacts.RemoveAmbiguous, matches.Count, who, string.Join("\n", matches.Select(c =>
                messages.Format(MessageKeys.Contacts.RemoveCandidate, format.ContactName(c), c.ShortId, Departments(c)))));
        if (matches.Count != 1) return null;
        return matches[0];
    }

    private string Departments(Contact contact) =>
        contact.Departments.Count > 0 ? format.List(contact.Departments) : contact.IsOffice ? messages[MessageKeys.Contacts.RemoveOffice] : messages[MessageKeys.Cli.None];

    private static Outcome Refused(string text) => new(false, text, null, null, false);
}
