using MqttKube.Mqtt;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Mqtt;

/// <summary>Builds and starts <see cref="MqttConnection"/>s against the test broker, with short back-off.</summary>
internal static class Harness
{
    /// <summary>Options for the anonymous listener with a topic prefix unique to the calling test.</summary>
    public static MqttOptions Options(int port, string? prefix = null) => new()
    {
        Host = MosquittoBroker.Host,
        Port = port,
        TopicPrefix = prefix ?? UniquePrefix(),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(800),
        OperationTimeout = TimeSpan.FromSeconds(5),
        KeepAlive = TimeSpan.FromSeconds(10),
    };

    public static string UniquePrefix() => "test/" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<MqttConnection> StartAsync(MqttOptions options, CapturingLogger<MqttConnection> logger, bool waitConnected = true)
    {
        var connection = new MqttConnection(options, logger);
        await connection.StartAsync();
        if (waitConnected)
        {
            await WaitConnectedAsync(connection, logger);
        }

        return connection;
    }

    public static async Task WaitConnectedAsync(MqttConnection connection, CapturingLogger<MqttConnection> logger)
    {
        try
        {
            await connection.WaitUntilConnectedAsync().WaitAsync(Eventually.DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the connection did not come up; its log:\n{logger}");
        }
    }
}
