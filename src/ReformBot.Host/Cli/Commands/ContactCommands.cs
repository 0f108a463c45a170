using System.CommandLine;
using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;
using ReformBot.Host.Contacts;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Cli.Commands;

/// <summary>Contacts: invite, admin-invite, contacts.</summary>
internal sealed class ContactCommands(CliContext context)
{
    private MessageCatalog M => context.Messages;

    private TextFormat Format => context.Get<TextFormat>();

    public static IEnumerable<Command> Create(MessageCatalog m)
    {
        var inviteJson = CliApp.JsonOption(m);
        var inviteDepartment = new Argument<string>("department") { Description = m[MessageKeys.Cli.InviteDepartment] };
        var invite = new Command("invite", m[MessageKeys.Cli.Invite]) { inviteDepartment, inviteJson };
        invite.SetAction(r => For(r).InviteDepartment(r.GetValue(inviteDepartment)!, r.GetValue(inviteJson)));
        yield return invite;

        var adminInviteJson = CliApp.JsonOption(m);
        var adminInvite = new Command("admin-invite", m[MessageKeys.Cli.AdminInvite]) { adminInviteJson };
        adminInvite.SetAction(r => For(r).InviteOfficeMember(r.GetValue(adminInviteJson)));
        yield return adminInvite;

        var contactsJson = CliApp.JsonOption(m);
        var contacts = new Command("contacts", m[MessageKeys.Cli.Contacts]) { contactsJson };
        contacts.SetAction(r => For(r).ListContacts(r.GetValue(contactsJson)));
        yield return contacts;
    }

    private static ContactCommands For(ParseResult parsed) => new(CliContext.Of(parsed));

    private int InviteDepartment(string name, bool json)
    {
        var result = context.Get<RegistrationService>().InviteDepartment(name);
        if (result.Invite is not { } invite)
        {
            context.Error.WriteLine(InviteTexts.UnknownDepartment(M, Format, name, result.Suggestions.Select(d => d.Name)));
            return 1;
        }
        WriteInvite(invite, json);
        return 0;
    }

    private int InviteOfficeMember(bool json)
    {
        WriteInvite(context.Get<RegistrationService>().InviteOfficeMember(), json);
        return 0;
    }

    private void WriteInvite(Invite invite, bool json) =>
        context.Output.WriteLine(json
            ? JsonOutput.Serialize(JsonOutput.Invite(invite))
            : InviteTexts.Created(M, Format, invite));

    private int ListContacts(bool json)
    {
        var contacts = context.Get<IContactRepository>().All();
        if (json)
        {
            var ordered = contacts.OrderBy(c => c.RegisteredAt).ThenBy(c => c.Id, StringComparer.Ordinal);
            context.Output.WriteLine(JsonOutput.Serialize(ordered.Select(JsonOutput.Contact)));
            return 0;
        }
        var plans = context.Get<IPlanRepository>();
        context.Output.WriteLine(ContactListing.Text(contacts, plans.Departments(), plans.Tasks(), M, Format));
        return 0;
    }
}
