using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Inbound;
using MqttKube.Bindings.Outbound;
using MqttKube.Bindings.Plan;
using MqttKube.Bindings.Reload;

namespace MqttKube.Bindings;

/// <summary>
/// Runs the bindings of a plan: subscribes their patch and action topics, starts each binding on its own (one that
/// cannot start never stops the others), and owns the <see cref="StateTable"/> that publishes the watches' states
/// (again after every MQTT reconnection). Bindings are added and removed one by one (<see cref="Add"/>,
/// <see cref="RemoveAsync"/>), so a changed config can be applied as a difference.
/// </summary>
internal sealed partial class BindingRuntime : IAsyncDisposable
{
    private readonly BindingServices services;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly List<Running> running = [];
    private bool started;
    private IDisposable? birth;

    public BindingRuntime(BindingServices services)
    {
        this.services = services;
        logger = services.Logs.CreateLogger("bindings");
        Activity = new Activity();
        States = new StateTable(services, Activity);
    }

    /// <summary>Work queued or in flight: <see cref="Activity.WaitIdleAsync"/> tells when the runtime is quiet.</summary>
    public Activity Activity { get; }

    public StateTable States { get; }

    /// <summary>The bindings running now, in config order.</summary>
    public IReadOnlyList<Binding> Bindings
    {
        get
        {
            lock (gate)
            {
                return [.. running.Select(r => r.Binding)];
            }
        }
    }

    /// <summary>Starts every binding of <paramref name="plan"/>; returns at once (bindings start in the background).</summary>
    public void Start(BindingPlan plan)
    {
        lock (gate)
        {
            if (!started)
            {
                started = true;
                services.Mqtt.Connected += States.Republish;
                if (services.HomeAssistant is { } discovery)
                {
                    birth = services.Mqtt.Subscribe(discovery.StatusTopic, new HomeAssistant.BirthHandler(States));
                }
            }
        }

        foreach (var binding in plan.Bindings)
        {
            Add(binding);
        }

        LogStarting(logger, plan.Bindings.Count);
    }

    /// <summary>Starts one binding: its topics are subscribed at once (commands are held until it is ready).</summary>
    public Binding Add(PlannedBinding plan) => Add(plan, BindingIdentity.Of(plan));

    private Binding Add(PlannedBinding plan, string identity)
    {
        var binding = new Binding(plan, services, States, Activity);
        var routes = new List<IDisposable>();
        for (var i = 0; i < binding.Filters.Count; i++)
        {
            var route = new InboundRoute(binding, i);
            routes.Add(services.Mqtt.Subscribe(route.Topic, route));
        }

        Activity.Begin(); // the first start attempt
        var start = Task.Run(async () =>
        {
            try
            {
                await binding.StartAsync().ConfigureAwait(false);
            }
            finally
            {
                Activity.End();
            }
        });
        lock (gate)
        {
            running.Add(new Running(binding, routes, start, identity));
        }

        return binding;
    }

    /// <summary>
    /// Stops one binding: its topics are unsubscribed, its queued commands finish (until
    /// <paramref name="cancellationToken"/>), and its states are cleared on the broker when <paramref name="release"/>.
    /// </summary>
    public async Task RemoveAsync(Binding binding, bool release, CancellationToken cancellationToken)
    {
        Running? entry;
        lock (gate)
        {
            entry = running.Find(r => ReferenceEquals(r.Binding, binding));
            if (entry is not null)
            {
                running.Remove(entry);
            }
        }

        if (entry is not null)
        {
            await StopAsync(entry, cancellationToken).ConfigureAwait(false);
            if (release)
            {
                foreach (var bound in binding.Objects)
                {
                    bound.Release();
                }
            }
        }
    }

    /// <summary>Stops taking messages and lets queued patches and actions finish (until <paramref name="cancellationToken"/>).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        services.Mqtt.Connected -= States.Republish;
        birth?.Dispose();
        List<Running> all;
        lock (gate)
        {
            all = [.. running];
            running.Clear();
        }

        await Task.WhenAll(all.Select(r => StopAsync(r, cancellationToken))).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => new(StopAsync(new CancellationToken(canceled: true)));

    /// <summary>The bindings whose start loop died (liveness); empty while all is well.</summary>
    public IEnumerable<string> DeadLoops()
    {
        lock (gate)
        {
            return [.. running.Where(r => r.Start.IsFaulted).Select(r => $"{r.Binding.Plan.Path}: {r.Start.Exception!.GetBaseException().Message}")];
        }
    }

    private async Task StopAsync(Running entry, CancellationToken cancellationToken)
    {
        foreach (var route in entry.Routes)
        {
            route.Dispose();
        }

        try
        {
            await entry.Binding.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogDrainTimedOut(logger, entry.Binding.Plan.Path);
        }
        catch (Exception ex)
        {
            LogDrainFailed(logger, entry.Binding.Plan.Path, ex.Message);
        }
    }

    private sealed record Running(Binding Binding, List<IDisposable> Routes, Task Start, string Identity);

    [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "starting {Count} binding(s)")]
    private static partial void LogStarting(ILogger logger, int count);

    [LoggerMessage(EventId = 4503, Level = LogLevel.Warning, Message = "{Path}: stopped before every queued message was handled")]
    private static partial void LogDrainTimedOut(ILogger logger, string path);

    [LoggerMessage(EventId = 4504, Level = LogLevel.Error, Message = "{Path}: a queue failed while stopping: {Reason}")]
    private static partial void LogDrainFailed(ILogger logger, string path, string reason);
}
