using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
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

/// <summary>Hack-free seed loading: YAML documents (or a JSON document) to JSON objects.</summary>
internal static class SeedReader
{
    public static IEnumerable<JsonObject> Read(string text)
    {
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(text));
        foreach (var doc in yaml.Documents)
        {
            if (ToJson(doc.RootNode) is JsonObject obj)
            {
                yield return obj;
            }
        }
    }

    private static JsonNode? ToJson(YamlDotNet.RepresentationModel.YamlNode node) => node switch
    {
        YamlDotNet.RepresentationModel.YamlMappingNode m => new JsonObject(m.Children.Select(kv =>
            KeyValuePair.Create(((YamlDotNet.RepresentationModel.YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlDotNet.RepresentationModel.YamlSequenceNode s => new JsonArray([.. s.Children.Select(ToJson)]),
        YamlDotNet.RepresentationModel.YamlScalarNode sc => Scalar(sc),
        _ => null,
    };

    private static JsonNode? Scalar(YamlDotNet.RepresentationModel.YamlScalarNode sc)
    {
        var v = sc.Value ?? "";
        if (sc.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted)
        {
            return JsonValue.Create(v);
        }

        return v switch
        {
            "~" or "null" or "" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when long.TryParse(v, out var l) => JsonValue.Create(l),
            _ when double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            _ => JsonValue.Create(v),
        };
    }
}
