using MqttKube.Cli;
using MqttKube.Tests.Support;

namespace MqttKube.Tests.EndToEnd;

/// <summary>
/// Every Scriban builtin family the README documents, rendered by <c>dry-run</c> through the published NativeAOT
/// executable and in process (JIT), against one snapshot: NativeAOT trims what Scriban reaches by reflection (some
/// builtins, members of dates, time spans and key/value pairs), which no JIT test can see. <c>make test</c>
/// publishes the executable first.
/// </summary>
public sealed class ScribanAotTests
{
    private static readonly string Folder = RepoPaths.TestSource(Path.Combine("EndToEnd", "Scriban"));

    private static string[] Arguments => ["dry-run", Path.Combine(Folder, "config.yaml"), "aot/scriban/run", File.ReadAllText(Path.Combine(Folder, "payload.json")).Trim()];

    [Fact]
    public async Task Every_builtin_family_renders_in_process()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(Arguments, stdout, stderr);

        Assert.Equal((0, string.Empty), (exit, stderr.ToString()));
        Snapshot.Verify(Relative(stdout.ToString()), Path.Combine(Folder, "builtins.verified.txt"));
    }

    [Fact]
    public async Task Every_builtin_family_renders_through_the_published_executable()
    {
        var executable = AotExecutableTests.Executable;
        Assert.True(File.Exists(executable), $"no executable at {executable}: run 'make publish' first (make test does)");

        await using var process = ChildProcess.Start(executable, Arguments);
        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(30)), "dry-run ends");

        Assert.Equal(0, process.ExitCode);
        Snapshot.Verify(Relative(process.Output), Path.Combine(Folder, "builtins.verified.txt"));
    }

    /// <summary>The output without the checkout's path, so that the snapshot holds in any checkout.</summary>
    private static string Relative(string output) => output.Replace(Folder, "SCRIBAN", StringComparison.Ordinal);
}
