using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReformBot.Core.Periods;
using ReformBot.Core.Reminders;
using ReformBot.Core.Storage;
using ReformBot.Host.Configuration;
using ReformBot.Host.Contacts;
using ReformBot.Host.Messages;
using ReformBot.Host.Periods;
using ReformBot.Host.Storage;

namespace ReformBot.Host;

/// <summary>
/// What both the host and the command-line tool run on: settings, the LiteDB store and its
/// repositories, the reporting calendar and the services built on them. One composition, so a
/// command behaves the same whether it opens the database itself or runs inside the host.
/// </summary>
public static class ReformBotServices
{
    public static IServiceCollection AddReformBotCore(this IServiceCollection services, IConfiguration configuration, MessageCatalog messages)
    {
        // The host has its configuration in DI already; the command-line tool gets the one it built.
        services.TryAddSingleton(configuration);
        services.AddSettings<ReformBotOptions>(ReformBotOptions.Section, o => o.Problems());
        services.AddSettings<ReportingCalendarOptions>(ReportingCalendarOptions.Section, o => o.Problems());
        services.AddSettings<ReminderOptions>(ReminderOptions.Section, o => o.Problems());
        services.AddSettings<HolidayOptions>(HolidayOptions.Section, o => o.Problems());
        services.AddSettings<InviteOptions>(InviteOptions.Section, o => o.Problems());
        services.AddSettings<Downloads.DownloadOptions>(Downloads.DownloadOptions.Section, o => o.Problems());
        services.AddSettings<Digests.ChartOptions>(Digests.ChartOptions.Section);
        services.AddSingleton(messages);
        // Tests put a fake clock in its place.
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new LiteDbStore(sp.GetRequiredService<IOptions<ReformBotOptions>>().Value.Database));
        services.AddSingleton<PartialFiles>();
        services.AddSingleton<IPlanRepository, LitePlanRepository>();
        services.AddSingleton<IContactRepository, LiteContactRepository>();
        services.AddSingleton<IReportRepository, LiteReportRepository>();
        services.AddSingleton<IReminderLog, LiteReminderLog>();
        services.AddSingleton<IInviteRepository, LiteInviteRepository>();
        services.AddSingleton<ISettingsRepository, LiteSettingsRepository>();
        services.AddSingleton<IChaseRepository, LiteChaseRepository>();

        services.AddSingleton(sp => new ReportingCalendar(sp.GetRequiredService<IOptions<ReportingCalendarOptions>>().Value));
        services.AddSingleton<TextFormat>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<HolidayOptions>>().Value.Load());
        services.AddSingleton<ReportingPeriods>();
        services.AddSingleton<PeriodDescription>();
        services.AddSingleton<Digests.DigestService>();
        services.AddSingleton<Digests.DigestMarkdown>();
        services.AddSingleton<Digests.ChartFont>();
        services.AddSingleton<Digests.DigestChart>();
        services.AddSingleton<Digests.DigestReplies>();
        services.AddSingleton<Ledger.LedgerService>();
        services.AddSingleton<IDownloadRepository, LiteDownloadRepository>();
        services.AddSingleton<Downloads.HostAddress>();
        services.AddSingleton<Downloads.DownloadService>();
        // The command-line tool lists and removes contacts too, so the Web Chat browsers are known to both.
        services.AddSingleton<IWebSessions, WebChat.WebSessions>();
        services.AddSingleton<ContactRemoval>();
        services.AddSingleton<InviteBatch>();
        services.AddSingleton<InviteCodes>();
        services.AddSingleton(sp => new RegistrationService(
            sp.GetRequiredService<IInviteRepository>(), sp.GetRequiredService<IPlanRepository>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<InviteOptions>>().Value, sp.GetRequiredService<ReportingCalendar>().Zone));
        return services;
    }
}
