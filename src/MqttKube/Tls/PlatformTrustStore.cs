using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;

namespace MqttKube.Tls;

/// <summary>
/// The platform's trusted CAs. On Linux .NET reads OpenSSL's default CA file and folder in full (on Debian about 300
/// certificates: the folder repeats the file) before the first certificate check of the process, whatever that check
/// trusts: 50 ms or more of start-up (more than everything else the service does before its first publish) and 2 MB of
/// memory. When no connection relies on them (the API server's CA comes from the kubeconfig or the pod, the broker's
/// from <c>mqtt.tls.cafile</c>, or there is no TLS), .NET is shown an empty list instead; otherwise they are read at
/// once, in the background, so the first TLS handshake finds them ready.
/// </summary>
internal static partial class PlatformTrustStore
{
    private static int prepared;

    /// <summary>Call once, before any TLS connection; <paramref name="needed"/>: some connection checks a certificate against the platform's CAs.</summary>
    public static void Prepare(bool needed)
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref prepared, 1) != 0)
        {
            return;
        }

        if (needed)
        {
            _ = Task.Run(Read);
            return;
        }

        // .NET takes the file and the folder from SSL_CERT_FILE and SSL_CERT_DIR (empty: none) on its first read and
        // keeps them for the life of the process; the variables are put back at once, so child processes (kubeconfig
        // exec plugins) still see the platform's CAs.
        var file = GetVariable("SSL_CERT_FILE");
        var dir = GetVariable("SSL_CERT_DIR");
        SetEnv("SSL_CERT_FILE", "", 1);
        SetEnv("SSL_CERT_DIR", "", 1);
        try
        {
            Read();
        }
        finally
        {
            Restore("SSL_CERT_FILE", file);
            Restore("SSL_CERT_DIR", dir);
        }
    }

    /// <summary>Reads the platform's CAs into .NET's cache, as its first certificate check would.</summary>
    private static void Read()
    {
        using var store = new X509Store(StoreName.Root, StoreLocation.LocalMachine);
        store.Open(OpenFlags.ReadOnly);
        foreach (var certificate in store.Certificates)
        {
            certificate.Dispose();
        }
    }

    private static string? GetVariable(string name) => Marshal.PtrToStringUTF8(GetEnv(name));

    private static void Restore(string name, string? value)
    {
        if (value is null)
        {
            UnsetEnv(name);
        }
        else
        {
            SetEnv(name, value, 1);
        }
    }

    // The process's own environment (Environment.SetEnvironmentVariable only changes .NET's copy, which OpenSSL never reads).
    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "unsetenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UnsetEnv(string name);
}
