namespace MqttKube.Tests.EndToEnd;

/// <summary>The fake API server run as its own process (as the benchmarks and the AOT tests run it).</summary>
public sealed class FakeKubeProcessTests
{
    [Fact]
    public async Task Sigterm_stops_it_cleanly()
    {
        await using var kube = ChildProcess.Start(Path.Combine(AppContext.BaseDirectory, "MqttKube.FakeKube"), ["--port", "0"]);
        var address = new Uri(await kube.FirstLineAsync());
        using (var http = new HttpClient { BaseAddress = address })
        {
            Assert.Contains("\"versions\"", await http.GetStringAsync("/api"), StringComparison.Ordinal);
        }

        kube.Terminate();

        Assert.True(await kube.WaitForExitAsync(TimeSpan.FromSeconds(20)), "the fake API server ignored SIGTERM:\n" + kube.Output);
        Assert.Equal(0, kube.ExitCode);
    }
}
