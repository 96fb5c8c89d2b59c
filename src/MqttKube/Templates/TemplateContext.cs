using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MqttKube.Configuration.Yaml;
using MqttKube.Expressions;
using MqttKube.ValueMapping;

namespace MqttKube.Templates;

/// <summary>
/// The names a template sees, in both syntaxes: <c>binding</c>, <c>action</c>, <c>uid</c>, <c>match</c> (SPEC 3.5)
/// and <c>object</c> (SPEC 12).
/// </summary>
internal static class TemplateContext
{
    /// <param name="boundObject">
    /// The bound object as last seen (a watch's latest version, <c>dry-run --object</c>), when known: <c>object</c>
    /// is its metadata. Otherwise <c>object</c> has the binding's own name and namespace and no labels or annotations.
    /// </param>
    public static Dictionary<string, PyValue> Create(YamlNode? binding, YamlNode? action, MapResult match, string? uid = null, JsonObject? boundObject = null) => new(StringComparer.Ordinal)
    {
        ["binding"] = binding is null ? PyValue.Dict([]) : YamlValues.ToPy(binding),
        ["action"] = action is null ? PyValue.Dict([]) : YamlValues.ToPy(action),
        ["uid"] = PyValue.From(uid ?? NewUid()),
        ["match"] = PyValue.Dict(match.Context()),
        ["object"] = ObjectOf(boundObject, binding as YamlMapping),
    };

    /// <summary>8 random lowercase hex characters, usable in Kubernetes names.</summary>
    public static string NewUid() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary><c>object</c>: <c>name</c>, <c>namespace</c>, <c>labels</c> and <c>annotations</c>, never null.</summary>
    private static PyValue ObjectOf(JsonObject? live, YamlMapping? binding) => ObjectOf(live, Text(binding, "namespace"), Text(binding, "name"));

    /// <summary>
    /// <c>object</c> for a bound object: its metadata when <paramref name="live"/> is known, else the name and
    /// namespace it is bound by (and no labels or annotations).
    /// </summary>
    public static PyValue ObjectOf(JsonObject? live, string? ns, string name) =>
        ObjectOf(live, ns is null ? PyValue.None : PyValue.From(ns), PyValue.From(name));

    private static PyValue ObjectOf(JsonObject? live, PyValue ns, PyValue name)
    {
        var metadata = live?["metadata"] as JsonObject;
        return PyValue.Dict(
        [
            new("name", metadata is null ? name : PyValue.FromJson(metadata["name"])),
            new("namespace", metadata is null ? ns : PyValue.FromJson(metadata["namespace"])),
            new("labels", PyValue.FromJson(metadata?["labels"] as JsonObject ?? [])),
            new("annotations", PyValue.FromJson(metadata?["annotations"] as JsonObject ?? [])),
        ]);
    }

    private static PyValue Text(YamlMapping? binding, string key) =>
        binding?.Get(key) is YamlScalar { IsNull: false } scalar ? PyValue.From(scalar.Value) : PyValue.None;
}
