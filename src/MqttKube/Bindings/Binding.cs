using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Outbound;
using MqttKube.Bindings.Plan;
using MqttKube.Bindings.Ports;
using MqttKube.Kubernetes;

namespace MqttKube.Bindings;

/// <summary>
/// One binding at run time: resolves its kind through discovery (retrying with back-off while the kind is unknown or
/// forbidden, without holding up the other bindings), then watches its object (one subscription, whatever the number
/// of watches) when it has watches, or, for a binding of many (SPEC 12), the objects its selector finds, binding a
/// <see cref="BoundObject"/> to each that matches as it appears and dropping it when it goes or stops matching. Ready
/// once the kind is resolved and the first list is in: then the commands held meanwhile are handled.
/// </summary>
internal sealed partial class Binding : IObjectObserver
{
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource readyOrStopped = new();
    private volatile ResourceType? type;
    private volatile string? waiting = "starting";
    private volatile bool ready;
    private readonly StateTable states;
    private IObjectSubscription? subscription;

    public Binding(PlannedBinding plan, BindingServices services, StateTable states, Activity activity)
    {
        Plan = plan;
        Services = services;
        Activity = activity;
        this.states = states;
        logger = services.Logs.CreateLogger("binding");
        CreateOwned();
        Object = plan.BindsMany ? null : new BoundObject(this, plan.Config.Namespace ?? services.DefaultNamespace, plan.Config.Name, states);
        Filters = [.. plan.Patches.Select(p => p.Config.Topic).Concat(plan.Actions.Select(a => a.Config.Topic)).Select(Mqtt.MqttTopic.SubscriptionFilter)];
    }

    public PlannedBinding Plan { get; }

    public BindingServices Services { get; }

    public Activity Activity { get; }

    /// <summary>The named object (created at once: commands are held on it while the binding starts); null for a binding of many.</summary>
    public BoundObject? Object { get; }

    /// <summary>The topic filter of each patch, then each action (placeholder levels as <c>+</c>), relative to the prefix.</summary>
    public IReadOnlyList<string> Filters { get; }

    /// <summary>The resolved kind, or null while the binding cannot start.</summary>
    public ResourceType? Type => type;

    /// <summary>The namespace requests use: the binding's (or the default one) for namespaced kinds, null otherwise.</summary>
    public string? Namespace { get; private set; }

    /// <summary>Why the kind is not resolved yet, or null once it is.</summary>
    public string? Waiting => waiting;

    /// <summary>The kind is resolved and the object's first state is in (readiness).</summary>
    public bool IsReady => ready;

    /// <summary>Completes once the binding is ready, or stopped (a reload ends a handover then).</summary>
    public Task ReadyOrStopped => readyOrStopped.Task;

    /// <summary>The last failure of the watch (a Forbidden list, say), for the status page.</summary>
    public string? WatchError => subscription?.LastError ?? OwnedError;

    /// <summary>Resolves the kind and watches the object; retries forever with back-off; returns once running or stopped.</summary>
    public async Task StartAsync()
    {
        var cancellationToken = stopping.Token;
        var backoff = new Backoff(Services.RetryMin, Services.RetryMax, Services.Jitter);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var resolved = await Services.Kube.ResolveAsync(Plan.Config.Resource, Plan.Config.ApiVersion, cancellationToken).ConfigureAwait(false);
                var ownedTypes = await ResolveOwnedAsync(cancellationToken).ConfigureAwait(false);
                Namespace = resolved.Namespaced ? Plan.Config.Namespace ?? Services.DefaultNamespace : null;
                type = resolved;
                waiting = null;
                LogStarted(logger, Plan.Path, Plan.Target, resolved.ToString());
                if (Plan.BindsMany)
                {
                    var ns = resolved.Namespaced ? Plan.WatchNamespace(Services.DefaultNamespace) : null;
                    WatchOwned(ownedTypes, ns);
                    subscription = Services.Kube.Watch(resolved, ns, Plan.Selector?.Text, null, this);
                }
                else if (Plan.Watches.Length > 0)
                {
                    WatchOwned(ownedTypes, Namespace);
                    subscription = Services.Kube.Watch(resolved, Namespace, null, Plan.Config.Name, this);
                }
                else
                {
                    Object?.Announcement?.Announce(resolved.Kind, Namespace, Object.Name, Services.Time.GetTimestamp());
                    MarkReady(); // nothing to list: patches and actions read the object when they need it
                }

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
                    await Activity.PauseAsync(delay, Services.Time, cancellationToken).ConfigureAwait(false); // not busy while it waits
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <inheritdoc/>
    public void OnEvent(ObjectEvent e)
    {
        if (Object is null)
        {
            OnManyEvent(e);
            return;
        }

        if (e.Type == ObjectEventType.Synced || !string.Equals(e.Name, Plan.Config.Name, StringComparison.Ordinal))
        {
            return;
        }

        Services.Metrics.WatchEvent();
        var since = Services.Time.GetTimestamp();
        Object.Announcement?.Announce(type!.Kind, Namespace, Object.Name, since); // before the states: the entities first
        Object.Update(e.Type is ObjectEventType.Added or ObjectEventType.Modified ? e.Object : null, since);
        if (!primaryIn)
        {
            primaryIn = true;
            Interlocked.MemoryBarrier(); // against the owned kind's list coming in at once: one of the two sees both
            Object.UpdateOwned(since); // an owned kind listed meanwhile waited for the object
        }

        TryMarkReady();
    }

    /// <summary>Stops watching, takes no more commands, and lets the queued ones finish (until <paramref name="cancellationToken"/>).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        StopOwned();
        try
        {
            await Task.WhenAll(Objects.Select(o => o.CompleteAsync())).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            readyOrStopped.TrySetResult();
        }
    }

    private void MarkReady()
    {
        lock (gate)
        {
            if (ready)
            {
                return;
            }

            ready = true;
            foreach (var target in Object is { } named ? [named] : (IEnumerable<BoundObject>)bound.Values)
            {
                target.Open(stopping.Token);
            }
        }

        ReleaseHeld();
        readyOrStopped.TrySetResult();
    }
}
