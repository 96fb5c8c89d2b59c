using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MqttKube.Kubernetes;
using MqttKube.Templates;
using MqttKube.ValueMapping;

namespace MqttKube.Bindings;

internal sealed partial class ActionAssociation
{
    private async Task<string> LaunchAsync(MapResult match, CancellationToken cancellationToken)
    {
        var type = Binding.Type!;
        if (action.Template is not { } template)
        {
            LogNoTemplate(Logger, Plan.Target, State.Topic);
            return "error";
        }

        var variables = TemplateContext.Create(Plan.Config.Node, action.Config.Node, match, boundObject: Binding.Latest);
        if (!template.TryRender(variables, out var obj, out var error) || obj is null)
        {
            State.Error(error);
            LogRenderFailed(Logger, Plan.Target, error ?? "not an object");
            return "error";
        }

        // The template's checks made kind, metadata and name strings (or absent): nothing here reads a payload's type.
        var kind = Text(obj["kind"]);
        if (!string.Equals(kind, type.Kind, StringComparison.OrdinalIgnoreCase))
        {
            LogWrongKind(Logger, Plan.Target, kind ?? "(none)", type.Kind);
            return "error";
        }

        ActionEffects.PrepareLaunch(obj, Binding.Namespace, action.LaunchLabel);
        var name = Text(obj["metadata"]!["name"]);

        try
        {
            var created = await Services.Objects.CreateAsync(type, Binding.Namespace, obj, cancellationToken).ConfigureAwait(false);
            LogLaunched(Logger, type.Kind, Binding.Namespace ?? "-", Text(created["metadata"]?["name"]) ?? name ?? "?");
            return "ok";
        }
        catch (KubeApiException ex) when (ex.IsAlreadyExists && !string.IsNullOrEmpty(name))
        {
            if (action.Config.OnExists == Configuration.OnExists.Skip)
            {
                LogSkipped(Logger, type.Kind, Binding.Namespace ?? "-", name);
                return "skipped";
            }
        }

        return await ReplaceAsync(type, name, obj, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// on-exists: replace — delete, wait for it to go, create again (a Job re-run); only an object this action launched
    /// (its <c>mqtt-kube/binding</c> label) or the binding's own named object: a payload that names another object
    /// never deletes it (SPEC 3.4).
    /// </summary>
    private async Task<string> ReplaceAsync(ResourceType type, string name, JsonObject obj, CancellationToken cancellationToken)
    {
        var existing = await Services.Objects.GetAsync(type, Binding.Namespace, name, cancellationToken).ConfigureAwait(false);
        var uid = Text(existing?["metadata"]?["uid"]);
        if (existing is not null)
        {
            if (!IsOurs(existing))
            {
                LogNotOurs(Logger, type.Kind, Binding.Namespace ?? "-", name, BindingLabel, action.LaunchLabel);
                State.Error($"{name} exists and was not launched by this action; not replaced");
                return "error";
            }

            try
            {
                await Services.Objects.DeleteAsync(type, Binding.Namespace, name, DeletePropagation.Foreground, uid, cancellationToken).ConfigureAwait(false);
            }
            catch (KubeApiException ex) when (ex.IsConflict)
            {
                // Another object took the name between the read and the delete: it is not ours to delete.
                LogNotOurs(Logger, type.Kind, Binding.Namespace ?? "-", name, BindingLabel, action.LaunchLabel);
                return "error";
            }

            await Services.Objects.WaitUntilGoneAsync(type, Binding.Namespace, name, uid, Services.ReplaceTimeout, cancellationToken).ConfigureAwait(false);
        }

        await Services.Objects.CreateAsync(type, Binding.Namespace, obj, cancellationToken).ConfigureAwait(false);
        LogReplaced(Logger, type.Kind, Binding.Namespace ?? "-", name);
        return "ok";
    }

    /// <summary>Whether this action may delete <paramref name="live"/>: it launched it, or it is the binding's own object.</summary>
    private bool IsOurs(JsonObject live) =>
        Text(live["metadata"]?["name"]) == Plan.Config.Name
        || Text(live["metadata"]?["labels"]?[BindingLabel]) == action.LaunchLabel;

    private static string? Text(JsonNode? node) => ActionEffects.Text(node);

    [LoggerMessage(EventId = 4311, Level = LogLevel.Warning, Message = "{Target}: the action on {Topic} has no launch template")]
    private static partial void LogNoTemplate(ILogger logger, string target, string topic);

    [LoggerMessage(EventId = 4312, Level = LogLevel.Warning, Message = "{Target}: cannot render the template: {Reason}; the launch is refused")]
    private static partial void LogRenderFailed(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 4313, Level = LogLevel.Warning, Message = "{Target}: the template's kind {Kind} differs from the binding's {Expected}; refused")]
    private static partial void LogWrongKind(ILogger logger, string target, string kind, string expected);

    [LoggerMessage(EventId = 4314, Level = LogLevel.Information, Message = "launched {Kind} {Namespace}/{Name}")]
    private static partial void LogLaunched(ILogger logger, string kind, string @namespace, string name);

    [LoggerMessage(EventId = 4315, Level = LogLevel.Information, Message = "{Kind} {Namespace}/{Name} exists; launch skipped (on-exists: skip)")]
    private static partial void LogSkipped(ILogger logger, string kind, string @namespace, string name);

    [LoggerMessage(EventId = 4316, Level = LogLevel.Information, Message = "replaced {Kind} {Namespace}/{Name} (on-exists: replace)")]
    private static partial void LogReplaced(ILogger logger, string kind, string @namespace, string name);

    [LoggerMessage(EventId = 4317, Level = LogLevel.Warning, Message = "{Kind} {Namespace}/{Name} exists but was not launched by this action (no label {Label}={Id}) and is not the binding's object; refused: not replaced, nothing created")]
    private static partial void LogNotOurs(ILogger logger, string kind, string @namespace, string name, string label, string id);
}
