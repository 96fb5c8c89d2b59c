using System.Text.Json.Nodes;
using MqttKube.Templates;
using MqttKube.ValueMapping;

namespace MqttKube.Bindings.Plan;

/// <summary>
/// What an action would do with one payload (SPEC 3.4, 17), from the functions the service runs: the verb, and for
/// <c>launch</c> the object as it would be created, for <c>restart</c> the write (a JSON Patch when the object is
/// given), or why it would do nothing (<see cref="Problem"/>).
/// </summary>
internal sealed record ActionPreview(MapResult Result, ActionVerb? Verb, string Value, JsonObject? Launched, IReadOnlyList<JsonNode>? Patch, string? Problem)
{
    /// <param name="kind">The binding's kind (<c>Job</c>).</param>
    /// <param name="ns">The namespace the service would use (null for a cluster-scoped kind).</param>
    /// <param name="current">The bound object as it is; null when unknown.</param>
    /// <param name="launchLabel">The label that marks what the action launches for this object (<see cref="PlannedAction.LaunchLabel"/>).</param>
    public static ActionPreview Of(PlannedBinding binding, PlannedAction action, string payload, string kind, string? ns, JsonObject? current, string uid, DateTimeOffset now, string launchLabel, Expressions.PyValue? boundObject = null)
    {
        var result = action.Values.Map(MapValue.Payload(payload), boundObject);
        if (!result.Matched)
        {
            return new ActionPreview(result, null, string.Empty, null, null, null);
        }

        var verb = ActionEffects.Verb(result.Output, out var value);
        var preview = new ActionPreview(result, verb, value, null, null, null);
        switch (verb)
        {
            case ActionVerb.Launch when action.Template is null:
                return preview with { Problem = "the action has no launch template" };
            case ActionVerb.Launch:
                var variables = TemplateContext.Create(binding.Config.Node, action.Config.Node, result, uid, current);
                if (boundObject is { } bound)
                {
                    variables["object"] = bound;
                }

                if (!action.Template.TryRender(variables, out var obj, out var error) || obj is null)
                {
                    return preview with { Problem = $"cannot render the template: {error ?? "not an object"}" };
                }

                var templateKind = ActionEffects.Text(obj["kind"]);
                return string.Equals(templateKind, kind, StringComparison.OrdinalIgnoreCase)
                    ? preview with { Launched = ActionEffects.PrepareLaunch(obj, ns, launchLabel) }
                    : preview with { Problem = $"the template's kind {templateKind ?? "(none)"} differs from the binding's {kind}" };
            case ActionVerb.Run when kind is not ("CronJob" or "Job"):
                return preview with { Problem = $"run works on CronJobs and Jobs, not {kind}" };
            case ActionVerb.Run when current is null:
                return preview with { Problem = "the object does not exist" };
            case ActionVerb.Run:
                var job = kind == "CronJob" ? RunEffects.JobFromCronJob(current, uid) : RunEffects.JobAgain(current);
                return preview with { Launched = ActionEffects.PrepareLaunch(job, ns, launchLabel) };
            case ActionVerb.Restart when !ActionEffects.CanRestart(kind):
                return preview with { Problem = $"restart works on Deployments, DaemonSets and StatefulSets, not {kind}" };
            case ActionVerb.Restart when current is not null:
                var plan = ActionEffects.PlanRestart(current, now);
                return plan.Problem is { } planError
                    ? preview with { Problem = planError }
                    : preview with { Patch = PatchPreview.Guarded(current, plan.Operations) };
            default:
                return preview;
        }
    }
}
