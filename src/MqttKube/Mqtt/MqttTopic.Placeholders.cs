using System.Text;
using System.Text.RegularExpressions;

namespace MqttKube.Mqtt;

/// <summary>
/// Topic placeholders (SPEC 12): <c>{name}</c> and <c>{namespace}</c> stand for the bound object's name and namespace,
/// as whole levels or parts of one. A topic with placeholders is expanded per bound object; an inbound one is
/// subscribed with <c>+</c> in the levels that hold them.
/// </summary>
internal static partial class MqttTopic
{
    public const string NamePlaceholder = "{name}";
    public const string NamespacePlaceholder = "{namespace}";

    /// <summary>Whether <paramref name="topic"/> holds <c>{name}</c> or <c>{namespace}</c>.</summary>
    public static bool HasPlaceholders(string topic) =>
        topic.Contains(NamePlaceholder, StringComparison.Ordinal) || topic.Contains(NamespacePlaceholder, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="topic"/> holds <paramref name="placeholder"/>.</summary>
    public static bool Holds(string topic, string placeholder) => topic.Contains(placeholder, StringComparison.Ordinal);

    /// <summary>
    /// A brace that is not part of <c>{name}</c> or <c>{namespace}</c> (an unknown or unclosed placeholder): its
    /// 1-based column and what is wrong; null when every brace is a known placeholder.
    /// </summary>
    public static (int Column, string Message)? PlaceholderProblem(string topic)
    {
        for (var i = 0; i < topic.Length; i++)
        {
            if (topic[i] == '}')
            {
                return (i + 1, "'}' without '{': topics may only hold the placeholders {name} and {namespace}");
            }

            if (topic[i] != '{')
            {
                continue;
            }

            var rest = topic.AsSpan(i);
            if (rest.StartsWith(NamePlaceholder, StringComparison.Ordinal))
            {
                i += NamePlaceholder.Length - 1;
            }
            else if (rest.StartsWith(NamespacePlaceholder, StringComparison.Ordinal))
            {
                i += NamespacePlaceholder.Length - 1;
            }
            else
            {
                var close = topic.IndexOf('}', i);
                var shown = close < 0 ? "'{' is not closed" : $"unknown placeholder '{topic[i..(close + 1)]}'";
                return (i + 1, $"{shown}: topics may only hold the placeholders {{name}} and {{namespace}}");
            }
        }

        return null;
    }

    /// <summary>The topic for one object: the placeholders replaced by its name and namespace (empty when it has none).</summary>
    public static string Expand(string topic, string? ns, string name) =>
        HasPlaceholders(topic)
            ? topic.Replace(NamespacePlaceholder, ns ?? string.Empty, StringComparison.Ordinal).Replace(NamePlaceholder, name, StringComparison.Ordinal)
            : topic;

    /// <summary>The filter to subscribe for an inbound topic: every level that holds a placeholder becomes <c>+</c>.</summary>
    public static string SubscriptionFilter(string topic) =>
        HasPlaceholders(topic)
            ? string.Join('/', topic.Split('/').Select(level => HasPlaceholders(level) ? "+" : level))
            : topic;

    /// <summary>
    /// The object a received <paramref name="topic"/> names through the placeholders of <paramref name="template"/>:
    /// false when it does not fit. A level like <c>{namespace}-{name}</c> can be read more than one way (names hold
    /// '-'): the first reading is taken.
    /// </summary>
    public static bool TryBind(string template, string topic, out string? ns, out string? name)
    {
        (ns, name) = (null, null);
        var pattern = new StringBuilder("^");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in PlaceholderSplit().Split(template))
        {
            if (part is NamePlaceholder or NamespacePlaceholder)
            {
                var group = part == NamePlaceholder ? "name" : "ns";
                pattern.Append(seen.Add(group) ? $"(?<{group}>[^/+#]+)" : $"\\k<{group}>");
            }
            else
            {
                pattern.Append(Regex.Escape(part).Replace("\\+", "[^/]*", StringComparison.Ordinal).Replace("\\#", ".*", StringComparison.Ordinal));
            }
        }

        var match = Regex.Match(topic, pattern.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            return false;
        }

        ns = match.Groups["ns"].Success ? match.Groups["ns"].Value : null;
        name = match.Groups["name"].Success ? match.Groups["name"].Value : null;
        return true;
    }

    [GeneratedRegex(@"(\{name\}|\{namespace\})", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderSplit();
}
