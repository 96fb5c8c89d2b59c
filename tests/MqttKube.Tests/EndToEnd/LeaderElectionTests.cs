using System.Diagnostics;
using System.Globalization;
using MqttKube.Tests.EndToEnd.Clusters;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;
using Xunit.Abstractions;

namespace MqttKube.Tests.EndToEnd;

/// <summary>
/// Issue 13 through the published executable on a real kube-apiserver and one broker: several processes elect a
/// leader on a Lease; exactly one acts; SIGKILL and SIGTERM of the leader hand over within the promised times; an
/// API-server restart never makes two leaders. Short durations: lease 4 s, renew deadline 3 s, retry 1 s.
/// </summary>
[Collection(RealKubeCollection.Name)]
public sealed class LeaderElectionTests(MosquittoBroker broker, RealKubeControlPlane realKube, ITestOutputHelper output) : IClassFixture<MosquittoBroker>
{
    private const int LeaseSeconds = 4;

    [SkippableFact]
    public async Task One_replica_of_several_acts_and_a_follower_takes_over_when_the_leader_dies_or_stops()
    {
        realKube.Require();
        Assert.True(File.Exists(AotExecutableTests.Executable), $"no executable at {AotExecutableTests.Executable}: run 'make publish' first");
        await using var cluster = await RealCluster.StartAsync(realKube);
        await cluster.CreateAsync(Objects.Deployment("jellyfin", cluster.Namespace, replicas: 1));
        var dir = Directory.CreateTempSubdirectory("mqtt-kube-leader-").FullName;
        var prefix = "leader/" + Guid.NewGuid().ToString("N")[..8];
        var kubeconfig = await cluster.WriteKubeconfigAsync(dir);
        await using var client = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        await client.SubscribeAsync(prefix + "/#");
        var replicas = new List<Replica>();
        try
        {
            Replica Start() => Replica.Start(dir, replicas.Count, kubeconfig, Config(prefix, cluster.Namespace), replicas);

            var a = Start();
            await Eventually.WaitAsync(async () => await a.LeadsAsync(), () => "a leads\n" + a.Output);
            var b = Start();
            await Eventually.WaitAsync(async () => await b.ReadyAsync(), () => "b is ready (synced) while following\n" + b.Output);
            Assert.False(await b.LeadsAsync());
            await client.WaitForAsync(prefix + "/status", "online");

            // Exactly one acts on a command: one patch in all, one publish of the new state.
            await client.PublishAsync(prefix + "/set", "2");
            await cluster.WaitForAsync("apps/v1", "Deployment", "jellyfin", d => (int?)d?["spec"]?["replicas"] == 2, "spec.replicas = 2");
            await client.WaitForAsync(prefix + "/state", "2");
            await Eventually.WaitAsync(async () => await a.PatchesAsync() == 1, () => "a patched once\n" + a.Output);
            Assert.Equal(0, await b.PatchesAsync());

            // SIGKILL the leader: its will says offline; the follower takes over within the lease duration + 2 s.
            var statusMark = client.Messages.Count;
            var killed = Stopwatch.StartNew();
            a.Process.Kill();
            await client.WaitForAsync(prefix + "/status", "offline", statusMark);
            await Eventually.WaitAsync(async () => await b.LeadsAsync(), () => "b leads\n" + b.Output, TimeSpan.FromSeconds(LeaseSeconds + 2));
            var killTakeover = killed.Elapsed;
            await client.WaitForAsync(prefix + "/status", "online", statusMark);
            await client.PublishAsync(prefix + "/set", "3");
            await cluster.WaitForAsync("apps/v1", "Deployment", "jellyfin", d => (int?)d?["spec"]?["replicas"] == 3, "spec.replicas = 3");

            // SIGTERM the leader: it releases the lease; a follower takes over within 2 s.
            var c = Start();
            await Eventually.WaitAsync(async () => await c.ReadyAsync(), () => "c is ready\n" + c.Output);
            statusMark = client.Messages.Count;
            var stopped = Stopwatch.StartNew();
            b.Process.Terminate();
            await Eventually.WaitAsync(async () => await c.LeadsAsync(), () => "c leads\n" + c.Output + "\nb:\n" + b.Process.Output, TimeSpan.FromSeconds(2));
            var termTakeover = stopped.Elapsed;
            Assert.True(await b.Process.WaitForExitAsync(TimeSpan.FromSeconds(5)), "b stops within 5 s");
            Assert.Equal(0, b.Process.ExitCode);
            await client.WaitForAsync(prefix + "/status", "online", statusMark);
            Assert.Equal("online", client.Messages.Last(m => m.Topic == prefix + "/status").Payload);

            // An API-server restart: the leader cannot renew, stops acting; never two leaders at once.
            var d = Start();
            await Eventually.WaitAsync(async () => await d.ReadyAsync(), () => "d is ready\n" + d.Output);
            using var watching = new CancellationTokenSource();
            var twoLeaders = WatchForTwoLeadersAsync(c, d, watching.Token);
            var restarting = DateTime.UtcNow;
            await cluster.RestartApiServerAsync();
            var restarted = DateTime.UtcNow;
            await Eventually.WaitAsync(async () => await c.LeadsAsync() || await d.LeadsAsync(), () => "a leader again\n" + c.Output + d.Output, TimeSpan.FromSeconds(30));
            await watching.CancelAsync();
            var overlaps = await twoLeaders;
            Assert.True(overlaps.Count == 0, $"both replicas said they lead at {string.Join(", ", overlaps)} (API server restarted {restarting:HH:mm:ss.fff}-{restarted:HH:mm:ss.fff})\nc:\n{LeaderLines(c.Output)}\nd:\n{LeaderLines(d.Output)}");
            await client.PublishAsync(prefix + "/set", "4");
            await cluster.WaitForAsync("apps/v1", "Deployment", "jellyfin", o => (int?)o?["spec"]?["replicas"] == 4, "spec.replicas = 4");
            await Eventually.WaitAsync(async () => await c.PatchesAsync() + await d.PatchesAsync() == 1, () => "one patch for the command after the restart");

            output.WriteLine($"takeover after SIGKILL: {killTakeover.TotalSeconds:0.0} s; after SIGTERM: {termTakeover.TotalSeconds:0.0} s");
            foreach (var replica in replicas)
            {
                Support.Cli.AssertNoStackTrace(replica.Output);
            }
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.Process.DisposeAsync();
            }

            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Samples both replicas' <c>mqtt_kube_leader</c> until cancelled; returns when (UTC) both said 1 at once. The two
    /// answers come one after the other, so x is asked again after y: x leading both before and after y said 1 means
    /// both led at that moment (a handover between the two questions is not an overlap).
    /// </summary>
    private static async Task<List<string>> WatchForTwoLeadersAsync(Replica x, Replica y, CancellationToken cancellationToken)
    {
        var both = new List<string>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var asked = DateTime.UtcNow;
            if (await x.LeadsAsync() && await y.LeadsAsync() && await x.LeadsAsync())
            {
                both.Add($"{asked:HH:mm:ss.fff}-{DateTime.UtcNow:HH:mm:ss.fff}");
            }

            try
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return both;
    }

    /// <summary>The election's log lines of a replica (the lease's events), to tell what happened when it fails.</summary>
    private static string LeaderLines(string output) =>
        string.Join('\n', output.Split('\n').Where(l => l.Contains("\"leader\"", StringComparison.Ordinal) || l.Contains("lease", StringComparison.OrdinalIgnoreCase)));

    private string Config(string prefix, string ns) => """
        mqtt: {port: BROKER_PORT, topic-prefix: "PREFIX"}
        http: {bind: 127.0.0.1, port: HTTP_PORT}
        logging: {level: DEBUG, format: json}
        leader-election: {namespace: NS, lease: mqtt-kube, lease-duration: 4, renew-deadline: 3, retry-period: 1}
        bindings:
          - namespace: NS
            resource: Deployment
            name: jellyfin
            patch: {topic: set, locus: spec.replicas, values: {transform: int}}
            watch: {locus: spec.replicas, topic: state, retain: true}
        """.Replace("PREFIX", prefix, StringComparison.Ordinal).Replace("NS", ns, StringComparison.Ordinal)
        .Replace("BROKER_PORT", broker.AnonymousPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private sealed class Replica
    {
        private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

        private Replica(ChildProcess process, int port) => (Process, Port) = (process, port);

        public ChildProcess Process { get; }

        public int Port { get; }

        public string Output => Process.Output;

        public static Replica Start(string dir, int index, string kubeconfig, string config, List<Replica> all)
        {
            var port = ServiceUnderTest.FreePort();
            var file = Path.Combine(dir, $"config-{index}.yaml");
            File.WriteAllText(file, config.Replace("HTTP_PORT", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            var replica = new Replica(ChildProcess.Start(AotExecutableTests.Executable, ["run", file], new Dictionary<string, string> { ["KUBECONFIG"] = kubeconfig }), port);
            all.Add(replica);
            return replica;
        }

        public async Task<bool> LeadsAsync() => await MetricAsync("mqtt_kube_leader ") == 1;

        public async Task<long> PatchesAsync() => await MetricAsync("mqtt_kube_patches_total{outcome=\"patched\"} ") ?? 0;

        public async Task<bool> ReadyAsync()
        {
            try
            {
                using var answer = await Http.GetAsync(new Uri($"http://127.0.0.1:{Port}/readyz"));
                return answer.IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }

        private async Task<long?> MetricAsync(string prefix)
        {
            try
            {
                var text = await Http.GetStringAsync(new Uri($"http://127.0.0.1:{Port}/metrics"));
                var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
                return line is null ? null : (long)double.Parse(line[prefix.Length..], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return null;
            }
        }
    }
}
