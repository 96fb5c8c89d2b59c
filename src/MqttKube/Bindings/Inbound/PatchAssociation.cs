using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Plan;
using MqttKube.ValueMapping;

namespace MqttKube.Bindings.Inbound;

/// <summary>
/// MQTT → Kubernetes (SPEC 3.3): a mapped payload written at a singular locus of the bound object by a
/// <see cref="GuardedPatch"/>; not sent when the value already holds; a missing object is logged, never created.
/// </summary>
internal sealed partial class PatchAssociation(Binding binding, BoundObject target, PlannedPatch patch)
    : InboundAssociation(binding, target, "patch", patch.Config.Topic, patch.Config.Locus)
{
    protected override async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var result = patch.Values.Map(MapValue.Payload(payload));
        if (!result.Matched)
        {
            Count(PatchOutcome.Miss);
            LogMiss(Logger, payload, State.Topic, result.MissReason ?? "no map entry matches");
            return;
        }

        var value = result.Output;
        var shown = value?.ToJsonString() ?? "null";
        var write = await GuardedPatch.WriteAsync(Services, Binding.Type!, Binding.Namespace, Target.Name, current => patch.PlanWrite(current, value), Target.Latest, cancellationToken).ConfigureAwait(false);
        Services.Metrics.PatchConflicts(write.Conflicts);
        var locus = patch.Config.Locus;
        switch (write.Outcome)
        {
            case PatchWriteOutcome.Patched:
                Count(PatchOutcome.Patched);
                State.Value(shown, Services.Time.GetUtcNow());
                LogPatched(Logger, Plan.Target, locus, shown, write.Attempts);
                break;
            case PatchWriteOutcome.Unchanged:
                Count(PatchOutcome.Unchanged);
                State.Value(shown, Services.Time.GetUtcNow());
                LogUnchanged(Logger, Plan.Target, locus, shown);
                break;
            case PatchWriteOutcome.NotFound:
                Count(PatchOutcome.NotFound);
                State.Error("object not found");
                LogNotFound(Logger, Plan.Target, locus, shown);
                break;
            case PatchWriteOutcome.GaveUp:
                Count(PatchOutcome.Error);
                State.Error("the object kept changing; not written");
                LogGaveUp(Logger, Plan.Target, locus, shown, write.Conflicts, Services.ConflictTimeout.TotalSeconds);
                break;
            case PatchWriteOutcome.NotKept:
                Count(PatchOutcome.Error);
                State.Error($"the API server did not keep {locus} = {shown}");
                LogNotKept(Logger, Plan.Target, locus, shown);
                break;
            default:
                Count(PatchOutcome.Error);
                State.Error(write.Problem);
                LogRefused(Logger, Plan.Target, write.Problem ?? "refused");
                break;
        }
    }

    protected override void CountFailure() => Count(PatchOutcome.Error);

    private void Count(PatchOutcome outcome) => Services.Metrics.Patch(outcome);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "no mapping for '{Payload}' on {Topic}: {Reason}")]
    private static partial void LogMiss(ILogger logger, string payload, string topic, string reason);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "patched {Target}: {Locus} = {Value} ({Attempts} attempt(s))")]
    private static partial void LogPatched(ILogger logger, string target, string locus, string value, int attempts);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Debug, Message = "{Target}: {Locus} is already {Value}; nothing sent")]
    private static partial void LogUnchanged(ILogger logger, string target, string locus, string value);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "{Target} does not exist; {Locus} = {Value} not written (patches never create objects)")]
    private static partial void LogNotFound(ILogger logger, string target, string locus, string value);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Warning, Message = "{Target}: cannot write: {Reason}")]
    private static partial void LogRefused(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Error, Message = "{Target}: {Locus} = {Value} not written: the object changed under the patch {Conflicts} times and kept changing for {Seconds:0} s")]
    private static partial void LogGaveUp(ILogger logger, string target, string locus, string value, int conflicts, double seconds);

    [LoggerMessage(EventId = 4208, Level = LogLevel.Warning, Message = "{Target}: the API server accepted the patch of {Locus} = {Value} but did not keep it (a status subresource, or a field the kind does not have?)")]
    private static partial void LogNotKept(ILogger logger, string target, string locus, string value);
}
