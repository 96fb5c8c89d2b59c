using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MqttKube.JsonPath;

namespace MqttKube.Bindings.Plan;

/// <summary>
/// What an action does, as pure functions shared by the service and <c>dry-run</c> (SPEC 3.4, 17): the verb a mapped
/// value names, the object a launch creates, the selector of what a delete removes, the write a restart makes.
/// </summary>
internal static class ActionEffects
{
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "mqtt-kube";
    public const string BindingLabel = "mqtt-kube/binding";

    /// <summary>Where <c>restart</c> writes, as <c>kubectl rollout restart</c> does.</summary>
    public static readonly Locus RestartedAt = Locus.TryParse("$.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']", out var l, out _)
        ? l
        : throw new InvalidOperationException("the restart locus does not parse");

    /// <summary>
    /// <c>launch</c> (alias <c>create</c>), <c>delete</c>, <c>restart</c> or <c>run</c> for a mapped value, any case; null for any
    /// other, with <paramref name="name"/> the value as the log names it.
    /// </summary>
    public static ActionVerb? Verb(JsonNode? output, out string name)
    {
        name = output is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : output?.ToJsonString() ?? "null";
        return name.ToLowerInvariant() switch
        {
            "launch" or "create" => ActionVerb.Launch,
            "delete" => ActionVerb.Delete,
            "restart" => ActionVerb.Restart,
            "run" => ActionVerb.Run,
            _ => null,
        };
    }

    /// <summary>
    /// The rendered object as a launch creates it: in the binding's namespace (none for a cluster-scoped kind), with
    /// the labels that mark what this action launched. Changes and returns <paramref name="obj"/>.
    /// </summary>
    public static JsonObject PrepareLaunch(JsonObject obj, string? ns, string launchLabel)
    {
        var metadata = obj["metadata"] as JsonObject ?? new JsonObject();
        obj["metadata"] = metadata;
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }
        else
        {
            metadata.Remove("namespace");
        }

        var labels = metadata["labels"] as JsonObject ?? new JsonObject();
        metadata["labels"] = labels;
        labels[ManagedByLabel] = ManagedByValue;
        labels[BindingLabel] = launchLabel;
        return obj;
    }

    /// <summary>The label selector of the objects an action launched (what <c>delete</c> removes besides the named one).</summary>
    public static string LaunchedSelector(string launchLabel) => $"{ManagedByLabel}={ManagedByValue},{BindingLabel}={launchLabel}";

    /// <summary>Kinds <c>restart</c> works on.</summary>
    public static bool CanRestart(string kind) => kind is "Deployment" or "DaemonSet" or "StatefulSet";

    /// <summary>The value <c>restart</c> writes at <see cref="RestartedAt"/>.</summary>
    public static JsonValue RestartStamp(DateTimeOffset now) => JsonValue.Create(now.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));

    /// <summary>The write of a restart at <paramref name="now"/> against <paramref name="current"/> (the service and <c>dry-run</c> alike).</summary>
    public static PatchPlan PlanRestart(JsonObject current, DateTimeOffset now) =>
        RestartedAt.PlanWrite(current, RestartStamp(now), out var ops, out var error)
            ? new PatchPlan([.. ops.Select(o => o.ToJsonNode())])
            : PatchPlan.Refused(error ?? "the restart annotation cannot be written");

    /// <summary>A JSON string's text; null for anything else (never throws on a number or a mapping).</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
