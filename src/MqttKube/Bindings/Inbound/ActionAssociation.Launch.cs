using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Plan;
using MqttKube.Configuration;
using MqttKube.Kubernetes;

namespace MqttKube.Bindings.Inbound;

internal sealed partial class ActionAssociation
{
    /// <summary>Creates <paramref name="obj"/> (rendered and labelled by <see cref="ActionPreview"/>); <c>on-exists</c> says what an existing one gets.</summary>
    private async Task<ActionOutcome> LaunchAsync(ResourceType type, JsonObject obj, OnExists onExists, CancellationToken cancellationToken)
    {
        var name = Text(obj["metadata"]?["name"]);
        try
        {
            var created = await Services.Kube.CreateAsync(type, Target.Namespace, obj, cancellationToken).ConfigureAwait(false);
            LogLaunched(Logger, type.Kind, Target.Namespace ?? "-", Text(created["metadata"]?["name"]) ?? name ?? "?");
            return ActionOutcome.Ok;
        }
        catch (KubeApiException ex) when (ex.IsAlreadyExists && !string.IsNullOrEmpty(name))
        {
            if (onExists == OnExists.Skip)
            {
                LogSkipped(Logger, type.Kind, Target.Namespace ?? "-", name);
                return ActionOutcome.Skipped;
            }
        }

        return await ReplaceAsync(type, name, obj, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// on-exists: replace — delete, wait for it to go, create again (a Job re-run); only an object this action launched
    /// (its <c>mqtt-kube/binding</c> label) or the binding's own named object: a payload that names another object
    /// never deletes it (SPEC 3.4).
    /// </summary>
    private async Task<ActionOutcome> ReplaceAsync(ResourceType type, string name, JsonObject obj, CancellationToken cancellationToken)
    {
        var kube = Services.Kube;
        var existing = await kube.GetAsync(type, Target.Namespace, name, cancellationToken).ConfigureAwait(false);
        var uid = Text(existing?["metadata"]?["uid"]);
        if (existing is not null)
        {
            if (!IsOurs(existing))
            {
                LogNotOurs(Logger, type.Kind, Target.Namespace ?? "-", name, ActionEffects.BindingLabel, launchLabel);
                State.Error($"{name} exists and was not launched by this action; not replaced");
                return ActionOutcome.Error;
            }

            try
            {
                await kube.DeleteAsync(type, Target.Namespace, name, DeletePropagation.Foreground, uid, cancellationToken).ConfigureAwait(false);
            }
            catch (KubeApiException ex) when (ex.IsConflict)
            {
                // Another object took the name between the read and the delete: it is not ours to delete.
                LogNotOurs(Logger, type.Kind, Target.Namespace ?? "-", name, ActionEffects.BindingLabel, launchLabel);
                return ActionOutcome.Error;
            }

            await kube.WaitUntilGoneAsync(type, Target.Namespace, name, uid, Services.ReplaceTimeout, cancellationToken).ConfigureAwait(false);
        }

        await kube.CreateAsync(type, Target.Namespace, obj, cancellationToken).ConfigureAwait(false);
        LogReplaced(Logger, type.Kind, Target.Namespace ?? "-", name);
        return ActionOutcome.Ok;
    }

    /// <summary>Whether this action may delete <paramref name="live"/>: it launched it, or it is the binding's own object.</summary>
    private bool IsOurs(JsonObject live) =>
        Text(live["metadata"]?["name"]) == Target.Name
        || Text(live["metadata"]?["labels"]?[ActionEffects.BindingLabel]) == launchLabel;

    [LoggerMessage(EventId = 4314, Level = LogLevel.Information, Message = "launched {Kind} {Namespace}/{Name}")]
    private static partial void LogLaunched(ILogger logger, string kind, string @namespace, string name);

    [LoggerMessage(EventId = 4315, Level = LogLevel.Information, Message = "{Kind} {Namespace}/{Name} exists; launch skipped (on-exists: skip)")]
    private static partial void LogSkipped(ILogger logger, string kind, string @namespace, string name);

    [LoggerMessage(EventId = 4316, Level = LogLevel.Information, Message = "replaced {Kind} {Namespace}/{Name} (on-exists: replace)")]
    private static partial void LogReplaced(ILogger logger, string kind, string @namespace, string name);

    [LoggerMessage(EventId = 4317, Level = LogLevel.Warning, Message = "{Kind} {Namespace}/{Name} exists but was not launched by this action (no label {Label}={Id}) and is not the binding's object; refused: not replaced, nothing created")]
    private static partial void LogNotOurs(ILogger logger, string kind, string @namespace, string name, string label, string id);
}
