using System.Globalization;
using System.Text;

namespace MqttKube.Benchmarks.Service;

/// <summary>
/// The service's config for the benchmarks: per binding, Deployment <c>app-i</c> in namespace <c>bench-(i mod 10)</c>
/// (<see cref="BenchCluster.Namespace"/>), a patch of spec.replicas on <c>app-i/set</c> and a watch on <c>app-i/state</c>.
/// </summary>
internal static class BenchConfig
{
    public static string Write(string path, int brokerPort, string prefix, int httpPort, int bindings, string watchLocus, string level = "INFO")
    {
        var text = new StringBuilder($$"""
            mqtt: {host: 127.0.0.1, port: {{brokerPort}}, topic-prefix: "{{prefix}}", client-id: "{{prefix.Replace('/', '-')}}"}
            http: {bind: 127.0.0.1, port: {{httpPort}}}
            logging: {level: {{level}}}
            bindings:

            """);
        for (var i = 0; i < bindings; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                  - namespace: {{BenchCluster.Namespace(i, bindings)}}
                    resource: Deployment
                    name: {{BenchCluster.Name(i)}}
                    patch: {topic: {{BenchCluster.Name(i)}}/set, locus: spec.replicas, values: {transform: int} }
                    watch: {locus: {{watchLocus}}, topic: {{BenchCluster.Name(i)}}/state}

                """);
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }
}
