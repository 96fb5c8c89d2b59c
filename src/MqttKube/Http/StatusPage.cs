using System.Net;
using System.Security.Cryptography;
using System.Text;
using MqttKube.Bindings;

namespace MqttKube.Http;

/// <summary>
/// The status page at <c>/</c>: one self-contained HTML document (inline CSS and one small inline script, no external
/// asset). Bindings are collapsed groups (<c>&lt;details&gt;</c>) of the objects they bound, with a filter box; the
/// script fetches the page again every 5 s and swaps the live part in, keeping the filter and the open groups (without
/// script a meta refresh reloads it). Every value is HTML-escaped: payloads and Kubernetes values are untrusted.
/// </summary>
internal static partial class StatusPage
{
    /// <summary>Values longer than this are cut on the page.</summary>
    public const int MaxValueLength = 200;

    /// <summary>Groups are open at first when the page shows at most this many objects.</summary>
    public const int OpenUpTo = 20;

    private const string Style =
        "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;background:#fafafa}" +
        "h1{font-size:1.4em;margin:0 0 .2em}h2{font-size:1.15em;margin:1.2em 0 .4em}" +
        "code{font:13px ui-monospace,monospace;background:#eee;padding:0 .2em;border-radius:3px;word-break:break-all}" +
        "table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #ddd;padding:.25em .5em;" +
        "text-align:left;vertical-align:top}th{background:#f0f0f0}.muted{color:#777}.ok{color:#176f2c;font-weight:600}" +
        ".bad{color:#b3261e;font-weight:600}.error{color:#b3261e}details{margin:.3em 0;background:#fff;border:1px solid #ddd;" +
        "border-radius:4px;padding:.2em .5em}summary{cursor:pointer}#q{width:24em;max-width:100%;padding:.3em}";

    /// <summary>Renders the page for <paramref name="status"/> as seen at <paramref name="now"/>.</summary>
    public static HttpAnswer Render(IStatusView status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var html = new StringBuilder(8192);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>mqtt-kube</title><style>").Append(Style).Append("</style></head>\n<body>\n");
        html.Append("<h1>mqtt-kube <span class=\"muted\">").Append(Escape(status.Version)).Append("</span></h1>\n");
        html.Append("<p><input id=\"q\" type=\"search\" placeholder=\"filter: binding, object, topic, value\" autocomplete=\"off\"> ")
            .Append("<span class=\"muted\">refreshes every 5 s · <a href=\"status.json\">JSON</a></span></p>\n");

        html.Append("<div id=\"live\">\n<p>Up ").Append(Uptime(now - status.StartedAt)).Append(" <span class=\"muted\">(since ")
            .Append(Iso(status.StartedAt)).Append(")</span></p>\n");
        AppendMqtt(html, status.Mqtt, now);
        AppendLeader(html, status.Leader);
        AppendConfig(html, status.Config, now);
        AppendKubernetes(html, status.Kubernetes);
        AppendLoops(html, status.Loops);
        AppendBindings(html, status.Bindings, now);
        html.Append("</div>\n<script nonce=\"").Append(nonce).Append("\">").Append(Script).Append("</script>\n</body></html>\n");
        return new HttpAnswer(200, HttpAnswer.Html, Encoding.UTF8.GetBytes(html.ToString()))
        {
            // Defence in depth behind the escaping: only the page's own script runs, and it may fetch only this server.
            Headers = [new("Content-Security-Policy", $"default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'; connect-src 'self'")],
        };
    }

    private static void AppendMqtt(StringBuilder html, MqttStatus mqtt, DateTimeOffset now)
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

    private static void AppendLeader(StringBuilder html, LeaderStatus? leader)
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

    private static void AppendConfig(StringBuilder html, Bindings.Reload.ReloadStatus? config, DateTimeOffset now)
    {
        if (config is null)
        {
            return;
        }

        html.Append("<h2>Config</h2>\n<p><code>").Append(Escape(config.Path)).Append("</code>, generation ")
            .Append(config.Generation).Append("; last reload: ");
        if (config.LastOutcome is not { } outcome)
        {
            html.Append("<span class=\"muted\">none yet</span></p>\n");
            return;
        }

        html.Append("<span class=\"").Append(outcome == ReloadOutcome.Invalid ? "bad" : "ok").Append("\">")
            .Append(OutcomeNames.Of(outcome)).Append("</span> (").Append(Escape(config.LastTrigger)).Append(')');
        if (config.LastAt is { } at)
        {
            html.Append(", ");
            AppendTime(html, at, now);
        }

        html.Append(": ").Append(Escape(config.LastSummary)).Append("</p>\n");
        if (config.LastErrors.Count > 0)
        {
            html.Append("<ul class=\"error\">\n");
            foreach (var error in config.LastErrors)
            {
                html.Append("<li><code>").Append(Escape(Cut(error))).Append("</code></li>\n");
            }

            html.Append("</ul>\n");
        }
    }

    private static void AppendKubernetes(StringBuilder html, KubeStatus kube)
    {
        if (kube.Server.Length == 0)
        {
            return;
        }

        html.Append("<h2>Kubernetes</h2>\n<p><code>").Append(Escape(kube.Server)).Append("</code> ")
            .Append(kube.Version is null ? "<span class=\"muted\">(version not known yet)</span>" : Escape(kube.Version))
            .Append(" <span class=\"muted\">via ").Append(Escape(kube.Source)).Append("</span></p>\n");
        if (kube.ListWatches.Count == 0)
        {
            return;
        }

        html.Append("<table><thead><tr><th>list+watch</th><th>namespace</th><th>selector</th><th>synced</th><th>objects</th>")
            .Append("<th>restarts</th><th>last error</th></tr></thead><tbody>\n");
        foreach (var watch in kube.ListWatches)
        {
            html.Append("<tr><td><code>").Append(Escape(watch.Kind)).Append("</code></td><td>")
                .Append(watch.Namespace is null ? "<span class=\"muted\">all</span>" : Escape(watch.Namespace)).Append("</td><td>")
                .Append(Escape(watch.Selector)).Append("</td><td>")
                .Append(watch.Synced ? "<span class=\"ok\">yes</span>" : "<span class=\"bad\">no</span>").Append("</td><td>")
                .Append(watch.Objects).Append("</td><td>").Append(watch.Restarts).Append("</td><td class=\"error\">")
                .Append(Escape(watch.LastError)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void AppendLoops(StringBuilder html, IReadOnlyList<LoopStatus> loops)
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

    private static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static string Cut(string value) =>
        value.Length <= MaxValueLength ? value : string.Concat(value.AsSpan(0, MaxValueLength), "…");
}
