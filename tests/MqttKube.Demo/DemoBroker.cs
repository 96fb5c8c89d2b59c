using MQTTnet.Server;

namespace MqttKube.Demo;

/// <summary>An embedded MQTT broker (MQTTnet.Server) on loopback, so the demo needs no Mosquitto.</summary>
internal sealed class DemoBroker : IAsyncDisposable
{
    private readonly MqttServer server;

    private DemoBroker(MqttServer server) => this.server = server;

    public static async Task<DemoBroker> StartAsync(int port)
    {
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(System.Net.IPAddress.Loopback)
            .WithDefaultEndpointPort(port)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        await server.StartAsync();
        return new DemoBroker(server);
    }

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync();
        server.Dispose();
    }
}
