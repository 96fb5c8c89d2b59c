using System.Diagnostics;

namespace MqttKube.Tests.Cli;

/// <summary>
/// Files that are not regular files, named as the config, a template, a password file or a TLS file: a clear error
/// that names the file and what it is, never a hang (opening a FIFO blocks until a writer comes) and never an endless
/// read (<c>/dev/zero</c>).
/// </summary>
public sealed class FileInputTests : IDisposable
{
    private const string Binding = """
        bindings:
          - namespace: media
            resource: Job
            name: j
            action: {topic: run, launch: LAUNCH}
        """;

    private readonly string dir = Directory.CreateTempSubdirectory("mqtt-kube-files-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("/dev/zero", "is a character device, not a regular file")]
    [InlineData("/dev/urandom", "is a character device, not a regular file")]
    [InlineData("/dev/null", "is a character device, not a regular file")]
    [InlineData("FIFO", "is a FIFO (named pipe), not a regular file")]
    [InlineData("DIR", "is a directory, not a regular file")]
    public async Task A_config_that_is_not_a_regular_file_is_refused(string path, string reason)
    {
        path = Special(path);
        var (exit, stdout, stderr) = await Support.Cli.RunAsync("check", path).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"{path}:1:1: error: {reason}", stderr);
    }

    [Theory]
    [InlineData("mqtt:\n  auth: {type: basic, username: u, password-file: PATH}\n", "2:51")]
    [InlineData("mqtt:\n  tls: {cafile: PATH}\n", "2:17")]
    [InlineData("mqtt:\n  auth: {type: mtls, cafile: PATH, certfile: PATH, keyfile: PATH}\n", "2:30")]
    public async Task Files_the_config_names_must_be_regular_files(string mqtt, string position)
    {
        foreach (var special in new[] { "/dev/zero", Special("FIFO"), dir })
        {
            var config = Write("config.yaml", mqtt.Replace("PATH", special, StringComparison.Ordinal) + "bindings: []\n");
            var (exit, _, stderr) = await Support.Cli.RunAsync("check", config).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(2, exit);
            Assert.Contains($"config.yaml:{position}: error: {special}: is a", stderr);
            Assert.Contains("not a regular file", stderr);
        }
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("FIFO")]
    public async Task A_template_that_is_not_a_regular_file_is_refused(string path)
    {
        path = Special(path);
        var config = Write("config.yaml", Binding.Replace("LAUNCH", path, StringComparison.Ordinal));
        var (exit, _, stderr) = await Support.Cli.RunAsync("check", config).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, exit);
        Assert.Contains($"config.yaml:5:34: error: {path}: is a", stderr);
    }

    [Fact]
    public async Task A_config_reached_through_a_chain_of_symlinks_is_read()
    {
        // How a mounted ConfigMap looks: config.yaml -> ..data/config.yaml, ..data -> ..2026_01_01/
        var data = Directory.CreateDirectory(Path.Combine(dir, "..2026_01_01")).FullName;
        File.WriteAllText(Path.Combine(data, "config.yaml"), "bindings: []\n");
        File.CreateSymbolicLink(Path.Combine(dir, "..data"), data);
        var link = Path.Combine(dir, "config.yaml");
        File.CreateSymbolicLink(link, Path.Combine(dir, "..data", "config.yaml"));

        var (exit, stdout, stderr) = await Support.Cli.RunAsync("check", link);

        Assert.True(exit == 0, stderr);
        Assert.Contains("OK: 0 bindings", stdout);
    }

    [Theory]
    [InlineData("/dev/zero", "cannot read /dev/zero: is a character device, not a regular file")]
    [InlineData("FIFO", "is a FIFO (named pipe), not a regular file")]
    public async Task Eval_refuses_a_values_file_that_is_not_a_regular_file(string path, string message)
    {
        path = Special(path);
        var (exit, _, stderr) = await Support.Cli.RunAsync("eval", "--values", path, "ON").WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
    }

    /// <summary>FIFO and DIR stand for a named pipe and a directory made for the test; other paths are taken as they are.</summary>
    private string Special(string path)
    {
        switch (path)
        {
            case "DIR":
                return Directory.CreateDirectory(Path.Combine(dir, "folder")).FullName;
            case "FIFO":
                var fifo = Path.Combine(dir, "pipe");
                if (!File.Exists(fifo))
                {
                    using var mkfifo = Process.Start("mkfifo", fifo);
                    mkfifo.WaitForExit();
                }

                return fifo;
            default:
                return path;
        }
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
