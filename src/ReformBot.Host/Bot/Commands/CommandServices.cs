using ReformBot.Core.Storage;
namespace ReformBot.Host.Bot.Commands;

public static class CommandServices
{
    /// <summary>The command catalog and one handler per command id.</summary>
    public static IServiceCollection AddChatCommands(this IServiceCollection services)
    {
        services.AddSingleton(_ => CommandCatalog.Load(CommandCatalog.DefaultPath));
        services.AddSingleton<CommandSuggestions>();
        services.AddSingleton<IChatCommand, HelpCommand>();
        services.AddSingleton<IChatCommand>(sp => new SubscribeCommand(sp.GetRequiredService<IContactRepository>(), subscribe: true));
        services.AddSingleton<IChatCommand>(sp => new SubscribeCommand(sp.GetRequiredService<IContactRepository>(), subscribe: false));
        services.AddSingleton<IChatCommand, PeriodCommand>();
        services.AddSingleton<IChatCommand, RemindCommand>();
        services.AddSingleton<IChatCommand, ChaseCommand>();
        services.AddSingleton<IChatCommand, ReturnCommand>();
        services.AddSingleton<IChatCommand, DigestCommand>();
        services.AddSingleton<IChatCommand, ExportCommand>();
        services.AddSingleton<IChatCommand, ReportCommand>();
        services.AddSingleton<IChatCommand, MyTasksCommand>();
        services.AddSingleton<IChatCommand, TaskCommand>();
        services.AddSingleton<IChatCommand, OverdueCommand>();
        services.AddSingleton<IChatCommand, RegisterCommand>();
        services.AddSingleton<IChatCommand, InviteCommand>();
        services.AddSingleton<IChatCommand, InviteCodesCommand>();
        services.AddSingleton<IChatCommand, RevokeInviteCommand>();
        services.AddSingleton<IChatCommand, ContactsCommand>();
        services.AddSingleton<IChatCommand, RemoveContactCommand>();
        services.AddSingleton<IChatCommand, SignOutWebCommand>();
        services.AddSingleton<IChatCommand, ImportCommand>();
        services.AddSingleton<PlanImports.PlanImportChat>();
        services.AddSingleton<PlanImports.PlanAttachment>();
        PlanImports.PlanAttachment.AddHttpClient(services);
        return services;
    }
}
