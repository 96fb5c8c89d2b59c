using MqttKube.Tests.Support;

namespace MqttKube.Tests.Bindings.Scenarios;

/// <summary>
/// Binding behaviour as data: each file of <c>Cases/</c> is a config, the cluster and broker around it, and steps with
/// the publishes and API requests they must cause (format: README.md here), run against the real bindings runtime
/// over in-memory ports and a manual clock: no network, no sleeps.
/// </summary>
public sealed class ScenarioTests
{
    private static readonly string CasesDirectory = RepoPaths.TestSource(Path.Combine("Bindings", "Scenarios", "Cases"));

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(CasesDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(path));
        }

        return data;
    }

    [Fact]
    public void There_are_at_least_twenty_cases() => Assert.True(Cases().Count >= 20, $"only {Cases().Count} scenario cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Scenario(string name) => ScenarioRunner.RunAsync(Path.Combine(CasesDirectory, name + ".yaml"));
}
