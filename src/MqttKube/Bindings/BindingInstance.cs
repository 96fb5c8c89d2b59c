using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Plan;
using MqttKube.Kubernetes;

namespace MqttKube.Bindings;

/// <summary>
/// One binding at run time: resolves its kind through discovery (retrying with back-off while the kind is unknown or
/// forbidden, without holding up the other bindings), then subscribes its watches to the shared informers.
/// </summary>
internal sealed partial class BindingInstance
{
    private readonly BindingServices services;
    private readonly ILogger logger;
    private readonly List<IObjectSubscription> subscriptions = [];
    private volatile ResourceType? type;
    private volatile string? waiting = "starting";
    private volatile JsonObject? latest;

    public BindingInstance(PlannedBinding plan, BindingServices services)
    {
        Plan = plan;
        this.services = services;
        logger = services.Logs.CreateLogger("binding");
        Watches = plan.Watches.Select(w => new WatchAssociation(plan, w, services)).ToArray();
        Patches = plan.Patches.Select(p => new PatchAssociation(this, p, services)).ToArray();
        Actions = plan.Actions.Select(a => new ActionAssociation(this, a, services)).ToArray();
    }

    public PlannedBinding Plan { get; }

    public WatchAssociation[] Watches { get; }

    public PatchAssociation[] Patches { get; }

    public ActionAssociation[] Actions { get; }

    /// <summary>The resolved kind, or null while the binding cannot start.</summary>
    public ResourceType? Type => type;

    /// <summary>The namespace requests use: the binding's (or the default one) for namespaced kinds, null otherwise.</summary>
    public string? Namespace { get; private set; }

    /// <summary>The newest version of the object a watch of this binding has seen (null: none, or it is gone).</summary>
    public JsonObject? Latest => latest;

    /// <summary>Why the binding is not running yet, or null when it is.</summary>
    public string? Waiting => waiting;

    public IEnumerable<InboundAssociation> Inbound => Patches.Cast<InboundAssociation>().Concat(Actions);

    public IReadOnlyList<IObjectSubscription> Subscriptions
    {
        get
        {
            lock (subscriptions)
            {
                return [.. subscriptions];
            }
        }
    }

    /// <summary>Resolves the kind and subscribes; retries forever with back-off; returns once running or cancelled.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(services.RetryMin, services.RetryMax);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var resolved = await services.Resolver.ResolveAsync(Plan.Config.Resource, Plan.Config.ApiVersion, cancellationToken).ConfigureAwait(false);
                Namespace = resolved.Namespaced ? Plan.Config.Namespace ?? services.DefaultNamespace : null;
                foreach (var watch in Watches)
                {
                    var subscription = services.Watcher.Subscribe(resolved, Namespace, Plan.Config.Name, e =>
                    {
                        Observe(e);
                        watch.OnEvent(e);
                    });
                    lock (subscriptions)
                    {
                        subscriptions.Add(subscription);
                    }
                }

                type = resolved;
                waiting = null;
                LogStarted(logger, Plan.Path, Plan.Target, resolved.ToString());
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                waiting = ex.Message;
                var delay = backoff.Next();
                LogCannotStart(logger, Plan.Path, Plan.Target, ex.Message, delay.TotalSeconds);
                try
                {
                    await Task.Delay(delay, services.Time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Observe(ObjectEvent e)
    {
        switch (e.Type)
        {
            case ObjectEventType.Added or ObjectEventType.Modified:
                latest = e.Object;
                break;
            case ObjectEventType.Deleted or ObjectEventType.Absent:
                latest = null;
                break;
        }
    }

    public void Stop()
    {
        lock (subscriptions)
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }

            subscriptions.Clear();
        }
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "{Path} {Target} is running ({Type})")]
    private static partial void LogStarted(ILogger logger, string path, string target, string type);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Warning, Message = "{Path} {Target} cannot start: {Reason}; retrying in {Seconds:0.#} s")]
    private static partial void LogCannotStart(ILogger logger, string path, string target, string reason, double seconds);
}
