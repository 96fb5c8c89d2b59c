using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Plan;
using MqttKube.Kubernetes;

namespace MqttKube.Bindings.Inbound;

internal sealed partial class ActionAssociation
{
    /// <summary>Deletes the bound object and every object this action launched, with foreground propagation.</summary>
    private async Task<ActionOutcome> DeleteAsync(CancellationToken cancellationToken)
    {
        var type = Binding.Type!;
        var kube = Services.Kube;
        var deleted = 0;
        if (await kube.DeleteAsync(type, Target.Namespace, Target.Name, DeletePropagation.Foreground, null, cancellationToken).ConfigureAwait(false))
        {
            deleted++;
        }

        // Only what carries this action's label, and only that very object (its uid), never one that took its name since.
        foreach (var launched in await kube.ListAsync(type, Target.Namespace, ActionEffects.LaunchedSelector(launchLabel), cancellationToken).ConfigureAwait(false))
        {
            var name = Text(launched["metadata"]?["name"]);
            if (name is null || name == Target.Name)
            {
                continue;
            }

            try
            {
                if (await kube.DeleteAsync(type, Target.Namespace, name, DeletePropagation.Foreground, Text(launched["metadata"]?["uid"]), cancellationToken).ConfigureAwait(false))
                {
                    deleted++;
                }
            }
            catch (KubeApiException ex) when (ex.IsConflict)
            {
                // replaced by another object since the list: not ours
            }
        }

        LogDeleted(Logger, Target.Describe, deleted);
        return ActionOutcome.Ok;
    }

    /// <summary>What <c>kubectl rollout restart</c> does: stamp the pod template with <c>kubectl.kubernetes.io/restartedAt</c>.</summary>
    private async Task<ActionOutcome> RestartAsync(CancellationToken cancellationToken)
    {
        var now = Services.Time.GetUtcNow();
        var write = await GuardedPatch.WriteAsync(Services, Binding.Type!, Target.Namespace, Target.Name, current => ActionEffects.PlanRestart(current, now), Target.Latest, Binding.Activity, cancellationToken).ConfigureAwait(false);
        Services.Metrics.PatchConflicts(write.Conflicts);
        var failure = write.Outcome switch
        {
            PatchWriteOutcome.Patched or PatchWriteOutcome.Unchanged => null,
            PatchWriteOutcome.NotFound => "the object does not exist",
            PatchWriteOutcome.GaveUp => $"the object kept changing for {Services.ConflictTimeout.TotalSeconds:0} s",
            PatchWriteOutcome.NotKept => "the API server did not keep the restart annotation",
            _ => write.Problem ?? "refused",
        };
        if (failure is not null)
        {
            State.Error(failure);
            LogRestartFailed(Logger, Target.Describe, failure);
            return ActionOutcome.Error;
        }

        LogRestarted(Logger, Target.Describe);
        return ActionOutcome.Ok;
    }

    [LoggerMessage(EventId = 4321, Level = LogLevel.Information, Message = "{Target}: deleted {Count} object(s) (the named one and those this action launched)")]
    private static partial void LogDeleted(ILogger logger, string target, int count);

    [LoggerMessage(EventId = 4323, Level = LogLevel.Warning, Message = "{Target}: restart failed: {Reason}")]
    private static partial void LogRestartFailed(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 4324, Level = LogLevel.Information, Message = "{Target}: restarted")]
    private static partial void LogRestarted(ILogger logger, string target);
}
