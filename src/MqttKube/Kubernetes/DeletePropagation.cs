namespace MqttKube.Kubernetes;

/// <summary>`propagationPolicy` of a deletion.</summary>
internal enum DeletePropagation
{
    Background,
    Foreground,
    Orphan,
}
