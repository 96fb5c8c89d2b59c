namespace MqttKube.Tests.Support.RealKube;

/// <summary>
/// The tests on the real API server: one control plane for all of them, and one test at a time (an API-server restart
/// must not cut another test's watches); they still run beside the other collections.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealKubeCollection : ICollectionFixture<RealKubeControlPlane>
{
    public const string Name = "real kube-apiserver";
}
