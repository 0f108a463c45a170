using ReformBot.Core.Periods;
using ReformBot.Host.Configuration;
using ReformBot.Host.Contacts;
using ReformBot.Host.Storage;

namespace ReformBot.Host.Tests.Support;

/// <summary>
/// A real LiteDB file seeded with the curated departments and the shipped plan (a copy of
/// <see cref="TemplateDatabase"/> unless the file exists), with its repositories.
/// </summary>
public sealed class TestStore : IDisposable
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public TestStore(string path)
    {
        Store = new LiteDbStore(TemplateDatabase.CopyTo(path));
        Plans = new LitePlanRepository(Store);
        Contacts = new LiteContactRepository(Store);
        Invites = new LiteInviteRepository(Store);
        Reports = new LiteReportRepository(Store);
    }

    public LiteDbStore Store { get; }
    public LitePlanRepository Plans { get; }
    public LiteContactRepository Contacts { get; }
    public LiteInviteRepository Invites { get; }
    public LiteReportRepository Reports { get; }

    public ReportingCalendar Calendar { get; } = new(new ReportingCalendarOptions());

    public RegistrationService Registration(TimeProvider time, int validDays = 7) =>
        new(Invites, Plans, time, new InviteOptions { ValidDays = validDays }, Shanghai);

    public void Dispose() => Store.Dispose();
}
