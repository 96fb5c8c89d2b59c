using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MqttKube.Configuration;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MqttKube.Mqtt;

internal sealed partial class MqttConnection
{
    /// <summary>
    /// MQTTnet options for one connection attempt. Files (password, CA, client certificate) are read on every attempt,
    /// so rotated secrets are picked up. Clean session (3.1.1) / clean start with session expiry 0 (5): the broker
    /// keeps nothing for us while we are away; subscriptions are re-made on every connect and retained messages on
    /// subscribed topics are delivered again.
    /// </summary>
    private MqttClientOptions BuildClientOptions()
    {
        var auth = config.Auth;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(config.Host, config.EffectivePort)
            .WithClientId(ClientId)
            .WithProtocolVersion(config.Protocol == MqttProtocol.V5 ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(config.Keepalive))
            .WithTimeout(tuning.OperationTimeout)
            .WithWillTopic(StatusTopic)
            .WithWillPayload(OfflinePayload)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);

        if (auth.Type == AuthType.Basic)
        {
            builder.WithCredentials(auth.Username ?? string.Empty, MqttPassword.Read(auth));
        }

        if (config.UsesTls)
        {
            builder.WithTlsOptions(BuildTlsOptions());
        }

        return builder.Build();
    }

    private MqttClientTlsOptions BuildTlsOptions()
    {
        var auth = config.Auth;
        var insecure = config.Tls?.Insecure ?? false;
        var caFile = config.Tls?.Cafile?.Path ?? (auth.Type == AuthType.Mtls ? auth.Cafile?.Path : null);
        var roots = caFile is null || insecure ? null : MqttTls.LoadCaFile(caFile);

        var tls = new MqttClientTlsOptionsBuilder()
            .UseTls()
            .WithTargetHost(config.Host)
            .WithRevocationMode(X509RevocationMode.NoCheck)
            .WithCertificateValidationHandler(e =>
            {
                if (insecure)
                {
                    return true;
                }

                var problem = MqttTls.Verify(e.Certificate, e.Chain, e.SslPolicyErrors, roots);
                if (problem is not null)
                {
                    LogCertificateRejected(config.Host, problem);
                }

                return problem is null;
            });

        if (auth.Type == AuthType.Mtls)
        {
            if (auth.Certfile is null || auth.Keyfile is null)
            {
                throw new InvalidOperationException("mtls auth needs certfile and keyfile");
            }

            var certificate = MqttTls.LoadClientCertificate(auth.Certfile.Path, auth.Keyfile.Path, auth.KeyfilePassword);
            tls.WithClientCertificates(new X509Certificate2Collection(certificate));
        }

        if (auth.Protocols.Length > 0)
        {
            tls.WithApplicationProtocols([.. auth.Protocols.Select(p => new SslApplicationProtocol(p))]);
        }

        return tls.Build();
    }
}
