using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MqttKube.Hosting;

namespace MqttKube.Tests.Hosting;

public sealed class HostedPartTests
{
    [Fact]
    public async Task Parts_start_in_registration_order_and_stop_in_reverse_and_are_disposed_with_the_host()
    {
        var events = new List<string>();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddPart(_ => new Part("first", events), (p, _) => p.Start(), (p, _) => p.Stop());
        builder.Services.AddPart(_ => new OtherPart("second", events), (p, _) => p.Start(), (p, _) => p.Stop());

        using (var host = builder.Build())
        {
            await host.StartAsync();
            Assert.Equal("first", host.Services.GetRequiredService<Part>().Name);
            await host.StopAsync();
        }

        Assert.Equal(["first started", "second started", "second stopped", "first stopped", "second disposed", "first disposed"], events);
    }

    [Fact]
    public void A_second_part_of_the_same_type_is_refused()
    {
        var services = new ServiceCollection();
        services.AddPart(_ => new Part("first", []), (p, _) => p.Start(), (p, _) => p.Stop());

        var error = Assert.Throws<InvalidOperationException>(() => services.AddPart(_ => new Part("second", []), (p, _) => p.Start(), (p, _) => p.Stop()));
        Assert.Equal("Part is registered already: one part per type", error.Message);
    }

    private sealed class OtherPart(string name, List<string> events) : Part(name, events);

    private class Part(string name, List<string> events) : IDisposable
    {
        public string Name => name;

        public Task Start()
        {
            events.Add(name + " started");
            return Task.CompletedTask;
        }

        public Task Stop()
        {
            events.Add(name + " stopped");
            return Task.CompletedTask;
        }

        public void Dispose() => events.Add(name + " disposed");
    }
}
