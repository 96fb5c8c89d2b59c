using System.Globalization;
using System.Text;

namespace MqttKube.Http;

internal static partial class StatusPage
{
    /// <summary>A moment as <c>3 min ago</c> followed by its ISO 8601 UTC time.</summary>
    private static void AppendTime(StringBuilder html, DateTimeOffset moment, DateTimeOffset now)
    {
        var iso = Iso(moment);
        html.Append("<time datetime=\"").Append(iso).Append("\">").Append(Ago(now - moment))
            .Append("</time> <span class=\"muted\">").Append(iso).Append("</span>");
    }

    /// <summary>ISO 8601 in UTC, to the second: <c>2026-01-01T12:00:00Z</c>.</summary>
    internal static string Iso(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A past duration in words: <c>just now</c>, <c>12 s ago</c>, <c>5 min ago</c>, <c>3 h ago</c>, <c>4 d ago</c>.</summary>
    internal static string Ago(TimeSpan elapsed) =>
        elapsed < TimeSpan.FromSeconds(1) ? "just now"
        : elapsed < TimeSpan.FromMinutes(1) ? $"{(int)elapsed.TotalSeconds} s ago"
        : elapsed < TimeSpan.FromHours(1) ? $"{(int)elapsed.TotalMinutes} min ago"
        : elapsed < TimeSpan.FromDays(2) ? $"{(int)elapsed.TotalHours} h ago"
        : $"{(int)elapsed.TotalDays} d ago";

    /// <summary>An uptime such as <c>2d 3h 4m 5s</c> (leading zero units left out).</summary>
    internal static string Uptime(TimeSpan uptime)
    {
        if (uptime < TimeSpan.Zero)
        {
            uptime = TimeSpan.Zero;
        }

        var text = new StringBuilder();
        if (uptime.Days > 0)
        {
            text.Append(uptime.Days).Append("d ");
        }

        if (text.Length > 0 || uptime.Hours > 0)
        {
            text.Append(uptime.Hours).Append("h ");
        }

        if (text.Length > 0 || uptime.Minutes > 0)
        {
            text.Append(uptime.Minutes).Append("m ");
        }

        return text.Append(uptime.Seconds).Append('s').ToString();
    }
}
