using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MqttKube.Cli.DryRun;

/// <summary><c>dry-run --object FILE</c>: one Kubernetes object as <c>kubectl get -o json</c> prints it.</summary>
internal static class ObjectFile
{
    /// <summary>The largest object file read (what a config may be).</summary>
    public const int MaxBytes = (int)Configuration.ConfigLoader.MaxFileBytes;

    /// <summary>The object in <paramref name="path"/> (<c>-</c>: <paramref name="stdin"/>), or null with the problem.</summary>
    public static async Task<JsonObject?> ReadAsync(string path, Func<TextReader> stdin, Action<string> problem)
    {
        var shown = path == "-" ? "<stdin>" : path;
        string text;
        try
        {
            // TODO(lead): read through the bounded file reader of the "inputs" branch once merged.
            text = path == "-" ? await ReadCappedAsync(stdin()).ConfigureAwait(false) : await ReadCappedAsync(path).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem($"cannot read '{shown}': {ex.Message}");
            return null;
        }
        catch (DecoderFallbackException)
        {
            problem($"cannot read '{shown}': it is not UTF-8 text");
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            var why = string.IsNullOrWhiteSpace(text) ? "the document is empty" : ex.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0];
            problem($"{shown}:{(ex.LineNumber ?? 0) + 1}:{(ex.BytePositionInLine ?? 0) + 1}: invalid JSON: {why}");
            return null;
        }

        if (node is JsonObject list && Bindings.ActionEffects.Text(list["kind"]) is "List")
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

    private static async Task<string> ReadCappedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, useAsync: false);
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
        return await ReadCappedAsync(reader).ConfigureAwait(false);
    }

    private static async Task<string> ReadCappedAsync(TextReader reader)
    {
        var buffer = new char[81920];
        var text = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            if (text.Length + read > MaxBytes)
            {
                throw new IOException($"it is larger than {MaxBytes / (1024 * 1024)} MB");
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }
}
