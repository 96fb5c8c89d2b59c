using System.Text;
using MqttKube.Mqtt;

namespace MqttKube.Tests.Mqtt;

public sealed class OfflineQueueTests
{
    static QueuedPublish Item(string topic, string payload, bool isState = false) => new(topic, Encoding.UTF8.GetBytes(payload), 1, false, isState);

    static string[] Drain(OfflineQueue queue)
    {
        var items = new List<string>();
        while (queue.TryDequeue(out var item))
        {
            items.Add($"{item.Topic}={Encoding.UTF8.GetString(item.Payload)}");
        }

        return [.. items];
    }

    [Fact]
    public void KeepsOrderAndOnlyTheNewestStatePerTopic()
    {
        var queue = new OfflineQueue(10);
        queue.Enqueue(Item("cmd", "1"), out _);
        queue.Enqueue(Item("state", "a", isState: true), out _);
        queue.Enqueue(Item("cmd", "2"), out _);
        queue.Enqueue(Item("state", "b", isState: true), out var replaced);
        queue.Enqueue(Item("other", "x", isState: true), out _);

        Assert.True(replaced);
        Assert.Equal(["cmd=1", "cmd=2", "state=b", "other=x"], Drain(queue));
    }

    [Fact]
    public void DropsTheOldestWhenFull()
    {
        var queue = new OfflineQueue(2);
        Assert.Null(queue.Enqueue(Item("t", "1"), out _));
        Assert.Null(queue.Enqueue(Item("t", "2"), out _));
        var evicted = queue.Enqueue(Item("t", "3"), out _);

        Assert.Equal("1", Encoding.UTF8.GetString(evicted!.Payload));
        Assert.Equal(["t=2", "t=3"], Drain(queue));
    }

    [Fact]
    public void EvictedStateEntryNoLongerBlocksItsTopic()
    {
        var queue = new OfflineQueue(2);
        queue.Enqueue(Item("state", "a", isState: true), out _);
        queue.Enqueue(Item("t", "1"), out _);
        queue.Enqueue(Item("t", "2"), out _);
        queue.Enqueue(Item("state", "b", isState: true), out var replaced);

        Assert.False(replaced);
        Assert.Equal(["t=2", "state=b"], Drain(queue));
    }

    [Fact]
    public void RequeueGoesToTheFrontUnlessANewerStateIsQueued()
    {
        var queue = new OfflineQueue(5);
        queue.Enqueue(Item("t", "1"), out _);
        queue.Enqueue(Item("state", "old", isState: true), out _);
        Assert.True(queue.TryDequeue(out var first));
        Assert.True(queue.TryDequeue(out var state));
        queue.Enqueue(Item("state", "new", isState: true), out _);

        Assert.True(queue.Requeue(first));
        Assert.False(queue.Requeue(state));
        Assert.Equal(["t=1", "state=new"], Drain(queue));
    }
}
