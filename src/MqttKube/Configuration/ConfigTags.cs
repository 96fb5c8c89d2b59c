namespace MqttKube.Configuration;

/// <summary>The custom YAML tags a config may use.</summary>
internal static class ConfigTags
{
    /// <summary><c>!relpath PATH</c>: PATH resolved against the config file's folder.</summary>
    public const string RelPath = "!relpath";
}
