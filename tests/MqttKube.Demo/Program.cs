using System.Net;
using System.Net.Sockets;
using MqttKube.Demo;

// make demo: the service on examples/config-demo.yaml against an embedded MQTT broker and a fake cluster.
//   --tour    run the scripted tour and exit (CI runs this); without it the demo keeps serving until Ctrl-C.
var tourOnly = args.Contains("--tour");
var root = FindRepoRoot();
var brokerPort = IsFree(1883) ? 1883 : FreePort();
var httpPort = IsFree(8080) ? 8080 : FreePort();

await using var broker = await DemoBroker.StartAsync(brokerPort);
await using var cluster = await DemoCluster.StartAsync();
var workDir = Directory.CreateTempSubdirectory("mqtt-kube-demo-").FullName;
try
{
    var config = await DemoFiles.PrepareAsync(root, workDir, brokerPort, httpPort, cluster.Server.BaseAddress);
    await using var service = await DemoService.StartAsync(config, Path.Combine(workDir, "kubeconfig"));
    await using var tour = await Tour.ConnectAsync(brokerPort, "demo/kube");
    Console.WriteLine($"""

        mqtt-kube demo: broker 127.0.0.1:{brokerPort} (embedded), fake cluster {cluster.Server.BaseAddress}
        config: examples/config-demo.yaml (topic prefix demo/kube), status page http://127.0.0.1:{httpPort}/
        """);

    var ok = await tour.RunAsync(service, cluster);
    if (tourOnly)
    {
        return ok ? 0 : 1;
    }

    Console.WriteLine($$"""

        The demo keeps running. Try it yourself (Debian: apt-get install mosquitto-clients):
          mosquitto_sub -h 127.0.0.1 -p {{brokerPort}} -t 'demo/kube/#' -v
          mosquitto_pub -h 127.0.0.1 -p {{brokerPort}} -t demo/kube/jellyfin/power/set -m ON
          mosquitto_pub -h 127.0.0.1 -p {{brokerPort}} -t demo/kube/example/cmd -m '{"action": "RUN"}'
        Status page: http://127.0.0.1:{{httpPort}}/   Ctrl-C stops.
        """);
    var stopped = new TaskCompletionSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stopped.TrySetResult();
    };
    await stopped.Task;
    return 0;
}
finally
{
    Directory.Delete(workDir, recursive: true);
}

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "MqttKube.slnx")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}

static bool IsFree(int port)
{
    try
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return true;
    }
    catch (SocketException)
    {
        return false;
    }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
