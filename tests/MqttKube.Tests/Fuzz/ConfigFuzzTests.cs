using System.Text.RegularExpressions;
using MqttKube.Cli;
using Xunit.Abstractions;

namespace MqttKube.Tests.Fuzz;

/// <summary>
/// The YAML config loader under mutated configs and templates, through <c>check</c> in process (issue 9, section 6):
/// it exits 0 or 2, never with an exception or a stack trace; every problem is one <c>FILE:LINE:COL: error:</c>
/// line (the config or a template it names); and a file that is not a config is never quoted.
/// </summary>
public sealed partial class ConfigFuzzTests(ITestOutputHelper output)
{
    /// <summary>What one <c>check</c> may allocate: a config file may hold 16 MB.</summary>
    private const long CheckBytes = 512L * 1024 * 1024;

    [Fact]
    public void Check_reports_a_mutated_config_at_its_lines_and_never_fails_otherwise() =>
        Fuzz.Check(output, "config check", ConfigGen.Mutated, 400, c =>
        {
            var path = Path.Combine(c.Dir, "fuzz.yaml");
            File.WriteAllText(path, c.Config);
            if (c.TemplateName is not null)
            {
                File.WriteAllText(Path.Combine(c.Dir, c.TemplateName), c.Template);
            }

            var (exit, stdout, stderr) = Check(path);
            Fuzz.Outcome(exit == 0 ? "valid" : "invalid");
            if (exit == 2 && NotAConfig(stderr))
            {
                Fuzz.Outcome("not a config");
            }
        }, c => c.ToString());

    [Fact]
    public void Check_never_quotes_a_file_that_is_not_a_config() =>
        Fuzz.Check(output, "config check on other files", ConfigGen.NotConfig, 300, text =>
        {
            var path = Path.Combine(Path.GetTempPath(), $"mqtt-kube-fuzz-{Environment.ProcessId}-other.yaml");
            File.WriteAllText(path, text);
            try
            {
                var (_, stdout, stderr) = Check(path);
                if (NotAConfig(stderr))
                {
                    Fuzz.Outcome("not a config");
                    Assert.DoesNotContain(ConfigGen.Marker, stdout + stderr, StringComparison.Ordinal);
                }
                else
                {
                    Fuzz.Outcome("taken for a config");
                }
            }
            finally
            {
                File.Delete(path);
            }
        }, text => ValueMapGen.Quote(text));

    private static bool NotAConfig(string stderr) => stderr.Contains("does not look like an mqtt-kube config", StringComparison.Ordinal);

    /// <summary>Runs <c>check PATH</c>: exit 0 or 2, no stack trace, each problem on a FILE:LINE:COL line.</summary>
    private static (int Exit, string Out, string Err) Check(string path)
    {
        var (exit, stdout, stderr) = Fuzz.Bounded(
            () =>
            {
                var (o, e) = (new StringWriter(), new StringWriter());
                var code = CommandLine.RunAsync(["check", path], o, e).GetAwaiter().GetResult();
                return (code, o.ToString(), e.ToString());
            },
            CheckBytes);
        Assert.True(exit is 0 or 2, $"exit {exit}: {stderr}");
        Support.Cli.AssertNoStackTrace(stdout + stderr);
        if (exit == 2)
        {
            var lines = stderr.TrimEnd('\n').Split('\n');
            Assert.Matches(Summary(), lines[^1]);
            var dir = Path.GetDirectoryName(path)! + "/";
            Assert.All(lines[..^1], line => Assert.True(line.StartsWith(dir, StringComparison.Ordinal) && Diagnostic().IsMatch(line[dir.Length..]), $"not a FILE:LINE:COL: error: line: {line}"));
        }

        return (exit, stdout, stderr);
    }

    [GeneratedRegex(@"^[^:]+:[1-9][0-9]*:[1-9][0-9]*: error: \S")]
    private static partial Regex Diagnostic();

    [GeneratedRegex(@"^[0-9]+ errors?( \([0-9]+ not shown\))?$")]
    private static partial Regex Summary();
}
