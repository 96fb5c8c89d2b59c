namespace MqttKube.Tests.Kubernetes;

/// <summary>Waits on a condition (never a fixed sleep), failing with <paramref name="what"/> after a generous timeout.</summary>
internal static class Eventually
{
    public static async Task WaitAsync(Func<bool> condition, string what, Func<string>? state = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting for: {what}{(state == null ? "" : " (" + state() + ")")}");
            }

            await Task.Delay(10);
        }
    }
}
