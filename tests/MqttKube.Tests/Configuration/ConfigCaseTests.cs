using MqttKube.Bindings.Plan;
using MqttKube.Configuration;
using MqttKube.Tests.Support;

namespace MqttKube.Tests.Configuration;

/// <summary>
/// Config parsing as data: each folder of <c>Cases/</c> holds a <c>config.yaml</c> (and optionally an
/// <c>env.txt</c> of KEY=VALUE lines and the files it names); <c>expected.verified.txt</c> is the effective
/// config when it loads, or every error as <c>FILE:LINE:COL: error: MESSAGE</c>.
/// </summary>
public sealed class ConfigCaseTests
{
    private static readonly string CasesDirectory = RepoPaths.TestSource(Path.Combine("Configuration", "Cases"));

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(CasesDirectory).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Fact]
    public void There_are_at_least_forty_cases() => Assert.True(Cases().Count >= 40, $"only {Cases().Count} config cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Config_case(string name)
    {
        var dir = Path.Combine(CasesDirectory, name);
        var environment = ReadEnvironment(Path.Combine(dir, "env.txt"));
        var result = BindingPlanner.Load(Path.Combine(dir, "config.yaml"), key => environment.GetValueOrDefault(key), "config.yaml").Load;
        Snapshot.Verify(Render(result), Path.Combine(dir, "expected.verified.txt"));
    }

    internal static string Render(ConfigLoadResult result)
    {
        if (!result.Success)
        {
            return string.Join("\n", result.Diagnostics) + "\n";
        }

        var writer = new ConfigDumpWriter();
        result.Config!.Dump(writer);
        return "OK: " + MqttKube.Cli.CheckCommand.Describe(result.Config) + "\n" + writer;
    }

    private static Dictionary<string, string> ReadEnvironment(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path).Where(l => l.Contains('=')).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..])
            : [];
}
