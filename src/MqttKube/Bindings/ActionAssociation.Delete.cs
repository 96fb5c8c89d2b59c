using Microsoft.Extensions.Logging;
using MqttKube.Kubernetes;

namespace MqttKube.Bindings;

internal sealed partial class ActionAssociation
{
    /// <summary>Deletes the binding's object and every object this action launched, with foreground propagation.</summary>
    private async Task<string> DeleteAsync(CancellationToken cancellationToken)
    {
        var type = Binding.Type!;
        var deleted = 0;
        if (await Services.Objects.DeleteAsync(type, Binding.Namespace, Plan.Config.Name, DeletePropagation.Foreground, null, cancellationToken).ConfigureAwait(false))
        {
            deleted++;
        }

        // Only what carries this action's label, and only that very object (its uid), never one that took its name since.
        var selector = ActionEffects.LaunchedSelector(action.LaunchLabel);
        foreach (var launched in await Services.Objects.ListAsync(type, Binding.Namespace, selector, cancellationToken).ConfigureAwait(false))
        {
            var name = Text(launched["metadata"]?["name"]);
            if (name is null || name == Plan.Config.Name)
            {
                continue;
            }

            try
            {
                if (await Services.Objects.DeleteAsync(type, Binding.Namespace, name, DeletePropagation.Foreground, Text(launched["metadata"]?["uid"]), cancellationToken).ConfigureAwait(false))
                {
                    deleted++;
                }
            }
            catch (KubeApiException ex) when (ex.IsConflict)
            {
                // replaced by another object since the list: not ours
            }
        }

        LogDeleted(Logger, Plan.Target, deleted);
        return "ok";
    }

    /// <summary>What <c>kubectl rollout restart</c> does: stamp the pod template with <c>kubectl.kubernetes.io/restartedAt</c>.</summary>
    private async Task<string> RestartAsync(CancellationToken cancellationToken)
    {
        var type = Binding.Type!;
        if (!ActionEffects.CanRestart(type.Kind))
        {
            LogCannotRestart(Logger, Plan.Target, type.Kind);
            return "error";
        }

        var stamp = ActionEffects.RestartStamp(Services.Time.GetUtcNow());
        string? planError = null;
        var result = await Services.Objects.JsonPatchAsync(type, Binding.Namespace, Plan.Config.Name, current =>
        {
            if (!ActionEffects.RestartedAt.PlanWrite(current, stamp, out var ops, out var error))
            {
                planError = error;
                return null;
            }

            return ops.Select(o => o.ToJsonNode()).ToArray();
        }, cancellationToken).ConfigureAwait(false);

        Services.Metrics.PatchConflicts(result.Conflicts);
        if (planError is not null || result.Outcome is PatchOutcome.NotFound or PatchOutcome.Conflict)
        {
            LogRestartFailed(Logger, Plan.Target, planError ?? (result.Outcome == PatchOutcome.NotFound ? "the object does not exist" : "the object kept changing for 30 s"));
            return "error";
        }

        LogRestarted(Logger, Plan.Target);
        return "ok";
    }

    [LoggerMessage(EventId = 4321, Level = LogLevel.Information, Message = "{Target}: deleted {Count} object(s) (the named one and those this action launched)")]
    private static partial void LogDeleted(ILogger logger, string target, int count);

    [LoggerMessage(EventId = 4322, Level = LogLevel.Warning, Message = "{Target}: restart works on Deployments, DaemonSets and StatefulSets, not {Kind}")]
    private static partial void LogCannotRestart(ILogger logger, string target, string kind);

    [LoggerMessage(EventId = 4323, Level = LogLevel.Warning, Message = "{Target}: restart failed: {Reason}")]
    private static partial void LogRestartFailed(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 4324, Level = LogLevel.Information, Message = "{Target}: restarted")]
    private static partial void LogRestarted(ILogger logger, string target);
}
