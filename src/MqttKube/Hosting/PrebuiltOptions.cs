using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MqttKube.Hosting;

/// <summary>
/// Options the host asks for, made once in code and registered as the closed <see cref="IOptions{TOptions}"/> and
/// <see cref="IOptionsMonitor{TOptions}"/> services. Left to the container, each options type is resolved through its
/// open generics (<c>UnnamedOptionsManager&lt;T&gt;</c>, <c>OptionsMonitor&lt;T&gt;</c>, <c>OptionsFactory&lt;T&gt;</c>,
/// <c>OptionsCache&lt;T&gt;</c> and their arrays), which NativeAOT builds as types at run time: about 10 ms of the
/// service's start-up for the host's and the logger's options. The service has no configuration sources and never
/// changes options after the start, so one value serves every name and no change is ever signalled.
/// </summary>
internal static class PrebuiltOptions
{
    /// <summary>Registers <paramref name="value"/> as the options of type <typeparamref name="T"/>.</summary>
    public static IServiceCollection AddPrebuiltOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(this IServiceCollection services, T value)
        where T : class
    {
        var options = new Fixed<T>(value);
        services.AddSingleton<IOptions<T>>(options);
        services.AddSingleton<IOptionsMonitor<T>>(options);
        return services;
    }

    /// <summary>
    /// Makes the options of type <typeparamref name="T"/> from the configurations registered so far, in their order, as
    /// the container would, and registers them (<see cref="AddPrebuiltOptions{T}"/>): when every configuration is an
    /// instance (<c>Configure&lt;T&gt;(action)</c>, <c>SetMinimumLevel</c>, <c>AddFilter</c> register those). Otherwise,
    /// or with post-configurations, validations or change sources, the container is left to make them.
    /// </summary>
    public static IServiceCollection FoldOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(this IServiceCollection services)
        where T : class, new()
    {
        var configurations = new List<IConfigureOptions<T>>();
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(IConfigureOptions<T>) && !descriptor.IsKeyedService && descriptor.ImplementationInstance is IConfigureOptions<T> configure)
            {
                configurations.Add(configure);
            }
            else if (descriptor.ServiceType == typeof(IConfigureOptions<T>) || descriptor.ServiceType == typeof(IPostConfigureOptions<T>)
                || descriptor.ServiceType == typeof(IValidateOptions<T>) || descriptor.ServiceType == typeof(IOptionsChangeTokenSource<T>)
                || descriptor.ServiceType == typeof(IOptions<T>) || descriptor.ServiceType == typeof(IOptionsMonitor<T>))
            {
                return services;
            }
        }

        var value = new T();
        foreach (var configure in configurations)
        {
            // As OptionsFactory<T>.Create does for the default name.
            if (configure is IConfigureNamedOptions<T> named)
            {
                named.Configure(Options.DefaultName, value);
            }
            else
            {
                configure.Configure(value);
            }
        }

        return services.AddPrebuiltOptions(value);
    }

    private sealed class Fixed<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(T value) : IOptions<T>, IOptionsMonitor<T>
        where T : class
    {
        public T Value => value;

        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
