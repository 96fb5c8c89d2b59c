using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

internal delegate bool TryParseName<T>(string text, out T value);

internal delegate T? BindItem<T>(YamlNode node, ConfigBindContext context, string path);

internal static partial class ConfigReader
{
    /// <summary>The path of a key for messages: <c>mqtt.port</c>, <c>bindings[0].watch</c>.</summary>
    public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    /// <summary>The mapping a section needs, or a diagnostic.</summary>
    public static YamlMapping? ExpectMapping(YamlNode node, ConfigBindContext context, string path)
    {
        if (node is YamlMapping mapping)
        {
            return mapping;
        }

        context.Error(node, $"'{path}' must be a mapping of keys, not {node.Describe()}");
        return null;
    }

    /// <summary>The key text of an entry, or null (with a diagnostic) when the key is not a string.</summary>
    public static string? KeyOf(YamlNode key, ConfigBindContext context, string path)
    {
        if (key is YamlScalar { Kind: YamlScalarKind.String } scalar)
        {
            return scalar.Value;
        }

        context.Error(key, $"'{path}' has a key that is {key.Describe()}; keys here are names");
        return null;
    }

    public static void UnknownKey(YamlNode key, string name, ConfigBindContext context, string path, string[] known)
    {
        var suggestion = Suggest(name, known);
        var hint = suggestion is null ? $" (known keys: {string.Join(", ", known)})" : $"; did you mean '{suggestion}'?";
        var where = path.Length == 0 ? "at the top level" : $"in '{path}'";
        context.Error(key, $"unknown key '{YamlScalar.Shorten(name)}' {where}{hint}");
    }

    public static void Duplicate(YamlNode key, string name, ConfigBindContext context, string path) =>
        context.Error(key, $"'{path}.{name}' is given twice (also as an alias)");

    public static void Missing(YamlMapping node, string name, ConfigBindContext context, string path) =>
        context.Error(node, $"'{path}' is missing the required key '{name}'");

    /// <summary>The closest known name, if it is close enough to be what was meant.</summary>
    public static string? Suggest(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var normalized = Normalize(name);
        foreach (var candidate in known)
        {
            if (Normalize(candidate) == normalized)
            {
                return candidate;
            }

            var distance = Distance(name.ToLowerInvariant(), candidate);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
    }

    private static string Normalize(string name) => name.Replace("-", string.Empty).Replace("_", string.Empty).ToLowerInvariant();

    private static int Distance(string a, string b)
    {
        if (a.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
