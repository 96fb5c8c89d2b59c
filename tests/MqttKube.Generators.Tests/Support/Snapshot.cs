using System.Runtime.CompilerServices;

namespace MqttKube.Generators.Tests.Support;

/// <summary>
/// Verify-style snapshots: compares with <c>NAME.verified.txt</c> beside the calling test file, writes
/// <c>NAME.received.txt</c> on a mismatch; <c>MQTTKUBE_ACCEPT=1</c> accepts.
/// </summary>
internal static class Snapshot
{
    public static void VerifyBeside(string actual, string name, [CallerFilePath] string sourceFile = "")
    {
        actual = actual.Replace("\r\n", "\n");
        var dir = Path.GetDirectoryName(sourceFile)!;
        var verified = Path.Combine(dir, name + ".verified.txt");
        var received = Path.Combine(dir, name + ".received.txt");
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable("MQTTKUBE_ACCEPT") == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail($"snapshot {verified} differs; see {received} (accept with MQTTKUBE_ACCEPT=1)");
    }
}
