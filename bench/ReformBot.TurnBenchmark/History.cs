using Microsoft.Extensions.Logging.Abstractions;
using ReformBot.Core.Contacts;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;
using ReformBot.Host.Configuration;
using ReformBot.Host.Seeding;
using ReformBot.Host.Storage;

namespace ReformBot.TurnBenchmark;

/// <summary>Who the load generator speaks as, and the plan they report on.</summary>
public sealed record Cast(IReadOnlyList<(string UserId, string Department, IReadOnlyList<int> LeadTasks)> Contacts,
    IReadOnlyList<string> Office, IReadOnlyList<int> TaskNumbers, Quarter Period);

/// <summary>
/// A database as the host would have it after years of use, written before any process serves it: the
/// shipped plan and departments, contacts (department contacts and office members), and
/// <c>revisions</c> report revisions spread over the 40 quarters up to the current one.
/// </summary>
public static class History
{
    public const string ChannelId = "test";
    public const string ServiceUrl = "http://127.0.0.1:9/";
    private const int Quarters = 40;

    public static Cast Seed(string databasePath, int revisions, int contacts, int officeMembers)
    {
        var now = DateTimeOffset.UtcNow;
        var calendar = new ReportingCalendar(new ReportingCalendarOptions());
        var period = calendar.CurrentPeriod(now);
        using var store = new LiteDbStore(databasePath);
        var plans = new LitePlanRepository(store);
        StoreSeeder.SeedIfEmpty(plans, new ReformBotOptions(), NullLogger.Instance);
        var tasks = plans.Tasks();

        var leads = tasks.SelectMany(t => t.LeadDepartments).Distinct(StringComparer.Ordinal).ToList();
        var people = new List<(string, string, IReadOnlyList<int>)>();
        var contactRepository = new LiteContactRepository(store);
        for (var i = 0; i < contacts; i++)
        {
            var department = leads[i % leads.Count];
            var user = $"user-{i}";
            contactRepository.Save(new Contact($"contact-{i}", $"{department}联络员", [department], IsOffice: false,
                new ConversationAddress(ChannelId, ServiceUrl, $"home-{user}", user, null, "reformbot"), now));
            people.Add((user, department, tasks.Where(t => t.LeadDepartments.Contains(department)).Select(t => t.Number).ToList()));
        }
        var office = new List<string>();
        for (var i = 0; i < officeMembers; i++)
        {
            var user = $"office-{i}";
            contactRepository.Save(new Contact($"office-{i}", "办公室", [], IsOffice: true,
                new ConversationAddress(ChannelId, ServiceUrl, $"home-{user}", user, null, "reformbot"), now));
            office.Add(user);
        }

        if (revisions > 0) SeedReports(store, tasks, period, revisions);
        return new Cast(people, office, tasks.Select(t => t.Number).ToList(), period);
    }

    /// <summary>
    /// Round-robin over every (task, lead department, quarter): each report gets revisions/reports revisions
    /// (or one more). A fifth of the tasks never report 已完成; 30% of reports repeat last quarter's answers.
    /// Written in one bulk insert, then the store's per-report summaries are built as at an upgrade.
    /// </summary>
    private static void SeedReports(LiteDbStore store, IReadOnlyList<PlanTask> tasks, Quarter current, int revisions)
    {
        var random = new Random(13);
        var pairs = tasks.SelectMany(t => t.LeadDepartments.Distinct().Select(d => (Task: t.Number, Department: d))).ToList();
        var neverCompleted = tasks.Where(_ => random.NextDouble() < 0.2).Select(t => t.Number).ToHashSet();
        var quarters = new List<Quarter> { current };
        while (quarters.Count < Quarters) quarters.Insert(0, quarters[0].Previous());
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var statuses = Enum.GetValues<ReportStatus>();

        var reports = pairs.Count * quarters.Count;
        var documents = new List<ReportRevision>(revisions);
        for (var i = 0; i < revisions; i++)
        {
            var (task, department) = pairs[i % pairs.Count];
            var quarter = quarters[i / pairs.Count % quarters.Count];
            var revision = i / reports + 1;
            var status = statuses[random.Next(statuses.Length)];
            if (status == ReportStatus.Completed && neverCompleted.Contains(task)) status = ReportStatus.OnTrack;
            var copied = random.NextDouble() < 0.3;
            var said = copied ? quarter.Previous() : quarter;
            var content = new ReportContent(status,
                $"{said}：第 {task} 项完成了年度调研，召开推进会 {revision} 次，起草并印发了实施办法，相关配套措施已经落实。",
                random.NextDouble() < 0.5 ? "无" : "配套资金到位较慢，部分地州落实进度不一。",
                "继续推进政策落地，加强督促检查，按期报送进展。", random.Next(0, 101), []);
            var submittedAt = quarter.StartIn(zone).AddDays(10).AddMinutes(revision);
            documents.Add(new ReportRevision(new ReportKey(task, department, quarter), revision, content, $"contact-{i % 97}", submittedAt, Late: false));
        }
        LiteReportRepository.Import(store, documents);
    }
}
