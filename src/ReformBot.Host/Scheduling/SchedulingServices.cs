using Microsoft.Extensions.Options;
using Quartz;
using ReformBot.Core.Periods;
using ReformBot.Host.Configuration;

namespace ReformBot.Host.Scheduling;

public static class SchedulingServices
{
    /// <summary>
    /// Quartz in-process with its in-memory store: jobs come from DI, triggers are registered from
    /// configuration at every start, and whatever must outlive a restart (what was sent, when the
    /// last digest went) is in LiteDB. Each job also fires once at start to catch up on a run the
    /// host missed while it was down; the runs themselves make sure nothing goes out twice.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddSettings<SchedulingOptions>(SchedulingOptions.Section, o => o.Problems());
        services.AddSingleton<SendOnce>();
        services.AddSingleton<ReminderRun>();
        services.AddSingleton<DigestRun>();
        services.AddSingleton<BackgroundSends>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundSends>());
        services.AddSingleton<ChaseRun>();
        services.AddHostedService<ChaseResume>();

        // Quartz keeps schedulers in a process-wide registry by name, and a stopped one can linger there:
        // a name of its own per host keeps two hosts in one process (tests, a restart) from sharing one.
        var properties = new Dictionary<string, string?> { ["quartz.scheduler.instanceName"] = $"ReformBot-{Guid.NewGuid():N}" };
        services.AddQuartz(properties, quartz =>
        {
            quartz.AddJob<ReminderJob>(job => job.WithIdentity(ReminderJob.Key));
            quartz.AddTrigger((sp, trigger) => trigger.ForJob(ReminderJob.Key).WithIdentity("reminders-daily", "reformbot")
                .WithCronSchedule(Schedule(sp).ReminderCron, cron => Local(cron, sp)));
            quartz.AddTrigger(trigger => trigger.ForJob(ReminderJob.Key).WithIdentity("reminders-on-start", "reformbot").StartNow());
            quartz.AddJob<DigestJob>(job => job.WithIdentity(DigestJob.Key));
            quartz.AddTrigger((sp, trigger) => trigger.ForJob(DigestJob.Key).WithIdentity("digest-weekly", "reformbot")
                .WithCronSchedule(Schedule(sp).DigestCron, cron => Local(cron, sp)));
            quartz.AddTrigger(trigger => trigger.ForJob(DigestJob.Key).WithIdentity("digest-on-start", "reformbot").StartNow());
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }

    private static SchedulingOptions Schedule(IServiceProvider services) => services.GetRequiredService<IOptions<SchedulingOptions>>().Value;

    /// <summary>Cron slots are local times of the reporting calendar's zone, the one every other part of ReformBot uses.</summary>
    private static void Local(CronScheduleBuilder cron, IServiceProvider services) =>
        cron.InTimeZone(services.GetRequiredService<ReportingCalendar>().Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);
}
