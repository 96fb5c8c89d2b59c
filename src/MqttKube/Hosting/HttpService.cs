using Microsoft.Extensions.Hosting;
using MqttKube.Http;

namespace MqttKube.Hosting;

/// <summary>The web server (status page, probes, metrics) as a part of the host: up first, down last.</summary>
internal sealed class HttpService(HttpEndpoint http, MqttKube.Configuration.HttpConfig settings) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await http.StartAsync(settings, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpServerException ex)
        {
            throw new ServiceStartException(ex.Message, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => http.StopAsync();
}
