using ReformBot.Core.Plans;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Seeding;

/// <summary>
/// An import preview as the office reads it, line by line: each task as it will be stored (number, shortened text,
/// lead and supporting departments, the schedule as read) with its warnings, then every name matched to a department
/// under another name and the new departments. The command line prints it; a chat can send the same lines.
/// </summary>
public sealed class ImportPreviewText(MessageCatalog m, TextFormat format)
{
    private const int TextLength = 40;

    /// <summary>
    /// The lines that head a preview whose import removes existing tasks: how many, that their reports stay stored
    /// but leave the plan, and when it is most of the plan, to check the file is the whole plan. Empty otherwise.
    /// </summary>
    public IEnumerable<string> Removal(ImportPreview preview)
    {
        var import = preview.Import;
        if (import.Removed.Count == 0) yield break;
        yield return m.Format(MessageKeys.Import.Removal, import.Removed.Count, import.CurrentCount);
        if (import.RemovesMostTasks) yield return m[MessageKeys.Import.RemovalMost];
    }

    public IEnumerable<string> Tasks(ImportPreview preview)
    {
        string? section = null;
        foreach (var previewTask in preview.Tasks)
        {
            var (task, taskSection, warnings) = previewTask;
            if (taskSection is not null && taskSection != section) yield return taskSection;
            section = taskSection;
            yield return previewTask.WrittenNumber is { } written
                ? m.Format(MessageKeys.Import.PreviewTaskWritten, format.TaskReference(task.Label), m.Shorten(task.Text, TextLength), written)
                : m.Format(MessageKeys.Import.PreviewTask, format.TaskReference(task.Label), m.Shorten(task.Text, TextLength));
            yield return m.Format(MessageKeys.Import.PreviewDepartments, Names(task.LeadDepartments), Names(task.SupportDepartments));
            yield return m.Format(MessageKeys.Import.PreviewSchedule, Schedule(task.Schedule));
            foreach (var warning in warnings) yield return m.Format(MessageKeys.Import.WarningPrefix + warning.Kind, warning.Detail);
        }
    }

    public IEnumerable<string> Departments(ImportPreview preview)
    {
        var import = preview.Import;
        if (import.Mappings.Count > 0)
        {
            yield return m[MessageKeys.Import.MappingsHeader];
            foreach (var (written, department) in import.Mappings)
                yield return m.Format(MessageKeys.Import.Mapping, written, department.Name + (department.FullName is { } full ? $"（{full}）" : ""));
        }
        if (import.DirectoryDepartments.Count > 0)
            yield return m.Format(MessageKeys.Import.DirectoryDepartments, import.DirectoryDepartments.Count, format.List(import.DirectoryDepartments.Select(d => d.Name)));
        if (import.NewDepartments.Count > 0)
            yield return m.Format(MessageKeys.Import.NewDepartments, format.List(import.NewDepartments.Select(d => d.Name)));
        if (preview.WarningCount > 0)
            yield return m.Format(MessageKeys.Import.WarningsSummary, preview.WarningCount);
    }

    /// <summary>The cell as written and what was read from it: 2026年6月底前（截止 2026年6月30日）.</summary>
    public string Schedule(Schedule schedule)
    {
        if (schedule.IsEmpty) return m[MessageKeys.Import.ScheduleEmpty];
        var read = new List<string>();
        if (schedule.DoneYear is int done) read.Add(m.Format(MessageKeys.Import.ScheduleDone, done));
        if (schedule.StartYear is int start) read.Add(m.Format(MessageKeys.Import.ScheduleStart, start));
        if (schedule.DueBy is { } due && schedule.DoneYear is null) read.Add(m.Format(MessageKeys.Import.ScheduleDue, format.Date(due)));
        if (schedule.Ongoing) read.Add(m[MessageKeys.Import.ScheduleOngoing]);
        if (schedule.EveryYear) read.Add(m[MessageKeys.Import.ScheduleEveryYear]);
        return read.Count == 0 ? schedule.Text : m.Format(MessageKeys.Import.ScheduleRead, schedule.Text, format.List(read));
    }

    private string Names(IEnumerable<string> names)
    {
        var joined = format.List(names);
        return joined.Length == 0 ? m[MessageKeys.Cli.None] : joined;
    }
}
