using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

/// <summary>
/// A label selector in kubectl syntax (<c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>, <c>a notin (x)</c>,
/// <c>a</c>, <c>!a</c>, comma-joined: every term must hold), parsed and checked as strictly as the API server does
/// (keys are qualified names, values label values), so <c>check</c> finds what the API server would refuse.
/// </summary>
internal sealed partial class LabelSelector
{
    private LabelSelector(string text, IReadOnlyList<LabelRequirement> requirements)
    {
        Text = text;
        Requirements = requirements;
    }

    /// <summary>The selector as written (what is sent to the API server).</summary>
    public string Text { get; }

    public IReadOnlyList<LabelRequirement> Requirements { get; }

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why, at 1-based <paramref name="column"/>.</summary>
    public static bool TryParse(string text, out LabelSelector? selector, out string? error, out int column)
    {
        var parser = new Parser(text);
        var requirements = parser.Parse();
        if (parser.Error is { } problem)
        {
            (selector, error, column) = (null, problem, parser.ErrorColumn);
            return false;
        }

        (selector, error, column) = (new LabelSelector(text, requirements), null, 0);
        return true;
    }

    /// <summary>Whether an object's labels satisfy every term.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels) => Requirements.All(r => r.Matches(labels));

    /// <summary>Whether an object (its <c>metadata.labels</c>) satisfies every term.</summary>
    public bool Matches(JsonNode? obj) => Matches(LabelsOf(obj));

    /// <summary>An object's <c>metadata.labels</c> (non-string values as their JSON text).</summary>
    public static Dictionary<string, string> LabelsOf(JsonNode? obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj?["metadata"]?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? string.Empty;
            }
        }

        return labels;
    }

    /// <summary>The canonical text (terms as the API server prints them).</summary>
    public override string ToString() => string.Join(',', Requirements);

    /// <summary>A label key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters.</summary>
    internal static string? KeyProblem(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (!Configuration.KubernetesNames.IsValidObjectName(prefix))
            {
                return $"the key prefix '{prefix}' must be a DNS subdomain (lowercase letters, digits, '-' and '.')";
            }
        }

        if (name.Length == 0)
        {
            return "a label key must have a name";
        }

        return name.Length > 63
            ? "a label key's name must be at most 63 characters"
            : IsLabelText(name) ? null : $"'{name}' is not a valid label key name (letters, digits, '-', '_' and '.', starting and ending with a letter or digit)";
    }

    /// <summary>A label value: empty, or at most 63 letters, digits, '-', '_' and '.' starting and ending with a letter or digit.</summary>
    internal static string? ValueProblem(string value) =>
        value.Length == 0 ? null
        : value.Length > 63 ? "a label value must be at most 63 characters"
        : IsLabelText(value) ? null
        : $"'{value}' is not a valid label value (letters, digits, '-', '_' and '.', starting and ending with a letter or digit)";

    private static bool IsLabelText(string text) =>
        char.IsAsciiLetterOrDigit(text[0]) && char.IsAsciiLetterOrDigit(text[^1])
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
