using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Plan;

namespace MqttKube.Bindings.Inbound;

/// <summary>
/// MQTT → Kubernetes (SPEC 3.4): a payload mapped to an action on the bound object: <c>launch</c> (alias
/// <c>create</c>) an object from the template, <c>delete</c> the object and every object this action launched, or
/// <c>restart</c> a workload. What to do is decided by <see cref="ActionPreview"/>, as <c>dry-run</c> shows it.
/// </summary>
internal sealed partial class ActionAssociation(Binding binding, BoundObject target, PlannedAction action)
    : InboundAssociation(binding, target, "action", target.TopicOf(action.Config.Topic), null)
{
    /// <summary>What marks the objects this action launched for this bound object (and only for it).</summary>
    private readonly string launchLabel = action.LaunchLabel(target.Namespace, target.Name);

    protected override async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var type = Binding.Type!;
        var preview = ActionPreview.Of(Plan, action, payload, type.Kind, Target.Namespace, Target.Latest, Services.NewUid(), Services.Time.GetUtcNow(), launchLabel, Target.ObjectValue());
        if (preview.Verb == ActionVerb.Run && Target.Latest is null)
        {
            // Only run needs the object itself (its spec is the template): read it then, not for every action.
            var current = await CurrentForRunAsync(cancellationToken).ConfigureAwait(false);
            preview = ActionPreview.Of(Plan, action, payload, type.Kind, Target.Namespace, current, Services.NewUid(), Services.Time.GetUtcNow(), launchLabel, Target.ObjectValue());
        }
        if (!preview.Result.Matched)
        {
            Count(ActionVerb.Other, ActionOutcome.Miss);
            LogMiss(Logger, payload, State.Topic, preview.Result.MissReason ?? "no map entry matches");
            return;
        }

        if (preview.Verb is not { } verb)
        {
            Count(ActionVerb.Other, ActionOutcome.Error);
            LogNotImplemented(Logger, Target.Describe, preview.Value);
            return;
        }

        if (preview.Problem is { } problem)
        {
            Count(verb, ActionOutcome.Error);
            State.Error(problem);
            LogRefused(Logger, Target.Describe, problem, OutcomeNames.Of(verb));
            return;
        }

        var outcome = verb switch
        {
            ActionVerb.Launch => await LaunchAsync(type, preview.Launched!, action.Config.OnExists, cancellationToken).ConfigureAwait(false),
            ActionVerb.Run => await RunAsync(preview.Launched!, cancellationToken).ConfigureAwait(false),
            ActionVerb.Delete => await DeleteAsync(cancellationToken).ConfigureAwait(false),
            _ => await RestartAsync(cancellationToken).ConfigureAwait(false),
        };
        Count(verb, outcome);
        if (outcome is ActionOutcome.Ok or ActionOutcome.Skipped)
        {
            State.Value($"{OutcomeNames.Of(verb)} ({OutcomeNames.Of(outcome)})", Services.Time.GetUtcNow());
        }
    }

    protected override void CountFailure() => Count(ActionVerb.Other, ActionOutcome.Error);

    private void Count(ActionVerb verb, ActionOutcome outcome) => Services.Metrics.Action(verb, outcome);

    private static string? Text(JsonNode? node) => ActionEffects.Text(node);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Debug, Message = "no action for '{Payload}' on {Topic}: {Reason}")]
    private static partial void LogMiss(ILogger logger, string payload, string topic, string reason);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "{Target}: action '{Action}' is not implemented (launch, create, delete, restart)")]
    private static partial void LogNotImplemented(ILogger logger, string target, string action);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "{Target}: {Problem}; the {Verb} is refused")]
    private static partial void LogRefused(ILogger logger, string target, string problem, string verb);
}
