using MqttKube.Bindings.Plan;
using MqttKube.Bindings.Reload;

namespace MqttKube.Bindings;

internal sealed partial class BindingRuntime
{
    /// <summary>
    /// Applies <paramref name="plan"/> as a difference (hot reload): bindings whose identity (<see cref="BindingIdentity"/>)
    /// is unchanged keep running untouched; removed ones stop and their retained states are cleared; new ones start;
    /// a changed one (the same object, or else the same place in the list) restarts, and the topics it still
    /// publishes are handed over to its successor (no clear, no publish of an unchanged payload); what the successor
    /// no longer publishes is cleared once it is ready. Queued commands of stopped bindings finish until
    /// <paramref name="cancellationToken"/>.
    /// </summary>
    public async Task<ApplyResult> ApplyAsync(BindingPlan plan, CancellationToken cancellationToken)
    {
        var identities = plan.Bindings.Select(BindingIdentity.Of).ToArray();
        List<Running> before;
        lock (gate)
        {
            before = [.. running];
        }

        var pool = before.GroupBy(r => r.Identity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new Queue<Running>(g), StringComparer.Ordinal);
        var order = new Dictionary<Binding, int>(ReferenceEqualityComparer.Instance);
        var fresh = new List<int>();
        for (var i = 0; i < identities.Length; i++)
        {
            if (pool.TryGetValue(identities[i], out var same) && same.TryDequeue(out var kept))
            {
                order[kept.Binding] = i;
            }
            else
            {
                fresh.Add(i);
            }
        }

        var leftover = pool.Values.SelectMany(q => q).ToList();
        var predecessors = Predecessors(leftover, [.. fresh.Select(i => plan.Bindings[i])]);
        var stops = new List<Task>();
        var changed = 0;
        foreach (var i in fresh)
        {
            if (!predecessors.TryGetValue(plan.Bindings[i], out var predecessor))
            {
                order[Add(plan.Bindings[i], identities[i])] = i;
                continue;
            }

            changed++;
            var handover = States.HandOver(WatchStates(predecessor.Binding));
            var successor = Add(plan.Bindings[i], identities[i]);
            order[successor] = i;
            _ = successor.ReadyOrStopped.ContinueWith(_ => States.EndHandover(handover), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            stops.Add(RemoveAsync(predecessor.Binding, release: true, cancellationToken));
        }

        stops.AddRange(leftover.Select(r => RemoveAsync(r.Binding, release: true, cancellationToken)));
        lock (gate)
        {
            running.Sort((a, b) => Position(a).CompareTo(Position(b)));
        }

        await Task.WhenAll(stops).ConfigureAwait(false);
        return new ApplyResult(identities.Length - fresh.Count, fresh.Count - changed, changed, leftover.Count);

        int Position(Running r) => order.TryGetValue(r.Binding, out var at) ? at : int.MaxValue;
    }

    /// <summary>
    /// The running bindings new ones replace (taken out of <paramref name="leftover"/>): the one of the same object,
    /// wherever it moved in the list; else the one at the same place that no new binding of its object claims.
    /// </summary>
    private static Dictionary<PlannedBinding, Running> Predecessors(List<Running> leftover, List<PlannedBinding> fresh)
    {
        var found = new Dictionary<PlannedBinding, Running>(ReferenceEqualityComparer.Instance);
        foreach (var byTarget in new[] { true, false })
        {
            foreach (var plan in fresh.Where(p => !found.ContainsKey(p)))
            {
                var predecessor = leftover.Find(r => byTarget
                    ? string.Equals(r.Binding.Plan.Target, plan.Target, StringComparison.OrdinalIgnoreCase)
                    : r.Binding.Plan.Index == plan.Index);
                if (predecessor is not null)
                {
                    leftover.Remove(predecessor);
                    found[plan] = predecessor;
                }
            }
        }

        return found;
    }

    /// <summary>The states a binding publishes (through its bound objects' watches).</summary>
    private static IEnumerable<AssociationState> WatchStates(Binding binding) => binding.Objects.SelectMany(o => o.Watches).Select(w => w.State);
}
