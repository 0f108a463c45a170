using Microsoft.Extensions.Options;

namespace ReformBot.Host.Configuration;

/// <summary>
/// The one way a settings section comes in: bound from its section of the configuration, and checked
/// when the host or the command-line tool starts (ValidateOnStart), so that a bad setting stops the
/// process at once with one line per problem (see <see cref="SettingsErrors"/>), never at first use.
/// </summary>
public static class SettingsValidation
{
    /// <param name="problems">What is wrong with the bound settings, one line each, naming the setting; none for a section that binding alone checks.</param>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section, Func<T, IEnumerable<string>>? problems = null)
        where T : class
    {
        if (problems is not null) services.AddSingleton<IValidateOptions<T>>(new ProblemsValidation<T>(problems));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    private sealed class ProblemsValidation<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            problems(options).ToList() is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
    }
}
