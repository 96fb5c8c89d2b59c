using System.Globalization;
using MqttKube.Configuration;
using MqttKube.Mqtt;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Mqtt;

/// <summary>Builds and starts <see cref="MqttConnection"/>s against the test broker, with short back-off.</summary>
internal static class Harness
{
    /// <summary>Reconnects 100 ms doubling to 800 ms; operations time out after 5 s.</summary>
    public static readonly MqttTuning Fast = new()
    {
        ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(800),
        OperationTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>The anonymous listener with a topic prefix unique to the calling test.</summary>
    public static MqttConfig Config(int port, string? prefix = null) => new()
    {
        Host = MosquittoBroker.Host,
        Port = port,
        TopicPrefix = prefix ?? UniquePrefix(),
        Keepalive = 10,
    };

    /// <summary>
    /// A config's <c>mqtt:</c> block read as the service reads it (files, <c>MQTT_KUBE_MQTT_PASSWORD</c>):
    /// <paramref name="yaml"/> is the block's keys besides host, port, topic-prefix and keepalive, one per line.
    /// </summary>
    public static MqttConfig Parse(int port, string yaml, Func<string, string?>? environment = null)
    {
        var dir = Directory.CreateTempSubdirectory("mqtt-kube-mqtt-").FullName;
        try
        {
            var file = Path.Combine(dir, "config.yaml");
            var block = string.Join("\n", yaml.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "  " + l.Trim()));
            File.WriteAllText(file, string.Create(CultureInfo.InvariantCulture, $"""
                mqtt:
                  host: {MosquittoBroker.Host}
                  port: {port}
                  topic-prefix: {UniquePrefix()}
                  keepalive: 10
                {block}
                bindings:
                  - {"{"}resource: ConfigMap, name: x, namespace: y, watch: {"{"}locus: data, topic: t{"}"}{"}"}
                """));
            var loaded = ConfigLoader.Load(file, environment ?? (_ => null));
            Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics));
            return loaded.Config!.Mqtt;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static string UniquePrefix() => "test/" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<MqttConnection> StartAsync(MqttConfig config, CapturingLogger<MqttConnection> logger, bool waitConnected = true)
    {
        var connection = new MqttConnection(config, logger, Fast);
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
