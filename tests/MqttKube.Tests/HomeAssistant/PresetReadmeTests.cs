using System.Text.RegularExpressions;
using MqttKube.Configuration;
using MqttKube.Tests.Support;

namespace MqttKube.Tests.HomeAssistant;

/// <summary>The README shows each preset as the YAML it expands into: that YAML loads to the very same associations.</summary>
public sealed partial class PresetReadmeTests
{
    public static TheoryData<string> Presets() => ["appliance", "daemon", "cronjob", "job", "node"];

    [Theory]
    [MemberData(nameof(Presets))]
    public void The_readme_yaml_is_what_the_preset_expands_into(string preset)
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var match = Regex.Match(readme, $"<code>preset: {preset}</code>.*?```yaml\n(.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, $"README shows preset {preset}");
        var written = Dump(match.Groups[1].Value);

        // The same binding with the preset instead of the associations.
        var header = string.Join("\n", match.Groups[1].Value.Split('\n').TakeWhile(l => !l.StartsWith("    watch:", StringComparison.Ordinal) && !l.StartsWith("    patch:", StringComparison.Ordinal) && !l.StartsWith("    action:", StringComparison.Ordinal)));
        var expanded = Dump(header + $"\n    preset: {preset}\n");
        Assert.Equal(written, expanded.Replace($"  preset: \"{preset}\"\n", "  preset: \"none\"\n", StringComparison.Ordinal));
    }

    private static string Dump(string bindings)
    {
        var diagnostics = new DiagnosticBag();
        var config = ConfigLoader.Parse("bindings:\n" + bindings, "config.yaml", "config.yaml", diagnostics);
        Assert.Empty(diagnostics.Items);
        var writer = new ConfigDumpWriter();
        config!.Dump(writer);
        return writer.ToString();
    }
}
