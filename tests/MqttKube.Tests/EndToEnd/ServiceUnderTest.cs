using MqttKube.Bindings.Plan;
using MqttKube.FakeKube;
using MqttKube.Hosting;
using MqttKube.Kubernetes;
using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.EndToEnd;

/// <summary>
/// The whole service in process against the real broker and a cluster (the fake API server, or a namespace on the real
/// one): a config is written with the broker's port and a topic prefix of its own, a kubeconfig points at the cluster,
/// and a test client watches <c>PREFIX/#</c>. The service owns the cluster: disposing it disposes the cluster.
/// </summary>
internal sealed class ServiceUnderTest : IAsyncDisposable
{
    private readonly string directory;
    private readonly StringWriter logText;
    private readonly TextWriter logWriter;

    private ServiceUnderTest(string directory, TestCluster cluster, ServiceHost host, MqttTestClient client, string prefix, StringWriter logText, TextWriter logWriter)
    {
        this.directory = directory;
        this.logText = logText;
        this.logWriter = logWriter;
        Cluster = cluster;
        Host = host;
        Client = client;
        Prefix = prefix;
    }

    public TestCluster Cluster { get; }

    /// <summary>The fake API server (for tests that run only on it).</summary>
    public FakeKubeServer Kube => Cluster.Fake ?? throw new InvalidOperationException("this test needs the fake API server");

    public ServiceHost Host { get; }

    public MqttTestClient Client { get; }

    public string Prefix { get; }

    public string Log
    {
        get
        {
            lock (logWriter)
            {
                return logText.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the fake cluster (<paramref name="seed"/> prepares it), then the service on <paramref name="bindings"/>
    /// (the YAML of the bindings list, indented as under <c>bindings:</c>); waits until it is ready.
    /// </summary>
    public static async Task<ServiceUnderTest> StartAsync(MosquittoBroker broker, string bindings, Action<FakeKubeServer>? seed = null, Dictionary<string, string>? files = null, bool waitReady = true) =>
        await StartAsync(broker, bindings, await FakeCluster.StartAsync(seed), files, waitReady);

    /// <summary>Starts the service on <paramref name="bindings"/> against <paramref name="cluster"/> (seeded already).</summary>
    /// <param name="sections">More top-level sections (YAML), e.g. <c>homeassistant:</c>.</param>
    public static Task<ServiceUnderTest> StartAsync(MosquittoBroker broker, string bindings, TestCluster cluster, Dictionary<string, string>? files = null, bool waitReady = true, string sections = "")
    {
        var prefix = "e2e/" + Guid.NewGuid().ToString("N")[..8];
        var config = $"""
            mqtt:
              port: {broker.AnonymousPort}
              topic-prefix: {prefix}
              keepalive: 5
            http:
              bind: 127.0.0.1
              port: {FreePort()}
            logging:
              level: DEBUG
            {sections}
            bindings:
            {bindings}
            """;
        return StartConfigAsync(config, prefix, cluster, files, waitReady);
    }

    /// <summary>Starts the service on a whole config text (its broker port and topic prefix already set).</summary>
    public static async Task<ServiceUnderTest> StartConfigAsync(string config, string prefix, Action<FakeKubeServer>? seed = null, Dictionary<string, string>? files = null, bool waitReady = true) =>
        await StartConfigAsync(config, prefix, await FakeCluster.StartAsync(seed), files, waitReady);

    private static async Task<ServiceUnderTest> StartConfigAsync(string config, string prefix, TestCluster cluster, Dictionary<string, string>? files, bool waitReady)
    {
        var directory = Directory.CreateTempSubdirectory("mqtt-kube-e2e-").FullName;
        foreach (var (name, text) in files ?? [])
        {
            await File.WriteAllTextAsync(Path.Combine(directory, name), text);
        }

        var configPath = Path.Combine(directory, "config.yaml");
        await File.WriteAllTextAsync(configPath, config);
        var kubeconfig = await cluster.WriteKubeconfigAsync(directory);

        var loaded = BindingPlanner.Load(configPath);
        Assert.True(loaded.Success, string.Join("\n", loaded.Load.Diagnostics));
        var connection = KubeConnectionFactory.Create(new KubeEnvironment(v => v == "KUBECONFIG" ? kubeconfig : null, directory, Path.Combine(directory, "no-sa")));
        var client = await MqttTestClient.ConnectAsync(loaded.Plan!.Config.Mqtt.EffectivePort);
        await client.SubscribeAsync(prefix + "/#");

        var logText = new StringWriter();
        var logWriter = TextWriter.Synchronized(logText);
        var host = ServiceHost.Create(loaded.Plan!, connection, logs => logs.WriteTo(logWriter), configPath);
        var service = new ServiceUnderTest(directory, cluster, host, client, prefix, logText, logWriter);
        try
        {
            await host.StartAsync(CancellationToken.None);
            if (waitReady)
            {
                await Eventually.WaitAsync(() => host.Status.NotReady().Count == 0, () => "service ready: " + string.Join("; ", host.Status.NotReady()) + "\n" + service.Log);
            }
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    /// <summary>The config file the service runs on (and watches: editing it reloads the service).</summary>
    public string ConfigPath => Path.Combine(directory, "config.yaml");

    /// <summary>The service's web server.</summary>
    public Uri Http => new($"http://127.0.0.1:{Host.Status.Plan.Config.Http.Port}/");

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The full topic of <paramref name="topic"/>.</summary>
    public string Topic(string topic) => $"{Prefix}/{topic}";

    public Task PublishAsync(string topic, string payload, int qos = 1) => Client.PublishAsync(Topic(topic), payload, qos);

    /// <summary>Waits for <paramref name="payload"/> on <paramref name="topic"/>; a time-out shows the service's log.</summary>
    public async Task<ReceivedMessage> WaitForAsync(string topic, string payload, int from = 0)
    {
        try
        {
            return await Client.WaitForAsync(Topic(topic), payload, from);
        }
        catch (TimeoutException e)
        {
            var log = Log;
            throw new TimeoutException($"{e.Message}\nthe service's log ({Cluster.Name} cluster):\n{(log.Length > 20_000 ? "…" + log[^20_000..] : log)}", e);
        }
    }

    /// <summary>The payloads received on <paramref name="topic"/>, in order.</summary>
    public IReadOnlyList<string> Payloads(string topic) => Client.Messages.Where(m => m.Topic == Topic(topic)).Select(m => m.Payload).ToList();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync();
        }
        finally
        {
            await Host.DisposeAsync();
            await Client.DisposeAsync();
            await Cluster.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }
}
