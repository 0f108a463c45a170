using ReformBot.Core.Contacts;
using ReformBot.Core.Departments;
using ReformBot.Core.Storage;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Contacts;

/// <summary>
/// 移除联络员 and `contacts remove`: takes a contact out of one department, or removes them. What they
/// may do follows from their departments, so their download links stop working and reminders stop
/// at once. A contact left without any department or office membership is removed.
/// </summary>
public sealed class ContactRemoval(IContactRepository contacts, IPlanRepository plans, TextFormat format, MessageCatalog messages)
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

        var all = contacts.All().OrderBy(c => c.RegisteredAt).ToList();
        var byName = all.Where(c => c.Name == who).ToList();
        var matches = byName.Count > 0 ? byName : all.Where(c => c.Id.StartsWith(who, StringComparison.OrdinalIgnoreCase)).ToList();
        // Two people of one name: the department may tell them apart.
        if (matches.Count > 1 && department is not null && matches.Where(c => c.ReportsFor(department)).ToList() is { Count: 1 } inDepartment)
            matches = inDepartment;
        if (matches.Count == 0) return Refused(messages.Format(MessageKeys.Contacts.RemoveNotFound, who));
        if (matches.Count > 1)
            return Refused(messages.Format(MessageKeys.Contacts.RemoveAmbiguous, matches.Count, who, string.Join("\n", matches.Select(c =>
                messages.Format(MessageKeys.Contacts.RemoveCandidate, format.ContactName(c), c.ShortId, Departments(c))))));

        var contact = matches[0];
        if (contact.Id == requesterId) return Refused(messages[MessageKeys.Contacts.RemoveSelf]);
        if (department is not null && !contact.ReportsFor(department))
            return Refused(messages.Format(MessageKeys.Contacts.RemoveNotInDepartment, format.ContactName(contact), department, Departments(contact)));

        var remaining = department is null ? [] : contact.Departments.Where(d => d != department).ToList();
        if (remaining.Count == 0 && (department is null || !contact.IsOffice))
        {
            contacts.Remove(contact.Id);
            return new Outcome(true, messages.Format(MessageKeys.Contacts.Removed, format.ContactName(contact), contact.ShortId), contact, department, RemovedEntirely: true);
        }
        var after = contacts.Update(contact.Id, c => c with { Departments = c.Departments.Where(d => d != department).ToList() }) ?? contact;
        return new Outcome(true, messages.Format(MessageKeys.Contacts.RemovedFromDepartment, format.ContactName(after), department, Departments(after)), after, department, RemovedEntirely: false);
    }

    private string Departments(Contact contact) =>
        contact.Departments.Count > 0 ? format.List(contact.Departments) : contact.IsOffice ? messages[MessageKeys.Contacts.RemoveOffice] : messages[MessageKeys.Cli.None];

    private static Outcome Refused(string text) => new(false, text, null, null, false);
}
