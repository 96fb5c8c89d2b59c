using System.Text;
using Microsoft.Extensions.Logging;
using MqttKube.JsonPath;
using MqttKube.Kubernetes;
using MqttKube.Tests.Mqtt;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Kubernetes;

/// <summary>
/// Custom resources may nest far deeper than System.Text.Json's default of 64 (the API server stores up to 10,000
/// levels). One such object must never break the shared list+watch of its namespace: it is read when the API server
/// could have stored it, and skipped and logged when it cannot be read, while everything else goes on.
/// </summary>
public sealed class DeepObjectTests
{
    private static string Deployment(string name, int depth, int replicas = 1) =>
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"media\"},"
        + "\"spec\":{\"replicas\":" + replicas + ",\"tree\":" + new StringBuilder().Insert(0, "{\"x\":", depth).Append("{\"leaf\":true}").Append('}', depth) + "}}";

    [Fact]
    public async Task A_2000_deep_object_is_watched_and_one_too_deep_to_read_is_skipped_without_breaking_the_watch()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(KubeTestHost.Deployment("a", 1));
        host.Server.Upsert(Deployment("deep", 2000));
        host.Server.Upsert(Deployment("abyss", 12_000));
        var type = await host.TypeAsync("Deployment");
        var log = new CapturingLogger<DeepObjectTests>();
        await using var informers = new SharedInformers(host.Api, new InformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(20) }, new OneLogger(log));
        var events = new EventLog();
        using var all = informers.Subscribe(type, "media", null, events.Add);

        await Eventually.WaitAsync(() => events.Has(e => e.Type == ObjectEventType.Synced), "the list");
        Assert.Equal(["a", "deep"], events.Events.Where(e => e.Type == ObjectEventType.Added).Select(e => e.Name));
        var skipped = Assert.Single(log.Entries, e => e.EventId == 5006);
        Assert.Equal(LogLevel.Warning, skipped.Level);
        Assert.StartsWith("Skipped Deployment media/abyss in the watch of deployments.apps in media: it cannot be read (", skipped.Message);
        Assert.Contains("10000", skipped.Message);

        // The deep object is whole: a locus finds its leaf 2,000 levels down.
        var deep = events.Events.Single(e => e.Name == "deep").Object;
        Assert.True(JsonPathQuery.TryParse("$..leaf", out var leaf, out _));
        Assert.True(leaf.TryEvaluate(deep, out var found, out var error, paths: true), error);
        Assert.Equal("$['spec']['tree']" + string.Concat(Enumerable.Repeat("['x']", 2000)) + "['leaf']", Assert.Single(found).Path);

        // Through the watch: another unreadable object is skipped, and what comes after it still arrives.
        host.Server.Upsert(Deployment("abyss2", 12_000));
        host.Server.Modify("apps/v1", "Deployment", "media", "a", o => o["spec"]!["replicas"] = 2);
        host.Server.Upsert(Deployment("deep", 2000, replicas: 3));
        await Eventually.WaitAsync(() => events.Events.Count(e => e.Type == ObjectEventType.Modified) == 2, "the changes after the unreadable one");

        Assert.Equal(2, log.Count(5006));
        Assert.Contains("media/abyss2", log.Entries.Last(e => e.EventId == 5006).Message);
        Assert.DoesNotContain(events.Events, e => e.Name is "abyss" or "abyss2");
        Assert.Equal(3, (int?)events.Events.Last(e => e.Name == "deep").Object?["spec"]?["replicas"]);
        Assert.Single(host.Server.Requests, r => r.IsWatch); // the watch never broke: no re-list, no second watch
        Assert.Single(host.Server.Requests, r => r.Method == "GET" && !r.IsWatch && r.Path.EndsWith("/deployments", StringComparison.Ordinal));
        Assert.Equal(0, log.Count(5002));
    }

    [Fact]
    public async Task An_object_is_read_by_GET_as_deep_as_the_API_server_stores()
    {
        await using var host = await KubeTestHost.StartAsync();
        host.Server.Upsert(Deployment("deep", 9000));
        var type = await host.TypeAsync("Deployment");

        var obj = await host.Objects.GetAsync(type, "media", "deep", CancellationToken.None);

        Assert.Equal("deep", (string?)obj?["metadata"]?["name"]);
    }

    /// <summary>Every category to one capturing logger.</summary>
    private sealed class OneLogger(CapturingLogger<DeepObjectTests> logger) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
