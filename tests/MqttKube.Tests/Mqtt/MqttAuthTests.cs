using System.Text;
using MqttKube.Bindings.Ports;
using MqttKube.Configuration;
using MqttKube.Mqtt;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.Mqtt;

/// <summary>Every way of authenticating to a real Mosquitto, and the ways it must fail.</summary>
public sealed class MqttAuthTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    private const int ConnectRefused = 3004;
    private const int ConnectFailed = 3003;
    private const int CertificateRejected = 3008;

    [Theory]
    [InlineData(MqttProtocol.V311)]
    [InlineData(MqttProtocol.V5)]
    internal async Task AnonymousConnectsAndExchangesMessagesWithEachProtocol(MqttProtocol protocol)
    {
        var config = Harness.Config(broker.AnonymousPort) with { Protocol = protocol };
        var received = new Recorder();
        var logger = new CapturingLogger<MqttConnection>();
        await using var connection = await Harness.StartAsync(config, logger);
        await connection.Subscribe("cmd", received).Acknowledged;
        await using var observer = await MqttTestClient.ConnectAsync(broker.AnonymousPort, v5: protocol == MqttProtocol.V5);
        await observer.SubscribeAsync(config.TopicPrefix + "/#");

        await observer.PublishAsync(config.TopicPrefix + "/cmd", "ON");
        Assert.Equal(PublishResult.Sent, await connection.PublishAsync("state", "OFF"u8.ToArray(), 1, false, CancellationToken.None));

        await observer.WaitForAsync(config.TopicPrefix + "/state", "OFF");
        await received.WaitForAsync("ON");
        Assert.Equal(("cmd", "ON"), (received.Messages[0].Topic, Encoding.UTF8.GetString(received.Messages[0].Payload.Span)));
        Assert.Contains(broker.Log.Split('\n'), l => l.Contains(connection.ClientId, StringComparison.Ordinal) && l.Contains(protocol == MqttProtocol.V5 ? "(p5," : "(p2,", StringComparison.Ordinal));
    }

    [Fact]
    public Task BasicAuthWithPassword()
        => AssertConnectsAsync(Harness.Config(broker.PasswordPort) with
        {
            Auth = new AuthConfig { Type = AuthType.Basic, Username = MosquittoBroker.Username, Password = MosquittoBroker.Password },
        });

    [Fact]
    public Task BasicAuthWithPasswordFileEndingInNewline()
        => AssertConnectsAsync(Harness.Parse(broker.PasswordPort, $"auth: {{type: basic, username: {MosquittoBroker.Username}, password-file: {broker.PasswordFile}}}"));

    [Fact]
    public Task EnvironmentPasswordOverridesAWrongConfiguredOne()
        => AssertConnectsAsync(Harness.Parse(
            broker.PasswordPort,
            $"auth: {{type: basic, username: {MosquittoBroker.Username}, password: wrong}}",
            name => name == ConfigLoader.PasswordVariable ? MosquittoBroker.Password : null));

    [Fact]
    public async Task WrongPasswordIsRetriedAndLoggedWithoutEverConnecting()
    {
        var config = Harness.Config(broker.PasswordPort) with
        {
            Auth = new AuthConfig { Type = AuthType.Basic, Username = MosquittoBroker.Username, Password = "wrong" },
        };
        var logger = new CapturingLogger<MqttConnection>();
        await using var connection = await Harness.StartAsync(config, logger, waitConnected: false);

        await Eventually.WaitAsync(() => logger.Count(ConnectRefused) >= 6, () => $"six refused attempts; log:\n{logger}");
        Assert.False(connection.IsConnected);
        Assert.Equal(0, connection.ConnectionCount);

        // Back-off doubles from the minimum (100 ms here) up to the maximum (800 ms here), each step ±20 %.
        var delays = logger.Entries.Where(e => e.EventId == 3007).Take(5)
            .Select(e => double.Parse(e.Message["Reconnecting in ".Length..^" s".Length], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(5, delays.Length);
        Assert.All(delays.Zip([0.1, 0.2, 0.4, 0.8, 0.8]), d => Assert.InRange(d.First, (d.Second * 0.8) - 0.005, (d.Second * 1.2) + 0.005));
        Assert.All(logger.Entries.Where(e => e.EventId == ConnectRefused), e => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, e.Level));
    }

    [Fact]
    public Task TlsWithTheBrokersCa()
        => AssertConnectsAsync(Harness.Parse(broker.TlsPort, $"tls: {{cafile: {broker.Certificates.CaFile}}}"));

    [Fact]
    public Task TlsByHostName()
        => AssertConnectsAsync(Harness.Parse(broker.TlsPort, $"tls: {{cafile: {broker.Certificates.CaFile}}}") with { Host = "localhost" });

    [Fact]
    public async Task TlsWithAnotherCaIsRefused()
    {
        var config = Harness.Parse(broker.TlsPort, $"tls: {{cafile: {broker.Certificates.OtherCaFile}}}");
        var logger = new CapturingLogger<MqttConnection>();
        await using var connection = await Harness.StartAsync(config, logger, waitConnected: false);

        await Eventually.WaitAsync(() => logger.Count(ConnectFailed) >= 2 && logger.Count(CertificateRejected) >= 2, "two rejected attempts");
        Assert.False(connection.IsConnected);
        Assert.Contains(logger.Entries, e => e.EventId == CertificateRejected && e.Message.Contains("not signed by the configured CA", StringComparison.Ordinal));
    }

    [Fact]
    public Task InsecureTlsAcceptsAnUntrustedBroker()
        => AssertConnectsAsync(Harness.Parse(broker.TlsPort, $"tls: {{cafile: {broker.Certificates.OtherCaFile}, insecure: true}}"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MutualTlsWithPlainOrEncryptedKey(bool encrypted)
    {
        var certificates = broker.Certificates;
        var key = encrypted ? $"{certificates.ClientEncryptedKeyFile}, keyfile_password: {TestCertificates.KeyPassword}, protocols: [mqtt]" : certificates.ClientKeyFile;
        var config = Harness.Parse(broker.MtlsPort, $"auth: {{type: mtls, cafile: {certificates.CaFile}, certfile: {certificates.ClientCertFile}, keyfile: {key}}}");

        var clientId = await AssertConnectsAsync(config);

        // use_identity_as_username: the broker took the certificate's CN as the username.
        Assert.Contains(broker.Log.Split('\n'), l => l.Contains(clientId, StringComparison.Ordinal) && l.Contains($"u'{TestCertificates.ClientCommonName}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MutualTlsListenerRefusesAClientWithoutCertificate()
    {
        var config = Harness.Parse(broker.MtlsPort, $"tls: {{cafile: {broker.Certificates.CaFile}}}");
        var logger = new CapturingLogger<MqttConnection>();
        await using var connection = await Harness.StartAsync(config, logger, waitConnected: false);

        await Eventually.WaitAsync(() => logger.Count(ConnectFailed) + logger.Count(ConnectRefused) >= 2, "two failed attempts");
        Assert.False(connection.IsConnected);
    }

    /// <summary>Connects, and proves it with the retained <c>online</c> seen by an independent client.</summary>
    private async Task<string> AssertConnectsAsync(MqttConfig config)
    {
        var logger = new CapturingLogger<MqttConnection>();
        await using var connection = await Harness.StartAsync(config, logger);
        await using var observer = await MqttTestClient.ConnectAsync(broker.AnonymousPort);
        await observer.SubscribeAsync(connection.StatusTopic);

        var online = await observer.WaitForAsync(connection.StatusTopic, "online");
        Assert.True(online.Retain);
        Assert.True(connection.IsConnected);
        return connection.ClientId;
    }
}
