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

    private static string? FieldName(RecordedRequest request)
    {
        var field = request["fieldSelector"];
        if (string.IsNullOrEmpty(field))
        {
            return null;
        }

        return field.StartsWith("metadata.name=", StringComparison.Ordinal) && !field.Contains(',', StringComparison.Ordinal)
            ? field["metadata.name=".Length..].TrimStart('=')
            : throw FakeStatus.BadRequest($"\"{field}\" is not a known field selector: only \"metadata.name\"");
    }

    private JsonObject ListObjects(RecordedRequest request, FakeTarget target)
    {
        if (target.Subresource != null)
        {
            throw FakeStatus.NotFoundResource();
        }

        var r = target.Resource;
        var (items, rv) = Store.List(r, target.Namespace, LabelSelector.Parse(request["labelSelector"]), FieldName(request));
        int? limit = int.TryParse(request["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : null;
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

    private JsonObject Replace(RecordedRequest request, FakeTarget target)
    {
        var statusOnly = StatusOnly(target);
        var body = ParseBodyObject(request, target);
        return Store.Update(target.Resource, target.Namespace, target.Name!, _ => body, statusOnly);
    }

    private JsonObject Patch(RecordedRequest request, FakeTarget target)
    {
        var statusOnly = StatusOnly(target);
        var contentType = (request.ContentType ?? "").Split(';')[0].Trim();
        JsonNode? patch;
        try
        {
            patch = JsonNode.Parse(request.Body);
        }
        catch (JsonException e)
        {
            throw contentType is "application/json-patch+json" or "application/merge-patch+json" or "application/strategic-merge-patch+json"
                ? FakeStatus.BadRequest($"error decoding patch: {e.Message}")
                : FakeStatus.UnsupportedMediaType(contentType);
        }

        Func<JsonObject, JsonObject> mutate = contentType switch
        {
            "application/json-patch+json" when patch is JsonArray ops => current => ApplyJsonPatch(current, ops),
            "application/json-patch+json" => throw FakeStatus.BadRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch"),
            "application/merge-patch+json" or "application/strategic-merge-patch+json" when patch is JsonObject =>
                current => MergePatch.Apply(current, patch) as JsonObject ?? throw FakeStatus.BadRequest("merge patch result is not an object"),
            "application/merge-patch+json" or "application/strategic-merge-patch+json" => throw FakeStatus.BadRequest("invalid JSON Patch"),
            _ => throw FakeStatus.UnsupportedMediaType(contentType),
        };
        return Store.Update(target.Resource, target.Namespace, target.Name!, mutate, statusOnly);
    }

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

        string? propagation = request["propagationPolicy"];
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
            throw FakeStatus.Invalid(target.Resource, target.Name!, "propagationPolicy", $"Unsupported value: \"{propagation}\"");
        }

        var (obj, deleted) = Store.Delete(target.Resource, target.Namespace, target.Name!, propagation, preconditionRv, preconditionUid);
        return (deleted ? 200 : 202, obj);
    }
}
