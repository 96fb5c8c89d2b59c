using System.Runtime.CompilerServices;

namespace MqttKube.Generators.Tests.Support;

/// <summary>
/// Compares text with <c>NAME.verified.txt</c> beside the calling test file. On a mismatch it writes
/// <c>NAME.received.txt</c> and fails; with <c>MQTTKUBE_ACCEPT=1</c> it overwrites the verified file instead.
/// </summary>
internal static class Snapshot
{
    public static void Match(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.GetDirectoryName(callerFile)!;
        var verified = Path.Combine(directory, name + ".verified.txt");
        var received = Path.Combine(directory, name + ".received.txt");
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("MQTTKUBE_ACCEPT") == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? "No snapshot " + verified + "; wrote " + received + " (set MQTTKUBE_ACCEPT=1 to accept)."
            : "Snapshot mismatch: compare " + received + " with " + verified + " (set MQTTKUBE_ACCEPT=1 to accept).");
    }
}
