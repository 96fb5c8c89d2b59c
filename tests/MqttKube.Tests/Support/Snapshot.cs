using System.Runtime.CompilerServices;

namespace MqttKube.Tests.Support;

/// <summary>
/// A small Verify-style snapshot check: compares text with <c>NAME.verified.txt</c>; on a mismatch writes
/// <c>NAME.received.txt</c> beside it and fails. <c>MQTTKUBE_ACCEPT=1</c> accepts the received text.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "MQTTKUBE_ACCEPT";

    /// <summary>Checks <paramref name="actual"/> against <paramref name="verifiedPath"/> (a path ending in <c>.verified.txt</c>).</summary>
    public static void Verify(string actual, string verifiedPath)
    {
        actual = actual.Replace("\r\n", "\n");
        var receivedPath = verifiedPath.Replace(".verified.txt", ".received.txt", StringComparison.Ordinal);
        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(expected is null
            ? $"no snapshot yet: {verifiedPath}\nreceived:\n{actual}\n(accept with {AcceptVariable}=1)"
            : $"snapshot differs: {verifiedPath}\nsee {receivedPath}; accept with {AcceptVariable}=1\n" + FirstDifference(expected, actual));
    }

    /// <summary>Checks against <c>NAME.verified.txt</c> beside the calling test's source file.</summary>
    public static void VerifyBeside(string actual, string name, [CallerFilePath] string sourceFile = "") =>
        Verify(actual, Path.Combine(Path.GetDirectoryName(sourceFile)!, name + ".verified.txt"));

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right)
            {
                return $"line {i + 1}:\n  expected: {left}\n  received: {right}";
            }
        }

        return string.Empty;
    }
}
