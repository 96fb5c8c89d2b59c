using System.Text;
using MqttKube.Bindings.Plan;
using MqttKube.Configuration;

namespace MqttKube.Bindings.Reload;

internal sealed partial class ConfigReloader
{
    private static string Summary(ApplyResult applied, bool mqtt, bool http, bool homeAssistant)
    {
        var parts = new List<string>();
        Add(applied.Added, "added");
        Add(applied.Changed, "changed");
        Add(applied.Removed, "removed");
        parts.Add($"{applied.Kept} unchanged");
        if (mqtt)
        {
            parts.Add("mqtt reconnected");
        }

        if (http)
        {
            parts.Add("http rebound");
        }

        if (homeAssistant)
        {
            parts.Add("homeassistant changed");
        }

        return string.Join(", ", parts);

        void Add(int count, string what)
        {
            if (count > 0)
            {
                parts.Add($"{count} {what}");
            }
        }
    }

    /// <summary>Whether discovery was turned on or off, or its discovery prefix or Home Assistant's status topic moved.</summary>
    private static bool HomeAssistantChanged(HomeAssistantConfig? before, HomeAssistantConfig? after) =>
        before?.DiscoveryPrefix != after?.DiscoveryPrefix || before?.StatusTopic != after?.StatusTopic;

    /// <summary>Whether the topics move: the prefix differs in effect (<c>a</c> and <c>a/</c> are one prefix).</summary>
    private static bool TopicPrefixChanged(MqttConfig before, MqttConfig after) =>
        !string.Equals(Mqtt.MqttTopic.Join(before.TopicPrefix, "t"), Mqtt.MqttTopic.Join(after.TopicPrefix, "t"), StringComparison.Ordinal);

    /// <summary>The <c>mqtt</c> section as it counts for a reconnect: its settings, its secret, the files it names.</summary>
    private static string MqttSection(MqttConfig mqtt)
    {
        var text = new StringBuilder(Dump(mqtt.Dump)).Append("\n#password ").Append(mqtt.Auth.Password)
            .Append("\n#keyfile-password ").Append(mqtt.Auth.KeyfilePassword);
        foreach (var file in new[] { mqtt.Tls?.Cafile, mqtt.Auth.PasswordFile, mqtt.Auth.Cafile, mqtt.Auth.Certfile, mqtt.Auth.Keyfile })
        {
            if (file is not null)
            {
                text.Append("\n#file ").Append(file.Path).Append(' ').Append(BindingIdentity.FileText(file.Path));
            }
        }

        return text.ToString();
    }

    private static string Dump(Action<ConfigDumpWriter> dump)
    {
        var writer = new ConfigDumpWriter();
        dump(writer);
        return writer.ToString();
    }

    /// <summary>The contents of the config and of the templates it names: a reload is worth it only when they differ.</summary>
    private string Fingerprint(BindingPlan running)
    {
        var text = new StringBuilder(BindingIdentity.FileText(path));
        foreach (var file in running.Bindings.SelectMany(b => b.Config.Action).Select(a => a.Launch?.Path).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            text.Append('\n').Append(file).Append(' ').Append(BindingIdentity.FileText(file));
        }

        return text.ToString();
    }
}
