using ReformBot.Core.Contacts;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Contacts;

/// <summary>What the office reads about invites, in the chat and on the command line alike.</summary>
public static class InviteTexts
{
    /// <summary>The new code, its department, its expiry, and what the invitee sends.</summary>
    public static string Created(MessageCatalog m, TextFormat format, Invite invite)
    {
        var code = InviteCode.Display(invite.Code);
        var expires = format.LocalTime(invite.ExpiresAt);
        return invite.Department is null
            ? m.Format(MessageKeys.Invite.CreatedOffice, code, expires)
            : m.Format(MessageKeys.Invite.Created, invite.Department, code, expires);
    }

    /// <summary>“No department X. Did you mean …?”</summary>
    public static string UnknownDepartment(MessageCatalog m, TextFormat format, string name, IEnumerable<string> suggestions)
    {
        var names = format.List(suggestions);
        return m.Format(MessageKeys.Invite.UnknownDepartment, name) + (names.Length > 0 ? m.Format(MessageKeys.Invite.Suggestions, names) : m[MessageKeys.Invite.NoSuggestions]);
    }
}
