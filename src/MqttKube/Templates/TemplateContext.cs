using System.Security.Cryptography;
using MqttKube.Configuration.Yaml;
using MqttKube.Expressions;
using MqttKube.ValueMapping;

namespace MqttKube.Templates;

/// <summary>The names a template sees: <c>binding</c>, <c>action</c>, <c>uid</c> and <c>match</c> (SPEC 3.5).</summary>
internal static class TemplateContext
{
    public static Dictionary<string, PyValue> Create(YamlNode? binding, YamlNode? action, MapResult match, string? uid = null) => new(StringComparer.Ordinal)
    {
        ["binding"] = binding is null ? PyValue.Dict([]) : YamlValues.ToPy(binding),
        ["action"] = action is null ? PyValue.Dict([]) : YamlValues.ToPy(action),
        ["uid"] = PyValue.From(uid ?? NewUid()),
        ["match"] = PyValue.Dict(match.Context()),
    };

    /// <summary>8 random lowercase hex characters, usable in Kubernetes names.</summary>
    public static string NewUid() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
}
