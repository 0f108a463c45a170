using ReformBot.Host.Configuration;

namespace ReformBot.Host.Proactive;

public static class ProactiveServices
{
    /// <summary>
    /// <see cref="IProactiveSender"/> over the registered CloudAdapter, with <see cref="ProactiveOptions"/>
    /// bound from "ReformBot:Proactive" and checked when the host starts.
    /// </summary>
    public static IServiceCollection AddProactiveSending(this IServiceCollection services)
    {
        services.AddSettings<ProactiveOptions>(ProactiveOptions.Section, o => o.Problems());
        services.AddSingleton<ProactiveSender>();
        services.AddSingleton<IProactiveSender>(sp => sp.GetRequiredService<ProactiveSender>());
        return services;
    }
}
