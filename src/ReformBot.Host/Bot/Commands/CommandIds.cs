namespace ReformBot.Host.Bot.Commands;

/// <summary>The ids that tie dialogs/commands.yaml to the code: every id needs an entry there and a handler here.</summary>
public static class CommandIds
{
    public const string Help = "help";
    public const string Report = "report";
    public const string MyTasks = "mytasks";
    public const string Task = "task";
    public const string Overdue = "overdue";
    public const string Register = "register";
    public const string Invite = "invite";
    public const string Invites = "invites";
    public const string RevokeInvite = "revokeinvite";
    public const string Contacts = "contacts";
    public const string RemoveContact = "removecontact";
    public const string SignOutWeb = "signoutweb";
    public const string Import = "import";

    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";
    public const string Period = "period";
    public const string Remind = "remind";
    public const string Chase = "chase";
    public const string Return = "return";
    public const string Digest = "digest";
    public const string Export = "export";

    public static IReadOnlyList<string> All { get; } = [Help, Register, Report, MyTasks, Task, Overdue, Invite, Invites, RevokeInvite, Contacts, RemoveContact, SignOutWeb, Import, Subscribe, Unsubscribe, Period, Remind, Chase, Return, Digest, Export];
}
