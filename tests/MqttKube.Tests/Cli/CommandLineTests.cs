using System.Text.Json;

namespace MqttKube.Tests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Version_and_help()
    {
        var version = await Support.Cli.RunAsync("--version");
        Assert.Equal(0, version.Exit);
        Assert.Matches(@"^mqtt-kube \d+\.\d+\.\d+", version.Out);

        var help = await Support.Cli.RunAsync("--help");
        Assert.Equal(0, help.Exit);
        Assert.Contains("check", help.Out);
        Assert.Contains("schema", help.Out);

        var checkHelp = await Support.Cli.RunAsync("check", "--help");
        Assert.Equal(0, checkHelp.Exit);
        Assert.StartsWith("Usage: mqtt-kube check", checkHelp.Out);
    }

    [Fact]
    public async Task No_arguments_or_an_unknown_option_is_a_usage_error()
    {
        Assert.Equal(2, (await Support.Cli.RunAsync()).Exit);
        var command = await Support.Cli.RunAsync("frobnicate", "x.yaml");
        Assert.Equal(2, command.Exit);
        Assert.Contains("unknown command 'frobnicate'", command.Err);
        var unknown = await Support.Cli.RunAsync("--frobnicate");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("unknown option '--frobnicate'", unknown.Err);
    }

    [Fact]
    public async Task Schema_is_json_schema_of_every_section()
    {
        var (exit, stdout, _) = await Support.Cli.RunAsync("schema");
        Assert.Equal(0, exit);
        using var schema = JsonDocument.Parse(stdout, new JsonDocumentOptions { AllowDuplicateProperties = false });
        var defs = schema.RootElement.GetProperty("$defs");
        Assert.Equal("#/$defs/MqttKubeConfig", schema.RootElement.GetProperty("$ref").GetString());
        var mqtt = defs.GetProperty("MqttConfig").GetProperty("properties");
        Assert.Equal(1883 - 1882, mqtt.GetProperty("port").GetProperty("minimum").GetInt32());
        Assert.Equal("mqtt-kube", mqtt.GetProperty("client-id").GetProperty("default").GetString());
        Assert.Equal(["3.1.1", "3", "311", "5", "5.0"], mqtt.GetProperty("protocol").GetProperty("anyOf")[0].GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.False(defs.GetProperty("BindingConfig").GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["resource"], defs.GetProperty("BindingConfig").GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["string", "number", "boolean"], defs.GetProperty("BindingConfig").GetProperty("properties").GetProperty("selector").GetProperty("type").EnumerateArray().Select(e => e.GetString()));
        Assert.True(defs.GetProperty("HttpConfig").GetProperty("properties").TryGetProperty("host", out _), "the alias 'host' is in the schema");
        Assert.Equal(2, defs.GetProperty("BindingConfig").GetProperty("properties").GetProperty("watch").GetProperty("oneOf").GetArrayLength());
        var launch = defs.GetProperty("ActionConfig").GetProperty("properties").GetProperty("launch");
        Assert.Equal("#/$defs/ConfigPath", launch.GetProperty("$ref").GetString());
        Assert.False(string.IsNullOrEmpty(launch.GetProperty("description").GetString()));
        Assert.Equal("string", defs.GetProperty("ConfigPath").GetProperty("type").GetString());
    }
}
