using System.Diagnostics;
using System.Globalization;
using MqttKube.Benchmarks.Service;

namespace MqttKube.Benchmarks.Scale;

internal sealed partial class ScaleBenchmark
{
    /// <summary>
    /// Hot reload of 1,000 named bindings with one changed (binding 0's second watch moves to another topic): the
    /// config file is rewritten and SIGHUP sent; every message on the other bindings' topics, until 1 s after the moved
    /// topic's first value, counts. Skipped while the build has no reload (no <c>mqtt_kube_config_reloads_total</c>).
    /// </summary>
    private async Task ReloadAsync(Started current, BenchBroker broker, string kubeconfig, bool selector)
    {
        const string What = "publishes for the 999 unchanged bindings when a reload changes one binding of 1,000";
        if (await ServiceLauncher.MetricAsync(current, "mqtt_kube_config_reloads_total") is null)
        {
            table.Add(null, What, "skipped: this build has no hot reload (no `mqtt_kube_config_reloads_total`)", "0");
            return;
        }

        var service = selector ? await StartAsync(broker, kubeconfig, selector: false) : current;
        try
        {
            var since = Stopwatch.GetTimestamp();
            WriteConfig(service.Prefix.Replace('/', '-') + ".yaml", broker.Port, service.Prefix, service.HttpPort, selector: false, changed: true);
            using (var hup = Process.Start("kill", ["-HUP", service.Process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await hup!.WaitForExitAsync();
            }

            var moved = $"{service.Prefix}/{Name(0)}/available-moved";
            var clock = Stopwatch.StartNew();
            while (!service.Client.TryFirstSeen(moved, out _))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(10))
                {
                    table.Add(false, What, "the changed binding was not applied within 10 s", "0");
                    return;
                }

                await Task.Delay(5);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
            var others = service.Client.CountSince(since, t => t.StartsWith($"{service.Prefix}/app-", StringComparison.Ordinal)
                && !t.StartsWith($"{service.Prefix}/{Name(0)}/", StringComparison.Ordinal));
            table.Add(others == 0, What, Measures.Count(others), "0");
        }
        finally
        {
            if (service != current)
            {
                await ServiceLauncher.StopAsync(service);
            }
        }
    }
}
