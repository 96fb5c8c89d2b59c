namespace MqttKube.Mqtt;

/// <summary>MQTT topic names and filters: prefix joining, validation and matching (MQTT 3.1.1 section 4.7).</summary>
internal static partial class MqttTopic
{
    /// <summary>
    /// Marks an absolute topic (Home Assistant's discovery and birth topics): a U+0000 first, which no MQTT topic may
    /// hold, so the mark can never be a real topic. The ports carry topics as strings relative to the prefix; a marked
    /// one is never joined to it.
    /// </summary>
    public const char AbsoluteMark = '\0';

    /// <summary><paramref name="topic"/> marked absolute: <see cref="Join"/> leaves it as it is.</summary>
    public static string Absolute(string topic) => AbsoluteMark + topic;

    public static bool IsAbsolute(string topic) => topic.Length > 0 && topic[0] == AbsoluteMark;

    /// <summary>
    /// Joins <paramref name="topic"/> under <paramref name="prefix"/> with exactly one <c>/</c> (slashes trimmed at the
    /// join). Without a prefix the topic is returned as is; an <see cref="Absolute"/> topic is returned without its mark.
    /// </summary>
    public static string Join(string? prefix, string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (IsAbsolute(topic))
        {
            return topic[1..];
        }

        if (string.IsNullOrEmpty(prefix))
        {
            return topic;
        }

        var head = prefix.TrimEnd('/');
        var tail = topic.TrimStart('/');
        if (head.Length == 0)
        {
            return tail;
        }

        return tail.Length == 0 ? head : string.Concat(head, "/", tail);
    }

    /// <summary>
    /// The part of <paramref name="topic"/> below <paramref name="prefix"/> (empty for the prefix itself); false when
    /// the topic lies outside the prefix.
    /// </summary>
    public static bool TryRelativize(string? prefix, string topic, out string relative)
    {
        var head = prefix?.TrimEnd('/');
        if (string.IsNullOrEmpty(head))
        {
            relative = topic;
            return true;
        }

        if (topic.Length == head.Length && topic.Equals(head, StringComparison.Ordinal))
        {
            relative = string.Empty;
            return true;
        }

        if (topic.Length > head.Length && topic[head.Length] == '/' && topic.StartsWith(head, StringComparison.Ordinal))
        {
            relative = topic[(head.Length + 1)..];
            return true;
        }

        relative = string.Empty;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="topic"/> matches <paramref name="filter"/>: <c>+</c> is exactly one level (possibly
    /// empty), <c>#</c> is the rest including the parent level, and a wildcard first level never matches a
    /// <c>$</c> topic.
    /// </summary>
    public static bool Matches(string filter, string topic)
    {
        if (topic.StartsWith('$') && (filter.StartsWith('+') || filter.StartsWith('#')))
        {
            return false;
        }

        // Level by level over spans: every message is tested against every route, so this must not allocate.
        ReadOnlySpan<char> f = filter;
        ReadOnlySpan<char> t = topic;
        var topicEnded = false;
        while (true)
        {
            var fEnd = f.IndexOf('/');
            var fLevel = fEnd < 0 ? f : f[..fEnd];
            if (fLevel is "#")
            {
                return true;
            }

            if (topicEnded)
            {
                return false;
            }

            var tEnd = t.IndexOf('/');
            var tLevel = tEnd < 0 ? t : t[..tEnd];
            if (fLevel is not "+" && !fLevel.SequenceEqual(tLevel))
            {
                return false;
            }

            if (fEnd < 0)
            {
                return tEnd < 0;
            }

            f = f[(fEnd + 1)..];
            topicEnded = tEnd < 0;
            t = topicEnded ? t : t[(tEnd + 1)..];
        }
    }

    /// <summary>
    /// The topic rules (MQTT 3.1.1 section 4.7), in the one place the config checks and the client share: not empty, no
    /// NUL; in a filter <c>+</c> only as a whole level and <c>#</c> only as the whole last level; no wildcard in a name.
    /// </summary>
    public static TopicProblem Check(string topic, bool filter)
    {
        if (string.IsNullOrEmpty(topic))
        {
            return TopicProblem.Empty;
        }

        if (topic.Contains('\0'))
        {
            return TopicProblem.Nul;
        }

        var levels = topic.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (!level.Contains('+') && !level.Contains('#'))
            {
                continue;
            }

            if (!filter)
            {
                return TopicProblem.WildcardInName;
            }

            if (level is not ("+" or "#") || (level == "#" && i != levels.Length - 1))
            {
                return TopicProblem.MisplacedWildcard;
            }
        }

        return TopicProblem.None;
    }

    /// <summary>A valid filter to subscribe to (<see cref="Check"/>).</summary>
    public static bool IsValidFilter(string filter) => Check(filter, filter: true) == TopicProblem.None;

    /// <summary>A valid topic name to publish to: not empty, no wildcard, no NUL.</summary>
    public static bool IsValidTopicName(string topic) => Check(topic, filter: false) == TopicProblem.None;
}
