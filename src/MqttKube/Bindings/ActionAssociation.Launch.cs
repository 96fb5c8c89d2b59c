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

        var variables = TemplateContext.Create(Plan.Config.Node, action.Config.Node, match);
        if (!template.TryRender(variables, out var obj, out var error) || obj is null)
        {
            State.Error(error);
            LogRenderFailed(Logger, Plan.Target, error ?? "not an object");
            return "error";
        }

        var kind = (string?)(obj["kind"] as JsonValue);
        if (!string.Equals(kind, type.Kind, StringComparison.OrdinalIgnoreCase))
        {
            LogWrongKind(Logger, Plan.Target, kind ?? "(none)", type.Kind);
            return "error";
        }

        var metadata = obj["metadata"] as JsonObject ?? new JsonObject();
        obj["metadata"] = metadata;
        if (Binding.Namespace is { } ns)
        {
            metadata["namespace"] = ns;
        }

        var labels = metadata["labels"] as JsonObject ?? new JsonObject();
        metadata["labels"] = labels;
        labels[ManagedByLabel] = ManagedByValue;
        labels[BindingLabel] = action.LaunchLabel;
        var name = (string?)(metadata["name"] as JsonValue);

        try
        {
            var created = await Services.Objects.CreateAsync(type, Binding.Namespace, obj, cancellationToken).ConfigureAwait(false);
            LogLaunched(Logger, type.Kind, Binding.Namespace ?? "-", (string?)created["metadata"]?["name"] ?? name ?? "?");
            return "ok";
        }
        catch (KubeApiException ex) when (ex.IsAlreadyExists && name is not null)
        {
            if (action.Config.OnExists == Configuration.OnExists.Skip)
            {
                LogSkipped(Logger, type.Kind, Binding.Namespace ?? "-", name);
                return "skipped";
            }
        }

        // on-exists: replace — delete, wait for it to go, create again (a Job re-run).
        var existing = await Services.Objects.GetAsync(type, Binding.Namespace, name, cancellationToken).ConfigureAwait(false);
        var uid = (string?)existing?["metadata"]?["uid"];
        await Services.Objects.DeleteAsync(type, Binding.Namespace, name, DeletePropagation.Foreground, cancellationToken).ConfigureAwait(false);
        await Services.Objects.WaitUntilGoneAsync(type, Binding.Namespace, name, uid, Services.ReplaceTimeout, cancellationToken).ConfigureAwait(false);
        await Services.Objects.CreateAsync(type, Binding.Namespace, obj, cancellationToken).ConfigureAwait(false);
        LogReplaced(Logger, type.Kind, Binding.Namespace ?? "-", name);
        return "ok";
    }

    [LoggerMessage(EventId = 4311, Level = LogLevel.Warning, Message = "{Target}: the action on {Topic} has no launch template")]
    private static partial void LogNoTemplate(ILogger logger, string target, string topic);

    [LoggerMessage(EventId = 4312, Level = LogLevel.Warning, Message = "{Target}: cannot render the template: {Reason}")]
    private static partial void LogRenderFailed(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 4313, Level = LogLevel.Warning, Message = "{Target}: the template's kind {Kind} differs from the binding's {Expected}; refused")]
    private static partial void LogWrongKind(ILogger logger, string target, string kind, string expected);

    [LoggerMessage(EventId = 4314, Level = LogLevel.Information, Message = "launched {Kind} {Namespace}/{Name}")]
    private static partial void LogLaunched(ILogger logger, string kind, string @namespace, string name);

    [LoggerMessage(EventId = 4315, Level = LogLevel.Information, Message = "{Kind} {Namespace}/{Name} exists; launch skipped (on-exists: skip)")]
    private static partial void LogSkipped(ILogger logger, string kind, string @namespace, string name);

    [LoggerMessage(EventId = 4316, Level = LogLevel.Information, Message = "replaced {Kind} {Namespace}/{Name} (on-exists: replace)")]
    private static partial void LogReplaced(ILogger logger, string kind, string @namespace, string name);
}
