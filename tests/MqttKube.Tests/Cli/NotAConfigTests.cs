namespace MqttKube.Tests.Cli;

/// <summary>
/// <c>check</c> of a file that is not a config (a key, a password file, a .env file named by mistake): one clear
/// error with a position that quotes nothing of the file.
/// </summary>
public sealed class NotAConfigTests : IDisposable
{
    private const string Secret = "S3CRET-MARKER";

    private readonly string dir = Directory.CreateTempSubdirectory("mqtt-kube-notconfig-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    public static TheoryData<string, string> Files() => new()
    {
        { "id_ed25519", $"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA{Secret}BG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n" },
        { "shadow", $"root:$6${Secret}$abcdefgh:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\nbob:{Secret}:19000:0:99999:7:::\n" },
        { "secrets.env", $"DB_PASSWORD={Secret}\nAPI_KEY={Secret}-2\n" },
        { "secrets.json", $"{{\"password\": \"{Secret}\", \"token\": [\"{Secret}\"], \"nested\": {{\"x\": 1}}}}" },
        { "secrets.yaml", $"password: {Secret}\ntoken: !vault {Secret}\nlist: [*{Secret}]\n" },
        { "broken.yaml", $"user: \"{Secret}\n  - [{Secret}: {{\n" },
        { "tabs.txt", $"\t{Secret}\n\tkey: {Secret}\n" },
        { "list.yaml", $"- {Secret}\n- {Secret}\n" },
        { "number", "123456789" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_file_that_is_not_a_config_is_one_error_that_quotes_nothing(string name, string content)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);

        var (exit, stdout, stderr) = await Support.Cli.RunAsync("check", path);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.DoesNotContain(Secret, stderr);
        var lines = stderr.Replace("\r", string.Empty).TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(path)}:\d+:\d+: error: does not look like an mqtt-kube config: ", lines[0]);
        Assert.Equal("1 error", lines[1]);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Eval_of_such_a_file_quotes_nothing_either(string name, string content)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);

        var (exit, _, stderr) = await Support.Cli.RunAsync("eval", "--values", path, "x");

        if (exit != 0)
        {
            Assert.Equal(2, exit);
            Assert.DoesNotContain(Secret, stderr);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_template_that_is_not_a_Kubernetes_object_is_one_error_that_quotes_nothing(string name, string content)
    {
        var template = Path.Combine(dir, name);
        File.WriteAllText(template, content);
        var config = Path.Combine(dir, "config.yaml");
        File.WriteAllText(config, $"bindings:\n  - {{namespace: m, resource: Job, name: j, action: {{topic: t, launch: {template}}}}}\n");

        var (exit, _, stderr) = await Support.Cli.RunAsync("check", config);

        Assert.Equal(2, exit);
        Assert.DoesNotContain(Secret, stderr);
        Assert.Contains($"{template}:", stderr);
    }

    [Theory]
    [InlineData("mqt:\n  host: a\n", "unknown key 'mqt' at the top level; did you mean 'mqtt'?")]
    [InlineData("bindings:\n  - [unclosed\n", "invalid YAML")]
    [InlineData("mqtt:\n\thost: a\n", "invalid YAML")]
    public async Task A_config_with_mistakes_still_gets_its_own_messages(string text, string message)
    {
        var path = Path.Combine(dir, "config.yaml");
        File.WriteAllText(path, text);
        var (exit, _, stderr) = await Support.Cli.RunAsync("check", path);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
        Assert.DoesNotContain("does not look like", stderr);
    }
}
