using ReformBot.Core.Contacts;
using ReformBot.Core.Departments;
using ReformBot.Core.Plans;

namespace ReformBot.Host.Storage;

// Storage shapes of the core's records. The core stays free of LiteDB; these classes are the
// only place that knows how a record is laid out in the file.

internal sealed class TaskDocument
{
    public int Id { get; set; }
    /// <summary>The number people use (3.2); null in databases written before labels, where it is the id's digits.</summary>
    public string? Label { get; set; }
    public string? Section { get; set; }
    public string Text { get; set; } = "";
    public List<TaskDepartmentDocument> Departments { get; set; } = [];
    public string ScheduleText { get; set; } = "";
    public int? StartYear { get; set; }
    public int? DueYear { get; set; }
    public int? DoneYear { get; set; }
    public bool Ongoing { get; set; }
    public DateTime? DueDate { get; set; }
    public bool EveryYear { get; set; }

    public static TaskDocument From(PlanTask task) => new()
    {
        Id = task.Number,
        Label = task.Label,
        Section = task.Section,
        Text = task.Text,
        Departments = task.Departments.Select(d => new TaskDepartmentDocument { Name = d.Name, Role = d.Role }).ToList(),
        ScheduleText = task.Schedule.Text,
        StartYear = task.Schedule.StartYear,
        DueYear = task.Schedule.DueYear,
        DoneYear = task.Schedule.DoneYear,
        Ongoing = task.Schedule.Ongoing,
        DueDate = task.Schedule.DueDate?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        EveryYear = task.Schedule.EveryYear,
    };

    public PlanTask ToTask() => new(
        Id, Text,
        Departments.Select(d => new TaskDepartment(d.Name, d.Role)).ToList(),
        new Schedule(ScheduleText, StartYear, DueYear, DoneYear, Ongoing,
            DueDate is { } due ? DateOnly.FromDateTime(due) : null, EveryYear))
    {
        Label = Label ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Section = Section,
    };
}

internal sealed class TaskDepartmentDocument
{
    public string Name { get; set; } = "";
    public DepartmentRole Role { get; set; }
}

internal sealed class DepartmentDocument
{
    public string Id { get; set; } = "";
    public string? FullName { get; set; }
    public List<string> Aliases { get; set; } = [];
    /// <summary>Keeps the directory in the order departments were added.</summary>
    public int Order { get; set; }

    public static DepartmentDocument From(Department department, int order) =>
        new() { Id = department.Name, FullName = department.FullName, Aliases = department.Aliases.ToList(), Order = order };

    public Department ToDepartment() => new(Id, FullName, Aliases);
}

internal sealed class ContactDocument
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Departments { get; set; } = [];
    public bool IsOffice { get; set; }
    public string ChannelId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string? TenantId { get; set; }
    public string? BotId { get; set; }
    /// <summary>Channel and user id together, indexed to find the contact behind an incoming message.</summary>
    public string ChannelUser { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
    public bool Unreachable { get; set; }
    public bool DigestSubscribed { get; set; }

    public static string ChannelUserKey(string channelId, string userId) => $"{channelId}\n{userId}";

    public static ContactDocument From(Contact c) => new()
    {
        Id = c.Id,
        Name = c.Name,
        Departments = c.Departments.ToList(),
        IsOffice = c.IsOffice,
        ChannelId = c.Address.ChannelId,
        ServiceUrl = c.Address.ServiceUrl,
        ConversationId = c.Address.ConversationId,
        UserId = c.Address.UserId,
        TenantId = c.Address.TenantId,
        BotId = c.Address.BotId,
        ChannelUser = ChannelUserKey(c.Address.ChannelId, c.Address.UserId),
        RegisteredAt = c.RegisteredAt,
        Unreachable = c.Unreachable,
        DigestSubscribed = c.DigestSubscribed,
    };

    public Contact ToContact() => new(
        Id, Name, Departments, IsOffice,
        new ConversationAddress(ChannelId, ServiceUrl, ConversationId, UserId, TenantId, BotId),
        RegisteredAt, Unreachable, DigestSubscribed);
}
