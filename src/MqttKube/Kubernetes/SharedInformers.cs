using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MqttKube.Kubernetes;

/// <summary>One <see cref="Informer"/> per (type, namespace), created on first use and kept, however many subscribers.</summary>
internal sealed class SharedInformers(KubeApi api, InformerOptions? options = null, ILoggerFactory? loggers = null) : IAsyncDisposable
{
    private readonly Dictionary<(string ApiVersion, string Plural, string? Namespace), Informer> informers = [];
    private readonly Lock gate = new();
    private readonly ILogger logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("kubernetes");
    private bool disposed;

    /// <summary>
    /// Subscribes to objects of <paramref name="type"/> in <paramref name="ns"/> (all namespaces, or cluster-scoped,
    /// when null), only the one named <paramref name="name"/> when given. After the initial list the handler gets the
    /// current state (Added, or Absent for a missing named object; Added* then Synced without a name), then every
    /// change. Events of one (type, namespace) arrive one at a time, in order.
    /// </summary>
    public IObjectSubscription Subscribe(ResourceType type, string? ns, string? name, Action<ObjectEvent> handler)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var key = (type.ApiVersion, type.Plural, type.ScopeNamespace(ns));
            if (!informers.TryGetValue(key, out var informer))
            {
                informer = new Informer(api, type, ns, options ?? new InformerOptions(), logger);
                informers[key] = informer;
            }

            return informer.Subscribe(name, handler);
        }
    }

    /// <summary>Every shared list+watch and its state.</summary>
    public IReadOnlyList<InformerStatus> Status
    {
        get
        {
            lock (gate)
            {
                return [.. informers.Values.Select(i => i.Status)];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Informer[] all;
        lock (gate)
        {
            disposed = true;
            all = [.. informers.Values];
            informers.Clear();
        }

        foreach (var informer in all)
        {
            await informer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
