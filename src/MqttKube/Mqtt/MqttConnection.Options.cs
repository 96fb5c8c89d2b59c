using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
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
    MqttClientOptions BuildClientOptions()
    {
        var auth = _options.Auth;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.EffectivePort)
            .WithClientId(ClientId)
            .WithProtocolVersion(_options.Protocol == MqttProtocol.V5 ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(_options.OperationTimeout)
            .WithWillTopic(StatusTopic)
            .WithWillPayload(OfflinePayload)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);

        if (auth.Kind == MqttAuthKind.Basic)
        {
            builder.WithCredentials(auth.Username ?? string.Empty, MqttPassword.Read(auth));
        }

        if (_options.UsesTls)
        {
            builder.WithTlsOptions(BuildTlsOptions());
        }

        return builder.Build();
    }

    MqttClientTlsOptions BuildTlsOptions()
    {
        var auth = _options.Auth;
        var insecure = _options.Tls?.Insecure ?? false;
        var caFile = _options.Tls?.CaFile ?? (auth.Kind == MqttAuthKind.Mtls ? auth.CaFile : null);
        var roots = caFile is null || insecure ? null : MqttTls.LoadCaFile(caFile);

        var tls = new MqttClientTlsOptionsBuilder()
            .UseTls()
            .WithTargetHost(_options.Host)
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
                    LogCertificateRejected(_options.Host, problem);
                }

                return problem is null;
            });

        if (auth.Kind == MqttAuthKind.Mtls)
        {
            if (auth.CertFile is null || auth.KeyFile is null)
            {
                throw new InvalidOperationException("mtls auth needs certfile and keyfile");
            }

            var certificate = MqttTls.LoadClientCertificate(auth.CertFile, auth.KeyFile, auth.KeyFilePassword);
            tls.WithClientCertificates(new X509Certificate2Collection(certificate));
        }

        if (auth.Protocols.Count > 0)
        {
            tls.WithApplicationProtocols([.. auth.Protocols.Select(p => new SslApplicationProtocol(p))]);
        }

        return tls.Build();
    }
}
