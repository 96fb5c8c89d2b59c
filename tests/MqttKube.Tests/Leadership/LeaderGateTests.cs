using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using MqttKube.Bindings;
using MqttKube.Bindings.Leadership;
using MqttKube.Bindings.Outbound;
using MqttKube.Bindings.Ports;
using MqttKube.Kubernetes;

namespace MqttKube.Tests.Leadership;

/// <summary>The one leadership gate the bindings' ports pass through: a follower neither publishes nor handles commands nor writes.</summary>
public sealed class LeaderGateTests
{
    private static (StateTable States, Activity Activity) Table(IMqttPort port)
    {
        var services = new BindingServices(port, null!, NullLoggerFactory.Instance, new MqttKube.Http.Metrics(), "default", TimeProvider.System);
        var activity = new Activity();
        var states = new StateTable(services, activity);
        port.Connected += states.Republish;
        return (states, activity);
    }

    [Fact]
    public async Task A_follower_keeps_the_newest_states_and_publishes_them_all_when_it_takes_over()
    {
        var broker = new RecordingMqttPort();
        var gate = new LeaderGate(open: false);
        var (states, activity) = Table(new GatedMqttPort(broker, gate));
        var owner = new AssociationState("watch", "power/state", "status.replicas");

        states.Set(owner, "power/state", 1, true, "OFF", 0);
        states.Set(owner, "power/state", 1, true, "ON", 0);
        states.Set(owner, "mode", 1, true, "auto", 0);
        await activity.WaitIdleAsync(CancellationToken.None);
        Assert.Empty(broker.Published);

        gate.Set(true);
        await activity.WaitIdleAsync(CancellationToken.None);
        Assert.Equal([("mode", "auto"), ("power/state", "ON")], broker.Published.Order());

        // Leading: a change is published as usual; after losing, nothing more is.
        states.Set(owner, "power/state", 1, true, "OFF", 0);
        await activity.WaitIdleAsync(CancellationToken.None);
        gate.Set(false);
        states.Set(owner, "power/state", 1, true, "ON", 0);
        await activity.WaitIdleAsync(CancellationToken.None);
        Assert.Equal(("power/state", "OFF"), broker.Published[^1]);
        Assert.Equal(3, broker.Published.Count);
    }

    [Fact]
    public async Task A_reconnection_while_following_publishes_nothing()
    {
        var broker = new RecordingMqttPort();
        var gate = new LeaderGate(open: false);
        var (states, activity) = Table(new GatedMqttPort(broker, gate));
        states.Set(new AssociationState("watch", "state", null), "state", 1, true, "1", 0);

        broker.Connect(2);
        await activity.WaitIdleAsync(CancellationToken.None);

        Assert.Empty(broker.Published);
    }

    [Fact]
    public void A_follower_drops_commands_and_the_leader_takes_them()
    {
        var broker = new RecordingMqttPort();
        var gate = new LeaderGate(open: false);
        var port = new GatedMqttPort(broker, gate);
        var received = new List<string>();
        using var subscription = port.Subscribe("power/set", new Collect(received));

        broker.Deliver("power/set", "ON");
        gate.Set(true);
        broker.Deliver("power/set", "OFF");

        Assert.Equal(["OFF"], received);
        Assert.Equal(1, port.Dropped);
    }

    [Fact]
    public async Task A_write_queued_before_leadership_was_lost_is_refused_not_sent()
    {
        var gate = new LeaderGate(open: true);
        var kube = new GatedKubePort(new ThrowingKubePort(), gate);
        var type = new ResourceType("apps", "v1", "Deployment", "deployments", true, ["patch"], []);
        JsonNode[] ops = [new JsonObject { ["op"] = "replace", ["path"] = "/spec/replicas", ["value"] = 1 }];

        await Assert.ThrowsAsync<NotSupportedException>(() => kube.PatchAsync(type, "media", "jellyfin", ops, CancellationToken.None)); // passes to the API
        gate.Set(false);

        var refused = await Assert.ThrowsAsync<NotLeadingException>(() => kube.PatchAsync(type, "media", "jellyfin", ops, CancellationToken.None));
        Assert.Contains("no longer the leader", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotLeadingException>(() => kube.CreateAsync(type, "media", [], CancellationToken.None));
        await Assert.ThrowsAsync<NotLeadingException>(() => kube.DeleteAsync(type, "media", "jellyfin", DeletePropagation.Background, null, CancellationToken.None));
    }

    private sealed class Collect(List<string> into) : IInboundHandler
    {
        public void Post(InboundMessage message) => into.Add(System.Text.Encoding.UTF8.GetString(message.Payload.Span));
    }

    /// <summary>An API whose every call fails: what reaches it shows as <see cref="NotSupportedException"/>.</summary>
    private sealed class ThrowingKubePort : IKubePort
    {
        public Task<ResourceType> ResolveAsync(string resource, string? apiVersion, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IObjectSubscription Watch(ResourceType type, string? ns, string? labelSelector, string? name, IObjectObserver observer) => throw new NotSupportedException();

        public Task<JsonObject?> GetAsync(ResourceType type, string? ns, string name, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<JsonObject>> ListAsync(ResourceType type, string? ns, string? labelSelector, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<JsonObject> CreateAsync(ResourceType type, string? ns, JsonObject obj, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PatchResult> PatchAsync(ResourceType type, string? ns, string name, IReadOnlyList<JsonNode> operations, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> DeleteAsync(ResourceType type, string? ns, string name, DeletePropagation propagation, string? uid, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task WaitUntilGoneAsync(ResourceType type, string? ns, string name, string? uid, TimeSpan timeout, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
