using System.Text.Json.Nodes;
using MqttKube.Bindings.Plan;
using MqttKube.Cli.DryRun;
using MqttKube.Mqtt;
using MqttKube.Templates;

namespace MqttKube.Cli;

/// <summary>
/// <c>mqtt-kube dry-run [--object FILE] [--] CONFIG TOPIC PAYLOAD</c> (SPEC 17): what every patch and action that a
/// message reaches would do, without connecting anywhere.
/// </summary>
internal sealed class DryRunCommand(Func<TextReader>? stdin = null, TimeProvider? time = null, Func<string>? newUid = null) : ICommand
{
    private const string Prefix = "mqtt-kube dry-run:";

    public string Name => "dry-run";

    public string Summary => "print what a message would do (JSON Patch, launched object, delete) without connecting";

    public string Usage => """
        Usage: mqtt-kube dry-run [--object FILE] [--] CONFIG TOPIC PAYLOAD

        Prints, for every patch and action of CONFIG whose topic matches TOPIC, what
        the service would do with PAYLOAD, without connecting anywhere: the mapped
        value; for a patch the JSON Patch it would send (against the object in FILE),
        or without FILE the locus and value; for an action the object a launch would
        create (YAML, with the namespace and labels the service adds), what a delete
        would remove, or the patch a restart would send.

        TOPIC is the topic as published on the broker, topic-prefix included; a
        topic outside the prefix is read as relative to it.

        Options:
          --object FILE   the bound object as 'kubectl get KIND NAME -o json' prints
                          it (- for standard input); templates see it as 'object'
          --              end of options (so a PAYLOAD such as -1 is a payload)
          --help          show this help

        Exit codes: 0 (also when nothing matches), 2 on a bad config, arguments or
        object file.

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        string? objectFile = null;
        var positional = new List<string>();
        var options = true;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (options && arg == "--")
            {
                options = false;
            }
            else if (options && arg == "--object")
            {
                if (i + 1 >= args.Count)
                {
                    await stderr.WriteLineAsync($"{Prefix} --object needs a FILE (try --help)").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }

                objectFile = args[++i];
            }
            else if (options && arg.StartsWith("--object=", StringComparison.Ordinal))
            {
                objectFile = arg["--object=".Length..];
            }
            else if (options && arg.StartsWith('-') && arg.Length > 1)
            {
                await stderr.WriteLineAsync($"{Prefix} unknown option '{arg}' (try --help; use -- before a payload that starts with '-')").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            else
            {
                positional.Add(arg);
            }
        }

        if (positional.Count != 3)
        {
            await stderr.WriteLineAsync($"{Prefix} expected CONFIG TOPIC PAYLOAD (try --help)").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var (config, topic, payload) = (positional[0], positional[1], positional[2]);
        if (!MqttTopic.IsValidTopicName(topic))
        {
            await stderr.WriteLineAsync($"{Prefix} '{topic}' is not a topic a message is published to (not empty, no + or #)").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var loaded = BindingPlanner.Load(config);
        if (!loaded.Success)
        {
            await CheckCommand.WriteProblemsAsync(loaded.Load, stderr).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        JsonObject? current = null;
        if (objectFile is not null)
        {
            string? problem = null;
            current = await ObjectFile.ReadAsync(objectFile, stdin ?? (() => Console.In), p => problem = p).ConfigureAwait(false);
            if (current is null)
            {
                await stderr.WriteLineAsync($"{Prefix} {problem}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
        }

        var output = new StringWriter();
        Run(loaded.Plan!, topic, payload, current, output);
        await stdout.WriteAsync(output.ToString()).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>Writes what the message does to each association it reaches, in the order the service subscribes them.</summary>
    private void Run(BindingPlan plan, string topic, string payload, JsonObject? current, TextWriter w)
    {
        var prefix = plan.Config.Mqtt.TopicPrefix;
        var relative = MqttTopic.TryRelativize(prefix, topic, out var below) ? below : topic;
        var how = string.IsNullOrEmpty(prefix) ? string.Empty
            : relative == topic ? $" (outside topic-prefix '{prefix}': read as relative to it)"
            : $" (under topic-prefix '{prefix}')";
        var reached = 0;
        w.WriteLine($"topic {relative}{how}, payload {DryRunReport.Json(JsonValue.Create(payload))}");
        foreach (var binding in plan.Bindings)
        {
            var bindingTarget = DryRunTarget.Of(binding);
            foreach (var patch in binding.Patches)
            {
                if (bindingTarget.Reached(binding, patch.Config.Topic, relative) is not { } target)
                {
                    continue;
                }

                var note = Note(binding, current, target);
                w.WriteLine();
                w.WriteLine($"{binding.Path}.patch[{patch.Index}]: {target.Describe()}, topic {patch.Config.Topic}");
                WriteNote(w, note);
                DryRunReport.Patch(w, patch, PatchPreview.Of(patch, payload, current), current is not null);
                reached++;
            }

            foreach (var action in binding.Actions)
            {
                if (bindingTarget.Reached(binding, action.Config.Topic, relative) is not { } target)
                {
                    continue;
                }

                var note = Note(binding, current, target);
                w.WriteLine();
                w.WriteLine($"{binding.Path}.action[{action.Index}]: {target.Describe()}, topic {action.Config.Topic}");
                WriteNote(w, note);
                var uid = newUid?.Invoke() ?? TemplateContext.NewUid();
                var now = (time ?? TimeProvider.System).GetUtcNow();
                DryRunReport.Action(w, action, ActionPreview.Of(binding, action, payload, target.Kind, target.Namespace, current, uid, now, action.LaunchLabel(target.Namespace, target.Name)), target);
                reached++;
            }
        }

        if (reached == 0)
        {
            w.WriteLine("no patch or action listens on this topic: nothing would be done");
        }
    }

    /// <summary>Why the --object is not what the message would act on (another object, or one the binding does not bind).</summary>
    private static string? Note(PlannedBinding binding, JsonObject? current, DryRunTarget target) =>
        current is null ? target.Unbound
        : Mismatch(current, target) is { } other ? $"  note: the --object is {other}, not {target.Describe()}"
        : binding.Selector is { } selector && !selector.Matches(current) ? $"  note: the --object does not match the selector {selector.Text}: the service would not bind it"
        : target.Unbound;

    private static void WriteNote(TextWriter w, string? note)
    {
        if (note is not null)
        {
            w.WriteLine(note);
        }
    }

    /// <summary>How the given object differs from the binding's (kind, namespace, name), or null when it is the one.</summary>
    private static string? Mismatch(JsonObject current, DryRunTarget target)
    {
        var kind = Bindings.Plan.ActionEffects.Text(current["kind"]);
        var ns = Bindings.Plan.ActionEffects.Text(current["metadata"]?["namespace"]);
        var name = Bindings.Plan.ActionEffects.Text(current["metadata"]?["name"]);
        var same = (kind is null || string.Equals(kind, target.Kind, StringComparison.OrdinalIgnoreCase))
            && (ns is null || target.Namespace is null || ns == target.Namespace)
            && name == target.Name;
        return same ? null : new DryRunTarget(kind ?? "object", ns, name ?? "(no name)").Describe();
    }
}
