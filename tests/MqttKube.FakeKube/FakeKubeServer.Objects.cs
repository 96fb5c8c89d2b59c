using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

public sealed partial class FakeKubeServer
{
    private static bool StatusOnly(FakeTarget t) => t.Subresource switch
    {
        null => false,
        "status" when t.Resource.HasStatus => true,
        _ => throw FakeStatus.NotFoundResource(),
    };

    /// <summary>GET of an object, or of its status subresource where the kind has one (the whole object either way).</summary>
    private JsonObject GetObject(FakeTarget target)
    {
        StatusOnly(target);
        return Store.Get(target.Resource, target.Namespace, target.Name!);
    }

    private JsonObject ListObjects(RecordedRequest request, FakeTarget target)
    {
        if (target.Subresource != null)
        {
            throw FakeStatus.NotFoundResource();
        }

        var r = target.Resource;
        var (items, rv) = Store.List(r, target.Namespace, LabelSelector.Parse(request["labelSelector"]), FieldSelector.Parse(request["fieldSelector"]));
        // resourceVersion=0 is served from the watch cache, which (kube-apiserver v1.26) ignores limit: the whole list.
        int? limit = request["resourceVersion"] != "0" && int.TryParse(request["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : null;
        var (page, pageRv, cont, remaining) = Store.Page(items, rv, limit, string.IsNullOrEmpty(request["continue"]) ? null : request["continue"]);
        var meta = new JsonObject { ["resourceVersion"] = pageRv.ToString(CultureInfo.InvariantCulture) };
        if (cont != null)
        {
            meta["continue"] = cont;
            meta["remainingItemCount"] = remaining;
        }

        var array = new JsonArray();
        foreach (var item in page)
        {
            if (r.BuiltIn)
            {
                item.Remove("kind"); // the real server drops type metadata from items of built-in lists
                item.Remove("apiVersion");
            }

            array.Add(item);
        }

        return new JsonObject { ["kind"] = r.Kind + "List", ["apiVersion"] = r.GroupVersion, ["metadata"] = meta, ["items"] = array };
    }

    private JsonObject Replace(RecordedRequest request, FakeTarget target, List<string> warnings)
    {
        var statusOnly = StatusOnly(target);
        var body = Decoded(target, ParseBodyObject(request, target), warnings);
        return Store.Update(target.Resource, target.Namespace, target.Name!, _ => body, statusOnly, request["fieldManager"]);
    }

    private JsonObject Patch(RecordedRequest request, FakeTarget target, List<string> warnings)
    {
        var statusOnly = StatusOnly(target);
        var contentType = (request.ContentType ?? "").Split(';')[0].Trim();
        if (contentType is not ("application/json-patch+json" or "application/merge-patch+json" or "application/strategic-merge-patch+json"))
        {
            throw FakeStatus.UnsupportedMediaType();
        }

        JsonNode? patch;
        try
        {
            patch = JsonNode.Parse(request.Body, documentOptions: Deep);
        }
        catch (JsonException e)
        {
            throw FakeStatus.BadRequest($"error decoding patch: {e.Message}");
        }

        Func<JsonObject, JsonObject> apply = (contentType, patch) switch
        {
            ("application/json-patch+json", JsonArray ops) => current => ApplyJsonPatch(current, ops),
            ("application/json-patch+json", _) => throw FakeStatus.BadRequest($"error decoding patch: json: cannot unmarshal {GoKind(patch)} into Go value of type []handlers.jsonPatchOp"),
            (_, JsonObject) => current => MergePatch.Apply(current, patch) as JsonObject ?? throw FakeStatus.BadRequest("merge patch result is not an object"),
            _ => throw FakeStatus.BadRequest($"error decoding patch: json: cannot unmarshal {GoKind(patch)} into Go value of type map[string]interface {{}}"),
        };
        return Store.Update(target.Resource, target.Namespace, target.Name!, current =>
        {
            var patched = apply(current);
            return FakeSchema.Decode(target.Resource, patched, warnings) is { } error ? throw FakeStatus.PatchUndecodable(patched, error) : patched;
        }, statusOnly, request["fieldManager"]);
    }

    private static string GoKind(JsonNode? node) => node switch
    {
        JsonArray => "array",
        JsonObject => "object",
        null => "null",
        _ => node.GetValueKind() is JsonValueKind.String ? "string" : node.GetValueKind() is JsonValueKind.Number ? "number" : "bool",
    };

    private static JsonObject ApplyJsonPatch(JsonObject current, JsonArray ops)
    {
        try
        {
            return JsonPatch.Apply(current, ops) as JsonObject ?? throw FakeStatus.PatchNotApplicable("the patched document is not an object");
        }
        catch (JsonPatchException e)
        {
            throw e.BadRequest ? FakeStatus.BadRequest(e.Message) : FakeStatus.PatchNotApplicable(e.Message);
        }
    }

    private (int, JsonNode) DeleteObject(RecordedRequest request, FakeTarget target)
    {
        if (target.Subresource != null)
        {
            throw FakeStatus.NotFoundResource();
        }

        var propagation = request["propagationPolicy"];
        string? preconditionRv = null;
        string? preconditionUid = null;
        if (!string.IsNullOrWhiteSpace(request.Body))
        {
            JsonNode? options;
            try
            {
                options = JsonNode.Parse(request.Body);
            }
            catch (JsonException e)
            {
                throw FakeStatus.BadRequest($"failed to decode DeleteOptions: {e.Message}");
            }

            propagation = (string?)options?["propagationPolicy"] ?? propagation;
            preconditionRv = (string?)options?["preconditions"]?["resourceVersion"];
            preconditionUid = (string?)options?["preconditions"]?["uid"];
        }

        if (propagation is not (null or "" or "Foreground" or "Background" or "Orphan"))
        {
            var detail = $"Unsupported value: \"{propagation}\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"";
            throw new FakeApiException(422, FakeStatus.Make(422, "Invalid", $"DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: {detail}", new JsonObject
            {
                ["group"] = "meta.k8s.io",
                ["kind"] = "DeleteOptions",
                ["causes"] = new JsonArray(new JsonObject { ["reason"] = "FieldValueNotSupported", ["message"] = detail, ["field"] = "propagationPolicy" }),
            }));
        }

        // 200 either way: the object while finalizers hold it; once gone, a Success Status (the object for Pods, Services, Namespaces).
        var (obj, deleted) = Store.Delete(target.Resource, target.Namespace, target.Name!, propagation, preconditionRv, preconditionUid);
        return (200, !deleted || target.Resource is { Group: "", Kind: "Pod" or "Service" or "Namespace" } ? obj : FakeStatus.Success(target.Resource, obj));
    }
}
