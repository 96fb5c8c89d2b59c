namespace MqttKube.Kubernetes;

/// <summary>What connection discovery reads from the process: variables, the home folder, the service-account folder.</summary>
internal sealed record KubeEnvironment(Func<string, string?> GetVariable, string? HomeDirectory, string ServiceAccountDirectory)
{
    public const string DefaultServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>The clock of token renewals (tests move it).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static KubeEnvironment Process { get; } = new(
        Environment.GetEnvironmentVariable,
        Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        DefaultServiceAccountDirectory);
}
