namespace MqttKube.Mqtt;

/// <summary>
/// Bounded FIFO of publishes made while offline. A state publish replaces any queued publish of the same topic
/// (the newest value goes to the back). Over capacity the oldest entry is evicted. Not thread-safe.
/// </summary>
internal sealed class OfflineQueue
{
    readonly LinkedList<QueuedPublish> _items = new();
    readonly Dictionary<string, LinkedListNode<QueuedPublish>> _stateNodes = new(StringComparer.Ordinal);
    readonly int _capacity;

    public OfflineQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _items.Count;

    /// <summary>Adds <paramref name="item"/>; returns the entry evicted to stay within capacity, if any.</summary>
    public QueuedPublish? Enqueue(QueuedPublish item, out bool replacedState)
    {
        replacedState = false;
        if (item.IsState && _stateNodes.Remove(item.Topic, out var old))
        {
            _items.Remove(old);
            replacedState = true;
        }

        var node = _items.AddLast(item);
        if (item.IsState)
        {
            _stateNodes[item.Topic] = node;
        }

        if (_items.Count <= _capacity)
        {
            return null;
        }

        var oldest = _items.First!;
        Forget(oldest);
        return oldest.Value;
    }

    public bool TryDequeue(out QueuedPublish item)
    {
        var first = _items.First;
        if (first is null)
        {
            item = null!;
            return false;
        }

        Forget(first);
        item = first.Value;
        return true;
    }

    /// <summary>
    /// Puts back, at the front, an entry whose send failed. Returns false (entry dropped) when a newer value of the
    /// same state topic is queued, or when the queue is full (the entry is the oldest one).
    /// </summary>
    public bool Requeue(QueuedPublish item)
    {
        if ((item.IsState && _stateNodes.ContainsKey(item.Topic)) || _items.Count >= _capacity)
        {
            return false;
        }

        var node = _items.AddFirst(item);
        if (item.IsState)
        {
            _stateNodes[item.Topic] = node;
        }

        return true;
    }

    /// <summary>The queued entries, oldest first (for tests and status).</summary>
    public IReadOnlyList<QueuedPublish> Snapshot() => [.. _items];

    void Forget(LinkedListNode<QueuedPublish> node)
    {
        _items.Remove(node);
        if (node.Value.IsState && _stateNodes.TryGetValue(node.Value.Topic, out var current) && current == node)
        {
            _stateNodes.Remove(node.Value.Topic);
        }
    }
}
