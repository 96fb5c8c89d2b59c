using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Plan;
using MqttKube.Kubernetes;
using MqttKube.ValueMapping;

namespace MqttKube.Bindings;

/// <summary>
/// MQTT → Kubernetes (SPEC 3.3): a mapped payload written at a singular locus in one JSON Patch guarded by the
/// object's resourceVersion (retried on conflict); not sent when the value already holds; a missing object is logged.
/// </summary>
internal sealed partial class PatchAssociation(BindingInstance binding, PlannedPatch patch, BindingServices services)
    : InboundAssociation(binding, "patch", patch.Config.Topic, patch.Config.Locus, services)
{
    protected override async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var result = patch.Values.Map(MapValue.Payload(payload));
        if (!result.Matched)
        {
            Services.Metrics.Patch("miss");
            LogMiss(Logger, payload, State.Topic, result.MissReason ?? "no map entry matches");
            return;
        }

        if (!IsReady(out var type))
        {
            Services.Metrics.Patch("error");
            return;
        }

        var value = result.Output?.DeepClone();
        string? planError = null;
        var outcome = await Services.Objects.JsonPatchAsync(type, Binding.Namespace, Plan.Config.Name, current =>
        {
            planError = null;
            if (!patch.Locus.PlanWrite(current, value, out var ops, out var error))
            {
                planError = error;
                return null;
            }

            return ops.Select(o => o.ToJsonNode()).ToArray();
        }, Binding.Latest, cancellationToken).ConfigureAwait(false);

        Services.Metrics.PatchConflicts(outcome.Conflicts);
        var shown = value?.ToJsonString() ?? "null";
        if (planError is not null)
        {
            Services.Metrics.Patch("error");
            State.Error(planError);
            LogPlanFailed(Logger, Plan.Target, planError);
            return;
        }

        switch (outcome.Outcome)
        {
            case PatchOutcome.Patched:
                Services.Metrics.Patch("patched");
                State.Value(shown, Services.Time.GetUtcNow());
                LogPatched(Logger, Plan.Target, patch.Config.Locus, shown, outcome.Attempts);
                break;
            case PatchOutcome.Unchanged:
                Services.Metrics.Patch("unchanged");
                State.Value(shown, Services.Time.GetUtcNow());
                LogUnchanged(Logger, Plan.Target, patch.Config.Locus, shown);
                break;
            case PatchOutcome.Conflict:
                Services.Metrics.Patch("error");
                State.Error("the object kept changing; not written");
                LogGaveUp(Logger, Plan.Target, patch.Config.Locus, shown, outcome.Conflicts);
                break;
            default:
                Services.Metrics.Patch("not_found");
                State.Error("object not found");
                LogNotFound(Logger, Plan.Target, patch.Config.Locus, shown);
                break;
        }
    }

    protected override void CountFailure() => Services.Metrics.Patch("error");

    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "no mapping for '{Payload}' on {Topic}: {Reason}")]
    private static partial void LogMiss(ILogger logger, string payload, string topic, string reason);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "patched {Target}: {Locus} = {Value} ({Attempts} attempt(s))")]
    private static partial void LogPatched(ILogger logger, string target, string locus, string value, int attempts);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Debug, Message = "{Target}: {Locus} is already {Value}; nothing sent")]
    private static partial void LogUnchanged(ILogger logger, string target, string locus, string value);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "{Target} does not exist; {Locus} = {Value} not written (patches never create objects)")]
    private static partial void LogNotFound(ILogger logger, string target, string locus, string value);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Error, Message = "{Target}: {Locus} = {Value} not written: the object changed under the patch {Conflicts} times and kept changing for 30 s")]
    private static partial void LogGaveUp(ILogger logger, string target, string locus, string value, int conflicts);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Warning, Message = "{Target}: cannot write: {Reason}")]
    private static partial void LogPlanFailed(ILogger logger, string target, string reason);
}
