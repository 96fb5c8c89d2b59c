using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MqttKube.Hosting;

/// <summary>
/// A part with a start and a stop of its own, run by the host without an adapter class: the part stays free of hosting
/// types. Register it with <see cref="AddPart"/>.
/// </summary>
internal sealed class HostedPart(Func<CancellationToken, Task> start, Func<CancellationToken, Task> stop) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => start(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => stop(cancellationToken);

    /// <summary>
    /// Registers the part <paramref name="create"/> makes (a singleton others can ask for, disposed with the host) and
    /// runs it as a hosted service: <paramref name="start"/> in registration order, <paramref name="stop"/> in reverse
    /// (the token gives up when the 5 s of a stop are over). One part per type.
    /// </summary>
    public static void AddPart<T>(IServiceCollection services, Func<IServiceProvider, T> create, Func<T, CancellationToken, Task> start, Func<T, CancellationToken, Task> stop)
        where T : class
    {
        if (services.Any(d => d.ServiceType == typeof(T)))
        {
            throw new InvalidOperationException($"{typeof(T).Name} is registered already: one part per type");
        }

        services.AddSingleton(create);
        services.AddSingleton<IHostedService>(sp =>
        {
            var part = sp.GetRequiredService<T>();
            return new HostedPart(ct => start(part, ct), ct => stop(part, ct));
        });
    }
}
