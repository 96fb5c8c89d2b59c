using MqttKube.Tests.Support;

namespace MqttKube.Tests.Cli;

/// <summary>
/// SPEC 13: what <c>check --dump</c> prints is config YAML a user can copy out and edit. Dumped, each example and each
/// valid config case (valid-30-presets uses every preset) is a config <c>check</c> accepts with the same summary, and
/// dumping that again gives the same text: a fixed point.
/// </summary>
public sealed class CheckDumpTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("mqtt-kube-dump-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    public static TheoryData<string> Configs()
    {
        var data = new TheoryData<string>();
        foreach (var example in Directory.GetFiles(Path.Combine(RepoPaths.Root, "examples"), "config-*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.Combine("examples", Path.GetFileName(example)));
        }

        // The cases that load (their snapshot is a dump) and need no environment.
        var cases = RepoPaths.TestSource(Path.Combine("Configuration", "Cases"));
        foreach (var folder in Directory.GetDirectories(cases, "valid-*").Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(folder, "env.txt"))
                && File.ReadAllText(Path.Combine(folder, "expected.verified.txt")).StartsWith("OK: ", StringComparison.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepoPaths.Root, Path.Combine(folder, "config.yaml")));
            }
        }

        return data;
    }

    [Fact]
    public void The_presets_case_uses_every_preset()
    {
        var text = File.ReadAllText(RepoPaths.TestSource(Path.Combine("Configuration", "Cases", "valid-30-presets", "config.yaml")));
        foreach (var preset in new[] { "appliance", "daemon", "cronjob", "job", "node" })
        {
            Assert.Contains($"preset: {preset}\n", text.Replace("\r", string.Empty), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public async Task A_dump_is_a_config_that_dumps_to_itself(string config)
    {
        // Beside a copy of the config's folder, so the files it names are found from the dump as from the config.
        var source = Path.Combine(RepoPaths.Root, config);
        var copy = Path.Combine(dir, "config");
        CopyFolder(Path.GetDirectoryName(source)!, copy);
        var original = Path.Combine(copy, Path.GetFileName(source));

        var first = await Support.Cli.RunAsync("check", "--dump", original);
        Assert.True(first.Exit == 0, first.Err);
        var (summary, dump) = Split(first.Out);
        Assert.StartsWith($"# {original}: OK: ", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("preset: \"appliance\"", dump, StringComparison.Ordinal);

        var dumped = Path.Combine(copy, "dumped.yaml");
        await File.WriteAllTextAsync(dumped, first.Out);
        var check = await Support.Cli.RunAsync("check", dumped);
        Assert.True(check.Exit == 0, $"{check.Err}\n--- the dump:\n{first.Out}");
        Assert.Equal($"{dumped}: OK: {summary[(summary.IndexOf(": OK: ", StringComparison.Ordinal) + 6)..]}\n", check.Out.Replace("\r", string.Empty));

        var second = await Support.Cli.RunAsync("check", "--dump", dumped);
        Assert.True(second.Exit == 0, second.Err);
        Assert.Equal(dump, Split(second.Out).Dump);
    }

    private static (string Summary, string Dump) Split(string stdout)
    {
        var text = stdout.Replace("\r", string.Empty);
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return (text[..end], text[(end + 1)..]);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
