namespace MqttKube.Tests.Kubernetes;

/// <summary>A test on <see cref="RealKubeApiServer"/>: skipped, saying why, when ../shared/k8s is absent.</summary>
public sealed class RealKubeFactAttribute : FactAttribute
{
    public RealKubeFactAttribute()
    {
        if (!RealKubeApiServer.Available)
        {
            Skip = "needs ../shared/k8s (a real kube-apiserver, see its README); skipped";
        }
    }
}
