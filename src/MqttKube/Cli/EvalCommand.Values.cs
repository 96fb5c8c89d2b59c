using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;
using MqttKube.ValueMapping;

namespace MqttKube.Cli;

internal sealed partial class EvalCommand
{
    private async Task<ValueMap?> LoadAsync(string file, TextWriter stderr)
    {
        var diagnostics = new DiagnosticBag();
        string? text;
        if (file == "-")
        {
            (text, var tooLarge) = await InputFile.ReadBoundedAsync(stdin()).ConfigureAwait(false);
            if (text is null)
            {
                await Fail(stderr, $"<stdin>: {tooLarge}").ConfigureAwait(false);
                return null;
            }
        }
        else if (InputFile.TryReadBytes(file, out var bytes, out var unreadable))
        {
            text = ConfigLoader.Decode(bytes, file, diagnostics);
        }
        else
        {
            await Fail(stderr, $"cannot read {file}: {unreadable}").ConfigureAwait(false);
            return null;
        }

        var name = file == "-" ? "<stdin>" : file;
        var context = new ConfigBindContext(file == "-" ? "stdin.yaml" : file, diagnostics, name);
        ValueMap? map = null;
        if (text is not null && ReadValuesYaml(text, name, diagnostics) is { } root)
        {
            if (root is YamlMapping { Entries.Count: 1 } wrapper && wrapper.Get("values") is { } inner)
            {
                root = inner;
            }

            if (root is YamlSequence or YamlScalar { IsNull: false })
            {
                // Not a values block: say so without quoting the text (it may be any file, a secret included).
                context.Error(root, $"does not look like a values block: it is {(root is YamlSequence ? "a list" : "a single value")}, not a mapping (transform, jsonpath, map, or the map itself)");
            }
            else
            {
                var values = ValuesConfig.Bind(root, context, "values");
                if (values is null && !diagnostics.HasErrors)
                {
                    context.Error(root, "the file holds no values block (transform, jsonpath, map)");
                }

                map = ValueMapCompiler.Compile(values, context, "values");
            }
        }

        if (!diagnostics.HasErrors)
        {
            return map;
        }

        foreach (var diagnostic in diagnostics.Sorted())
        {
            await stderr.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>
    /// The YAML of a values file. Its YAML problems are reported only when the text looks like a values block (a line
    /// starts with one of its keys): the file may be anything, a secret included, and messages could quote it.
    /// </summary>
    private static YamlNode? ReadValuesYaml(string text, string name, DiagnosticBag diagnostics)
    {
        var yaml = new DiagnosticBag();
        var root = YamlReader.Read(text, name, yaml);
        if (root is null && !ValuesKeyLine().IsMatch(text))
        {
            diagnostics.Add(name, yaml.Items.Count > 0 ? yaml.Items[0].Position : SourcePosition.Start, "does not look like a values block: it is not valid YAML, and no line starts with one of the keys values, transform, jsonpath, map");
            return null;
        }

        diagnostics.AddFrom(yaml);
        return root;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[ \t]*(values|transform|jsonpath|map)[ \t]*:", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ValuesKeyLine();
}
