using System.Buffers;
using System.Text.Json;
using MqttKube.Bindings.Reload;

namespace MqttKube.Http;

/// <summary>
/// The status page's content as JSON (<c>/status.json</c>): camelCase names, enums as their names, nulls written.
/// Written by hand on a <see cref="Utf8JsonWriter"/>: a serializer context for these records cost about 140 KB of the
/// executable (its metadata and converters).
/// </summary>
internal static class StatusJson
{
    public static byte[] Write(IStatusView status)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("version", status.Version);
            writer.WriteString("startedAt", status.StartedAt);
            WriteMqtt(writer, status.Mqtt);
            WriteConfig(writer, status.Config);
            WriteKubernetes(writer, status.Kubernetes);
            writer.WriteStartArray("loops");
            foreach (var loop in status.Loops)
            {
                writer.WriteStartObject();
                writer.WriteString("name", loop.Name);
                writer.WriteBoolean("alive", loop.Alive);
                writer.WriteString("reason", loop.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("bindings");
            foreach (var binding in status.Bindings)
            {
                WriteBinding(writer, binding);
            }

            writer.WriteEndArray();
            WriteLeader(writer, status.Leader);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteMqtt(Utf8JsonWriter writer, MqttStatus mqtt)
    {
        writer.WriteStartObject("mqtt");
        writer.WriteBoolean("connected", mqtt.Connected);
        writer.WriteString("broker", mqtt.Broker);
        writer.WriteString("clientId", mqtt.ClientId);
        WriteTime(writer, "since", mqtt.Since);
        writer.WriteString("lastError", mqtt.LastError);
        writer.WriteEndObject();
    }

    private static void WriteConfig(Utf8JsonWriter writer, ReloadStatus? config)
    {
        if (config is null)
        {
            writer.WriteNull("config");
            return;
        }

        writer.WriteStartObject("config");
        writer.WriteString("path", config.Path);
        writer.WriteNumber("generation", config.Generation);
        writer.WriteString("lastOutcome", config.LastOutcome?.ToString());
        WriteTime(writer, "lastAt", config.LastAt);
        writer.WriteString("lastTrigger", config.LastTrigger);
        writer.WriteString("lastSummary", config.LastSummary);
        writer.WriteStartArray("lastErrors");
        foreach (var error in config.LastErrors)
        {
            writer.WriteStringValue(error);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteKubernetes(Utf8JsonWriter writer, KubeStatus kube)
    {
        writer.WriteStartObject("kubernetes");
        writer.WriteString("server", kube.Server);
        writer.WriteString("version", kube.Version);
        writer.WriteString("source", kube.Source);
        writer.WriteStartArray("listWatches");
        foreach (var listWatch in kube.ListWatches)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", listWatch.Kind);
            writer.WriteString("namespace", listWatch.Namespace);
            writer.WriteString("selector", listWatch.Selector);
            writer.WriteBoolean("synced", listWatch.Synced);
            writer.WriteNumber("objects", listWatch.Objects);
            writer.WriteNumber("restarts", listWatch.Restarts);
            writer.WriteString("lastError", listWatch.LastError);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Only with leader election on (the status page shows the same).</summary>
    private static void WriteLeader(Utf8JsonWriter writer, LeaderStatus? leader)
    {
        if (leader is null)
        {
            return;
        }

        writer.WriteStartObject("leader");
        writer.WriteBoolean("leading", leader.Leading);
        writer.WriteString("identity", leader.Identity);
        writer.WriteString("holder", leader.Holder);
        writer.WriteString("lease", leader.Lease);
        writer.WriteEndObject();
    }

    private static void WriteBinding(Utf8JsonWriter writer, BindingStatus binding)
    {
        writer.WriteStartObject();
        writer.WriteString("id", binding.Id);
        writer.WriteString("resource", binding.Resource);
        writer.WriteString("namespace", binding.Namespace);
        writer.WriteString("name", binding.Name);
        writer.WriteString("state", binding.State);
        writer.WriteStartArray("objects");
        foreach (var obj in binding.Objects)
        {
            writer.WriteStartObject();
            writer.WriteString("namespace", obj.Namespace);
            writer.WriteString("name", obj.Name);
            writer.WriteStartArray("associations");
            foreach (var association in obj.Associations)
            {
                WriteAssociation(writer, association);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteBoolean("isRunning", binding.IsRunning);
        writer.WriteEndObject();
    }

    private static void WriteAssociation(Utf8JsonWriter writer, AssociationStatus association)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", association.Kind);
        writer.WriteString("topic", association.Topic);
        writer.WriteString("locus", association.Locus);
        writer.WriteBoolean("synced", association.Synced);
        writer.WriteString("lastValue", association.LastValue);
        WriteTime(writer, "lastChanged", association.LastChanged);
        writer.WriteString("lastError", association.LastError);
        writer.WriteString("published", association.Published);
        writer.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.WriteString(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
