using MqttKube.Bindings.Outbound;
using MqttKube.Bindings.Plan;
using MqttKube.Kubernetes;

namespace MqttKube.Bindings;

/// <summary>
/// The kinds the binding's <c>owned:</c> watches read: one <see cref="OwnedObjects"/> per kind, fed by the shared
/// list+watch of that kind in the binding's namespace. The binding is ready only once each of those lists is in too.
/// </summary>
internal sealed partial class Binding
{
    private readonly List<IObjectSubscription> ownedSubscriptions = [];
    private OwnedObjects[] owned = [];
    private volatile bool primaryIn;

    /// <summary>The owned objects a watch reads (<c>owned: KIND</c>), or null for a watch of the bound object itself.</summary>
    internal OwnedObjects? OwnedOf(PlannedWatch watch) =>
        watch.Config.Owned is { } kind ? owned.First(o => string.Equals(o.Kind, kind, StringComparison.OrdinalIgnoreCase)) : null;

    /// <summary>In the constructor: one <see cref="OwnedObjects"/> per kind the watches name (any case).</summary>
    private void CreateOwned() =>
        owned = [.. Plan.Watches.Select(w => w.Config.Owned).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Select(k => new OwnedObjects(k, OnOwnedChanged))];

    /// <summary>Resolves every owned kind (a failure is retried as the binding's own kind is).</summary>
    private async Task<ResourceType[]> ResolveOwnedAsync(CancellationToken cancellationToken)
    {
        var types = new ResourceType[owned.Length];
        for (var i = 0; i < owned.Length; i++)
        {
            types[i] = await Services.Kube.ResolveAsync(owned[i].Kind, null, cancellationToken).ConfigureAwait(false);
        }

        return types;
    }

    /// <summary>Opens the shared list+watch of each owned kind in <paramref name="ns"/> (null: every namespace).</summary>
    private void WatchOwned(ResourceType[] types, string? ns)
    {
        for (var i = 0; i < owned.Length; i++)
        {
            ownedSubscriptions.Add(Services.Kube.Watch(types[i], types[i].Namespaced ? ns : null, null, null, owned[i]));
        }
    }

    /// <summary>
    /// Objects owned by <paramref name="ownerUids"/> changed (null: an owned kind's list is in): the owned watches of
    /// those bound objects read again. A named binding's watches wait for its own object's first state.
    /// </summary>
    private void OnOwnedChanged(IReadOnlySet<string>? ownerUids)
    {
        if (Object is not null && !primaryIn)
        {
            return;
        }

        Services.Metrics.WatchEvent();
        var since = Services.Time.GetTimestamp();
        foreach (var target in Objects)
        {
            if (ownerUids is null || ((string?)target.Latest?["metadata"]?["uid"] is { } uid && ownerUids.Contains(uid)))
            {
                target.UpdateOwned(since);
            }
        }

        TryMarkReady();
    }

    /// <summary>Ready once the binding's own first list (or object) is in and every owned kind's list too.</summary>
    private void TryMarkReady()
    {
        if (!ready && primaryIn && owned.All(o => o.Synced))
        {
            MarkReady();
        }
    }

    /// <summary>The last failure of an owned kind's list+watch, or null.</summary>
    private string? OwnedError => ownedSubscriptions.Select(s => s.LastError).FirstOrDefault(e => e is not null);

    private void StopOwned()
    {
        foreach (var s in ownedSubscriptions)
        {
            s.Dispose();
        }
    }
}
