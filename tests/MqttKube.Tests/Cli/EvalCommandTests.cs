using System.Text.Json.Nodes;
using MqttKube.ValueMapping;

namespace MqttKube.Tests.Cli;

public sealed class EvalCommandTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"eval-{Guid.NewGuid():N}.yaml");

    public EvalCommandTests() => File.WriteAllText(file, "values: {map: {\"lambda v: False\": never}}\n");

    public void Dispose() => File.Delete(file);

    [Theory]
    [InlineData("1e400", "1e400")]
    [InlineData("-1e400", "-1e400")]
    [InlineData("1E+400", "1E+400")]
    [InlineData("1e-400", "1e-400")]
    [InlineData("0.0e-400", "0")]
    [InlineData("1.50", "1.5")]
    [InlineData("2.0e3", "2000")]
    public async Task Outbound_numbers_no_double_holds_are_published_as_the_json_text_a_watch_gets(string input, string payload)
    {
        var (exit, stdout, stderr) = await Support.Cli.RunAsync("eval", "--values", file, "--outbound", "--", input);

        Assert.Equal((0, string.Empty), (exit, stderr));
        var line = JsonNode.Parse(stdout)!;
        Assert.Equal(payload, (string?)line["payload"]);
        Assert.DoesNotContain("Infinity", stdout, StringComparison.Ordinal);
        Assert.Equal(payload, PayloadText.Of(JsonNode.Parse(input)));
    }
}
