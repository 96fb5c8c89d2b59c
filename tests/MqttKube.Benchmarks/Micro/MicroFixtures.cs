using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;
using MqttKube.ValueMapping;

namespace MqttKube.Benchmarks.Micro;

/// <summary>Builds the objects the micro benchmarks exercise, as the service builds them from a config.</summary>
internal static class MicroFixtures
{
    /// <summary>Compiles a <c>values:</c> block written in YAML flow style.</summary>
    public static ValueMap ValueMap(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var node = YamlReader.Read(yaml, "bench.yaml", diagnostics) ?? throw new InvalidOperationException("empty values");
        var context = new ConfigBindContext("bench.yaml", diagnostics);
        var map = ValueMapCompiler.Compile(ValuesConfig.Bind(node, context, "values"), context, "values");
        return diagnostics.Items.Count == 0
            ? map
            : throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
    }

    /// <summary>A repository file, found by walking up from the binaries to <c>MqttKube.slnx</c>.</summary>
    public static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MqttKube.slnx")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new InvalidOperationException("cannot find the repository root (MqttKube.slnx) above " + AppContext.BaseDirectory);
    }
}
