using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

internal static partial class ConfigChecks
{
    /// <summary>A launch template must exist and be one Kubernetes object in YAML; its own errors name its own file.</summary>
    private static void CheckTemplate(ConfigPath template, ConfigBindContext context, string path)
    {
        CheckFile(template, context);
        if (!File.Exists(template.Path))
        {
            return;
        }

        var display = template.Display;
        string text;
        try
        {
            var bytes = File.ReadAllBytes(template.Path);
            var decoded = ConfigLoader.Decode(bytes, display, context.Diagnostics);
            if (decoded is null)
            {
                return;
            }

            text = decoded;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error(template.Position, $"cannot read the template of '{path}': {ex.Message}");
            return;
        }

        var root = YamlReader.Read(text, display, context.Diagnostics);
        if (root is null)
        {
            return;
        }

        if (root is not YamlMapping mapping)
        {
            context.Diagnostics.Add(display, root.Position, "a launch template must be one Kubernetes object (a mapping with apiVersion, kind and metadata)");
            return;
        }

        foreach (var key in new[] { "apiVersion", "kind", "metadata" })
        {
            if (mapping.Get(key) is null)
            {
                context.Diagnostics.Add(display, mapping.Position, $"the launch template has no '{key}'");
            }
        }
    }
}
