using System.Text;
using ReformBot.Core.Contacts;
using ReformBot.Core.Departments;
using ReformBot.Core.Plans;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Contacts;

/// <summary>The registered contacts per department, as the office reads them (联络员 in chat, `contacts` on the command line).</summary>
public static class ContactListing
{
    /// <param name="departments">The directory, in its order; departments of contacts that it lacks come after.</param>
    /// <param name="tasks">The plan: lead departments without any contact are named at the end.</param>
    /// <param name="web">Contacts on the Web Chat channel show their browser's last visit, or that it was signed out.</param>
    public static string Text(IReadOnlyList<Contact> contacts, IReadOnlyList<Department> departments, IReadOnlyList<PlanTask> tasks, IWebSessions web, MessageCatalog m, TextFormat format)
    {
        if (contacts.Count == 0) return m[MessageKeys.Contacts.None];

        var ordered = contacts.OrderBy(c => c.RegisteredAt).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var text = new StringBuilder(m.Format(MessageKeys.Contacts.Header, contacts.Count));

        var visits = new Visits(web, web.LastVisits());
        var office = ordered.Where(c => c.IsOffice).ToList();
        if (office.Count > 0) Group(text, m.Format(MessageKeys.Contacts.Office, office.Count), office, visits, m, format);

        var names = departments.Select(d => d.Name)
            .Concat(ordered.SelectMany(c => c.Departments))
            .Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var members = ordered.Where(c => c.ReportsFor(name)).ToList();
            if (members.Count > 0) Group(text, m.Format(MessageKeys.Contacts.Department, name, members.Count), members, visits, m, format);
        }

        var covered = ordered.SelectMany(c => c.Departments).ToHashSet(StringComparer.Ordinal);
        var uncovered = tasks.SelectMany(t => t.LeadDepartments).Distinct(StringComparer.Ordinal).Where(d => !covered.Contains(d)).ToList();
        if (uncovered.Count > 0) text.Append('\n').Append(m.Format(MessageKeys.Contacts.Uncovered, uncovered.Count, format.List(uncovered)));
        return text.ToString();
    }

    private static void Group(StringBuilder text, string heading, List<Contact> members, Visits web, MessageCatalog m, TextFormat format)
    {
        text.Append('\n').Append(heading);
        foreach (var c in members)
        {
            var flags = WebFlag(c, web, m, format) + (c.Unreachable ? m[MessageKeys.Contacts.Unreachable] : "");
            text.Append('\n').Append(m.Format(MessageKeys.Contacts.Line, format.ContactName(c), c.Address.ChannelId, format.LocalDay(c.RegisteredAt), flags, c.ShortId));
        }
    }

    private static string WebFlag(Contact c, Visits web, MessageCatalog m, TextFormat format) =>
        !web.Sessions.IsWebAddress(c.Address) ? ""
        : web.Last.TryGetValue(c.Address.UserId, out var last) ? m.Format(MessageKeys.Contacts.WebLastVisit, format.LocalTime(last))
        : m[MessageKeys.Contacts.WebSignedOut];

    private sealed record Visits(IWebSessions Sessions, IReadOnlyDictionary<string, DateTimeOffset> Last);
}
