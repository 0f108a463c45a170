using System.CommandLine;
using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;
using ReformBot.Host.Contacts;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Cli.Commands;

/// <summary>Contacts: invite, admin-invite, invites, contacts.</summary>
internal sealed class ContactCommands(CliContext context)
{
    private MessageCatalog M => context.Messages;

    private TextFormat Format => context.Get<TextFormat>();

    public static IEnumerable<Command> Create(MessageCatalog m)
    {
        var inviteJson = CliApp.JsonOption(m);
        var inviteDepartment = new Argument<string[]>("department") { Description = m[MessageKeys.Cli.InviteDepartment], Arity = ArgumentArity.ZeroOrMore };
        var allMissing = new Option<bool>("--all-missing") { Description = m[MessageKeys.Invite.CliAllMissing] };
        var invite = new Command("invite", m[MessageKeys.Cli.Invite]) { inviteDepartment, allMissing, inviteJson };
        invite.SetAction(r => For(r).InviteDepartments(r.GetValue(inviteDepartment) ?? [], r.GetValue(allMissing), r.GetValue(inviteJson)));
        yield return invite;

        var adminInviteJson = CliApp.JsonOption(m);
        var adminInvite = new Command("admin-invite", m[MessageKeys.Cli.AdminInvite]) { adminInviteJson };
        adminInvite.SetAction(r => For(r).InviteOfficeMember(r.GetValue(adminInviteJson)));
        yield return adminInvite;

        var invitesJson = CliApp.JsonOption(m);
        var invites = new Command("invites", m[MessageKeys.Invite.CliInvites]) { invitesJson };
        invites.SetAction(r => For(r).ListInvites(r.GetValue(invitesJson)));
        var revokeWhich = new Argument<string>("id-or-code") { Description = m[MessageKeys.Invite.CliRevokeWhich] };
        var revokeJson = CliApp.JsonOption(m);
        var revoke = new Command("revoke", m[MessageKeys.Invite.CliRevoke]) { revokeWhich, revokeJson };
        revoke.SetAction(r => For(r).RevokeInvite(r.GetValue(revokeWhich)!, r.GetValue(revokeJson)));
        invites.Subcommands.Add(revoke);
        yield return invites;

        var contactsJson = CliApp.JsonOption(m);
        var contacts = new Command("contacts", m[MessageKeys.Cli.Contacts]) { contactsJson };
        contacts.SetAction(r => For(r).ListContacts(r.GetValue(contactsJson)));

        var removeWho = new Argument<string>("who") { Description = m[MessageKeys.Contacts.CliRemoveWho] };
        var removeDepartment = new Option<string?>("--department") { Description = m[MessageKeys.Contacts.CliRemoveDepartment] };
        var removeJson = CliApp.JsonOption(m);
        var remove = new Command("remove", m[MessageKeys.Contacts.CliRemove]) { removeWho, removeDepartment, removeJson };
        remove.SetAction(r => For(r).RemoveContact(r.GetValue(removeWho)!, r.GetValue(removeDepartment), r.GetValue(removeJson)));
        contacts.Subcommands.Add(remove);

        var signOutWho = new Argument<string>("who") { Description = m[MessageKeys.Contacts.CliRemoveWho] };
        var signOut = new Command("signout-web", m[MessageKeys.Contacts.CliSignOutWeb]) { signOutWho };
        signOut.SetAction(r => For(r).SignOutWeb(r.GetValue(signOutWho)!));
        contacts.Subcommands.Add(signOut);
        yield return contacts;
    }

    private static ContactCommands For(ParseResult parsed) => new(CliContext.Of(parsed));

    /// <summary>One department prints one object; several, or --all-missing, print an array of them.</summary>
    private int InviteDepartments(string[] names, bool allMissing, bool json)
    {
        var batch = context.Get<InviteBatch>();
        if (names.Length == 0 && !allMissing)
        {
            context.Error.WriteLine(M[MessageKeys.Invite.CliMissing]);
            return 1;
        }
        var result = allMissing ? batch.CreateAllMissing() : batch.Create(names);
        if (result.Refusal is { } refusal && (result.Invites.Count > 0 || !allMissing))
        {
            context.Error.WriteLine(refusal);
            return 1;
        }
        if (names.Length == 1 && !allMissing)
        {
            WriteInvite(result.Invites[0], json);
            return 0;
        }
        context.Output.WriteLine(json
            ? JsonOutput.Serialize(result.Invites.Select(JsonOutput.Invite))
            : result.Refusal ?? batch.Text(result.Invites));
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

    private int ListInvites(bool json)
    {
        var codes = context.Get<InviteCodes>();
        var open = codes.Open();
        context.Output.WriteLine(json ? JsonOutput.Serialize(open.Select(OpenInvite)) : codes.Text(open));
        return 0;
    }

    private int RevokeInvite(string which, bool json)
    {
        var codes = context.Get<InviteCodes>();
        var outcome = codes.Revoke(which, requesterId: null);
        if (!outcome.Changed)
        {
            context.Error.WriteLine(outcome.Text);
            return 1;
        }
        var i = outcome.Invite!;
        context.Output.WriteLine(json
            ? JsonOutput.Serialize(new RevokedInviteJson(i.ShortId, i.Department, Format.Local(i.CreatedAt), Format.Local(i.RevokedAt!.Value)))
            : outcome.Text);
        return 0;
    }

    private OpenInviteJson OpenInvite(StoredInvite i) => new(
        i.ShortId, i.Department, Format.Local(i.CreatedAt),
        i.CreatedBy is { } by ? new SubmitterJson(by, context.Get<IContactRepository>().Find(by)?.Name) : null,
        Format.Local(i.ExpiresAt));

    /// <param name="Id">The 编号: the start of the stored hash (the code itself is not stored).</param>
    /// <param name="Department">Null for an office member's invite.</param>
    /// <param name="CreatedBy">The office member who made it in chat; null when made on the command line.</param>
    private sealed record OpenInviteJson(string Id, string? Department, DateTimeOffset CreatedAt, SubmitterJson? CreatedBy, DateTimeOffset ExpiresAt);

    private sealed record RevokedInviteJson(string Id, string? Department, DateTimeOffset CreatedAt, DateTimeOffset RevokedAt);

    private int RemoveContact(string who, string? department, bool json)
    {
        var outcome = context.Get<ContactRemoval>().Remove(who, department, requesterId: null);
        if (!outcome.Changed)
        {
            context.Error.WriteLine(outcome.Text);
            return 1;
        }
        context.Output.WriteLine(json
            ? JsonOutput.Serialize(new RemovedContactJson(outcome.Contact!.Id, outcome.Contact.Name, outcome.Department, outcome.RemovedEntirely,
                outcome.RemovedEntirely ? [] : outcome.Contact.Departments))
            : outcome.Text);
        return 0;
    }

    private int SignOutWeb(string who)
    {
        var outcome = context.Get<ContactRemoval>().SignOutWeb(who);
        (outcome.Changed ? context.Output : context.Error).WriteLine(outcome.Text);
        return outcome.Changed ? 0 : 1;
    }

    /// <param name="Removed">The contact is gone; false when only taken out of <paramref name="Department"/>.</param>
    /// <param name="Departments">The departments the contact still belongs to.</param>
    private sealed record RemovedContactJson(string Id, string Name, string? Department, bool Removed, IReadOnlyList<string> Departments);

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
        context.Output.WriteLine(ContactListing.Text(contacts, plans.Departments(), plans.Tasks(), context.Get<IWebSessions>(), M, Format));
        return 0;
    }
}
