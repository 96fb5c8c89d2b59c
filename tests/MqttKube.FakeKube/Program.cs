using System.Runtime.InteropServices;
using MqttKube.FakeKube;

// Runs the fake API server as its own process: dotnet run --project tests/MqttKube.FakeKube -- [--port N] [--https] [--seed FILE.yaml|json]
var port = 0;
var https = false;
string? seed = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port":
            port = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--https":
            https = true;
            break;
        case "--seed":
            seed = args[++i];
            break;
        default:
            Console.Error.WriteLine($"unknown argument: {args[i]}");
            return 2;
    }
}

await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { Port = port, Https = https });
if (seed != null)
{
    foreach (var doc in SeedReader.Read(File.ReadAllText(seed)))
    {
        server.Upsert(doc);
    }
}

if (server.Certificates != null)
{
    var caPath = Path.Combine(Path.GetTempPath(), $"fake-kube-ca-{Environment.ProcessId}.crt");
    File.WriteAllText(caPath, server.Certificates.CaPem);
    Console.WriteLine($"ca {caPath}");
}

Console.WriteLine(server.BaseAddress.ToString().TrimEnd('/'));
Console.Out.Flush();
// SIGTERM, SIGINT, SIGQUIT: stop cleanly and exit 0. (The web host's own console lifetime also catches these, and
// only stops the server, so without this the process would stay alive after a SIGTERM.)
var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigquit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);
await done.Task;
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    done.TrySetResult();
}

