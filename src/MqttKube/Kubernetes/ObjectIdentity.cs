using System.Text.Json;

namespace MqttKube.Kubernetes;

/// <summary>
/// What can be told of an object (or of the watch event carrying it) that cannot be read whole: its kind, name,
/// namespace and resourceVersion, found by a lenient token scan that keeps whatever it met before the text went wrong.
/// </summary>
internal sealed record ObjectIdentity(string? EventType, string? Kind, string? Namespace, string? Name, string? ResourceVersion)
{
    public static ObjectIdentity Find(ReadOnlySpan<byte> json, bool inEvent)
    {
        string? type = null, kind = null, ns = null, name = null, rv = null;
        var at = inEvent ? 1 : 0; // the depth of the object's own start (an event wraps it in "object")
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = int.MaxValue });
        var path = new string?[at + 3]; // the member names that lead to the current token
        try
        {
            while (reader.Read())
            {
                var depth = reader.CurrentDepth;
                if (depth >= path.Length)
                {
                    continue;
                }

                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    path[depth] = Text(ref reader);
                    continue;
                }

                if (reader.TokenType != JsonTokenType.String || depth == 0)
                {
                    continue;
                }

                var key = path[depth];
                var inObject = !inEvent || path[1] == "object";
                if (inEvent && depth == 1 && key == "type")
                {
                    type ??= Text(ref reader);
                }
                else if (inObject && depth == at + 1 && key == "kind")
                {
                    kind ??= Text(ref reader);
                }
                else if (inObject && depth == at + 2 && path[at + 1] == "metadata")
                {
                    switch (key)
                    {
                        case "name": name ??= Text(ref reader); break;
                        case "namespace": ns ??= Text(ref reader); break;
                        case "resourceVersion": rv ??= Text(ref reader); break;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // keep what was found before the text went wrong
        }

        return new ObjectIdentity(type, kind, ns, name, rv);
    }

    private static string? Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
