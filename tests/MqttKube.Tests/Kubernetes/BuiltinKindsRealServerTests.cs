using MqttKube.Kubernetes;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.Kubernetes;

/// <summary>
/// The built-in kinds' table against a real kube-apiserver (v1.26, plain discovery): each entry is what the server's
/// discovery answers for each of its names, to the verbs and short names.
/// </summary>
[Collection(RealKubeCollection.Name)]
public sealed class BuiltinKindsRealServerTests(RealKubeControlPlane controlPlane) : IDisposable
{
    private readonly KubeConfigDir dir = new();

    public void Dispose() => dir.Dispose();

    [SkippableFact]
    public async Task EveryBuiltInKindIsWhatTheServersDiscoverySays()
    {
        controlPlane.Require();
        using var connection = KubeConnectionFactory.Create(dir.Env(("KUBECONFIG", controlPlane.Environment.Kubeconfig)));
        var discovered = await new ApiDiscovery(new KubeApi(connection)).GetAllAsync(CancellationToken.None);

        foreach (var entry in BuiltinKinds.All)
        {
            foreach (var (name, apiVersion) in new[] { (entry.Kind, null), (entry.Plural, null), (entry.QualifiedPlural, null), (entry.Kind, entry.ApiVersion) }
                .Concat(entry.ShortNames.Select(s => (s, (string?)null))))
            {
                var found = ApiDiscovery.Match(discovered, name, apiVersion);
                var table = ApiDiscovery.Match(BuiltinKinds.All, name, apiVersion);
                Assert.True(found is not null && table is not null, $"{name} {apiVersion}: discovery {found}, table {table}");
                Assert.Equal(Describe(found), Describe(table));
            }
        }
    }

    private static string Describe(ResourceType? t) =>
        t is null ? "none" : $"{t} {t.Plural} namespaced={t.Namespaced} verbs={string.Join(',', t.Verbs)} short={string.Join(',', t.ShortNames)}";
}
