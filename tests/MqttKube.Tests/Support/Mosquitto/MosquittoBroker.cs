using System.Diagnostics;
using System.Text;

namespace MqttKube.Tests.Support.Mosquitto;

/// <summary>
/// A real Mosquitto broker for one test class, on free loopback ports: anonymous, password, TLS and mTLS listeners.
/// Persistence is off, so a restart forgets retained messages and sessions.
/// </summary>
public sealed partial class MosquittoBroker : IAsyncLifetime
{
    public const string Host = "127.0.0.1";
    public const string Username = "kube";
    public const string Password = "s3cret-pass";

    private readonly StringBuilder log = new();
    private Process? process;
    private string executable = string.Empty;

    /// <summary>Anonymous, plain TCP.</summary>
    public int AnonymousPort { get; private set; }

    /// <summary>Username/password (<see cref="Username"/>/<see cref="Password"/>), plain TCP.</summary>
    public int PasswordPort { get; private set; }

    /// <summary>Anonymous over TLS (server certificate signed by <see cref="TestCertificates.CaFile"/>).</summary>
    public int TlsPort { get; private set; }

    /// <summary>TLS requiring a client certificate signed by the test CA; its CN is the username.</summary>
    public int MtlsPort { get; private set; }

    public string Directory { get; private set; } = string.Empty;

    public TestCertificates Certificates { get; private set; } = null!;

    /// <summary>A file holding <see cref="Password"/> followed by a newline (as <c>echo</c> writes it).</summary>
    public string PasswordFile { get; private set; } = string.Empty;

    public bool IsRunning => process is { HasExited: false };

    /// <summary>The broker's log file (every run since the fixture started) and its console output.</summary>
    public string Log
    {
        get
        {
            string console;
            lock (log)
            {
                console = log.ToString();
            }

            using var stream = new FileStream(LogFile, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd() + console;
        }
    }

    private string LogFile => Path.Combine(Directory, "mosquitto.log");

    public static string FindExecutable(string name, string usual)
    {
        if (File.Exists(usual))
        {
            return usual;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
        {
            var candidate = Path.Combine(dir, name);
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"'{name}' (Debian package 'mosquitto') is not installed: the MQTT tests need a real broker. Run tests/setup.sh.");
    }

    public async Task InitializeAsync()
    {
        var mosquitto = FindExecutable("mosquitto", "/usr/sbin/mosquitto");
        var passwd = FindExecutable("mosquitto_passwd", "/usr/bin/mosquitto_passwd");
        Directory = System.IO.Directory.CreateTempSubdirectory("mqtt-kube-mosquitto-").FullName;
        Certificates = TestCertificates.Create(Directory);
        PasswordFile = Path.Combine(Directory, "password.txt");
        await File.WriteAllTextAsync(PasswordFile, Password + "\n");

        var brokerPasswords = Path.Combine(Directory, "passwd");
        await RunAsync(passwd, ["-b", "-c", brokerPasswords, Username, Password]);

        var ports = FreePorts(4);
        (AnonymousPort, PasswordPort, TlsPort, MtlsPort) = (ports[0], ports[1], ports[2], ports[3]);
        await File.WriteAllTextAsync(ConfigFile, $"""
            per_listener_settings true
            persistence false
            user root
            log_dest file {LogFile}
            log_type all
            connection_messages true

            listener {AnonymousPort} {Host}
            allow_anonymous true

            listener {PasswordPort} {Host}
            allow_anonymous false
            password_file {brokerPasswords}

            listener {TlsPort} {Host}
            allow_anonymous true
            cafile {Certificates.CaFile}
            certfile {Certificates.ServerCertFile}
            keyfile {Certificates.ServerKeyFile}

            listener {MtlsPort} {Host}
            allow_anonymous true
            cafile {Certificates.CaFile}
            certfile {Certificates.ServerCertFile}
            keyfile {Certificates.ServerKeyFile}
            require_certificate true
            use_identity_as_username true

            """);
        executable = mosquitto;
        await StartAsync();
    }

    private string ConfigFile => Path.Combine(Directory, "mosquitto.conf");

    /// <summary>Starts the broker (again) on the same ports and waits until every listener accepts connections.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(ConfigFile);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        this.process = process;

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        foreach (var port in new[] { AnonymousPort, PasswordPort, TlsPort, MtlsPort })
        {
            while (!await AcceptsAsync(port))
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"mosquitto did not start listening on {port}:\n{Log}");
                }

                await Task.Delay(25);
            }
        }
    }

    /// <summary>Kills the broker (no clean shutdown) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        var process = this.process;
        this.process = null;
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
