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
    private readonly KubeApi _api;
    private readonly InformerOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, JsonObject> _cache = new(StringComparer.Ordinal);
    private readonly List<Subscription> _subscribers = [];
    private readonly Channel<(ObjectEvent Event, Subscription[] To)> _dispatch = Channel.CreateUnbounded<(ObjectEvent, Subscription[])>(new() { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Task _dispatcher;
    private bool _synced;
    private string? _lastError;
    private int _restarts;

    public Informer(KubeApi api, ResourceType type, string? ns, string? labelSelector, InformerOptions options, ILogger logger)
    {
        _api = api;
        Type = type;
        Namespace = type.ScopeNamespace(ns);
        LabelSelector = labelSelector;
        _options = options;
        _logger = logger;
        _dispatcher = Task.Run(DispatchAsync);
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    public ResourceType Type { get; }

    public string? Namespace { get; }

    /// <summary>The label selector the API server filters by; null: every object.</summary>
    public string? LabelSelector { get; }

    public string? LastError
    {
        get { lock (_lock) { return _lastError; } }
    }

    public InformerStatus Status
    {
        get { lock (_lock) { return new InformerStatus(Type, Namespace, _synced, _lastError, _restarts, _cache.Count, _subscribers.Count, LabelSelector); } }
    }

    private string Describe => (Namespace == null ? Type.QualifiedPlural : $"{Type.QualifiedPlural} in {Namespace}") + (LabelSelector == null ? string.Empty : $" ({LabelSelector})");

    public IObjectSubscription Subscribe(string? name, Action<ObjectEvent> handler)
    {
        lock (_lock)
        {
            var subscription = new Subscription(this, name, handler);
            _subscribers.Add(subscription);
            if (_synced)
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
        lock (_lock)
        {
            _subscribers.Remove(subscription);
        }
    }

    /// <summary>Under the lock: the current state for one subscriber.</summary>
    private void EnqueueInitial(Subscription s)
    {
        var found = EnqueueCached(s);
        if (s.Name == null)
        {
            _dispatch.Writer.TryWrite((new ObjectEvent(ObjectEventType.Synced, Namespace, null, null), [s]));
        }
        else if (!found)
        {
            _dispatch.Writer.TryWrite((new ObjectEvent(ObjectEventType.Absent, Namespace, s.Name, null), [s]));
        }

        s.Initialized = true;
    }

    /// <summary>Under the lock: the cached objects <paramref name="s"/> wants, as Added; whether there were any.</summary>
    private bool EnqueueCached(Subscription s)
    {
        var found = false;
        foreach (var obj in _cache.Values.Where(o => s.Matches(NameOf(o))).OrderBy(o => Key(o), StringComparer.Ordinal))
        {
            found = true;
            _dispatch.Writer.TryWrite((new ObjectEvent(ObjectEventType.Added, NamespaceOf(obj), NameOf(obj), (JsonObject)obj.DeepClone()), [s]));
        }

        return found;
    }

    /// <summary>Under the lock: one change for every subscriber it concerns.</summary>
    private void Enqueue(ObjectEventType type, JsonObject obj)
    {
        var name = NameOf(obj);
        var to = _subscribers.Where(s => s.Matches(name)).ToArray();
        if (to.Length > 0)
        {
            _dispatch.Writer.TryWrite((new ObjectEvent(type, NamespaceOf(obj), name, (JsonObject)obj.DeepClone()), to));
        }
    }

    private async Task DispatchAsync()
    {
        await foreach (var (e, to) in _dispatch.Reader.ReadAllAsync().ConfigureAwait(false))
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
                    LogHandlerFailed(_logger, ex, Describe, e.Name);
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
        await _stop.CancelAsync().ConfigureAwait(false);
        _dispatch.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_loop, _dispatcher).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        _stop.Dispose();
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
