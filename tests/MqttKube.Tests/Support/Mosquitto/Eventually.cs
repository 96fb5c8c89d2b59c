namespace MqttKube.Tests.Support.Mosquitto;

/// <summary>Waits on a condition (polling) instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static Task WaitAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
        => WaitAsync(condition, () => what, timeout);

    /// <summary>Waits for <paramref name="condition"/>; <paramref name="what"/> describes it when it times out.</summary>
    public static Task WaitAsync(Func<bool> condition, Func<string> what, TimeSpan? timeout = null)
        => WaitAsync(() => Task.FromResult(condition()), what, timeout);

    /// <summary>Waits for an asynchronous <paramref name="condition"/> (one that asks a server, say).</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition, Func<string> what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting for: {what()}");
            }

            await Task.Delay(20);
        }
    }
}
