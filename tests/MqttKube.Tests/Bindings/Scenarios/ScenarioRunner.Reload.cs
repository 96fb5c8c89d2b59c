using System.Text;
using MqttKube.Bindings;
using MqttKube.Bindings.Reload;
using YamlDotNet.RepresentationModel;

namespace MqttKube.Tests.Bindings.Scenarios;

/// <summary>
/// Hot reload in a case: the <c>reload</c> step writes a new config (and template files) where the running one is and
/// has the service's <see cref="ConfigReloader"/> read it as SIGHUP does (validate; keep the running config when bad;
/// apply the difference); the <c>reload</c> expectation checks what the status page shows of it.
/// </summary>
internal sealed partial class ScenarioRunner
{
    private static readonly HashSet<string> ReloadKeys = ["outcome", "generation", "summary", "errors"];

    private ConfigReloader reloader = null!;

    private string ConfigPath => Path.Combine(directory, "config.yaml");

    /// <summary>
    /// <c>reload: |</c> (the new config text) or <c>reload: {config: |, files: {NAME: |}}</c> (either or both). Every
    /// reload must count once in <c>mqtt_kube_config_reloads_total</c>, under the outcome it had.
    /// </summary>
    private async Task ReloadAsync(YamlNode node)
    {
        YamlNode? config = node as YamlScalarNode;
        YamlMappingNode? files = null;
        foreach (var (key, value) in (node as YamlMappingNode ?? new YamlMappingNode()).Children)
        {
            switch (YamlJson.Text(key))
            {
                case "config":
                    config = value;
                    break;
                case "files":
                    files = value as YamlMappingNode ?? throw new ScenarioFormatException(value, "'files' is a mapping of file names to their text");
                    break;
                default:
                    throw new ScenarioFormatException(key, $"unknown key '{key}' of 'reload' (config, files)");
            }
        }

        if (node is not (YamlScalarNode or YamlMappingNode))
        {
            throw new ScenarioFormatException(node, "'reload' is the new config text, or {config: ..., files: {NAME: ...}}");
        }

        if (config is not null)
        {
            await File.WriteAllTextAsync(ConfigPath, YamlJson.Text(config));
        }

        WriteFiles(files);
        var before = Counted();
        var outcome = await reloader.ReloadAsync("scenario");
        var counted = Counted().Zip(before, (after, was) => after - was).ToArray();
        var expected = new long[counted.Length];
        expected[(int)outcome] = 1;
        if (!counted.SequenceEqual(expected))
        {
            Assert.Fail($"{file}, {stepName}: a reload ({OutcomeNames.Of(outcome)}) counted [{string.Join(", ", counted)}] in mqtt_kube_config_reloads_total by outcome, not once");
        }
    }

    private long[] Counted() => [.. Enum.GetValues<ReloadOutcome>().Select(o => metrics.ConfigReloads(o).Value)];

    /// <summary><c>reload: {outcome, generation, summary, errors}</c>: the last reload as the status page shows it.</summary>
    private void CompareReload(YamlNode node, StringBuilder problems)
    {
        var expect = node as YamlMappingNode ?? throw new ScenarioFormatException(node, "'reload' is a mapping: {outcome, generation, summary, errors}");
        var status = reloader.Status;
        foreach (var (key, value) in expect.Children)
        {
            var (wanted, actual) = YamlJson.Text(key) switch
            {
                "outcome" => (YamlJson.Text(value), status.LastOutcome is { } o ? OutcomeNames.Of(o) : "(none yet)"),
                "generation" => (YamlJson.Text(value), status.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                "summary" => (YamlJson.Text(value), status.LastSummary ?? "(none)"),
                "errors" => (null, null),
                _ => throw new ScenarioFormatException(key, $"unknown key '{key}' of the reload expectation (one of {string.Join(", ", ReloadKeys)})"),
            };
            if (wanted is not null && wanted != actual)
            {
                problems.AppendLine($"the last reload's {key} differs\n  expected: {wanted}\n  actual:   {actual}");
            }
        }

        // Each expected error is part of the error at its place (the config's path is a temporary folder's).
        if (expect.Children.TryGetValue(new YamlScalarNode("errors"), out var errors))
        {
            var wanted = (errors as YamlSequenceNode ?? []).Children.Select(YamlJson.Text).ToList();
            if (wanted.Count != status.LastErrors.Count || wanted.Zip(status.LastErrors).Any(x => !x.Second.Contains(x.First, StringComparison.Ordinal)))
            {
                Differ(problems, "the last reload's errors (each expected text part of the error at its place)", wanted, status.LastErrors);
            }
        }
    }

    private void WriteFiles(YamlMappingNode? files)
    {
        foreach (var (name, text) in (files ?? new YamlMappingNode()).Children)
        {
            File.WriteAllText(Path.Combine(directory, YamlJson.Text(name)), YamlJson.Text(text));
        }
    }
}
