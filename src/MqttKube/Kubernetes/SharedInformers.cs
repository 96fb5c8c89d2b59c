using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MqttKube.Kubernetes;

/// <summary>The <see cref="IObjectWatcher"/>: one <see cref="Informer"/> per (type, namespace), created on first use and kept.</summary>
internal sealed class SharedInformers(KubeApi api, InformerOptions? options = null, ILoggerFactory? loggers = null) : IObjectWatcher, IAsyncDisposable
{
    private readonly Dictionary<(string ApiVersion, string Plural, string? Namespace), Informer> _informers = [];
    private readonly Lock _lock = new();
    private readonly ILogger _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("kubernetes");
    private bool _disposed;

    public IObjectSubscription Subscribe(ResourceType type, string? ns, string? name, Action<ObjectEvent> handler)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var key = (type.ApiVersion, type.Plural, type.ScopeNamespace(ns));
            if (!_informers.TryGetValue(key, out var informer))
            {
                informer = new Informer(api, type, ns, options ?? new InformerOptions(), _logger);
                _informers[key] = informer;
            }

            return informer.Subscribe(name, handler);
        }
    }

    /// <summary>Every shared list+watch and its state.</summary>
    public IReadOnlyList<InformerStatus> Status
    {
        get { lock (_lock) { return [.. _informers.Values.Select(i => i.Status)]; } }
    }

    /// <summary>True when every list+watch has listed at least once.</summary>
    public bool AllSynced => Status.All(s => s.Synced);

    public async ValueTask DisposeAsync()
    {
        Informer[] all;
        lock (_lock)
        {
            _disposed = true;
            all = [.. _informers.Values];
            _informers.Clear();
        }

        foreach (var informer in all)
        {
            await informer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
