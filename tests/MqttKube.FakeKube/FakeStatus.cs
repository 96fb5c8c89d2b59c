using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

/// <summary>Builds `Status` objects shaped exactly as the real kube-apiserver's.</summary>
public static class FakeStatus
{
    /// <summary>A failure Status; a null <paramref name="reason"/> is left out, as the real server does for some 500s.</summary>
    public static JsonObject Make(int code, string? reason, string message, JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
        };
        if (reason != null)
        {
            status["reason"] = reason;
        }

        if (details != null)
        {
            status["details"] = details;
        }

        status["code"] = code;
        return status;
    }

    public static JsonObject Details(FakeResource r, string? name)
    {
        var d = new JsonObject();
        if (name != null)
        {
            d["name"] = name;
        }

        if (r.Group.Length > 0)
        {
            d["group"] = r.Group;
        }

        d["kind"] = r.Plural;
        return d;
    }

    public static FakeApiException NotFound(FakeResource r, string name) =>
        new(404, Make(404, "NotFound", $"{r.QualifiedPlural} \"{name}\" not found", Details(r, name)));

    public static FakeApiException NotFoundResource() =>
        new(404, Make(404, "NotFound", "the server could not find the requested resource", new JsonObject()));

    public static FakeApiException AlreadyExists(FakeResource r, string name) =>
        new(409, Make(409, "AlreadyExists", $"{r.QualifiedPlural} \"{name}\" already exists", Details(r, name)));

    public static FakeApiException Conflict(FakeResource r, string name) =>
        new(409, Make(409, "Conflict",
            $"Operation cannot be fulfilled on {r.QualifiedPlural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            Details(r, name)));

    /// <summary>A delete whose precondition (uid or resourceVersion) does not hold: the real server's 409, word for word.</summary>
    public static FakeApiException PreconditionFailed(FakeResource r, string? ns, string name, string field, string expected, string? actual)
    {
        var key = ns == null ? $"/registry/{r.QualifiedPlural}/{name}" : $"/registry/{r.QualifiedPlural}/{ns}/{name}";
        return new(409, Make(409, "Conflict",
            $"Operation cannot be fulfilled on {r.QualifiedPlural} \"{name}\": StorageError: invalid object, Code: 4, Key: {key}, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: {field} in precondition: {expected}, {field} in object meta: {actual}",
            Details(r, name)));
    }

    public static FakeApiException Forbidden(FakeResource r, string verb, string? name, string? ns, string user)
    {
        var subject = name == null ? r.QualifiedPlural : $"{r.QualifiedPlural} \"{name}\"";
        var scope = ns == null ? "at the cluster scope" : $"in the namespace \"{ns}\"";
        return new(403, Make(403, "Forbidden",
            $"{subject} is forbidden: User \"{user}\" cannot {verb} resource \"{r.Plural}\" in API group \"{r.Group}\" {scope}",
            Details(r, name)));
    }

    public static FakeApiException Invalid(FakeResource r, string name, string field, string detail) =>
        new(422, Make(422, "Invalid", $"{(r.Group.Length == 0 ? r.Kind : $"{r.Kind}.{r.Group}")} \"{name}\" is invalid: {field}: {detail}",
            new JsonObject
            {
                ["name"] = name,
                ["group"] = r.Group,
                ["kind"] = r.Kind,
                ["causes"] = new JsonArray(new JsonObject { ["reason"] = "FieldValueInvalid", ["message"] = detail, ["field"] = field }),
            }));

    /// <summary>
    /// What the real server answers when a JSON Patch cannot be applied (a failed `test`, a missing path): a 422 that
    /// says nothing about which operation failed (<paramref name="reason"/> only helps debugging the fake).
    /// </summary>
    public static FakeApiException PatchNotApplicable(string reason) =>
        new(422, Make(422, "Invalid", "the server rejected our request due to an error in our request", new JsonObject()), reason);

    /// <summary>A patched object that does not decode (a string where an int32 belongs): 422 naming the whole object.</summary>
    public static FakeApiException PatchUndecodable(JsonObject patched, string error)
    {
        var detail = $"Invalid value: \"{patched.ToJsonString(FakeKubeServer.Compact).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\": {error}";
        return new(422, Make(422, "Invalid", $" \"\" is invalid: patch: {detail}",
            new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["reason"] = "FieldValueInvalid", ["message"] = detail, ["field"] = "patch" }) }));
    }

    /// <summary>A created or replaced object that does not decode: 400.</summary>
    public static FakeApiException Undecodable(FakeResource r, string error) =>
        BadRequest($"{r.Kind} in version \"{r.Version}\" cannot be handled as a {r.Kind}: {error}");

    /// <summary>The body of a successful DELETE of most kinds (Pods, Services and Namespaces answer with the object).</summary>
    public static JsonObject Success(FakeResource r, JsonObject deleted)
    {
        var details = Details(r, (string?)deleted["metadata"]?["name"]);
        details["uid"] = deleted["metadata"]?["uid"]?.DeepClone();
        return new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success", ["details"] = details };
    }

    public static FakeApiException BadRequest(string message) => new(400, Make(400, "BadRequest", message));

    public static FakeApiException UnsupportedMediaType() =>
        new(415, Make(415, "UnsupportedMediaType", "415: Unsupported Media Type", new JsonObject()));

    public static FakeApiException Gone(string message) => new(410, Make(410, "Expired", message));

    public static FakeApiException Unauthorized() => new(401, Make(401, "Unauthorized", "Unauthorized"));

    /// <summary>A generic error for a status code, as injected failures answer.</summary>
    public static FakeApiException ForCode(int code) => code switch
    {
        400 => BadRequest("injected bad request"),
        401 => Unauthorized(),
        404 => NotFoundResource(),
        409 => new(409, Make(409, "Conflict", "injected conflict")),
        410 => Gone("too old resource version: injected"),
        429 => new(429, Make(429, "TooManyRequests", "too many requests, please try again later", new JsonObject { ["retryAfterSeconds"] = 1 })),
        503 => new(503, Make(503, "ServiceUnavailable", "the server is currently unable to handle the request")),
        504 => new(504, Make(504, "Timeout", "the server was unable to return a response in the time allotted")),
        _ => new(code, Make(code, code >= 500 ? "InternalError" : "BadRequest", $"Internal error occurred: injected failure ({code})",
            new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = "injected failure" }) })),
    };
}
