using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

/// <summary>
/// Checks that need more than one key's value: topics, the files the config names, templates. Run after
/// binding by <see cref="ConfigLoader"/>, so <c>check</c> reports them with the rest.
/// </summary>
internal static partial class ConfigChecks
{
    public static void Run(MqttKubeConfig config, ConfigBindContext context)
    {
        CheckMqtt(config.Mqtt, context);
        for (var i = 0; i < config.Bindings.Length; i++)
        {
            var binding = config.Bindings[i];
            var path = $"bindings[{i}]";
            for (var j = 0; j < binding.Watch.Length; j++)
            {
                var watch = binding.Watch[j];
                CheckTopic(watch.Topic, At(watch.Node, "topic"), context, $"{path}.watch[{j}].topic", wildcards: false);
            }

            for (var j = 0; j < binding.Patch.Length; j++)
            {
                var patch = binding.Patch[j];
                CheckTopic(patch.Topic, At(patch.Node, "topic"), context, $"{path}.patch[{j}].topic", wildcards: true);
            }

            for (var j = 0; j < binding.Action.Length; j++)
            {
                var action = binding.Action[j];
                CheckTopic(action.Topic, At(action.Node, "topic"), context, $"{path}.action[{j}].topic", wildcards: true);
                if (action.Launch is not null)
                {
                    CheckFile(action.Launch, context);
                }
            }
        }
    }

    private static void CheckMqtt(MqttConfig mqtt, ConfigBindContext context)
    {
        if (mqtt.TopicPrefix is { } prefix)
        {
            CheckTopic(prefix, At(mqtt.Node, "topic-prefix"), context, "mqtt.topic-prefix", wildcards: false);
        }

        CheckTopic(mqtt.StatusTopic, At(mqtt.Node, "status-topic") ?? SourcePosition.Start, context, "mqtt.status-topic", wildcards: false);
        foreach (var file in new[] { mqtt.Tls?.Cafile, mqtt.Auth.Cafile, mqtt.Auth.Certfile, mqtt.Auth.Keyfile, mqtt.Auth.PasswordFile })
        {
            if (file is not null)
            {
                CheckFile(file, context);
            }
        }
    }

    /// <summary>Where a key's value is, or null when the key is not there.</summary>
    private static SourcePosition? At(YamlMapping? node, string key) => node?.Get(key)?.Position;

    /// <summary>MQTT topic rules: not empty, no NUL; <c>+</c> a whole level, <c>#</c> a whole last level, only where subscribing.</summary>
    internal static void CheckTopic(string topic, SourcePosition? position, ConfigBindContext context, string path, bool wildcards)
    {
        if (position is not { } at)
        {
            return; // the key is missing: the binder has said so
        }

        var problem = Mqtt.MqttTopic.Check(topic, wildcards);
        var message = problem switch
        {
            Mqtt.TopicProblem.None => null,
            Mqtt.TopicProblem.Empty => $"'{path}' must not be empty",
            Mqtt.TopicProblem.Nul => $"'{path}' must not contain a NUL character",
            Mqtt.TopicProblem.WildcardInName => $"'{path}' must not contain the wildcards + or # (it is published to, not subscribed to): '{YamlScalar.Shorten(topic)}'",
            _ => $"'{path}' uses a wildcard wrongly: '+' must be a whole level and '#' the whole last level: '{YamlScalar.Shorten(topic)}'",
        };
        if (message is not null)
        {
            context.Error(at, message);
        }
    }

    private static void CheckFile(ConfigPath file, ConfigBindContext context)
    {
        var problem = InputFile.Problem(file.Path);
        if (problem is null)
        {
            return;
        }

        if (!File.Exists(file.Path) && !Directory.Exists(file.Path))
        {
            var hint = !file.IsRelPath && !Path.IsPathRooted(file.Text) ? " (relative to the working directory; tag it !relpath to resolve it against the config file's folder)" : string.Empty;
            context.Error(file.Position, $"file not found: {file.Display}{hint}");
            return;
        }

        context.Error(file.Position, $"{file.Display}: {problem}");
    }
}
