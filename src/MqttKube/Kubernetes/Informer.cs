using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace MqttKube.Kubernetes;

/// <summary>
/// One list+watch of a (type, namespace): an object cache, resourceVersion continuity across reconnects, bookmarks,
/// re-list and reconcile on 410 Gone, back-off on every failure, forever. Events reach subscribers one at a time
/// through a dispatch queue; the same resourceVersion of an object is never delivered twice.
/// </summary>
internal sealed partial class Informer : IAsyncDisposable
{
    private readonly KubeApi api;
    private readonly InformerOptions options;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly Dictionary<string, JsonObject> cache = new(StringComparer.Ordinal);
    private readonly List<Subscription> subscribers = [];
    private readonly Channel<(ObjectEvent Event, Subscription[] To)> dispatch = Channel.CreateUnbounded<(ObjectEvent, Subscription[])>(new() { SingleReader = true });
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly Task dispatcher;
    private bool synced;
    private string? lastError;
    private int restarts;

    public Informer(KubeApi api, ResourceType type, string? ns, string? labelSelector, InformerOptions options, ILogger logger)
    {
        this.api = api;
        Type = type;
        Namespace = type.ScopeNamespace(ns);
        LabelSelector = labelSelector;
        this.options = options;
        this.logger = logger;
        dispatcher = Task.Run(DispatchAsync);
        loop = Task.Run(() => RunAsync(stop.Token));
    }

    public ResourceType Type { get; }

    public string? Namespace { get; }

    /// <summary>The label selector the API server filters by; null: every object.</summary>
    public string? LabelSelector { get; }

    public string? LastError
    {
        get { lock (gate) { return lastError; } }
    }

    public InformerStatus Status
    {
        get { lock (gate) { return new InformerStatus(Type, Namespace, synced, lastError, restarts, cache.Count, subscribers.Count, LabelSelector); } }
    }

    private string Describe => (Namespace == null ? Type.QualifiedPlural : $"{Type.QualifiedPlural} in {Namespace}") + (LabelSelector == null ? string.Empty : $" ({LabelSelector})");

    public IObjectSubscription Subscribe(string? name, Action<ObjectEvent> handler)
    {
        lock (gate)
        {
            var subscription = new Subscription(this, name, handler);
            subscribers.Add(subscription);
            if (synced)
            {
                EnqueueInitial(subscription);
            }
            else
            {
                EnqueueCached(subscription); // the pages of the first list in so far; the rest follows, then Synced
            }

            return subscription;
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (gate)
        {
            subscribers.Remove(subscription);
        }
    }

    /// <summary>Under the lock: the current state for one subscriber.</summary>
    private void EnqueueInitial(Subscription s)
    {
        var found = EnqueueCached(s);
        if (s.Name == null)
        {
            dispatch.Writer.TryWrite((new ObjectEvent(ObjectEventType.Synced, Namespace, null, null), [s]));
        }
        else if (!found)
        {
            dispatch.Writer.TryWrite((new ObjectEvent(ObjectEventType.Absent, Namespace, s.Name, null), [s]));
        }

        s.Initialized = true;
    }

    /// <summary>Under the lock: the cached objects <paramref name="s"/> wants, as Added; whether there were any.</summary>
    private bool EnqueueCached(Subscription s)
    {
        var found = false;
        foreach (var obj in cache.Values.Where(o => s.Matches(NameOf(o))).OrderBy(o => Key(o), StringComparer.Ordinal))
        {
            found = true;
            dispatch.Writer.TryWrite((new ObjectEvent(ObjectEventType.Added, NamespaceOf(obj), NameOf(obj), (JsonObject)obj.DeepClone()), [s]));
        }

        return found;
    }

    /// <summary>Under the lock: one change for every subscriber it concerns.</summary>
    private void Enqueue(ObjectEventType type, JsonObject obj)
    {
        var name = NameOf(obj);
        var to = subscribers.Where(s => s.Matches(name)).ToArray();
        if (to.Length > 0)
        {
            dispatch.Writer.TryWrite((new ObjectEvent(type, NamespaceOf(obj), name, (JsonObject)obj.DeepClone()), to));
        }
    }

    private async Task DispatchAsync()
    {
        await foreach (var (e, to) in dispatch.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            foreach (var s in to)
            {
                if (s.Disposed)
                {
                    continue;
                }

                try
                {
                    s.Handler(e);
                }
                catch (Exception ex)
                {
                    LogHandlerFailed(logger, ex, Describe, e.Name);
                }
            }
        }
    }

    internal static string? NameOf(JsonNode? obj) => (string?)obj?["metadata"]?["name"];

    internal static string? NamespaceOf(JsonNode? obj) => (string?)obj?["metadata"]?["namespace"];

    internal static string? RvOf(JsonNode? obj) => (string?)obj?["metadata"]?["resourceVersion"];

    private static string Key(JsonNode obj) => $"{NamespaceOf(obj)}/{NameOf(obj)}";

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        dispatch.Writer.TryComplete();
        try
        {
            await Task.WhenAll(loop, dispatcher).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        stop.Dispose();
    }

    private sealed class Subscription(Informer owner, string? name, Action<ObjectEvent> handler) : IObjectSubscription
    {
        public string? Name { get; } = name;

        public Action<ObjectEvent> Handler { get; } = handler;

        public bool Initialized { get; set; }

        public volatile bool Disposed;

        public string? LastError => owner.LastError;

        public bool Matches(string? objectName) => Name == null || Name == objectName;

        public void Dispose()
        {
            Disposed = true;
            owner.Unsubscribe(this);
        }
    }
}
