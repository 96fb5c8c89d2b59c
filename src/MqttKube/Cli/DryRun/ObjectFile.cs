using System.Text.Json.Nodes;
using MqttKube.Configuration;
using MqttKube.JsonPath;

namespace MqttKube.Cli.DryRun;

/// <summary><c>dry-run --object FILE</c>: one Kubernetes object as <c>kubectl get -o json</c> prints it.</summary>
internal static class ObjectFile
{
    /// <summary>The object in <paramref name="path"/> (<c>-</c>: <paramref name="stdin"/>), or null with the problem.</summary>
    public static async Task<JsonObject?> ReadAsync(string path, Func<TextReader> stdin, Action<string> problem)
    {
        var shown = path == "-" ? "<stdin>" : path;
        byte[] json;
        if (path == "-")
        {
            var (input, tooLarge) = await InputFile.ReadBoundedAsync(stdin()).ConfigureAwait(false);
            if (input is null)
            {
                problem($"cannot read '{shown}': {tooLarge}");
                return null;
            }

            json = System.Text.Encoding.UTF8.GetBytes(input);
        }
        else if (!InputFile.TryReadBytes(path, out json!, out var unreadable))
        {
            problem($"cannot read '{shown}': {unreadable}");
            return null;
        }

        if (!JsonInput.TryParse(json, JsonInput.MaxDepth, out var node, out var invalid))
        {
            problem($"{shown}:{invalid.Line}:{invalid.Column}: invalid JSON: {invalid.Message}");
            return null;
        }

        if (node is JsonObject list && Bindings.Plan.ActionEffects.Text(list["kind"]) is "List")
        {
            problem($"{shown}: a List of objects; give one object ('kubectl get KIND NAME -o json')");
            return null;
        }

        if (node is not JsonObject obj || obj["metadata"] is not JsonObject)
        {
            problem($"{shown}: not a Kubernetes object (a JSON object with metadata), as 'kubectl get KIND NAME -o json' prints it");
            return null;
        }

        return obj;
    }
}
