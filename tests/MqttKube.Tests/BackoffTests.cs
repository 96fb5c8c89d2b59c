using MqttKube.Mqtt;

namespace MqttKube.Tests;

public sealed class BackoffTests
{
    [Fact]
    public void Mqtt_reconnects_start_at_one_second_and_double_to_thirty_with_jitter()
    {
        var options = MqttTuning.Default;
        var backoff = new Backoff(options.ReconnectMinDelay, options.ReconnectMaxDelay, new Random(7));

        var delays = Enumerable.Range(0, 10).Select(_ => backoff.Next().TotalSeconds).ToArray();

        double[] steps = [1, 2, 4, 8, 16, 30, 30, 30, 30, 30]; // SPEC 7
        Assert.All(delays.Zip(steps), d => Assert.InRange(d.First, d.Second * 0.8, d.Second * 1.2));
        Assert.True(delays[0] <= 1.2, "the first retry after a lost connection comes after about a second");
        Assert.True(delays.Zip(steps).Any(d => d.First != d.Second), "the delays are jittered");
    }

    [Fact]
    public void Reset_starts_the_sequence_again()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), new Random(1));
        _ = backoff.Next();
        _ = backoff.Next();
        _ = backoff.Next();

        backoff.Reset();

        Assert.InRange(backoff.Next().TotalSeconds, 0.8, 1.2);
    }

    [Fact]
    public void Two_seeds_give_different_delays_so_clients_do_not_retry_in_step()
    {
        var a = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(1));
        var b = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(2));

        Assert.NotEqual(
            Enumerable.Range(0, 5).Select(_ => a.Next()).ToArray(),
            Enumerable.Range(0, 5).Select(_ => b.Next()).ToArray());
    }
}
