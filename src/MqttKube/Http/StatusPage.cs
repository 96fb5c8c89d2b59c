using System.Net;
using System.Text;

namespace MqttKube.Http;

/// <summary>
/// The status page at <c>/</c>: one self-contained HTML document (inline CSS, no script, no external asset) that
/// refreshes itself every 5 s. Every value is HTML-escaped: payloads and Kubernetes values are untrusted.
/// </summary>
internal static partial class StatusPage
{
    /// <summary>Values longer than this are cut on the page.</summary>
    public const int MaxValueLength = 200;

    const string Style =
        "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;background:#fafafa}" +
        "h1{font-size:1.4em;margin:0 0 .2em}h2{font-size:1.15em;margin:1.2em 0 .4em}h3{font-size:1em;margin:.8em 0 .3em}" +
        "code{font:13px ui-monospace,monospace;background:#eee;padding:0 .2em;border-radius:3px;word-break:break-all}" +
        "table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #ddd;padding:.25em .5em;" +
        "text-align:left;vertical-align:top}th{background:#f0f0f0}.muted{color:#777}.ok{color:#176f2c;font-weight:600}" +
        ".bad{color:#b3261e;font-weight:600}.error{color:#b3261e}section{margin-bottom:1em}";

    /// <summary>Renders the page for <paramref name="status"/> as seen at <paramref name="now"/>.</summary>
    public static HttpAnswer Render(IStatusView status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        var html = new StringBuilder(8192);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"refresh\" content=\"5\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>mqtt-kube</title><style>").Append(Style).Append("</style></head>\n<body>\n");

        html.Append("<h1>mqtt-kube <span class=\"muted\">").Append(Escape(status.Version)).Append("</span></h1>\n");
        html.Append("<p>Up ").Append(Uptime(now - status.StartedAt)).Append(" <span class=\"muted\">(since ")
            .Append(Iso(status.StartedAt)).Append(")</span></p>\n");

        AppendMqtt(html, status.Mqtt, now);
        AppendLeader(html, status.Leader);
        AppendLoops(html, status.Loops);
        AppendBindings(html, status.Bindings, now);

        html.Append("</body></html>\n");
        return new HttpAnswer(200, HttpAnswer.Html, Encoding.UTF8.GetBytes(html.ToString()))
        {
            // Defence in depth behind the escaping: no script, no external resource, inline CSS only.
            Headers = [new("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")],
        };
    }

    static void AppendMqtt(StringBuilder html, MqttStatus mqtt, DateTimeOffset now)
    {
        html.Append("<h2>MQTT</h2>\n<p>")
            .Append(mqtt.Connected ? "<span class=\"ok\">connected</span>" : "<span class=\"bad\">not connected</span>")
            .Append(" to <code>").Append(Escape(mqtt.Broker)).Append("</code> as <code>")
            .Append(Escape(mqtt.ClientId)).Append("</code>");
        if (mqtt.Since is { } since)
        {
            html.Append(", since ");
            AppendTime(html, since, now);
        }

        html.Append("</p>\n");
        if (!string.IsNullOrEmpty(mqtt.LastError))
        {
            html.Append("<p class=\"error\">Last error: ").Append(Escape(mqtt.LastError)).Append("</p>\n");
        }
    }

    static void AppendLeader(StringBuilder html, LeaderStatus? leader)
    {
        if (leader is null)
        {
            return;
        }

        html.Append("<h2>Leader election</h2>\n<p>")
            .Append(leader.Leading ? "<span class=\"ok\">leading</span>" : "<span class=\"muted\">following</span>")
            .Append(" as <code>").Append(Escape(leader.Identity)).Append("</code> on the lease <code>").Append(Escape(leader.Lease)).Append("</code>");
        if (!leader.Leading)
        {
            html.Append(leader.Holder is { } holder ? ", leader <code>" + Escape(holder) + "</code>" : ", no leader now");
        }

        html.Append("</p>\n");
    }

    static void AppendLoops(StringBuilder html, IReadOnlyList<LoopStatus> loops)
    {
        html.Append("<h2>Loops</h2>\n<ul>\n");
        foreach (var loop in loops)
        {
            html.Append("<li><code>").Append(Escape(loop.Name)).Append("</code> ")
                .Append(loop.Alive ? "<span class=\"ok\">alive</span>" : "<span class=\"bad\">not alive</span>");
            if (!loop.Alive && !string.IsNullOrEmpty(loop.Reason))
            {
                html.Append(": <span class=\"error\">").Append(Escape(loop.Reason)).Append("</span>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    static void AppendBindings(StringBuilder html, IReadOnlyList<BindingStatus> bindings, DateTimeOffset now)
    {
        html.Append("<h2>Bindings (").Append(bindings.Count).Append(")</h2>\n");
        foreach (var binding in bindings)
        {
            html.Append("<section><h3>").Append(Escape(binding.Id)).Append(" <code>").Append(Escape(binding.Resource))
                .Append(' ');
            if (!string.IsNullOrEmpty(binding.Namespace))
            {
                html.Append(Escape(binding.Namespace)).Append('/');
            }

            html.Append(Escape(binding.Name)).Append("</code> <span class=\"")
                .Append(binding.IsRunning ? "ok" : "bad").Append("\">").Append(Escape(binding.State))
                .Append("</span></h3>\n");
            if (binding.Associations.Count == 0)
            {
                continue;
            }

            html.Append("<table><thead><tr><th>kind</th><th>topic</th><th>locus</th><th>last value</th>")
                .Append("<th>changed</th><th>last error</th></tr></thead><tbody>\n");
            foreach (var association in binding.Associations)
            {
                AppendAssociation(html, association, now);
            }

            html.Append("</tbody></table></section>\n");
        }
    }

    static void AppendAssociation(StringBuilder html, AssociationStatus association, DateTimeOffset now)
    {
        html.Append("<tr><td>").Append(Escape(association.Kind));
        if (!association.Synced)
        {
            html.Append(" <span class=\"bad\">not synced</span>");
        }

        html.Append("</td><td><code>").Append(Escape(association.Topic)).Append("</code></td><td>");
        if (association.Locus is not null)
        {
            html.Append("<code>").Append(Escape(association.Locus)).Append("</code>");
        }

        html.Append("</td><td>");
        if (association.LastValue is not null)
        {
            html.Append("<code>").Append(Escape(Cut(association.LastValue))).Append("</code>");
        }
        else
        {
            html.Append("<span class=\"muted\">none yet</span>");
        }

        html.Append("</td><td>");
        if (association.LastChanged is { } changed)
        {
            AppendTime(html, changed, now);
        }

        html.Append("</td><td class=\"error\">").Append(Escape(association.LastError ?? string.Empty))
            .Append("</td></tr>\n");
    }

    static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    static string Cut(string value) =>
        value.Length <= MaxValueLength ? value : string.Concat(value.AsSpan(0, MaxValueLength), "…");
}
