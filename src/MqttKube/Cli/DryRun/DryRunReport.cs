using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MqttKube.Bindings;
using MqttKube.Bindings.Plan;
using MqttKube.Configuration;
using MqttKube.ValueMapping;

namespace MqttKube.Cli.DryRun;

/// <summary>What <c>dry-run</c> prints for each association a message reaches: readable first, JSON and YAML where they are copied.</summary>
internal static class DryRunReport
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Patch(TextWriter w, PlannedPatch patch, PatchPreview preview, bool haveObject)
    {
        if (!Mapped(w, preview.Result, "nothing would be sent"))
        {
            return;
        }

        var locus = patch.Config.Locus;
        if (preview.Problem is { } problem)
        {
            w.WriteLine($"  cannot write: {problem}; nothing would be sent");
        }
        else if (!haveObject)
        {
            w.WriteLine($"  would write {Json(preview.Result.Output)} at {locus} (give --object FILE to see the JSON Patch)");
        }
        else if (preview.Patch is not { Count: > 0 } ops)
        {
            w.WriteLine($"  nothing to send: {locus} is already {Json(preview.Result.Output)}");
        }
        else
        {
            w.WriteLine("  would send this JSON Patch:");
            JsonPatch(w, ops);
        }
    }

    public static void Action(TextWriter w, PlannedAction action, ActionPreview preview, DryRunTarget target)
    {
        if (!Mapped(w, preview.Result, "nothing would be done"))
        {
            return;
        }

        if (preview.Verb is not { } verb)
        {
            w.WriteLine($"  '{preview.Value}' is not an action (launch, create, delete, restart): nothing would be done");
        }
        else if (preview.Problem is { } problem)
        {
            w.WriteLine($"  {OutcomeNames.Of(verb)}: {problem}; nothing would be done");
        }
        else if (preview.Launched is { } launched)
        {
            var metadata = launched["metadata"];
            var name = ActionEffects.Text(metadata?["name"]) ?? (ActionEffects.Text(metadata?["generateName"]) is { } prefix ? prefix + "<random>" : "(no name)");
            var onExists = action.Config.OnExists == OnExists.Replace
                ? "on-exists: replace: when it exists and this action launched it, it is deleted and created again"
                : "on-exists: skip: when it exists, it is left as it is";
            // The object it would create: a CronJob's run launches a Job, so its kind is the object's, not the binding's.
            var launchedAs = target with { Kind = ActionEffects.Text(launched["kind"]) ?? target.Kind, Namespace = ActionEffects.Text(metadata?["namespace"]) ?? target.Namespace };
            w.WriteLine($"  would launch {launchedAs.Describe(name)} ({onExists}):");
            w.Write(JsonYaml.Write(launched, 4));
        }
        else if (verb == ActionVerb.Delete)
        {
            var where = target.Namespace is null ? string.Empty : $" in {target.Namespace}";
            w.WriteLine($"  would delete {target.Describe()} and every {target.Kind}{where} labelled {ActionEffects.LaunchedSelector(action.LaunchLabel(target.Namespace, target.Name))} (foreground propagation)");
        }
        else if (preview.Patch is { } ops)
        {
            w.WriteLine($"  would restart {target.Describe()} with this JSON Patch:");
            JsonPatch(w, ops);
        }
        else
        {
            w.WriteLine($"  would restart {target.Describe()}: {ActionEffects.RestartedAt.Text} set to the time (give --object FILE to see the JSON Patch)");
        }
    }

    /// <summary>The mapped value, or the miss; false on a miss.</summary>
    private static bool Mapped(TextWriter w, MapResult result, string consequence)
    {
        if (!result.Matched)
        {
            w.WriteLine($"  no match: {result.MissReason ?? "no map entry matches"}; {consequence}");
            return false;
        }

        w.WriteLine($"  value: {Json(result.Output)}");
        return true;
    }

    /// <summary>A JSON array with one operation a line: copied as is to <c>kubectl patch --type=json -p</c>.</summary>
    private static void JsonPatch(TextWriter w, IReadOnlyList<JsonNode> ops)
    {
        w.WriteLine("    [");
        for (var i = 0; i < ops.Count; i++)
        {
            w.WriteLine($"      {Json(ops[i])}{(i < ops.Count - 1 ? "," : string.Empty)}");
        }

        w.WriteLine("    ]");
    }

    public static string Json(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";
}
