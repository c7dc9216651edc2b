using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Nautilus.Platform;

/// <summary>
/// Settings that can say what is wrong with them. Registered with <see cref="ValidatedOptions.AddValidatedOptions{T}"/>,
/// an engine whose settings have problems refuses to start and names each one (configuration key and why), instead of
/// failing later.
/// </summary>
public interface IValidatedOptions
{
    /// <summary>Each problem as "Section:Key must …", empty when the settings are usable.</summary>
    IEnumerable<string> Problems();
}

public static class ValidatedOptions
{
    /// <summary>Binds <typeparamref name="T"/> to <paramref name="section"/> and checks it when the engine starts.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class, IValidatedOptions
    {
        services.AddSingleton<IValidateOptions<T>, ProblemsValidation<T>>();
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    private sealed class ProblemsValidation<T> : IValidateOptions<T> where T : class, IValidatedOptions
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            options.Problems().ToArray() is { Length: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
