namespace MqttKube.Tests.EndToEnd;

/// <summary>Requests and the real kube-apiserver's answers (v1.26), for <see cref="ApiConformanceTests"/>.</summary>
internal static class ApiCases
{
    private const string Deployments = "/apis/apps/v1/namespaces/NS/deployments";
    private const string Jellyfin = Deployments + "/jellyfin";
    private const string ConfigMaps = "/api/v1/namespaces/NS/configmaps";
    private const string JsonPatch = "application/json-patch+json";
    private const string MergePatch = "application/merge-patch+json";
    private const string PatchFailed = "the server rejected our request due to an error in our request";

    public static string ConfigMap(string name, string ns, string extraMetadata = "") =>
        $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}"{{{extraMetadata}}}},"data":{"a":"1"}}""";

    public static IReadOnlyList<ApiCase> All { get; } =
    [
        new("get a missing object", "GET", Deployments + "/nope", null, 404, "NotFound", "deployments.apps \"nope\" not found"),
        new("create an existing object", "POST", Deployments, Objects.Deployment("jellyfin", "NS"), 409, "AlreadyExists", "deployments.apps \"jellyfin\" already exists"),
        new("create in a missing namespace", "POST", "/api/v1/namespaces/nope/configmaps", ConfigMap("x", "nope"), 404, "NotFound", "namespaces \"nope\" not found"),
        new("create naming another namespace", "POST", ConfigMaps, ConfigMap("x", "default"), 400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request"),
        new("create without a name", "POST", ConfigMaps, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{}}""", 422, "Invalid", "ConfigMap \"\" is invalid: metadata.name: Required value: name or generateName is required"),
        new("create with a resourceVersion", "POST", ConfigMaps, ConfigMap("x", "NS", ""","resourceVersion":"5" """), 500, null, "resourceVersion should not be set on objects to be created"),
        new("create with a string where an int32 belongs", "POST", Deployments, Objects.Deployment("typed", "NS").Replace("\"replicas\":0", "\"replicas\":\"1\""), 400, "BadRequest",
            "Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"),
        new("create with an invalid label", "POST", ConfigMaps, ConfigMap("x", "NS", ""","labels":{"a":"b c"}"""), 422, "Invalid", "ConfigMap \"x\" is invalid: metadata.labels: Invalid value: \"b c\": a valid label must be…"),
        new("create with a generated name", "POST", ConfigMaps, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"generateName":"gen-"}}""", 201, null, null)
        {
            Check = r => (string?)r.Body?["metadata"]?["name"] is { Length: 9 } name && name.StartsWith("gen-", StringComparison.Ordinal) ? null : $"generated name {r.Body?["metadata"]?["name"]}",
        },
        new("a JSON Patch whose test fails", "PATCH", Jellyfin, """[{"op":"test","path":"/spec/replicas","value":3},{"op":"replace","path":"/spec/replicas","value":2}]""", 422, "Invalid", PatchFailed, JsonPatch)
        {
            Check = r => r.Body?["details"]?.ToJsonString() == "{}" ? null : "details " + r.Body?["details"]?.ToJsonString(),
        },
        new("a JSON Patch guarded by a stale resourceVersion", "PATCH", Jellyfin, """[{"op":"test","path":"/metadata/resourceVersion","value":"1"},{"op":"replace","path":"/spec/replicas","value":2}]""", 422, "Invalid", PatchFailed, JsonPatch),
        new("a JSON Patch of a missing path", "PATCH", Jellyfin, """[{"op":"replace","path":"/spec/nope/x","value":1}]""", 422, "Invalid", PatchFailed, JsonPatch),
        new("a JSON Patch sending a string for an int32", "PATCH", Jellyfin, """[{"op":"replace","path":"/spec/replicas","value":"2"}]""", 422, "Invalid",
            "…json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32", JsonPatch),
        new("a JSON Patch sending 2.0 for an int32", "PATCH", Jellyfin, """[{"op":"replace","path":"/spec/replicas","value":2.0}]""", 422, "Invalid",
            "…json: cannot unmarshal number 2.0 into Go struct field DeploymentSpec.spec.replicas of type int32", JsonPatch),
        new("a negative replica count", "PATCH", Jellyfin, """[{"op":"replace","path":"/spec/replicas","value":-1}]""", 422, "Invalid",
            "Deployment.apps \"jellyfin\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0", JsonPatch),
        new("a label value with a space", "PATCH", Jellyfin, """{"metadata":{"labels":{"x":"y y"}}}""", 422, "Invalid",
            "Deployment.apps \"jellyfin\" is invalid: metadata.labels: Invalid value: \"y y\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')", MergePatch),
        new("a label value of 64 characters", "PATCH", Jellyfin, "{\"metadata\":{\"labels\":{\"x\":\"" + new string('a', 64) + "\"}}}", 422, "Invalid", "…: must be no more than 63 characters", MergePatch),
        new("a label value that is a number", "PATCH", Jellyfin, """{"metadata":{"labels":{"x":1}}}""", 422, "Invalid",
            "…json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string", MergePatch),
        new("a merge patch with a stale resourceVersion", "PATCH", Jellyfin, """{"metadata":{"resourceVersion":"1"}}""", 409, "Conflict",
            "Operation cannot be fulfilled on deployments.apps \"jellyfin\": the object has been modified; please apply your changes to the latest version and try again", MergePatch),
        new("a patch renaming the object", "PATCH", Jellyfin, """{"metadata":{"name":"other"}}""", 400, "BadRequest", "the name of the object (other) does not match the name on the URL (jellyfin)", MergePatch),
        new("a patch moving the object", "PATCH", Jellyfin, """{"metadata":{"namespace":"other"}}""", 400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request", MergePatch),
        new("a patch changing the uid", "PATCH", Jellyfin, """{"metadata":{"uid":"abc"}}""", 422, "Invalid", "Deployment.apps \"jellyfin\" is invalid: metadata.uid: Invalid value: \"abc\": field is immutable", MergePatch),
        new("a patch of an unknown field", "PATCH", Jellyfin, """{"spec":{"replica":2}}""", 200, null, null, MergePatch)
        {
            Check = r => r.Body?["spec"]?["replica"] is not null ? "spec.replica kept"
                : r.Warnings.Contains("299 - \"unknown field \\\"spec.replica\\\"\"") ? null : "warnings: " + string.Join(" | ", r.Warnings),
        },
        new("a patch of an unsupported media type", "PATCH", Jellyfin, "{}", 415, "UnsupportedMediaType", "415: Unsupported Media Type", "text/plain"),
        new("a JSON Patch that is an object", "PATCH", Jellyfin, "{}", 400, "BadRequest", "error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp", JsonPatch),
        new("a merge patch that is an array", "PATCH", Jellyfin, "[]", 400, "BadRequest", "error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}", MergePatch),
        new("a patch of a missing object", "PATCH", Deployments + "/nope", "{}", 404, "NotFound", "deployments.apps \"nope\" not found", MergePatch),
        new("the status of a kind without one", "GET", ConfigMaps + "/cm/status", null, 404, "NotFound", "the server could not find the requested resource"),
        new("a delete", "DELETE", ConfigMaps + "/doomed", null, 200, null, null)
        {
            Check = r => (string?)r.Body?["kind"] == "Status" && (string?)r.Body?["status"] == "Success" && (string?)r.Body?["details"]?["name"] == "doomed"
                && (string?)r.Body?["details"]?["kind"] == "configmaps" && r.Body?["details"]?["uid"] is not null ? null : "body " + r.Text,
        },
        new("a delete of a missing object", "DELETE", ConfigMaps + "/nope", null, 404, "NotFound", "configmaps \"nope\" not found"),
        new("a delete with an unknown propagation", "DELETE", ConfigMaps + "/cm", """{"propagationPolicy":"Sideways"}""", 422, "Invalid",
            "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"Sideways\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\""),
        new("a watch from an invalid resourceVersion", "GET", ConfigMaps + "?watch=true&resourceVersion=abc", null, 500, null,
            "resourceVersion: Invalid value: \"abc\": strconv.ParseUint: parsing \"abc\": invalid syntax"),
        new("a label selector with an unclosed set", "GET", Deployments + "?labelSelector=a%20in%20(x", null, 400, "BadRequest", null),
        new("a label selector with an invalid key", "GET", Deployments + "?labelSelector=-a%3Db", null, 400, "BadRequest", null),
        new("a label selector with an invalid value", "GET", Deployments + "?labelSelector=a%3D-b", null, 400, "BadRequest", null),
        new("a label selector with a key prefix that is not a DNS subdomain", "GET", Deployments + "?labelSelector=Example.com%2Fa%3Db", null, 400, "BadRequest", null),
        new("a label selector ending in a comma", "GET", Deployments + "?labelSelector=a%3Db%2C", null, 400, "BadRequest", null),
        new("a watch with an invalid label selector", "GET", Deployments + "?watch=true&timeoutSeconds=1&labelSelector=a%3D-b", null, 400, "BadRequest", null),
        new("a label selector of every form", "GET", Deployments + "?labelSelector=mqtt-kube%2Fexpose%3Dtrue%2Ctier%20in%20(web%2Cdb)%2Cx%20notin%20(y)%2Capp%2C!legacy%2Ca%3D%3Db%2Cc!%3Dd", null, 200, null, null),
        new("an unknown field selector", "GET", Deployments + "?fieldSelector=spec.replicas%3D1", null, 400, "BadRequest",
            "\"spec.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""),
        new("a field selector on the namespace", "GET", Deployments + "?fieldSelector=metadata.namespace%3DNS", null, 200, null, null)
        {
            Check = r => (r.Body?["items"] as System.Text.Json.Nodes.JsonArray)?.Count == 1 ? null : "items " + r.Body?["items"]?.ToJsonString(),
        },
    ];
}
