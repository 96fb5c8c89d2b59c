using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MqttKube.Benchmarks.Service;

/// <summary>
/// A Mosquitto broker (Debian package <c>mosquitto</c>) on a free loopback port, anonymous, no persistence; its queue
/// limits raised so a burst of QoS 1 commands is delivered, not dropped, while the service works through it. Nagle's
/// algorithm is off (<c>set_tcp_nodelay true</c>, as README advises) unless <see cref="StartAsync"/> is asked for
/// Mosquitto's default: then a small message sent right after another waits for the client's delayed ACK (about 40 ms).
/// </summary>
internal sealed class BenchBroker : IAsyncDisposable
{
    private readonly Process process;
    private readonly string directory;

    private BenchBroker(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    public int Id => process.Id;

    public static async Task<BenchBroker> StartAsync(bool nagle = false)
    {
        var executable = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("mosquitto is not installed (Debian package 'mosquitto'; see tests/setup.sh)");
        var directory = Directory.CreateTempSubdirectory("mqtt-kube-bench-broker-").FullName;
        var port = FreePort();
        var config = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"""
            persistence false
            user root
            log_dest none
            max_queued_messages 100000
            max_inflight_messages 100
            set_tcp_nodelay {(nagle ? "false" : "true")}
            listener {port} 127.0.0.1
            allow_anonymous true

            """);
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(config);
        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start mosquitto");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var broker = new BenchBroker(process, directory, port);
        var deadline = Stopwatch.StartNew();
        while (!await AcceptsAsync(port))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                await broker.DisposeAsync();
                throw new InvalidOperationException($"mosquitto did not start listening on {port}");
            }

            await Task.Delay(20);
        }

        return broker;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
