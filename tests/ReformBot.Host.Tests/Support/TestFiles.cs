using ReformBot.Core.Departments;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Storage;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Tests.Support;

public static class TestFiles
{
    /// <summary>The shipped plan, as copied beside the host's binaries.</summary>
    public static string ShippedPlanPath => Path.Combine(AppContext.BaseDirectory, "seeds", "xinjiang-sci-tech-reform-plan-2017.txt");

    public static string ShippedPlan => File.ReadAllText(ShippedPlanPath);

    public static MessageCatalog Messages { get; } = MessageCatalog.Load(MessageCatalog.DefaultPath);

    /// <summary>The formatter of the default reporting calendar (Asia/Shanghai), for texts that name no task of a plan.</summary>
    public static TextFormat Format { get; } = new(Messages, new ReportingCalendar(new ReportingCalendarOptions()), new NoPlan());

    /// <summary>A plan table from rows of cells, with the header row, as text extraction produces it.</summary>
    public static string Plan(params string[][] rows) =>
        string.Join("\n", new[] { "重点任务分工及进度安排表", "", "序号\t重点任务\t责任部门\t时间进度" }
            .Concat(rows.Select(cells => string.Join("\t", cells))));

    /// <summary>A store without a plan: tasks are named by their numbers.</summary>
    private sealed class NoPlan : IPlanRepository
    {
        public IReadOnlyList<PlanTask> Tasks() => [];
        public PlanTask? FindTask(int number) => null;
        public string? ReadLabel(string typed) => null;
        public PlanTask? FindByLabel(string typed) => null;
        public IReadOnlyList<Department> Departments() => [];
        public int AddDepartments(IEnumerable<Department> departments) => throw new NotSupportedException();
        public void Apply(PlanImport import) => throw new NotSupportedException();
    }
}
