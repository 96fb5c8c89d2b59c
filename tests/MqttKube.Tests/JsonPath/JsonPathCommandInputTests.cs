using System.Text;
using MqttKube.Cli;

namespace MqttKube.Tests.JsonPath;

/// <summary>Documents that are not what they claim, through <c>mqtt-kube jsonpath</c>: a clear error (exit 2), never exit 1.</summary>
public sealed class JsonPathCommandInputTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("mqtt-kube-jsonpath-input-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("{\"a\": 1,\n \"a\": 2}", "2:2: invalid JSON document: the key \"a\" appears twice in one object")]
    [InlineData("{\"x\": {\"b\": 1, \"\\u0062\": 2}}", "1:16: invalid JSON document: the key \"b\" appears twice in one object")]
    [InlineData("\"\\ud800\"", "1:1: invalid JSON document: a string holds a lone surrogate")]
    [InlineData("{\"k\": [\"ok\", \"\\udc00x\"]}", "1:14: invalid JSON document: a string holds a lone surrogate")]
    [InlineData("{\"\\ud800\": 1}", "1:2: invalid JSON document: a string holds a lone surrogate")]
    [InlineData("", "1:1: invalid JSON document: the text is empty")]
    [InlineData("{\"a\": 1} x", "1:10: invalid JSON document: ")]
    public async Task Duplicate_keys_lone_surrogates_and_bad_text_are_clear_errors(string json, string expected)
    {
        var file = Write(json);
        var (code, stdout, stderr) = await Run("jsonpath", "$..*", file);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"{file}:{expected}", stderr);
        Support.Cli.AssertNoStackTrace(stderr);
    }

    [Fact]
    public async Task A_valid_surrogate_pair_is_read_and_printed_back()
    {
        var (code, stdout, _) = await Run("jsonpath", "$.a", Write("{\"a\": \"\\ud83d\\ude00\"}"));
        Assert.Equal(0, code);
        Assert.Equal("\U0001F600", (string?)System.Text.Json.Nodes.JsonNode.Parse(stdout)![0]);
    }

    [Theory]
    [InlineData("$..*..*")]
    [InlineData("$..[?count($..*) > 1]")]
    public async Task Quadratic_queries_on_a_large_document_stop_with_a_clear_error(string query)
    {
        var file = Path.Combine(dir, "big.json");
        await File.WriteAllTextAsync(file, BudgetTests.BigList().ToJsonString());
        var (code, stdout, stderr) = await Run("jsonpath", query, file);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("mqtt-kube jsonpath: error: the query needs more than 1,000,000 steps", stderr);
    }

    [Fact]
    public async Task A_document_nested_5000_levels_deep_is_read_and_printed()
    {
        var json = new StringBuilder().Append('[', 5000).Append('1').Append(']', 5000).ToString();
        var (code, stdout, stderr) = await Run("jsonpath", "$", Write(json));
        Assert.True(code == 0, stderr);
        Assert.Equal("[" + json + "]", stdout.Trim());
    }

    [Fact]
    public async Task A_document_nested_deeper_than_the_API_server_allows_is_refused()
    {
        var json = new StringBuilder().Append('[', 10_001).Append(']', 10_001).ToString();
        var (code, _, stderr) = await Run("jsonpath", "$", Write(json));
        Assert.Equal(2, code);
        Assert.Contains("invalid JSON document: ", stderr);
        Assert.Contains("10000", stderr);
    }

    [Fact]
    public async Task A_device_is_refused_before_it_is_read()
    {
        var (code, _, stderr) = await Run("jsonpath", "$", "/dev/zero");
        Assert.Equal(2, code);
        Assert.Contains("mqtt-kube jsonpath: error: /dev/zero: is a character device, not a regular file", stderr);
    }

    [Fact]
    public async Task Endless_standard_input_stops_at_the_limit()
    {
        var command = new JsonPathCommand(() => new EndlessReader());
        var stderr = new StringWriter();
        var code = await command.RunAsync(["$"], new StringWriter(), stderr);
        Assert.Equal(2, code);
        Assert.Contains("<stdin>: the input is larger than 16 MB", stderr.ToString());
    }

    private string Write(string json)
    {
        var path = Path.Combine(dir, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args) => await Support.Cli.RunAsync(args);

    /// <summary>Standard input that never ends (<c>mqtt-kube jsonpath $ &lt; /dev/zero</c>).</summary>
    private sealed class EndlessReader : TextReader
    {
        public override int Read(char[] buffer, int index, int count)
        {
            Array.Fill(buffer, '[', index, count);
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            buffer.Span.Fill('[');
            return ValueTask.FromResult(buffer.Length);
        }
    }
}
