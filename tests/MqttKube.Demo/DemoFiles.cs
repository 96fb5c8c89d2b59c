namespace MqttKube.Demo;

/// <summary>examples/config-demo.yaml and its template, pointed at the demo's broker and web port, and a kubeconfig for the fake cluster.</summary>
internal static class DemoFiles
{
    public static async Task<string> PrepareAsync(string root, string workDir, int brokerPort, int httpPort, Uri cluster)
    {
        var examples = Path.Combine(root, "examples");
        var config = (await File.ReadAllTextAsync(Path.Combine(examples, "config-demo.yaml")))
            .Replace("  port: 1883", $"  port: {brokerPort}", StringComparison.Ordinal)
            .Replace("  port: 8080", $"  port: {httpPort}", StringComparison.Ordinal);
        var configPath = Path.Combine(workDir, "config-demo.yaml");
        await File.WriteAllTextAsync(configPath, config);
        File.Copy(Path.Combine(examples, "job-example.yaml"), Path.Combine(workDir, "job-example.yaml"));
        await File.WriteAllTextAsync(Path.Combine(workDir, "kubeconfig"), $"""
            apiVersion: v1
            kind: Config
            clusters: [{"{"}name: demo, cluster: {"{"}server: "{cluster.ToString().TrimEnd('/')}"{"}"}{"}"}]
            users: [{"{"}name: demo, user: {"{"}token: demo{"}"}{"}"}]
            contexts: [{"{"}name: demo, context: {"{"}cluster: demo, user: demo, namespace: default{"}"}{"}"}]
            current-context: demo
            """);
        return configPath;
    }
}
