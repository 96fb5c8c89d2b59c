using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MqttKube.FakeKube;

internal static partial class FakeSchema
{
    /// <summary>
    /// Decodes a written object as the typed API server does: returns the decoding error ("json: cannot unmarshal
    /// string into Go struct field DeploymentSpec.spec.replicas of type int32") or null; drops unknown fields, naming
    /// each in <paramref name="warnings"/>.
    /// </summary>
    public static string? Decode(FakeResource r, JsonObject obj, List<string> warnings)
    {
        if (!r.BuiltIn || !Kinds.TryGetValue(Key(r), out var kind))
        {
            return null;
        }

        foreach (var map in new[] { "labels", "annotations" })
        {
            foreach (var (_, value) in obj["metadata"]?[map] as JsonObject ?? [])
            {
                if (value is not null && value.GetValueKind() != JsonValueKind.String)
                {
                    return Unmarshal(Kind(value, integer: false), $"ObjectMeta.metadata.{map}", "string");
                }
            }
        }

        if (Typed.TryGetValue(Key(r), out var typed) && obj["spec"] is JsonObject spec)
        {
            foreach (var name in typed.Counts)
            {
                if (spec[name] is { } v && !(v is JsonValue n && n.TryGetValue<int>(out _)))
                {
                    return Unmarshal(Kind(v, integer: true), $"{kind.GoSpec}.spec.{name}", "int32");
                }
            }

            foreach (var name in typed.Flags)
            {
                if (spec[name] is { } v && v.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return Unmarshal(Kind(v, integer: false), $"{kind.GoSpec}.spec.{name}", "bool");
                }
            }
        }

        Prune(obj, ["apiVersion", "kind", "metadata", .. kind.Top], "", warnings);
        if (obj["metadata"] is JsonObject meta)
        {
            Prune(meta, Meta, "metadata.", warnings);
        }

        if (kind.Spec is not null && obj["spec"] is JsonObject s)
        {
            Prune(s, kind.Spec, "spec.", warnings);
        }

        return null;
    }

    /// <summary>Validation after decoding: value rules, label syntax and immutable fields; the 422 to answer, or null.</summary>
    public static FakeApiException? Validate(FakeResource r, JsonObject next, JsonObject? current)
    {
        var name = (string?)next["metadata"]?["name"] ?? "";
        if (Typed.TryGetValue(Key(r), out var typed) && r.BuiltIn)
        {
            foreach (var field in typed.Counts)
            {
                if (next["spec"]?[field] is JsonValue v && v.TryGetValue<int>(out var count) && count < 0)
                {
                    return FakeStatus.Invalid(r, name, $"spec.{field}", $"Invalid value: {count}: must be greater than or equal to 0");
                }
            }
        }

        foreach (var (key, value) in next["metadata"]?["labels"] as JsonObject ?? [])
        {
            if (LabelKeyProblem(key) is { } keyProblem)
            {
                return FakeStatus.Invalid(r, name, "metadata.labels", $"Invalid value: \"{key}\": {keyProblem}");
            }

            if (value is JsonValue v && v.TryGetValue<string>(out var text) && LabelValueProblem(text) is { } valueProblem)
            {
                return FakeStatus.Invalid(r, name, "metadata.labels", $"Invalid value: \"{text}\": {valueProblem}");
            }
        }

        return current is null || !r.BuiltIn ? null : ImmutableProblem(r, name, next, current);
    }

    private static FakeApiException? ImmutableProblem(FakeResource r, string name, JsonObject next, JsonObject current)
    {
        if (next["metadata"]?["uid"] is { } uid && !JsonNode.DeepEquals(uid, current["metadata"]?["uid"]))
        {
            return FakeStatus.Invalid(r, name, "metadata.uid", $"Invalid value: {uid.ToJsonString()}: field is immutable");
        }

        if (Key(r) == "apps/StatefulSet")
        {
            var keys = Keys(next["spec"]).Union(Keys(current["spec"])).Except(StatefulSetMutable);
            return keys.Any(k => !JsonNode.DeepEquals(next["spec"]?[k], current["spec"]?[k]))
                ? FakeStatus.Invalid(r, name, "spec", "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")
                : null;
        }

        foreach (var field in Immutable.GetValueOrDefault(Key(r)) ?? [])
        {
            if (!JsonNode.DeepEquals(next["spec"]?[field], current["spec"]?[field]))
            {
                return FakeStatus.Invalid(r, name, $"spec.{field}", $"Invalid value: {next["spec"]?[field]?.ToJsonString() ?? "null"}: field is immutable");
            }
        }

        return null;
    }

    private static IEnumerable<string> Keys(JsonNode? node) => node is JsonObject o ? o.Select(kv => kv.Key) : [];

    private static void Prune(JsonObject obj, IReadOnlyCollection<string> known, string prefix, List<string> warnings)
    {
        foreach (var key in obj.Select(kv => kv.Key).Where(k => !known.Contains(k)).ToList())
        {
            obj.Remove(key);
            warnings.Add($"unknown field \"{prefix}{key}\"");
        }
    }

    private static string Unmarshal(string jsonKind, string field, string goType) =>
        $"json: cannot unmarshal {jsonKind} into Go struct field {field} of type {goType}";

    /// <summary>How Go's encoding/json names the JSON value it could not decode.</summary>
    private static string Kind(JsonNode value, bool integer) => value.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => integer ? "number " + value.ToJsonString() : "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    private const string LabelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    private const string NamePartMessage = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    private static string? LabelValueProblem(string value) =>
        value.Length > 63 ? "must be no more than 63 characters" : LabelValue().IsMatch(value) ? null : LabelValueMessage;

    private static string? LabelKeyProblem(string key)
    {
        var slash = key.LastIndexOf('/');
        var (prefix, namePart) = slash < 0 ? (null, key) : (key[..slash], key[(slash + 1)..]);
        if (prefix is not null && (prefix.Length is 0 or > 253 || !Subdomain().IsMatch(prefix)))
        {
            return "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
        }

        return namePart.Length == 0 ? "name part must be non-empty"
            : namePart.Length > 63 ? "name part must be no more than 63 characters"
            : LabelValue().IsMatch(namePart) ? null : NamePartMessage;
    }

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();
}
