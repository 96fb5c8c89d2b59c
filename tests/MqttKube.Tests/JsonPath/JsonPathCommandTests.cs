using MqttKube.Cli;

namespace MqttKube.Tests.JsonPath;

/// <summary><c>mqtt-kube jsonpath</c> through the command line dispatcher.</summary>
public sealed class JsonPathCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("mqtt-kube-jsonpath-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(dir, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("$.items[*].name", """["a","b"]""")]
    [InlineData("items[?@.n>1].name", """["b"]""")]
    [InlineData("{.items[0]}", """[{"name":"a","n":1}]""")]
    [InlineData("$..n", "[1,2]")]
    [InlineData("$.missing", "[]")]
    [InlineData("$.nothing", "[null]")]
    [InlineData("$.text", """["ünïcödé 'quoted' <b>"]""")]
    public async Task Prints_the_selected_values_as_one_JSON_line(string query, string expected)
    {
        var file = Write("""{"items":[{"name":"a","n":1},{"name":"b","n":2}],"nothing":null,"text":"ünïcödé 'quoted' <b>"}""");
        var (code, stdout, stderr) = await Run("jsonpath", query, file);
        Assert.Equal(0, code);
        Assert.Equal(expected + Environment.NewLine, stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task Reads_standard_input_without_a_file()
    {
        var command = new JsonPathCommand(() => new StringReader("""{"status":{"replicas":3}}"""));
        var stdout = new StringWriter();
        Assert.Equal(0, await command.RunAsync(["status.replicas"], stdout, new StringWriter()));
        Assert.Equal("[3]", stdout.ToString().Trim());
    }

    [Fact]
    public async Task Strict_accepts_RFC_9535_only()
    {
        var file = Write("""{"a":1}""");
        Assert.Equal((0, "[1]"), await Outcome(Run("jsonpath", "--strict", "$.a", file)));
        var (code, _, stderr) = await Run("jsonpath", "--strict", "a", file);
        Assert.Equal(2, code);
        Assert.Contains("invalid query at column 1", stderr);
    }

    [Fact]
    public async Task An_invalid_query_shows_where()
    {
        var (code, stdout, stderr) = await Run("jsonpath", "$.a[01]", Write("{}"));
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var lines = stderr.Split(Environment.NewLine);
        Assert.StartsWith("mqtt-kube jsonpath: error: invalid query at column 5: ", lines[0]);
        Assert.Equal("  $.a[01]", lines[1]);
        Assert.Equal("      ^", lines[2]);
    }

    [Fact]
    public async Task An_invalid_document_shows_line_and_column()
    {
        var file = Write("{\n  \"a\": [1,,2]\n}");
        var (code, _, stderr) = await Run("jsonpath", "$", file);
        Assert.Equal(2, code);
        Assert.StartsWith($"mqtt-kube jsonpath: error: {file}:2:11: invalid JSON document", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task A_missing_file_is_reported()
    {
        var (code, _, stderr) = await Run("jsonpath", "$", Path.Combine(dir, "nope.json"));
        Assert.Equal(2, code);
        Assert.Contains("no such file", stderr);
        Assert.Contains("nope.json", stderr);
    }

    [Fact]
    public async Task Double_dash_ends_options()
    {
        var (code, _, stderr) = await Run("jsonpath", "-x", "$");
        Assert.Equal(2, code);
        Assert.Contains("unknown option '-x'", stderr);

        // After --, "-x" is the query (and an invalid one), not an option.
        (code, _, stderr) = await Run("jsonpath", "--", "-x", Write("{}"));
        Assert.Equal(2, code);
        Assert.Contains("invalid query at column 1", stderr);
    }

    [Theory]
    [InlineData]
    [InlineData("$", "a", "b")]
    public async Task Wrong_argument_count_is_refused(params string[] rest)
    {
        var (code, _, stderr) = await Run(["jsonpath", .. rest]);
        Assert.Equal(2, code);
        Assert.Contains("expected QUERY [FILE]", stderr);
    }

    [Fact]
    public async Task Help_is_on_stdout()
    {
        var (code, stdout, _) = await Run("jsonpath", "--help");
        Assert.Equal(0, code);
        Assert.Contains("Usage: mqtt-kube jsonpath [--strict] [--] QUERY [FILE]", stdout);
    }

    private static async Task<(int, string)> Outcome(Task<(int Code, string Out, string Err)> run)
    {
        var (code, stdout, _) = await run;
        return (code, stdout.Trim());
    }
}
