namespace MqttKube.Kubernetes;

/// <summary>A kubeconfig user's `exec` credential plugin.</summary>
internal sealed record KubeExec(
    string Command,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    string ApiVersion,
    string? InstallHint);
