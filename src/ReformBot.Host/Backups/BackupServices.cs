using ReformBot.Host.Configuration;

namespace ReformBot.Host.Backups;

public static class BackupServices
{
    /// <summary>The host's daily backups (the command-line tool's backup and restore need none of this).</summary>
    public static IServiceCollection AddDailyBackups(this IServiceCollection services)
    {
        services.AddSettings<BackupOptions>(BackupOptions.Section, o => o.Problems());
        services.AddSingleton<DailyBackups>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyBackups>());
        return services;
    }
}
