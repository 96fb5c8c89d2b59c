using System.Text.RegularExpressions;
using MqttKube.Tests.Support;

namespace MqttKube.Tests.Cli;

public sealed partial class CheckCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("mqtt-kube-check-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    public static TheoryData<string> Examples() => new(Directory.GetFiles(Path.Combine(RepoPaths.Root, "examples"), "config-*.yaml").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_example_config_is_valid(string example)
    {
        var (exit, stdout, stderr) = await Support.Cli.RunAsync("check", Path.Combine(RepoPaths.Root, "examples", example));
        Assert.True(exit == 0, stderr);
        Assert.Matches(@"^.+: OK: \d+ bindings?: \d+ watch(es)?, \d+ patch(es)?, \d+ actions?\n$", stdout.Replace("\r", string.Empty));
        var plan = await Support.Cli.RunAsync("check", "--plan", Path.Combine(RepoPaths.Root, "examples", example));
        Assert.True(plan.Exit == 0, plan.Err);
        Assert.Matches(@"^.+: OK: \d+ bindings?: .*\n(  bindings\[\d+\]: .*\n(    .*\n)*)+$", plan.Out.Replace("\r", string.Empty));
    }

    [Fact]
    public async Task Mistakes_in_several_sections_are_each_reported_with_line_and_column()
    {
        var config = Write("config.yaml", """
            mqtt:
              port: nope
              qos: 5
            http:
              prot: 8080
            logging:
              level: LOUD
            bindings:
              - namespace: media
                resource: Deployment
                name: jellyfin
                watch:
                  locus: status.replicas
                  topic: a/#
                patch:
                  topic: b
            """);

        var (exit, stdout, stderr) = await Support.Cli.RunAsync("check", config);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        var lines = stderr.Replace("\r", string.Empty).TrimEnd('\n').Split('\n');
        Assert.Equal(
            [
                $"{config}:2:9: error: 'mqtt.port' must be an integer, not a string (\"nope\")",
                $"{config}:3:8: error: 'mqtt.qos' must be between 0 and 2, not 5",
                $"{config}:5:3: error: unknown key 'prot' in 'http'; did you mean 'port'?",
                $"{config}:7:10: error: 'logging.level' must be one of DEBUG, INFO, WARNING, WARN, ERROR, CRITICAL, not 'LOUD'",
                $"{config}:14:14: error: 'bindings[0].watch[0].topic' must not contain the wildcards + or # (it is published to, not subscribed to): 'a/#'",
                $"{config}:16:7: error: 'bindings[0].patch' is missing the required key 'locus'",
                "6 errors",
            ],
            lines);
    }

    [Fact]
    public async Task Dump_prints_the_effective_config_with_defaults()
    {
        var config = Write("c.yaml", "bindings:\n  - {namespace: a, resource: Job, name: j, watch: {locus: status.active, topic: t}}\n");
        var (exit, stdout, _) = await Support.Cli.RunAsync("check", "--dump", config);
        Assert.Equal(0, exit);
        Assert.Contains("  keepalive: 60\n", stdout);
        Assert.Contains("  max-connections: 100\n", stdout);
        Assert.Contains("  level: \"DEBUG\"\n", stdout);
    }

    [Fact]
    public async Task Dump_writes_a_value_map_as_a_yaml_mapping_its_keys_typed_and_in_order()
    {
        var config = Write("c.yaml", """
            bindings:
              - namespace: a
                resource: Deployment
                name: d
                watch:
                  locus: spec.replicas
                  topic: t
                  values: {true: "OFF", "ON": 1, ~: "none", 1.0: 2, "1": 3, "lambda v: v > 1": "many", "re:^x$": [1, {a: b}]}
            """);
        var (exit, stdout, stderr) = await Support.Cli.RunAsync("check", "--dump", config);
        Assert.True(exit == 0, stderr);
        Assert.Contains(
            """
                      map:
                        true: "OFF"
                        "ON": 1
                        ~: "none"
                        1.0: 2
                        "1": 3
                        "lambda v: v > 1": "many"
                        "re:^x$": [1, {"a": "b"}]

            """.Replace("\r", string.Empty),
            stdout.Replace("\r", string.Empty),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_a_directory_and_a_missing_argument_are_clear_errors()
    {
        var missing = await Support.Cli.RunAsync("check", Path.Combine(dir, "absent.yaml"));
        Assert.Equal(2, missing.Exit);
        Assert.Contains("absent.yaml:1:1: error: no such file", missing.Err);

        var directory = await Support.Cli.RunAsync("check", dir);
        Assert.Equal(2, directory.Exit);
        Assert.Contains("error: is a directory", directory.Err);

        var none = await Support.Cli.RunAsync("check");
        Assert.Equal(2, none.Exit);
        Assert.Contains("expected one CONFIG file", none.Err);
    }

    [Fact]
    public async Task Binary_garbage_is_refused_with_its_position()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        var path = Path.Combine(dir, "garbage.yaml");
        File.WriteAllBytes(path, [.. "mqtt:\n  host: x\n"u8, .. bytes]);

        var (exit, _, stderr) = await Support.Cli.RunAsync("check", path);

        Assert.Equal(2, exit);
        Assert.Matches(@"garbage\.yaml:3:\d+: error: the file is not UTF-8 text", stderr);
        Support.Cli.AssertNoStackTrace(stderr);
    }

    [Fact]
    public async Task A_ten_megabyte_file_is_handled_without_a_stack_trace()
    {
        var path = Path.Combine(dir, "big.yaml");
        using (var writer = new StreamWriter(path))
        {
            writer.WriteLine("bindings:");
            var line = "  - {namespace: a, resource: Job, name: j, watch: {locus: status.active, topic: t}, bogus: 1}";
            for (var written = 0L; written < 10 * 1024 * 1024; written += line.Length + 1)
            {
                writer.WriteLine(line);
            }
        }

        var (exit, _, stderr) = await Support.Cli.RunAsync("check", path);

        Assert.Equal(2, exit);
        Assert.Contains("unknown key 'bogus'", stderr);
        Assert.Matches(@"\d+ errors \(\d+ not shown\)", stderr);
        Support.Cli.AssertNoStackTrace(stderr);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{{{{")]
    [InlineData("key: 'unterminated")]
    [InlineData("- [a, {b: c]")]
    [InlineData("&a [*a]")]
    [InlineData("!!binary AAAA")]
    [InlineData("%YAML 9.9\n---\na: 1")]
    [InlineData("? [complex, key]\n: value")]
    public async Task Malformed_yaml_never_prints_a_stack_trace(string text)
    {
        var (exit, _, stderr) = await Support.Cli.RunAsync("check", Write("bad.yaml", text));
        Assert.Equal(2, exit);
        Assert.Matches(LinePattern(), stderr.Split('\n')[0]);
        Support.Cli.AssertNoStackTrace(stderr);
    }

    [Fact]
    public async Task Deeply_nested_yaml_is_refused_not_a_crash()
    {
        var text = "mqtt: " + new string('[', 5000) + new string(']', 5000);
        var (exit, _, stderr) = await Support.Cli.RunAsync("check", Write("deep.yaml", text));
        Assert.Equal(2, exit);
        Assert.Contains("nesting deeper than", stderr);
    }

    [GeneratedRegex(@"^.+:\d+:\d+: error: .+$")]
    private static partial Regex LinePattern();

    private string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
