using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ReformBot.Host.Proactive;

public static class ProactiveServices
{
    /// <summary>
    /// <see cref="IProactiveSender"/> over the registered CloudAdapter, with <see cref="ProactiveOptions"/>
    /// bound from "ReformBot:Proactive" and checked when the host starts.
    /// </summary>
    public static IServiceCollection AddProactiveSending(this IServiceCollection services)
    {
        services.AddOptions<ProactiveOptions>().BindConfiguration(ProactiveOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProactiveOptions>, ProactiveOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProactiveSender>();
        services.AddSingleton<IProactiveSender>(sp => sp.GetRequiredService<ProactiveSender>());
        return services;
    }
}
