using System.Text.Json;
using System.Text.RegularExpressions;
using MqttKube.Bindings;
using MqttKube.Bindings.Reload;
using MqttKube.Http;

namespace MqttKube.Tests.Http;

/// <summary>The status page for many objects: groups per binding, hostile names and payloads escaped, the JSON form.</summary>
public sealed class StatusPageTests
{
    private static readonly DateTimeOffset Now = FakeStatusView.Start.AddMinutes(3);

    private static AssociationStatus Watch(string topic, string? published) =>
        new(AssociationStatus.Watch, topic, "$.spec.replicas", true, published, FakeStatusView.Start, null, published);

    /// <summary>A selector-like binding of <paramref name="count"/> objects, two watches each, and a named one.</summary>
    private static FakeStatusView ManyObjects(int count) => new()
    {
        Bindings =
        [
            new BindingStatus("bindings[0]", "Deployment", "media", "app=media", BindingStatus.Running,
                [.. Enumerable.Range(0, count).Select(i => new ObjectStatus("media", $"app-{i}",
                    [Watch($"home/app-{i}/replicas", $"{i}"), Watch($"home/app-{i}/ready", "ON")]))]),
            new BindingStatus("bindings[1]", "Job", "batch", "backup", BindingStatus.Running, [Watch("home/backup/state", "done")]),
        ],
        Kubernetes = new KubeStatus("https://kube:6443/", "v1.33.1", "in-cluster",
            [new ListWatchStatus("Deployment.apps/v1", "media", "app=media", true, count, 0, null), new ListWatchStatus("Job.batch/v1", "batch", null, false, 0, 2, "forbidden")]),
        Config = new ReloadStatus("/etc/mqtt-kube/config.yaml", 3, ReloadOutcome.Invalid, Now, "SIGHUP", "1 error(s); the running config is kept",
            ["/etc/mqtt-kube/config.yaml:4:9: error: 'bindings[0].name' is not a valid Kubernetes object name: '<b>'"]),
    };

    private static string Html(IStatusView view) => System.Text.Encoding.UTF8.GetString(StatusPage.Render(view, Now).Body);

    [Fact]
    public void Each_binding_is_a_collapsed_group_of_its_objects_with_full_topics_and_last_values()
    {
        var html = Html(ManyObjects(1000));

        Assert.Equal(2, Regex.Matches(html, "<details ").Count);
        Assert.DoesNotContain("<details id=\"b0\" data-f=\"bindings[0] deployment media/app=media running\" open", html);
        Assert.Contains("<details id=\"b0\" data-f=\"bindings[0] deployment media/app=media running\">", html);
        Assert.Contains("1000 objects", html);
        Assert.Equal(2001, Regex.Matches(html, "<tr data-f=").Count);
        Assert.Contains("<tr data-f=\"media/app-999 watch home/app-999/replicas $.spec.replicas 999\">", html);
        Assert.Contains("<code>home/app-999/replicas</code>", html);
        Assert.Contains("<input id=\"q\" type=\"search\"", html);

        // The Kubernetes side, the config's generation and the last reload with its errors.
        Assert.Contains("v1.33.1", html);
        Assert.Contains("<code>Job.batch/v1</code>", html);
        Assert.Contains("forbidden", html);
        Assert.Contains("generation 3", html);
        Assert.Contains(">invalid</span> (SIGHUP)", html);
        Assert.Contains("name: &#39;&lt;b&gt;&#39;", html);
    }

    [Fact]
    public void A_small_page_opens_its_groups()
    {
        var html = Html(ManyObjects(3));
        Assert.Equal(2, Regex.Matches(html, "<details [^>]* open>").Count);
    }

    [Fact]
    public void Hostile_object_names_and_payloads_are_escaped_everywhere()
    {
        const string Hostile = "\"><script>alert('x')</script><img src=x onerror=alert(1)>";
        var view = new FakeStatusView
        {
            Bindings =
            [
                new BindingStatus("bindings[0]", "Deployment", Hostile, Hostile, $"waiting: {Hostile}",
                    [new ObjectStatus(Hostile, Hostile, [new AssociationStatus(AssociationStatus.Watch, Hostile, Hostile, true, Hostile, Now, Hostile, Hostile)])]),
            ],
            Kubernetes = new KubeStatus(Hostile, Hostile, Hostile, [new ListWatchStatus(Hostile, Hostile, Hostile, true, 1, 0, Hostile)]),
        };

        var html = Html(view);

        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase)); // the page's own only
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"><script>alert", html, StringComparison.Ordinal); // no attribute is closed early
        Assert.Contains("&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
    }

    [Fact]
    public void The_json_status_has_bindings_objects_kubernetes_and_config()
    {
        var view = ManyObjects(2);

        var json = StatusJson.Write(view);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal("1.2.3", root.GetProperty("version").GetString());
        Assert.True(root.GetProperty("mqtt").GetProperty("connected").GetBoolean());
        Assert.Equal(3, root.GetProperty("config").GetProperty("generation").GetInt32());
        Assert.Equal("Invalid", root.GetProperty("config").GetProperty("lastOutcome").GetString());
        Assert.Equal("v1.33.1", root.GetProperty("kubernetes").GetProperty("version").GetString());
        Assert.False(root.GetProperty("kubernetes").GetProperty("listWatches")[1].GetProperty("synced").GetBoolean());
        var binding = root.GetProperty("bindings")[0];
        Assert.Equal("bindings[0]", binding.GetProperty("id").GetString());
        Assert.False(binding.TryGetProperty("associations", out _));
        var obj = binding.GetProperty("objects")[1];
        Assert.Equal("app-1", obj.GetProperty("name").GetString());
        Assert.Equal("home/app-1/replicas", obj.GetProperty("associations")[0].GetProperty("topic").GetString());
        Assert.Equal("1", obj.GetProperty("associations")[0].GetProperty("published").GetString());
    }

    [Fact]
    public void The_json_status_keeps_its_shape()
    {
        // The snapshot was taken from the serializer context this writer replaced: every name, order and format.
        var json = System.Text.Encoding.UTF8.GetString(StatusJson.Write(ManyObjects(2)));
        MqttKube.Tests.Support.Snapshot.VerifyBeside(json, "status-json");
    }
}
