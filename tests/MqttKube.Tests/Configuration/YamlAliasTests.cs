using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;
using MqttKube.Templates;

namespace MqttKube.Tests.Configuration;

/// <summary>
/// Aliases are limited by what they expand to, not by how many there are, in configs and templates alike (one reader).
/// (The nine-level and the wide bombs in a config are the config cases error-38 and error-39.)
/// </summary>
public sealed class YamlAliasTests
{
    [Fact]
    public void Many_small_aliases_are_fine()
    {
        var text = "defaults: &d {namespace: media, resource: Deployment}\nitems:\n"
            + string.Concat(Enumerable.Range(0, 5000).Select(i => $"  - {{<<: *d, name: app{i}}}\n"));
        var diagnostics = new DiagnosticBag();

        var root = YamlReader.Read(text, "many.yaml", diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(5000, ((YamlSequence)((YamlMapping)root!).Get("items")!).Items.Count);
    }

    [Fact]
    public void The_expanded_size_counts_nodes_and_characters_of_every_copy()
    {
        var root = YamlReader.Read("a: &x [ab, cd]\nb: *x\nc: [*x, *x]\n", "size.yaml", new DiagnosticBag())!;

        // [ab, cd] is 1 + 3 + 3 = 7; the mapping: 1 + (2 + 7) + (2 + 7) + (2 + 1 + 7 + 7) = 36.
        Assert.Equal(7, ((YamlMapping)root).Get("a")!.Size);
        Assert.Equal(36, root.Size);
    }

    [Fact]
    public void A_billion_laughs_in_a_template_is_refused_with_its_position()
    {
        var lines = new List<string> { "apiVersion: v1", "kind: ConfigMap", "metadata: {name: x}", "data:", "  l0: &a0 lol" };
        for (var i = 1; i <= 9; i++)
        {
            lines.Add($"  l{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        var diagnostics = new DiagnosticBag();

        Assert.Null(Template.Compile(string.Join("\n", lines), "bomb.yaml", diagnostics));
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("bomb.yaml", error.File);
        Assert.Equal(11, error.Position.Line);
        Assert.Equal("the aliases expand to more than 1,000,000 nodes and characters (an alias bomb?)", error.Message);
    }

    [Fact]
    public void Merge_keys_count_as_the_copies_they_make()
    {
        var text = "base: &b {" + string.Join(", ", Enumerable.Range(0, 1000).Select(i => $"k{i}: {i}")) + "}\nitems:\n"
            + string.Concat(Enumerable.Repeat("  - {<<: *b}\n", 1000));
        var diagnostics = new DiagnosticBag();

        Assert.Null(YamlReader.Read(text, "merge.yaml", diagnostics));
        Assert.Contains("the aliases expand to more than", Assert.Single(diagnostics.Items).Message);
    }
}
