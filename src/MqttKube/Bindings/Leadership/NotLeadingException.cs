namespace MqttKube.Bindings.Leadership;

/// <summary>A write refused because this replica stopped leading since the command was queued (never retried).</summary>
internal sealed class NotLeadingException()
    : InvalidOperationException("not done: this replica is no longer the leader (the leader handles commands)");
