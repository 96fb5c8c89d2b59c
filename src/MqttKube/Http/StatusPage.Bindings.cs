using System.Text;

namespace MqttKube.Http;

internal static partial class StatusPage
{
    /// <summary>
    /// One collapsed group per binding (open at first when the page is small), a row per association of each bound
    /// object. Groups and rows carry their searchable text (<c>data-f</c>, lower case) for the filter box.
    /// </summary>
    private static void AppendBindings(StringBuilder html, IReadOnlyList<BindingStatus> bindings, DateTimeOffset now)
    {
        var objects = bindings.Sum(b => b.Objects.Count);
        html.Append("<h2>Bindings (").Append(bindings.Count).Append(", ").Append(objects).Append(objects == 1 ? " object" : " objects")
            .Append(")</h2>\n");
        for (var i = 0; i < bindings.Count; i++)
        {
            var binding = bindings[i];
            var target = string.IsNullOrEmpty(binding.Namespace) ? binding.Name : $"{binding.Namespace}/{binding.Name}";
            html.Append("<details id=\"b").Append(i).Append("\" data-f=\"")
                .Append(Escape(Search(binding.Id, binding.Resource, target, binding.State))).Append('"')
                .Append(objects <= OpenUpTo ? " open" : string.Empty).Append("><summary>")
                .Append(Escape(binding.Id)).Append(" <code>").Append(Escape(binding.Resource)).Append(' ').Append(Escape(target))
                .Append("</code> <span class=\"").Append(binding.IsRunning ? "ok" : "bad").Append("\">").Append(Escape(binding.State))
                .Append("</span> <span class=\"muted\">").Append(binding.Objects.Count)
                .Append(binding.Objects.Count == 1 ? " object" : " objects").Append("</span></summary>\n");
            if (binding.Objects.Any(o => o.Associations.Count > 0))
            {
                html.Append("<table><thead><tr><th>object</th><th>kind</th><th>topic</th><th>locus</th><th>last value</th>")
                    .Append("<th>changed</th><th>last error</th></tr></thead><tbody>\n");
                foreach (var obj in binding.Objects)
                {
                    foreach (var association in obj.Associations)
                    {
                        AppendAssociation(html, obj, association, now);
                    }
                }

                html.Append("</tbody></table>\n");
            }

            html.Append("</details>\n");
        }
    }

    private static void AppendAssociation(StringBuilder html, ObjectStatus obj, AssociationStatus association, DateTimeOffset now)
    {
        var name = obj.Namespace is null ? obj.Name : $"{obj.Namespace}/{obj.Name}";
        var value = association.Published ?? association.LastValue;
        html.Append("<tr data-f=\"").Append(Escape(Search(name, association.Kind, association.Topic, association.Locus, Cut(value ?? string.Empty))))
            .Append("\"><td><code>").Append(Escape(name)).Append("</code></td><td>").Append(Escape(association.Kind));
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
        if (value is not null)
        {
            html.Append("<code>").Append(Escape(Cut(value))).Append("</code>");
            if (association.Kind == AssociationStatus.Watch && association.Published is null)
            {
                html.Append(" <span class=\"muted\">(not published yet)</span>");
            }
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

    /// <summary>What the filter box searches, in lower case.</summary>
    private static string Search(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p))).ToLowerInvariant();

    /// <summary>
    /// The filter (a group whose own text matches shows whole; otherwise only its matching rows, opened) and the
    /// refresh: every 5 s while visible, the page is fetched and its live part swapped in, open groups kept.
    /// </summary>
    private const string Script =
        "(()=>{const q=document.getElementById('q');" +
        "function apply(){const t=q.value.trim().toLowerCase();" +
        "for(const d of document.querySelectorAll('details[data-f]')){const own=!t||d.dataset.f.includes(t);let n=0;" +
        "for(const r of d.querySelectorAll('tr[data-f]')){const m=own||r.dataset.f.includes(t);r.hidden=!m;if(m)n++;}" +
        "d.hidden=!own&&n===0;if(t&&!own&&n>0)d.open=true;}}" +
        "async function refresh(){if(document.hidden)return;try{const r=await fetch(location.pathname,{cache:'no-store'});" +
        "if(!r.ok)return;const doc=new DOMParser().parseFromString(await r.text(),'text/html');const live=doc.getElementById('live');" +
        "if(!live)return;const open=new Set([...document.querySelectorAll('details[open]')].map(d=>d.id));" +
        "for(const d of live.querySelectorAll('details'))d.open=open.has(d.id);" +
        "document.getElementById('live').replaceWith(live);apply();}catch(e){}}" +
        "q.addEventListener('input',apply);setInterval(refresh,5000);apply();})();";
}
