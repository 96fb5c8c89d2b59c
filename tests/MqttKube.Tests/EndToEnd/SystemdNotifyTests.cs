using System.Globalization;
using System.Net.Sockets;
using System.Text;
using MqttKube.FakeKube;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.EndToEnd;

/// <summary>
/// The published executable as a <c>Type=notify</c> systemd service (deploy/systemd/mqtt-kube.service): started by a
/// parent named <c>systemd</c> (a copy of the shell: what the generic host looks at) with <c>NOTIFY_SOCKET</c> set, it
/// tells the socket <c>READY=1</c> once started and <c>STOPPING=1</c> at SIGTERM, writes journal lines
/// (<c>&lt;6&gt;component[event] message</c>) and still stops cleanly.
/// </summary>
public sealed class SystemdNotifyTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    [Fact]
    public async Task The_executable_notifies_systemd_and_writes_journal_lines()
    {
        Assert.True(File.Exists(AotExecutableTests.Executable), $"no executable at {AotExecutableTests.Executable}: run 'make publish' first (make test does)");
        var dir = Directory.CreateTempSubdirectory("mqtt-kube-systemd-").FullName;
        try
        {
            var seed = Path.Combine(dir, "seed.json");
            await File.WriteAllTextAsync(seed, Objects.Deployment("jellyfin"));
            await using var fake = ChildProcess.Start(Path.Combine(AppContext.BaseDirectory, "MqttKube.FakeKube"), ["--port", "0", "--seed", seed]);
            var kubeconfig = Path.Combine(dir, "kubeconfig");
            await File.WriteAllTextAsync(kubeconfig, FakeKubeServer.Kubeconfig((await fake.FirstLineAsync()).Trim()));
            var prefix = "systemd/" + Guid.NewGuid().ToString("N")[..8];
            var config = Path.Combine(dir, "config.yaml");
            await File.WriteAllTextAsync(config, $$"""
                mqtt: {port: {{broker.AnonymousPort}}, topic-prefix: "{{prefix}}"}
                http: {bind: 127.0.0.1, port: {{ServiceUnderTest.FreePort()}}}
                logging: {level: INFO}
                bindings:
                  - namespace: media
                    resource: Deployment
                    name: jellyfin
                    watch: {locus: spec.replicas, topic: replicas}
                """);

            using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            var socketPath = Path.Combine(dir, "notify");
            notify.Bind(new UnixDomainSocketEndPoint(socketPath));
            var systemd = Path.Combine(dir, "systemd");
            File.Copy("/bin/sh", systemd);
            await using var client = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
            await client.SubscribeAsync(prefix + "/#");

            // The parent stays (no exec), so the service's parent process is called "systemd"; it prints the service's pid.
            await using var parent = ChildProcess.Start(systemd, ["-c", "\"$0\" run \"$1\" & echo $!; wait $!", AotExecutableTests.Executable, config], new Dictionary<string, string>
            {
                ["KUBECONFIG"] = kubeconfig,
                ["NOTIFY_SOCKET"] = socketPath,
            });
            var pid = int.Parse((await parent.FirstLineAsync()).Trim(), CultureInfo.InvariantCulture);

            Assert.Contains("READY=1", await ReceiveAsync(notify), StringComparison.Ordinal);
            await client.WaitForAsync(prefix + "/replicas", "0");

            using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill!.WaitForExitAsync();
            }

            Assert.Contains("STOPPING=1", await ReceiveAsync(notify), StringComparison.Ordinal);
            Assert.True(await parent.WaitForExitAsync(TimeSpan.FromSeconds(5)), "stops within 5 s of SIGTERM");
            Assert.Equal(0, parent.ExitCode);
            await client.WaitForAsync(prefix + "/status", "offline");
            var lines = parent.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            Assert.Contains(lines, l => l.StartsWith("<6>service[1001] mqtt-kube ", StringComparison.Ordinal));
            Assert.All(lines, l => Assert.Matches(@"^<\d>[a-z]+\[\d+\] ", l));
            Support.Cli.AssertNoStackTrace(parent.Output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<string> ReceiveAsync(Socket socket)
    {
        var buffer = new byte[4096];
        var count = await socket.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(30));
        return Encoding.UTF8.GetString(buffer, 0, count);
    }
}
