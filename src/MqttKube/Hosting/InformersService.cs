using Microsoft.Extensions.Hosting;
using MqttKube.Kubernetes;

namespace MqttKube.Hosting;

/// <summary>The shared informers (list+watch per kind) as a part of the host: the bindings start them; the host ends them.</summary>
internal sealed class InformersService(SharedInformers informers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => informers.DisposeAsync().AsTask();
}
