namespace MqttKube.Generators.Config;

/// <summary>Names of the pipeline steps, for the incremental-caching test.</summary>
public static class TrackingNames
{
    public const string Objects = "ConfigObjects";
    public const string Enums = "ConfigEnums";
    public const string Schema = "ConfigSchema";
}
