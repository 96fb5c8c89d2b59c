using MqttKube.FakeKube;
using MqttKube.Kubernetes;

namespace MqttKube.Tests.Kubernetes;

/// <summary>A fake API server and the product's Kubernetes layer connected to it.</summary>
internal sealed class KubeTestHost : IAsyncDisposable
{
    private KubeTestHost(FakeKubeServer server, KubeConnection connection)
    {
        Server = server;
        Connection = connection;
        Api = new KubeApi(connection);
        Discovery = new ApiDiscovery(Api);
        Objects = new ObjectClient(Api);
        Informers = new SharedInformers(Api, new InformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(200) });
        Port = new KubePort(Discovery, Informers, Objects);
    }

    public FakeKubeServer Server { get; }

    public KubeConnection Connection { get; }

    public KubeApi Api { get; }

    public ApiDiscovery Discovery { get; }

    public ObjectClient Objects { get; }

    public SharedInformers Informers { get; }

    /// <summary>The bindings' port over this server.</summary>
    public KubePort Port { get; }

    public static async Task<KubeTestHost> StartAsync(FakeKubeOptions? options = null)
    {
        var server = await FakeKubeServer.StartAsync(options);
        var connection = new KubeConnection(new k8s.KubernetesClientConfiguration { Host = server.BaseAddress.AbsoluteUri }, "test");
        return new KubeTestHost(server, connection);
    }

    public Task<ResourceType> TypeAsync(string resource, string? apiVersion = null) =>
        Discovery.ResolveAsync(resource, apiVersion, CancellationToken.None);

    /// <summary>What the server's discovery alone answers for the name (built-in kinds included), null for none.</summary>
    public async Task<ResourceType?> DiscoveredAsync(string resource, string? apiVersion = null) =>
        ApiDiscovery.Match(await Discovery.GetAllAsync(CancellationToken.None), resource, apiVersion);

    public async ValueTask DisposeAsync()
    {
        await Informers.DisposeAsync();
        Connection.Dispose();
        await Server.DisposeAsync();
    }

    public static string Deployment(string name, int replicas = 1, string ns = "media") =>
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + ns
        + "\",\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"replicas\":" + replicas + "}}";
}
