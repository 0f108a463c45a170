using Microsoft.Extensions.Options;

namespace ReformBot.Host.Configuration;

/// <summary>A bad setting found at start, as the lines the process prints before it exits with code 2.</summary>
public static class SettingsErrors
{
    /// <returns>One line per problem, each naming the setting; null when <paramref name="exception"/> is not about settings.</returns>
    public static IReadOnlyList<string>? Lines(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        // Several sections failing at start come together.
        AggregateException all when all.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. all.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures)],
        // A value the binder cannot convert ("abc" for a number); its message names the setting.
        InvalidOperationException { Source: "Microsoft.Extensions.Configuration.Binder" } unbound => [unbound.Message],
        _ => null,
    };
}
