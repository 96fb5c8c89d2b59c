using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Plan;
using MqttKube.ValueMapping;

namespace MqttKube.Bindings;

/// <summary>
/// MQTT → Kubernetes (SPEC 3.4): a payload mapped to an action: <c>launch</c> (alias <c>create</c>) an object from the
/// template, <c>delete</c> the named object and every object this action launched, or <c>restart</c> a workload.
/// </summary>
internal sealed partial class ActionAssociation(BindingInstance binding, PlannedAction action, BindingServices services)
    : InboundAssociation(binding, "action", action.Config.Topic, null, services)
{
    public const string ManagedByLabel = ActionEffects.ManagedByLabel;
    public const string ManagedByValue = ActionEffects.ManagedByValue;
    public const string BindingLabel = ActionEffects.BindingLabel;

    internal PlannedAction Action => action;

    protected override async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var result = action.Values.Map(MapValue.Payload(payload));
        if (!result.Matched)
        {
            Services.Metrics.Action("other", "miss");
            LogMiss(Logger, payload, State.Topic, result.MissReason ?? "no map entry matches");
            return;
        }

        var verb = ActionEffects.Verb(result.Output, out var name);
        if (verb is null)
        {
            Services.Metrics.Action("other", "error");
            LogNotImplemented(Logger, Plan.Target, name);
            return;
        }

        if (!IsReady(out _))
        {
            Services.Metrics.Action(verb, "error");
            return;
        }

        var outcome = verb switch
        {
            "launch" => await LaunchAsync(result, cancellationToken).ConfigureAwait(false),
            "delete" => await DeleteAsync(cancellationToken).ConfigureAwait(false),
            _ => await RestartAsync(cancellationToken).ConfigureAwait(false),
        };
        Services.Metrics.Action(verb, outcome);
        if (outcome is "ok" or "skipped")
        {
            State.Value($"{verb} ({outcome})", Services.Time.GetUtcNow());
        }
    }

    protected override void CountFailure() => Services.Metrics.Action("other", "error");

    [LoggerMessage(EventId = 4301, Level = LogLevel.Debug, Message = "no action for '{Payload}' on {Topic}: {Reason}")]
    private static partial void LogMiss(ILogger logger, string payload, string topic, string reason);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "{Target}: action '{Action}' is not implemented (launch, create, delete, restart)")]
    private static partial void LogNotImplemented(ILogger logger, string target, string action);
}
